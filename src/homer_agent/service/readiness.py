"""/readyz's own connection: readiness answered fast whether the pool is idle, busy or broken.

The pool belongs to the turns, which may wait HOMER_CONNECT_TIMEOUT for a connection; a
load balancer's health check may not. A probe therefore keeps one connection of its own
(reopened when it breaks), asks the schema question on it, and never queues behind turns:
a replica whose every pooled connection is busy in a turn is busy, not down.
"""

from __future__ import annotations

import threading
from typing import Final

import psycopg
from psycopg.rows import DictRow, dict_row

from homer_agent.db.migrate import is_current

CONNECT_TIMEOUT_SECONDS: Final = 2  # libpq's smallest; the API bounds the whole answer
LOCK_WAIT_SECONDS: Final = 0.5


class ReadinessProbe:
    """Answers "is the database usable by this replica?" on one dedicated connection."""

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._conn: psycopg.Connection[DictRow] | None = None
        self._lock = threading.Lock()

    def problem(self) -> str | None:
        """None when the database answers and its schema is current; else what is wrong."""
        if not self._lock.acquire(timeout=LOCK_WAIT_SECONDS):
            return "the database did not answer the previous readiness check yet"
        try:
            return self._check()
        finally:
            self._lock.release()

    def _check(self) -> str | None:
        try:
            if self._conn is None or self._conn.closed:
                self._conn = psycopg.connect(
                    self._conninfo,
                    autocommit=True,
                    row_factory=dict_row,
                    connect_timeout=CONNECT_TIMEOUT_SECONDS,
                    application_name="homer-agent readiness",
                )
            if not is_current(self._conn):
                return "the database schema is not current: run `homer-agent db migrate`"
        except psycopg.Error as exc:
            self.close()
            return f"the database is unavailable ({type(exc).__name__})"
        return None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
