-- Exact counts of chat-model calls per turn, failed ones included, for the dashboards:
-- a short CLI session ends before Prometheus scrapes it, the turns table never misses it.

ALTER TABLE turns ADD COLUMN model_calls integer NOT NULL DEFAULT 0
    CONSTRAINT turns_model_calls_nonnegative CHECK (model_calls >= 0);
ALTER TABLE turns ADD COLUMN model_errors integer NOT NULL DEFAULT 0
    CONSTRAINT turns_model_errors_nonnegative CHECK (model_errors >= 0);
ALTER TABLE turns ADD CONSTRAINT turns_model_errors_at_most_calls
    CHECK (model_errors <= model_calls);

COMMENT ON COLUMN turns.model_calls IS
    'Chat-model calls made during the turn, answered or failed (a fallback''s included).';
COMMENT ON COLUMN turns.model_errors IS
    'Chat-model calls that failed: an error, a timeout or a rate limit (not a cancelled call).';
COMMENT ON COLUMN turns.model_ms IS
    'Time spent in chat-model calls in milliseconds, failed calls included.';
