"""The HTTP API: a message in, the reply and the lead out; health, readiness, metrics, docs.

Turns are blocking (psycopg, LangGraph): they run on worker threads, at most one per
pooled connection but one, so a burst waits here instead of timing out on the pool.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, Final, TypeVar

import anyio
import httpx
import psycopg
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from prometheus_client import CONTENT_TYPE_LATEST
from psycopg_pool import PoolTimeout
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from homer_agent import metrics
from homer_agent.config import Settings
from homer_agent.inputs import UserError, check_session_key
from homer_agent.metrics import ErrorKind
from homer_agent.service.bodies import read_body
from homer_agent.service.deps import ApiError, RuntimeDep, SettingsDep, authorised
from homer_agent.service.homer import MESSAGE_ID_MAX, Homer, MessageIdConflictError, Outcome
from homer_agent.service.http_metrics import RequestMetrics
from homer_agent.service.runtime import Runtime
from homer_agent.service.whatsapp import router as whatsapp_router
from homer_agent.session import ERROR_REPLIES

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_AFTER_SECONDS: Final = "2"
SEND_TIMEOUT_SECONDS: Final = 10.0
READY_DEADLINE_SECONDS: Final = 0.9
SHUTDOWN_GRACE_SECONDS: Final = 15.0
# Room for JSON escapes (\uXXXX is 6 bytes per character) and the message id.
BODY_SLACK_BYTES: Final = 2048

_ERROR_STATUS: Final[dict[ErrorKind, int]] = {
    "database": 503,
    "busy": 409,
    "model": 502,
    "timeout": 504,
    "input": 400,
    "internal": 500,
}
_ERROR_TEXT: Final[dict[ErrorKind, str]] = {
    "database": "the database is unavailable; retry after a moment",
    "busy": "this lead's previous turn is still running; retry with the same message_id",
    "model": "the chat model provider failed; retry after a moment",
    "timeout": "the chat model did not answer in time; retry after a moment",
    "input": "the message could not be read; send UTF-8 text",
    "internal": "the turn failed unexpectedly; retry, and report it if it persists",
}
_ERROR_REPLY_TEXTS: Final = frozenset(ERROR_REPLIES.values())
MESSAGE_ID_CONFLICT: Final = (
    "this message_id was already used for a different text; nothing was run: "
    "send a new message with a new message_id"
)


class MessageIn(BaseModel):
    """One message from the lead."""

    text: str = Field(description="The lead's message (1 to HOMER_MAX_MESSAGE_CHARS characters).")
    message_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=MESSAGE_ID_MAX,
        description="Idempotency key: the same id again returns the stored reply.",
    )


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _unavailable() -> ApiError:
    """503 for a client whose request met a database fault outside a turn (a turn's own
    faults are counted by the session): counted, so `AgentDatabaseErrors` sees outages."""
    metrics.record_error("database")
    return ApiError(503, _ERROR_TEXT["database"], {"Retry-After": RETRY_AFTER_SECONDS})


def _turn_error(kind: ErrorKind) -> ApiError:
    headers = {"Retry-After": RETRY_AFTER_SECONDS} if kind in ("database", "busy") else None
    return ApiError(_ERROR_STATUS[kind], _ERROR_TEXT[kind], headers)


def _session_key(raw: str) -> str:
    try:
        return check_session_key(raw)
    except UserError as exc:
        raise ApiError(400, str(exc)) from None


# -- the API: a message in, the reply and the lead out

api_router = APIRouter(dependencies=[Depends(authorised)])


@api_router.post(
    "/v1/sessions/{session_key}/messages",
    summary="Send a message; get the reply and the lead (JSON, or SSE with "
    "Accept: text/event-stream)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": MessageIn.model_json_schema()}},
        }
    },
    responses={
        200: {"description": '{"reply", "lead", "duplicate"}; or events token*, done'},
        400: {"description": "bad session key or body"},
        401: {"description": "missing or wrong bearer token"},
        409: {
            "description": "the lead's previous turn is still running (Retry-After), or "
            "the message_id was already used for a different text"
        },
        413: {"description": "message too long"},
        503: {"description": "database unavailable (Retry-After)"},
    },
)
async def post_message(
    session_key: str, request: Request, runtime: RuntimeDep, settings: SettingsDep
) -> Response:
    key = _session_key(session_key)
    message = await _read_message(request, settings)
    run = partial(
        runtime.homer.turn, key, message.text, channel="api", message_id=message.message_id
    )
    if "text/event-stream" in request.headers.get("accept", ""):
        return await _stream(run, runtime)
    outcome = await _guarded(runtime.blocking(run))
    if outcome.error is not None:
        raise _turn_error(outcome.error)
    return JSONResponse(outcome.body())


@api_router.get(
    "/v1/leads/{session_key}",
    summary="The lead: the keys of `homer-agent lead show --json`",
    responses={404: {"description": "no lead has this session key"}},
)
async def get_lead(session_key: str, runtime: RuntimeDep) -> Response:
    return await _lead_response(session_key, runtime.homer.find_lead, runtime)


@api_router.post(
    "/v1/leads/{session_key}/release",
    summary="Hand a conversation a person had taken over back to Homer; the lead",
    responses={404: {"description": "no lead has this session key"}},
)
async def release_lead(session_key: str, runtime: RuntimeDep) -> Response:
    return await _lead_response(session_key, runtime.homer.release_lead, runtime)


async def _lead_response(
    session_key: str, action: Callable[[str], dict[str, Any] | None], runtime: Runtime
) -> Response:
    """`action` on the lead of a valid session key, off the event loop: the lead's JSON, or
    404 when no lead has that key."""
    key = _session_key(session_key)
    lead = await _guarded(runtime.blocking(partial(action, key)))
    if lead is None:
        raise ApiError(404, f"no lead has the session key {key!r}")
    return JSONResponse(lead)


# -- operations

ops_router = APIRouter()


@ops_router.get("/healthz", summary="The process is alive")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@ops_router.get("/readyz", summary="The database answers and its schema is current")
async def readyz(runtime: RuntimeDep) -> Response:
    # Within READY_DEADLINE_SECONDS in every state, a hung server included: a health
    # check that times out marks a replica down as surely as a 503 would, but says less.
    problem: str | None = "the database did not answer within 1 s"
    with anyio.move_on_after(READY_DEADLINE_SECONDS):
        problem = await anyio.to_thread.run_sync(runtime.homer.readiness, abandon_on_cancel=True)
    if problem is not None:
        return error_response(503, problem, {"Retry-After": RETRY_AFTER_SECONDS})
    return JSONResponse({"status": "ready"})


async def metrics_access(request: Request, settings: SettingsDep) -> None:
    """/metrics is public unless HOMER_METRICS_PUBLIC=false; then it wants the bearer token."""
    if not settings.homer_metrics_public:
        await authorised(request, settings)


@ops_router.get(
    "/metrics",
    summary="Prometheus metrics (bearer token needed when HOMER_METRICS_PUBLIC=false)",
    response_class=PlainTextResponse,
    dependencies=[Depends(metrics_access)],
)
async def metrics_endpoint() -> Response:
    return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)


# -- errors: always JSON {"error": ...}


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.headers)


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(400, _describe_validation(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(exc.status_code, str(exc.detail), dict(exc.headers or {}))


async def _conflict(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, MessageIdConflictError)
    return error_response(409, MESSAGE_ID_CONFLICT)


async def _database_error(request: Request, exc: Exception) -> Response:
    log.info("database error: %s", type(exc).__name__)
    error = _unavailable()
    return error_response(error.status, error.message, error.headers)


def create_app(settings: Settings, homer: Homer | None = None) -> FastAPI:
    """The ASGI app. Without `homer`, the lifespan opens the database and loads the agent."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened: Any = None
        if homer is None:
            opened, agent = await anyio.to_thread.run_sync(partial(load_homer, settings))
        else:
            agent = homer
        runtime = Runtime(
            homer=agent,
            limiter=anyio.CapacityLimiter(max(1, settings.homer_pool_max_size - 1)),
            http=httpx.AsyncClient(timeout=SEND_TIMEOUT_SECONDS),
        )
        app.state.runtime = runtime
        try:
            yield
        finally:
            await runtime.drain(SHUTDOWN_GRACE_SECONDS)  # WhatsApp replies still in flight
            await runtime.http.aclose()
            await anyio.to_thread.run_sync(agent.close)
            if opened is not None:
                await anyio.to_thread.run_sync(opened.close)
                if opened.embedded:  # a worker ends by SIGTERM: release its handle now
                    from homer_agent.db.embedded import release_embedded

                    await anyio.to_thread.run_sync(release_embedded)

    app = FastAPI(
        title="Homer lead agent",
        summary="Qualifies real-estate leads in pt-BR: a message in, the reply and the lead out.",
        version="1",
        lifespan=lifespan,
        # HOMER_DOCS_PUBLIC=false: no /docs, /redoc or /openapi.json at all.
        docs_url="/docs" if settings.homer_docs_public else None,
        redoc_url="/redoc" if settings.homer_docs_public else None,
        openapi_url="/openapi.json" if settings.homer_docs_public else None,
    )
    app.state.settings = settings
    app.add_middleware(RequestMetrics)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(MessageIdConflictError, _conflict)
    app.add_exception_handler(psycopg.Error, _database_error)
    app.add_exception_handler(PoolTimeout, _database_error)
    app.include_router(api_router)
    app.include_router(ops_router)
    app.include_router(whatsapp_router)
    return app


