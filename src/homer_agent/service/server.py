"""`homer-agent serve`: uvicorn running the API, one process or several workers."""

from __future__ import annotations

import ipaddress
import sys

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
    import uvicorn

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
