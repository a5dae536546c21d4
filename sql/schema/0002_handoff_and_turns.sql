-- Hand-off requests and a durable record of every turn.

ALTER TABLE leads ADD COLUMN handoff_at timestamptz;
ALTER TABLE leads ADD COLUMN handoff_reason text
    CONSTRAINT leads_handoff_reason_valid CHECK (handoff_reason IN ('hostile', 'opt_out', 'human'));
COMMENT ON COLUMN leads.handoff_at IS 'When the lead last asked for a human, opted out or turned hostile.';
COMMENT ON COLUMN leads.handoff_reason IS 'Why the conversation was handed off: hostile, opt_out or human.';

CREATE TABLE turns (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id           bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    started_at        timestamptz NOT NULL DEFAULT now(),
    model             text NOT NULL,
    route             text NOT NULL,
    sentiment         double precision NOT NULL CONSTRAINT turns_sentiment_range
        CHECK (sentiment BETWEEN -1 AND 1),
    temperature       lead_temperature NOT NULL,
    duration_ms       double precision NOT NULL CONSTRAINT turns_duration_nonnegative CHECK (duration_ms >= 0),
    model_ms          double precision NOT NULL DEFAULT 0 CONSTRAINT turns_model_ms_nonnegative
        CHECK (model_ms >= 0),
    prompt_tokens     integer NOT NULL DEFAULT 0,
    completion_tokens integer NOT NULL DEFAULT 0,
    tool_calls        integer NOT NULL DEFAULT 0,
    tool_errors       integer NOT NULL DEFAULT 0,
    error             text
);

CREATE INDEX turns_lead_id_started_at ON turns (lead_id, started_at);
CREATE INDEX turns_started_at ON turns (started_at);

COMMENT ON TABLE turns IS 'One row per chat turn: timing, tokens, tools and the mood of the human message.';
COMMENT ON COLUMN turns.id IS 'Surrogate key.';
COMMENT ON COLUMN turns.lead_id IS 'The lead whose message started the turn.';
COMMENT ON COLUMN turns.started_at IS 'When the turn started.';
COMMENT ON COLUMN turns.model IS 'Chat model that answered (offline or a model name).';
COMMENT ON COLUMN turns.route IS 'Where the router sent the turn: agent or handoff.';
COMMENT ON COLUMN turns.sentiment IS 'VADER compound score of the human message, -1 to 1.';
COMMENT ON COLUMN turns.temperature IS 'Lead temperature after the turn.';
COMMENT ON COLUMN turns.duration_ms IS 'Wall time of the whole turn in milliseconds.';
COMMENT ON COLUMN turns.model_ms IS 'Time spent in chat-model calls in milliseconds.';
COMMENT ON COLUMN turns.prompt_tokens IS 'Prompt tokens the model reported (or counted offline).';
COMMENT ON COLUMN turns.completion_tokens IS 'Completion tokens the model reported.';
COMMENT ON COLUMN turns.tool_calls IS 'Tool calls made during the turn.';
COMMENT ON COLUMN turns.tool_errors IS 'Tool calls refused for invalid arguments.';
COMMENT ON COLUMN turns.error IS 'Error kind when the turn failed, otherwise null.';