def load_homer(settings: Settings) -> tuple[Any, Homer]:
    """Open the database (migrating it) and load the agent: the blocking part of start-up."""
    from homer_agent.agent import load_agent
    from homer_agent.db import connect
    from homer_agent.profile import load_profile

    profile = load_profile(settings.homer_profile)
    database = connect(settings)
    if database.embedded:
        from homer_agent.db.embedded import keep_embedded_alive

        keep_embedded_alive(settings.homer_data_dir)
    metrics.set_build_info(settings.model_name)
    # Replies go out whole (JSON, WhatsApp): the model streams only for a streamed request.
    agent = load_agent(
        settings,
        database.pool,
        profile,
        lambda text: log.warning("%s", text),
        whole_replies=True,
    )
    return database, Homer(settings, agent)


async def _guarded(work: Awaitable[T]) -> T:
    """Database faults outside a turn (reading the lead) become 503 with Retry-After."""
    try:
        return await work
    except (psycopg.Error, PoolTimeout) as exc:
        log.info("database error: %s", type(exc).__name__)
        raise _unavailable() from None


async def _read_message(request: Request, settings: Settings) -> MessageIn:
    limit = settings.homer_max_message_chars
    body = await read_body(request, limit * 6 + BODY_SLACK_BYTES)
    if body is None:
        raise ApiError(413, f"the body is too large; a message has at most {limit} characters")
    try:
        message = MessageIn.model_validate_json(body)
    except ValidationError as exc:
        raise ApiError(400, _describe_validation(exc.errors())) from None
    if message.message_id is not None and not message.message_id.isprintable():
        raise ApiError(400, "message_id has control characters; use printable characters only")
    text = message.text.strip()
    if not text:
        raise ApiError(400, 'the text is empty: send the lead\'s message in "text"')
    if len(text) > limit:
        raise ApiError(
            413, f"the text has {len(text)} characters; the limit is {limit} (send it in parts)"
        )
    return message.model_copy(update={"text": text})


