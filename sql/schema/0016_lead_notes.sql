-- The brief: short typed notes a broker needs beyond the five facts ("2 filhos", "tem
-- cachorro", "quer suíte", "vai usar FGTS", ...), one row per note, each note once per
-- lead. A table of their own, not columns of leads: the Grafana role is granted leads'
-- columns as they are added, and notes are the lead's own words about their family, so
-- nobody but the agent reads them (see docker/postgres/initdb/homer-roles.sql.in).

CREATE TABLE lead_notes (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id           bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    category          text NOT NULL CONSTRAINT lead_notes_category_valid CHECK (category IN (
        'family', 'pets', 'preference', 'financing', 'move_in', 'objection', 'question'
    )),
    text              text NOT NULL CONSTRAINT lead_notes_text_valid CHECK (
        char_length(text) BETWEEN 1 AND 120
        AND text !~ '[\x01-\x1f\x7f-\x9f]'
        AND text = btrim(text)
    ),
    turn              integer NOT NULL CONSTRAINT lead_notes_turn_positive CHECK (turn >= 1),
    source_message_id text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lead_notes_once UNIQUE (lead_id, category, text)
);

COMMENT ON TABLE lead_notes IS
    'Short typed notes on a lead for the broker (family, pets, preference, financing, move_in, objection, question); each once per lead.';
COMMENT ON COLUMN lead_notes.id IS 'Surrogate key; also the order the notes were taken in.';
COMMENT ON COLUMN lead_notes.lead_id IS 'The lead the note is about.';
COMMENT ON COLUMN lead_notes.category IS 'family, pets, preference, financing, move_in, objection or question.';
COMMENT ON COLUMN lead_notes.text IS 'The note in short pt-BR ("2 filhos", "quer suíte"), 1-120 printable characters.';
COMMENT ON COLUMN lead_notes.turn IS 'Which turn of the conversation (1 = the lead''s first message) the note came from.';
COMMENT ON COLUMN lead_notes.source_message_id IS 'Id of the human message the note came from, when known.';
COMMENT ON COLUMN lead_notes.created_at IS 'When the note was taken.';
