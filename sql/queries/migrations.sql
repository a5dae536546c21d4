-- name: ListAppliedMigrations :many
-- The migration ledger (sql/external/0001_schema_migrations.sql).
SELECT version, checksum FROM schema_migrations;

-- name: RecordMigration :exec
INSERT INTO schema_migrations (version, checksum)
VALUES (sqlc.arg(version), sqlc.arg(checksum));

-- name: RecordCheckpointTables :exec
-- The row saying LangGraph's checkpoint tables match the installed library (no checksum).
INSERT INTO schema_migrations (version, checksum)
VALUES (sqlc.arg(version), '')
ON CONFLICT (version) DO NOTHING;

-- name: TryLockMigrations :one
-- The migration lock (a session advisory lock), if no other process holds it. Polled
-- rather than waited for: LangGraph's migrations run CREATE INDEX CONCURRENTLY, which
-- waits for every open transaction, a blocked pg_advisory_lock() included.
SELECT pg_try_advisory_lock(7100431208) AS locked;

-- name: UnlockMigrations :exec
SELECT pg_advisory_unlock(7100431208);
