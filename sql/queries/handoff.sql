-- name: ReleaseHandoff :one
-- A broker hands the conversation back: Homer resumes on the next message.
UPDATE leads SET handoff_released_at = now()
WHERE id = sqlc.arg(id)
  AND handoff_at IS NOT NULL
  AND (handoff_released_at IS NULL OR handoff_released_at < handoff_at)
RETURNING *;

-- name: MarkHandoffReplied :one
UPDATE leads SET handoff_replied_at = now() WHERE id = sqlc.arg(id) RETURNING *;

-- name: MarkHandoffMessage :one
UPDATE leads SET handoff_message_at = now() WHERE id = sqlc.arg(id) RETURNING *;
