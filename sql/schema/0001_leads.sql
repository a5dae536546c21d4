-- Leads: everything the agent learns about a person, one typed row per session key.

CREATE TYPE lead_temperature AS ENUM ('cold', 'warm', 'hot');

CREATE TABLE leads (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_key  text NOT NULL UNIQUE
        CONSTRAINT leads_session_key_valid CHECK (
            char_length(session_key) BETWEEN 1 AND 128
            AND session_key !~ '[\x01-\x1f\x7f-\x9f]'
            AND session_key = btrim(session_key)
        ),
    name         text CONSTRAINT leads_name_length CHECK (char_length(name) BETWEEN 1 AND 120),
    bedrooms     smallint CONSTRAINT leads_bedrooms_range CHECK (bedrooms BETWEEN 1 AND 10),
    neighborhood text CONSTRAINT leads_neighborhood_length
        CHECK (char_length(neighborhood) BETWEEN 1 AND 120),
    budget_brl   bigint CONSTRAINT leads_budget_range CHECK (budget_brl > 0 AND budget_brl < 10000000000),
    call_at      timestamptz,
    temperature  lead_temperature NOT NULL DEFAULT 'cold',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE leads IS 'A person interested in buying a home; one row per chat session key.';
COMMENT ON COLUMN leads.id IS 'Surrogate key.';
COMMENT ON COLUMN leads.session_key IS 'Chat session key (a phone number, an e-mail): 1-128 printable characters.';
COMMENT ON COLUMN leads.name IS 'Name the lead gave, trimmed.';
COMMENT ON COLUMN leads.bedrooms IS 'Bedrooms wanted, 1-10.';
COMMENT ON COLUMN leads.neighborhood IS 'Neighbourhood the lead prefers.';
COMMENT ON COLUMN leads.budget_brl IS 'Budget in whole Brazilian reais.';
COMMENT ON COLUMN leads.call_at IS 'When a broker should call the lead.';
COMMENT ON COLUMN leads.temperature IS 'How close the lead is to buying: cold, warm or hot.';
COMMENT ON COLUMN leads.created_at IS 'When the lead first wrote.';
COMMENT ON COLUMN leads.updated_at IS 'Last change to the row, kept by a trigger.';

CREATE FUNCTION leads_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER leads_touch_updated_at
    BEFORE UPDATE ON leads
    FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION leads_touch_updated_at();
