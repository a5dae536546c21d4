"""The routes' dependencies: what one running service holds, reached through the request.

All `async def`: FastAPI runs a plain `def` dependency on a worker thread, a thread hop
per dependency per request for what is an attribute read.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from homer_agent.config import Settings
from homer_agent.service.runtime import Runtime


class ApiError(Exception):
    """An error answered as JSON {"error": ...} with a status (and maybe headers)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_runtime(request: Request) -> Runtime:
    """The running service: the agent, the turn threads, the HTTP client (set at start-up)."""
    runtime: Runtime = request.app.state.runtime
    return runtime


SettingsDep = Annotated[Settings, Depends(get_settings)]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def authorised(request: Request, settings: SettingsDep) -> None:
    """The bearer token of HOMER_API_TOKEN, when it is set (compared in constant time)."""
    token = settings.homer_api_token
    if token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.get_secret_value().encode()
    ):
        raise ApiError(
            401,
            "missing or wrong token: send Authorization: Bearer <HOMER_API_TOKEN>",
            {"WWW-Authenticate": "Bearer"},
        )
