-- name: ArchiveMessages :exec
-- Idempotent: a batch archived again (a turn retried after a crash) replaces the first.
INSERT INTO lead_messages (lead_id, first_message_id, messages)
VALUES (sqlc.arg(lead_id), sqlc.arg(first_message_id), sqlc.arg(messages))
ON CONFLICT (lead_id, first_message_id) DO UPDATE SET messages = EXCLUDED.messages;

-- name: ListArchivedMessages :many
SELECT messages FROM lead_messages WHERE lead_id = sqlc.arg(lead_id) ORDER BY seq;

-- name: DeleteArchivedMessages :execrows
DELETE FROM lead_messages WHERE lead_id = sqlc.arg(lead_id);
