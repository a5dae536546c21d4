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

-- name: RepushCallEventForNotes :execrows
-- A new note changes the booked call's description: one more version to push.
UPDATE call_events SET version = version + 1
WHERE lead_id = sqlc.arg(lead_id) AND state = 'booked';

-- name: ListUpcomingCallNotes :many
-- The notes of the leads whose calls `ListUpcomingCalls` lists (the same `since`).
SELECT e.uid, n.category, n.text
FROM lead_notes n
JOIN call_events e ON e.lead_id = n.lead_id
WHERE e.state = 'booked' AND e.starts_at >= sqlc.arg(since)
ORDER BY n.id;
