-- name: ArchiveMessage :exec
-- Idempotent: archiving the same message twice (a turn retried after a crash) is a no-op.
INSERT INTO lead_messages (lead_id, message_id, message)
VALUES (sqlc.arg(lead_id), sqlc.arg(message_id), sqlc.arg(message))
ON CONFLICT (lead_id, message_id) DO NOTHING;

-- name: ListArchivedMessages :many
SELECT message_id, message FROM lead_messages WHERE lead_id = sqlc.arg(lead_id) ORDER BY seq;

-- name: DeleteArchivedMessages :execrows
DELETE FROM lead_messages WHERE lead_id = sqlc.arg(lead_id);
