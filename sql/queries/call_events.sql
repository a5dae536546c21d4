-- name: BookCallEvent :one
-- Records a lead's booked (or moved) call: a new change to push.
INSERT INTO call_events (lead_id, uid, starts_at)
VALUES (sqlc.arg(lead_id), sqlc.arg(uid), sqlc.arg(starts_at))
ON CONFLICT (lead_id) DO UPDATE
SET starts_at = EXCLUDED.starts_at, state = 'booked', version = call_events.version + 1
WHERE call_events.starts_at IS DISTINCT FROM EXCLUDED.starts_at
   OR call_events.state <> 'booked'
RETURNING *;

-- name: CancelCallEvent :one
-- A hand-off or opt-out after booking: the call is cancelled, a change to push.
UPDATE call_events SET state = 'cancelled', version = version + 1
WHERE lead_id = sqlc.arg(lead_id) AND state = 'booked'
RETURNING *;

-- name: ForgetCallEvent :one
-- A forgotten lead: the event is to be deleted; the row keeps nothing personal.
UPDATE call_events SET state = 'deleted', version = version + 1, lead_id = NULL
WHERE lead_id = sqlc.arg(lead_id)
RETURNING *;

-- name: GetCallEvent :one
SELECT * FROM call_events WHERE lead_id = sqlc.arg(lead_id);

-- name: LockPendingCallEvents :many
-- Pending changes, locked for this push; another pusher skips them.
SELECT * FROM call_events
WHERE version > pushed_version
  AND (sqlc.narg(lead_id)::bigint IS NULL OR lead_id = sqlc.narg(lead_id))
ORDER BY id
FOR UPDATE SKIP LOCKED;

-- name: MarkCallEventPushed :exec
UPDATE call_events
SET pushed_version = sqlc.arg(version), pushed_at = now(), attempts = 0, last_error = NULL
WHERE id = sqlc.arg(id);

-- name: DeletePushedCallEvent :exec
DELETE FROM call_events WHERE id = sqlc.arg(id) AND state = 'deleted';

-- name: MarkCallEventFailed :exec
UPDATE call_events SET attempts = attempts + 1, last_error = sqlc.arg(last_error)
WHERE id = sqlc.arg(id);

-- name: CountPendingCallEvents :one
SELECT count(*)::int AS pending FROM call_events WHERE version > pushed_version;

-- name: ListUpcomingCalls :many
-- Booked calls from `since` on, soonest first, with the lead they are for.
SELECT e.uid, e.starts_at, (e.version > e.pushed_version) AS pending,
       l.session_key, l.name, l.bedrooms, l.neighborhood, l.budget_brl, l.temperature
FROM call_events e
JOIN leads l ON l.id = e.lead_id
WHERE e.state = 'booked' AND e.starts_at >= sqlc.arg(since)
ORDER BY e.starts_at, e.id;
