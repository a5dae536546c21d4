"""Apply the ordered SQL migrations and LangGraph's checkpoint tables.

A small runner rather than a library: the migrations are plain SQL files that sqlc
also reads as its schema, and the maintained runners we looked at (yoyo) open their
own connections and lock with a table rather than an advisory lock.

sqlc also reads sql/external, which this never applies as migrations: the ledger's DDL
(run first, from its file) and LangGraph's checkpoint tables (`PostgresSaver.setup()`
creates those). The ledger's queries and the lock are in sql/queries/migrations.sql.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from psycopg import Connection, errors
from psycopg.rows import DictRow

from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier

LOCK_POLL_SECONDS = 0.05


@dataclass(frozen=True, slots=True)
class Migration:
    version: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def _sql_dir(name: str) -> Path:
    """A folder of SQL files: shipped inside the wheel, or read from the source tree."""
    packaged = Path(str(resources.files("homer_agent"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "sql" / name


def schema_dir() -> Path:
    """The migrations."""
    return _sql_dir("schema")


def ledger_sql() -> str:
    """The DDL of the `schema_migrations` ledger (also read by sqlc as schema)."""
    return (_sql_dir("external") / "0001_schema_migrations.sql").read_text(encoding="utf-8")


def load_migrations(directory: Path | None = None) -> list[Migration]:
    """Every `NNNN_name.sql` file, in order."""
    folder = directory or schema_dir()
    return [
        Migration(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.sql"))
    ]


def _lock(conn: Connection[DictRow]) -> None:
    """Take the migration lock, polling rather than waiting inside a statement.

    LangGraph's checkpoint migrations run CREATE INDEX CONCURRENTLY, which waits for
    every open transaction: a second process blocked in pg_advisory_lock() would be one,
    and the two would deadlock.
    """
    while not Querier(conn).try_lock_migrations():
        time.sleep(LOCK_POLL_SECONDS)


def checkpoint_mark() -> str:
    """The row recording that LangGraph's checkpoint tables match the installed library."""
    return f"langgraph-checkpoint-postgres {version('langgraph-checkpoint-postgres')}"


def is_current(conn: Connection[DictRow]) -> bool:
    """Whether every migration, and the checkpoint tables, are applied (one query)."""
    try:
        have = {row.version for row in Querier(conn).list_applied_migrations()}
    except errors.UndefinedTable:
        return False
    return {m.version for m in load_migrations()} | {checkpoint_mark()} <= have


def migrate(pool: Pool) -> list[str]:
    """Apply what is missing, under an advisory lock; return the versions applied now.

    When the schema is current this is one query and imports nothing from LangGraph,
    which keeps `homer-agent` start-up short.
    """
    applied_now: list[str] = []
    with pool.connection() as conn:
        if is_current(conn):
            return applied_now
        q = Querier(conn)
        _lock(conn)
        try:
            conn.execute(ledger_sql().encode(), prepare=False)
            done = {row.version: row.checksum for row in q.list_applied_migrations()}
            for migration in load_migrations():
                if migration.version in done:
                    continue
                with conn.transaction():
                    conn.execute(migration.sql.encode(), prepare=False)
                    q.record_migration(version=migration.version, checksum=migration.checksum)
                applied_now.append(migration.version)
            from langgraph.checkpoint.postgres import PostgresSaver

            PostgresSaver(conn).setup()
            q.record_checkpoint_tables(version=checkpoint_mark())
        finally:
            q.unlock_migrations()
    return applied_now
