-- The brokers' calls: one row per lead's call, and what of it the CalDAV calendar has.
--
-- `version` counts changes (booked, moved, cancelled, deleted); `pushed_version` is the
-- change the calendar last accepted. A row with version > pushed_version is pending:
-- it is pushed on the lead's next turn or by `homer-agent calls sync`, and only once.
-- When a lead is forgotten the row loses its lead (and with it every personal datum)
-- and waits, as state 'deleted', until the calendar has deleted the event.

CREATE TABLE call_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id        bigint UNIQUE REFERENCES leads (id) ON DELETE SET NULL,
    uid            text NOT NULL UNIQUE,
    starts_at      timestamptz NOT NULL,
    state          text NOT NULL DEFAULT 'booked'
        CONSTRAINT call_events_state_valid CHECK (state IN ('booked', 'cancelled', 'deleted')),
    version        integer NOT NULL DEFAULT 1,
    pushed_version integer NOT NULL DEFAULT 0,
    pushed_at      timestamptz,
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text,
    CONSTRAINT call_events_lead_unless_deleted CHECK (lead_id IS NOT NULL OR state = 'deleted')
        NOT VALID
);

CREATE INDEX call_events_pending ON call_events (id) WHERE version > pushed_version;
CREATE INDEX call_events_starts_at ON call_events (starts_at) WHERE state = 'booked';

COMMENT ON TABLE call_events IS 'A lead''s call with a broker, and its sync state with the CalDAV calendar.';
COMMENT ON COLUMN call_events.id IS 'Surrogate key.';
COMMENT ON COLUMN call_events.lead_id IS 'The lead called; null once the lead is forgotten.';
COMMENT ON COLUMN call_events.uid IS 'The VEVENT UID in the calendar: random, stable across reschedules.';
COMMENT ON COLUMN call_events.starts_at IS 'When the call starts (the lead''s call_at when booked).';
COMMENT ON COLUMN call_events.state IS 'booked, cancelled (hand-off or opt-out) or deleted (lead forgotten).';
COMMENT ON COLUMN call_events.version IS 'Number of changes made to the call.';
COMMENT ON COLUMN call_events.pushed_version IS 'The change the calendar last accepted; below version: pending.';
COMMENT ON COLUMN call_events.pushed_at IS 'When the calendar last accepted a change.';
COMMENT ON COLUMN call_events.attempts IS 'Failed pushes since the last accepted one.';
COMMENT ON COLUMN call_events.last_error IS 'Why the last push failed, one line.';

-- Calls booked before this migration.
INSERT INTO call_events (lead_id, uid, starts_at)
SELECT id, gen_random_uuid()::text || '@homer-agent', call_at FROM leads WHERE call_at IS NOT NULL;
