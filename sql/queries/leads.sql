-- name: GetOrCreateLead :one
-- Returns the lead of a session key, creating it on first contact.
INSERT INTO leads (session_key) VALUES (sqlc.arg(session_key))
ON CONFLICT (session_key) DO UPDATE SET session_key = EXCLUDED.session_key
RETURNING *;

-- name: GetLeadBySessionKey :one
SELECT * FROM leads WHERE session_key = sqlc.arg(session_key);

-- name: GetLead :one
SELECT * FROM leads WHERE id = sqlc.arg(id);

-- name: UpdateLeadName :one
UPDATE leads SET name = sqlc.arg(name) WHERE id = sqlc.arg(id) RETURNING *;

-- name: UpdateLeadBedrooms :one
UPDATE leads SET bedrooms = sqlc.arg(bedrooms) WHERE id = sqlc.arg(id) RETURNING *;

-- name: UpdateLeadNeighborhood :one
UPDATE leads SET neighborhood = sqlc.arg(neighborhood) WHERE id = sqlc.arg(id) RETURNING *;

-- name: UpdateLeadBudget :one
UPDATE leads SET budget_brl = sqlc.arg(budget_brl) WHERE id = sqlc.arg(id) RETURNING *;

-- name: UpdateLeadCallAt :one
UPDATE leads SET call_at = sqlc.arg(call_at) WHERE id = sqlc.arg(id) RETURNING *;

-- name: SetLeadTemperature :one
UPDATE leads SET temperature = sqlc.arg(temperature) WHERE id = sqlc.arg(id) RETURNING *;

-- name: RecordHandoff :one
UPDATE leads SET handoff_at = now(), handoff_reason = sqlc.arg(handoff_reason)
WHERE id = sqlc.arg(id) RETURNING *;

-- name: ListLeads :many
SELECT * FROM leads ORDER BY updated_at DESC, id DESC;

-- name: DeleteLead :execrows
DELETE FROM leads WHERE id = sqlc.arg(id);

-- name: GetLeadForTurn :one
-- What a turn reads once, under the lead's lock, in one round trip: the lead, the
-- compound scores of its newest recorded turns (newest first, for the mood average) and
-- the texts of the broker's notes already taken (oldest first, for the system prompt).
SELECT leads.*,
    ARRAY(
        SELECT turns.sentiment FROM turns WHERE turns.lead_id = leads.id
        ORDER BY turns.started_at DESC, turns.id DESC LIMIT sqlc.arg(max_moods)
    )::float8[] AS recent_sentiments,
    ARRAY(
        SELECT lead_notes.text FROM lead_notes WHERE lead_notes.lead_id = leads.id
        ORDER BY lead_notes.id
    )::text[] AS note_texts
FROM leads WHERE leads.id = sqlc.arg(id);
