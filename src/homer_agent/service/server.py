"""`homer-agent serve`: uvicorn running the API, one process or several workers."""

from __future__ import annotations

import ipaddress
import os
import shutil
import sys
import tempfile

from fastapi import FastAPI

from homer_agent.config import Settings, SettingsError, load_settings
from homer_agent.inputs import fail


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_from_env() -> FastAPI:
    """The app factory each uvicorn worker calls."""
    from homer_agent.service.api import create_app

    return create_app(load_settings())


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    """Check the settings and the database, then serve until interrupted."""

    from homer_agent.db import connect

    if not is_loopback(host) and settings.homer_api_token is None:
        fail(
            f"refusing to listen on {host} without a token: set HOMER_API_TOKEN "
            "(or listen on 127.0.0.1)"
        )
    problem = settings.model_problem()
    if problem is not None:
        raise SettingsError(problem)
    if not 1 <= workers <= 64:
        fail(f"--workers must be 1-64, got {workers}")
    # Fail here, in one line, when the database is unreachable; and migrate once.
    connect(settings).close()
    print(
        f"Homer serving on http://{host}:{port} (API docs at /docs) · model {settings.model_name}",
        file=sys.stderr,
        flush=True,
    )
    # Several workers are several processes on one port: each would keep its own counts
    # and a scrape would see one worker's. prometheus_client's multiprocess mode keeps
    # them in files of one directory that /metrics merges (metrics.exposition).
    multiproc = _multiprocess_metrics_dir() if workers > 1 else None
    try:
        _run(host, port, workers)
    finally:
        if multiproc is not None:
            shutil.rmtree(multiproc, ignore_errors=True)


def _multiprocess_metrics_dir() -> str:
    """A fresh directory for the workers' metric files, named in their environment."""
    from homer_agent.metrics import MULTIPROC_ENV

    directory = tempfile.mkdtemp(prefix="homer-metrics-")
    os.environ[MULTIPROC_ENV] = directory  # inherited by the workers uvicorn spawns
    return directory


def _run(host: str, port: int, workers: int) -> None:
    import uvicorn

    uvicorn.run(
        "homer_agent.service.server:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers if workers > 1 else None,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=20,
    )