def _describe_validation(errors: Any) -> str:
    """One line from pydantic's errors: where and what."""
    parts = []
    for error in list(errors)[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts) + ' (expected {"text": "...", "message_id"?})'


def _sse(event: str, data: str) -> bytes:
    lines = "".join(f"data: {line}\n" for line in data.split("\n"))
    return f"event: {event}\n{lines}\n".encode()


async def _stream(run: Callable[..., Outcome], runtime: Runtime) -> Response:
    """Server-sent events: `token` per chunk, then `done` with the JSON body.

    The first event is awaited before answering, so a turn that fails before saying
    anything (busy, database down) still gets its JSON error status.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    def on_token(piece: str) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, ("token", piece))

    async def work() -> None:
        try:
            outcome = await runtime.blocking(partial(run, on_token=on_token))
            queue.put_nowait(("done", outcome))
        except Exception as exc:  # reported as an event or an error status
            queue.put_nowait(("fail", exc))

    # The turn finishes even if the client goes away.
    runtime.spawn(work())

    first = await queue.get()
    if first[0] == "token" and first[1] in _ERROR_REPLY_TEXTS:
        second = await queue.get()
        if second[0] == "done" and second[1].error is not None:
            first = second
        else:
            queue.put_nowait(second)  # a reply that happens to equal an error text
    if first[0] == "fail":
        if isinstance(first[1], psycopg.Error | PoolTimeout):
            raise _unavailable()
        raise first[1]
    if first[0] == "done" and first[1].error is not None:
        raise _turn_error(first[1].error)

    async def events() -> AsyncIterator[bytes]:
        item = first
        spacing = ""  # whitespace between messages is sent with the next words, if any
        while True:
            kind, value = item
            if kind == "token" and not value.strip():
                spacing += value
            elif kind == "token":
                yield _sse("token", spacing + value)
                spacing = ""
            elif kind == "done":
                if value.error is not None:
                    yield _sse("error", json.dumps({"error": _ERROR_TEXT[value.error]}))
                else:
                    yield _sse("done", json.dumps(value.body(), ensure_ascii=False))
                return
            else:
                yield _sse("error", json.dumps({"error": _ERROR_TEXT["internal"]}))
                return
            item = await queue.get()

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
