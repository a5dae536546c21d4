-- Idempotency for the HTTP API and the WhatsApp channel: a message id is processed once.
-- A receipt is written in the same transaction as the turn's checkpoint and turn record,
-- under the lead's turn lock, so a replica killed mid-turn leaves neither, and the
-- client's retry (on any replica) runs the turn; a retry after the commit gets the stored
-- reply. Receipts belong to the lead: `lead forget` removes them by cascade.

CREATE TABLE message_receipts (
    lead_id     bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    channel     text NOT NULL CONSTRAINT message_receipts_channel_valid
        CHECK (channel IN ('api', 'whatsapp')),
    message_id  text NOT NULL CONSTRAINT message_receipts_message_id_length
        CHECK (length(message_id) BETWEEN 1 AND 256),
    reply       text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lead_id, channel, message_id)
);

CREATE INDEX message_receipts_received_at ON message_receipts (received_at);

COMMENT ON TABLE message_receipts IS
    'Messages already processed, by channel and client message id, with the reply given.';
