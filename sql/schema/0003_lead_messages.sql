-- The conversation's older messages. A conversation's checkpoint keeps a bounded window
-- of recent messages (what the model may see); the messages trimmed from it land here,
-- a batch per row, so the whole history stays readable while a turn's cost stays
-- constant and storage grows linearly with the conversation.

CREATE TABLE lead_messages (
    lead_id          bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    first_message_id text NOT NULL,
    seq              bigint GENERATED ALWAYS AS IDENTITY,
    created_at       timestamptz NOT NULL DEFAULT now(),
    messages         jsonb NOT NULL CONSTRAINT lead_messages_is_array
        CHECK (jsonb_typeof(messages) = 'array'),
    PRIMARY KEY (lead_id, first_message_id)
);

CREATE INDEX lead_messages_lead_id_seq ON lead_messages (lead_id, seq);

COMMENT ON TABLE lead_messages IS
    'Messages trimmed from a conversation''s checkpoint, in batches: with the checkpoint, the whole history.';
COMMENT ON COLUMN lead_messages.lead_id IS 'The lead whose conversation it is.';
COMMENT ON COLUMN lead_messages.first_message_id IS 'Id of the batch''s first message: archiving a batch again replaces it.';
COMMENT ON COLUMN lead_messages.seq IS 'Order of archiving, which is the order of the conversation.';
COMMENT ON COLUMN lead_messages.created_at IS 'When the batch was archived.';
COMMENT ON COLUMN lead_messages.messages IS 'The batch, as a JSON array of LangChain message_to_dict objects.';
