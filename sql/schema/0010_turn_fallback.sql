-- Which model answered a turn and, when the provider could not, why the fallback did.

ALTER TABLE turns ADD COLUMN fallback_reason text
    CONSTRAINT turns_fallback_reason_valid CHECK (fallback_reason IN (
        'timeout', 'rate_limit', 'server_error', 'connection', 'auth', 'other', 'circuit_open'
    ));

COMMENT ON COLUMN turns.model IS
    'Chat model that answered (offline or a model name); the fallback''s when fallback_reason is set.';
COMMENT ON COLUMN turns.fallback_reason IS
    'Why the fallback (offline) model answered instead of the configured provider: how the provider failed after its retries (timeout, rate_limit, server_error, connection, auth, other) or circuit_open; null when the configured model answered.';
