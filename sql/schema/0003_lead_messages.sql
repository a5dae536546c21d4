-- The conversation's older messages. A conversation's checkpoint keeps a bounded window
-- of recent messages (what the model may see); the messages trimmed from it land here,
-- so the whole history stays readable while a turn's cost stays constant.

CREATE TABLE lead_messages (
    lead_id    bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    message_id text NOT NULL,
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    created_at timestamptz NOT NULL DEFAULT now(),
    message    jsonb NOT NULL,
    PRIMARY KEY (lead_id, message_id)
);

CREATE INDEX lead_messages_lead_id_seq ON lead_messages (lead_id, seq);

COMMENT ON TABLE lead_messages IS
    'Messages trimmed from a conversation''s checkpoint, in order: with the checkpoint, the whole history.';
COMMENT ON COLUMN lead_messages.lead_id IS 'The lead whose conversation it is.';
COMMENT ON COLUMN lead_messages.message_id IS 'The LangChain message id (unique within the conversation).';
COMMENT ON COLUMN lead_messages.seq IS 'Order of archiving, which is the order of the conversation.';
COMMENT ON COLUMN lead_messages.created_at IS 'When the message was archived.';
COMMENT ON COLUMN lead_messages.message IS 'The message as LangChain''s message_to_dict gives it.';
