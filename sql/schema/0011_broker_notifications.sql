-- The brokers' outbox: one row per event a broker is told of (a hand-off, a call booked,
-- moved or cancelled, a lead turning hot).
--
-- A row is written in the same transaction as the change it reports, and delivered to
-- HOMER_BROKER_WEBHOOK_URL after that transaction commits. A sender locks the rows it
-- sends (FOR UPDATE SKIP LOCKED: a concurrent sender skips them) and marks each once the
-- receiver accepted it, so an event is posted once. Forgetting a lead deletes its rows.

CREATE TABLE broker_notifications (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    lead_id         bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    event           text NOT NULL CONSTRAINT broker_notifications_event_valid CHECK (
        event IN ('handoff', 'call_booked', 'call_moved', 'call_cancelled', 'lead_hot', 'lead_message')
    ),
    payload         jsonb NOT NULL CONSTRAINT broker_notifications_payload_is_object
        CHECK (jsonb_typeof(payload) = 'object'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);

CREATE INDEX broker_notifications_unsent ON broker_notifications (next_attempt_at, id)
    WHERE sent_at IS NULL;
CREATE INDEX broker_notifications_lead_id ON broker_notifications (lead_id);

COMMENT ON TABLE broker_notifications IS 'Outbox of the brokers'' webhook: each event is posted once, after its turn commits.';
COMMENT ON COLUMN broker_notifications.id IS 'Surrogate key; also the order events are sent in.';
COMMENT ON COLUMN broker_notifications.event_id IS 'Stable id sent with the event, for receivers that deduplicate.';
COMMENT ON COLUMN broker_notifications.lead_id IS 'The lead the event is about; its rows go when the lead is forgotten.';
COMMENT ON COLUMN broker_notifications.event IS 'handoff, call_booked, call_moved, call_cancelled, lead_hot or lead_message.';
COMMENT ON COLUMN broker_notifications.payload IS 'The event''s data as of the change: lead card, reason, call time.';
COMMENT ON COLUMN broker_notifications.created_at IS 'When the change happened.';
COMMENT ON COLUMN broker_notifications.sent_at IS 'When the receiver accepted it; null while unsent.';
COMMENT ON COLUMN broker_notifications.attempts IS 'Failed deliveries so far.';
COMMENT ON COLUMN broker_notifications.next_attempt_at IS 'Earliest next automatic delivery (backoff after a failure).';
COMMENT ON COLUMN broker_notifications.last_error IS 'Why the last delivery failed, one line.';
