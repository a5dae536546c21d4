-- name: EnqueueNotification :one
-- An event for the brokers, in the transaction of the change it reports.
INSERT INTO broker_notifications (lead_id, event, payload)
VALUES (sqlc.arg(lead_id), sqlc.arg(event), sqlc.arg(payload))
RETURNING *;

-- name: LockUnsentNotifications :many
-- Unsent events, oldest first, locked for this sender: a concurrent sender skips them.
-- `due_only` leaves out those waiting for their backoff and those given up on
-- (`max_attempts`); `homer-agent notify sync` sends them all.
SELECT * FROM broker_notifications
WHERE sent_at IS NULL
  AND (NOT sqlc.arg(due_only)::boolean
       OR (next_attempt_at <= now() AND attempts < sqlc.arg(max_attempts)::int))
ORDER BY id
LIMIT sqlc.arg(max_rows)
FOR UPDATE SKIP LOCKED;

-- name: MarkNotificationSent :exec
UPDATE broker_notifications SET sent_at = now(), last_error = NULL WHERE id = sqlc.arg(id);

-- name: MarkNotificationFailed :exec
-- Exponential backoff: 30 s, 1 min, 2 min … capped at one hour.
UPDATE broker_notifications
SET attempts = attempts + 1,
    last_error = sqlc.arg(last_error),
    next_attempt_at = now() + least(interval '1 hour', interval '30 seconds' * power(2, attempts))
WHERE id = sqlc.arg(id);

-- name: CountUnsentNotifications :one
-- Unsent events still retried automatically (pending) and given up on (failed).
SELECT count(*) FILTER (WHERE attempts < sqlc.arg(max_attempts)::int)::int AS pending,
       count(*) FILTER (WHERE attempts >= sqlc.arg(max_attempts)::int)::int AS failed
FROM broker_notifications
WHERE sent_at IS NULL;

-- name: ListLeadNotifications :many
SELECT * FROM broker_notifications WHERE lead_id = sqlc.arg(lead_id) ORDER BY id;

-- name: ListLeadsAwaitingBroker :many
-- Leads handed to a person (asked for one, or turned hostile) and not released yet,
-- longest waiting first.
SELECT * FROM leads
WHERE handoff_at IS NOT NULL AND handoff_reason IN ('human', 'hostile')
  AND (handoff_released_at IS NULL OR handoff_released_at < handoff_at)
ORDER BY handoff_at, id;
