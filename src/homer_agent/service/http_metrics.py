"""Request metrics of the service, on the agent's registry.

Labelled by route template (``/v1/sessions/{session_key}/messages``), method and
status, never by a session key or any other part of a concrete path.
"""

from __future__ import annotations

import time
from typing import Final

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from homer_agent.metrics import REGISTRY, TURN_BUCKETS

UNMATCHED: Final = "unmatched"
_METHODS: Final = frozenset({"GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"})

HTTP_REQUESTS: Final = Counter(
    "homer_http_requests_total",
    "HTTP requests served, by route template, method and status.",
    ("route", "method", "status"),
    registry=REGISTRY,
)
HTTP_DURATION: Final = Histogram(
    "homer_http_request_duration_seconds",
    "Wall time of an HTTP request until its response is complete, by route template.",
    ("route", "method"),
    buckets=TURN_BUCKETS,
    registry=REGISTRY,
)


def route_template(scope: Scope) -> str:
    """The matched route's path template; unmatched paths share one label value."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else UNMATCHED


class RequestMetrics:
    """ASGI middleware observing every HTTP request (streamed ones until their last byte).

    The labelled series are looked up once per (route, method, status) and kept: the
    label sets are few (route templates, never paths) and `labels()` takes a lock."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._series: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    def _observe(self, route: str, method: str, status: int, seconds: float) -> None:
        key = (route, method, status)
        series = self._series.get(key)
        if series is None:
            series = (
                HTTP_REQUESTS.labels(route=route, method=method, status=str(status)),
                HTTP_DURATION.labels(route=route, method=method),
            )
            self._series[key] = series
        series[0].inc()
        series[1].observe(seconds)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, observed_send)
        finally:
            method = scope["method"] if scope["method"] in _METHODS else "OTHER"
            self._observe(route_template(scope), method, status, time.perf_counter() - started)
