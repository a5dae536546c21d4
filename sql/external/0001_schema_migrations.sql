-- The ledger of applied migrations. Not a migration itself: `migrate()` reads this file
-- and runs it before anything else (src/homer_agent/db/migrate.py, `bootstrap_sql`), and
-- sqlc reads it as schema (sqlc.yaml) so the queries of sql/queries/migrations.sql type.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    text PRIMARY KEY,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
