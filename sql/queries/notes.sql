-- name: AddLeadNote :execrows
-- The same note twice is one note: the first one (and where it came from) stays. The turn
-- is the one running: turns are recorded as they end, so one more than those recorded.
INSERT INTO lead_notes (lead_id, category, text, turn, source_message_id)
SELECT sqlc.arg(lead_id), sqlc.arg(category), sqlc.arg(text),
       (SELECT count(*) + 1 FROM turns WHERE turns.lead_id = sqlc.arg(lead_id)),
       sqlc.narg(source_message_id)
ON CONFLICT (lead_id, category, text) DO NOTHING;

-- name: ListLeadNotes :many
SELECT * FROM lead_notes WHERE lead_id = sqlc.arg(lead_id) ORDER BY id;
