-- name: LockLead :exec
-- The turn lock of a lead (an advisory lock keyed by its id), held by the session until
-- UnlockLead. set_config runs first, so the wait is bounded by `lock_timeout` (e.g. '5s');
-- past it the server raises LockNotAvailable. The timeout stays set on the connection.
-- Session and transaction advisory locks on one key exclude each other, so this lock,
-- LockLeadForTransaction and TryLockLead agree.
SELECT set_config('lock_timeout', sqlc.arg(lock_timeout)::text, false),
       pg_advisory_lock(sqlc.arg(lead_id)::bigint);

-- name: UnlockLead :exec
-- Release the turn lock LockLead took.
SELECT pg_advisory_unlock(sqlc.arg(lead_id)::bigint);

-- name: LockLeadForTransaction :exec
-- The turn lock of a lead until the transaction ends, waiting for a running turn.
SELECT pg_advisory_xact_lock(sqlc.arg(lead_id)::bigint);

-- name: TryLockLead :one
-- The turn lock of a lead until the transaction ends, if no turn holds it now.
SELECT pg_try_advisory_xact_lock(sqlc.arg(lead_id)::bigint) AS locked;

-- name: LockKnowledgeBaseIndex :exec
-- Serialise knowledge-base indexing until the transaction ends. The key shares the bigint
-- space of the lead locks: a constant far above any lead id (as the migration lock's).
SELECT pg_advisory_xact_lock(7100431213);

-- name: HandOverLead :exec
-- The end of a turn, last in its pipeline's implicit (or explicit) transaction: the lead's
-- turn lock is taken for the transaction (granted at once: this session holds the key),
-- then the session lock LockLead took is released, in that order; the next turn waits
-- until this transaction commits, and reads what it wrote.
SELECT pg_advisory_xact_lock(sqlc.arg(lead_id)::bigint),
       pg_advisory_unlock(sqlc.arg(lead_id)::bigint);
