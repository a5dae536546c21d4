"""One psycopg connection pool for the lead store and LangGraph's PostgresSaver."""

from __future__ import annotations

import select
from typing import Any

import psycopg
from psycopg import Connection, conninfo
from psycopg.rows import DictRow, dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

Pool = ConnectionPool[Connection[DictRow]]


class DatabaseUnavailableError(RuntimeError):
    """Postgres could not be reached; the message names the server."""


def describe_server(url: str) -> str:
    """Host and port (or socket directory) of a connection URL, without credentials."""
    info = conninfo.conninfo_to_dict(url)
    host = str(info.get("host") or "localhost")
    port = str(info.get("port") or "5432")
    if host.startswith("/"):
        return f"socket {host} (port {port})"
    return f"{host}:{port}"


def check_connection(conn: Connection[Any]) -> None:
    """The pool's check before lending a connection, without a round trip when it can.

    A server that restarts, or drops the connection, sends its last words (or closes the
    socket): the socket turns readable. Only then is the connection asked (and found dead:
    the pool replaces it). An idle healthy connection has nothing to read and is lent at
    once, instead of paying one round trip per checkout (per turn).
    """
    if conn.closed or conn.broken:
        raise psycopg.OperationalError("the connection is closed")
    readable, _, _ = select.select([conn.fileno()], [], [], 0)
    if readable:
        ConnectionPool.check_connection(conn)


def open_pool(url: str, *, max_size: int = 10, timeout: float = 5.0) -> Pool:
    """Open a pool and wait for its first connection, or raise DatabaseUnavailableError."""
    # PostgresSaver needs autocommit and dict rows (and prepares every statement);
    # the generated queries choose their own row factory per cursor.
    kwargs: dict[str, Any] = {
        "autocommit": True,
        "prepare_threshold": 0,
        "row_factory": dict_row,
        "connect_timeout": max(1, round(timeout)),
        "application_name": "homer-agent",
    }
    pool: Pool = ConnectionPool(
        url,
        min_size=1,
        max_size=max_size,
        kwargs=kwargs,
        connection_class=Connection[DictRow],
        check=check_connection,
        # A turn waits this long for a connection, not the pool's default 30 s: when the
        # server is down the user hears so promptly, and the next message reconnects.
        timeout=timeout,
        reconnect_timeout=timeout,
        open=False,
        name="homer",
    )
    try:
        pool.open(wait=True, timeout=timeout)
    except PoolTimeout:
        pool.close(timeout=0)
        refusal = _refusal(url, timeout)
        if refusal is not None:
            raise DatabaseUnavailableError(refusal) from None
        raise DatabaseUnavailableError(
            f"cannot reach PostgreSQL at {describe_server(url)} within {timeout:g} s: "
            "is the server running, and is DATABASE_URL right?"
        ) from None
    return pool


# SQLSTATEs and server words of a server that answered but refused this login.
_AUTH_STATES = frozenset({"28P01", "28000"})
_AUTH_WORDS = ("password authentication failed", "no password supplied")


def _refusal(url: str, timeout: float) -> str | None:
    """When the server answers but refuses the login or the database, that in one line
    (never the password); None when it does not answer at all."""
    info = conninfo.conninfo_to_dict(url)
    try:
        psycopg.connect(url, connect_timeout=max(1, round(timeout))).close()
    except psycopg.OperationalError as exc:
        text = str(exc)
        server = describe_server(url)
        user = info.get("user") or "(default user)"
        if exc.sqlstate in _AUTH_STATES or any(word in text for word in _AUTH_WORDS):
            return (
                f"PostgreSQL at {server} refused the password of user {user!r}: check the "
                "password in DATABASE_URL (HOMER_DB_PASSWORD in compose)"
            )
        if exc.sqlstate == "3D000" or ("database" in text and "does not exist" in text):
            return (
                f"PostgreSQL at {server} has no database {info.get('dbname')!r}: create it, "
                "or fix the database name in DATABASE_URL"
            )
        if exc.sqlstate is not None and exc.sqlstate.startswith("28"):
            return f"PostgreSQL at {server} refused user {user!r}: check DATABASE_URL"
    except psycopg.Error:
        return None
    return None
