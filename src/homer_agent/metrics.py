"""Prometheus metrics for the Homer agent.

Every metric lives on the module-level :data:`REGISTRY` (not prometheus-client's global
default registry), so tests and embedding code see exactly what the agent exports.

The metric names are an interface: the Grafana dashboards under ``docker/grafana/dashboards``
and the alert rules in ``docker/prometheus/alerts.yml`` query them by name. Rename nothing
here without changing those too.

Label values are bounded on purpose: routes, outcomes, error kinds and hand-off reasons are
closed sets (an unknown value is a programming error and raises :class:`ValueError`); tool
names the model invents are folded into ``"unknown"`` unless registered with
:func:`register_tools`; model names come from configuration and are capped at
:data:`MAX_MODELS` distinct values (the rest count as ``"other"``). No label ever carries a
session key, a name or message text.

Every known label combination is pre-initialised to zero, so ``rate()`` and ratio queries
return data before the first event happens.
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Final, Literal, get_args
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    disable_created_metrics,
    generate_latest,
    start_http_server,
)

__all__ = [
    "CIRCUIT_STATES",
    "CLEAN_REASONS",
    "DEFAULT_METRICS_ADDR",
    "DEFAULT_METRICS_PORT",
    "ERROR_KINDS",
    "FALLBACK_REASONS",
    "HANDOFF_REASONS",
    "MAX_MODELS",
    "METRIC_NAMES",
    "MODEL_OUTCOMES",
    "REGISTRY",
    "ROUTES",
    "TOKEN_KINDS",
    "TOOL_OUTCOMES",
    "TURN_OUTCOMES",
    "CircuitState",
    "CleanReason",
    "ErrorKind",
    "FallbackReason",
    "HandoffReason",
    "ModelOutcome",
    "Route",
    "TokenKind",
    "ToolOutcome",
    "TurnOutcome",
    "observe_model_call",
    "observe_sentiment",
    "observe_turn",
    "record_cleaned_reply",
    "record_error",
    "record_fallback",
    "record_handoff",
    "record_tool_call",
    "register_model",
    "register_tools",
    "set_broker_notifications",
    "set_build_info",
    "set_circuit_state",
    "start_metrics_server",
    "start_metrics_server_from_env",
    "stop_metrics_servers",
]

Route = Literal["agent", "handoff"]
TurnOutcome = Literal["ok", "error"]
ToolOutcome = Literal["ok", "invalid", "error"]
ErrorKind = Literal["database", "model", "timeout", "internal", "input", "busy"]
HandoffReason = Literal["hostile", "opt_out", "human"]
TokenKind = Literal["prompt", "completion"]
ModelOutcome = Literal["ok", "error", "timeout", "rate_limited", "cancelled"]
"""How one chat-model call ended; ``cancelled``: the user interrupted it (Ctrl-C)."""

ROUTES: Final[tuple[Route, ...]] = get_args(Route)
TURN_OUTCOMES: Final[tuple[TurnOutcome, ...]] = get_args(TurnOutcome)
TOOL_OUTCOMES: Final[tuple[ToolOutcome, ...]] = get_args(ToolOutcome)
ERROR_KINDS: Final[tuple[ErrorKind, ...]] = get_args(ErrorKind)
HANDOFF_REASONS: Final[tuple[HandoffReason, ...]] = get_args(HandoffReason)
TOKEN_KINDS: Final[tuple[TokenKind, ...]] = get_args(TokenKind)
MODEL_OUTCOMES: Final[tuple[ModelOutcome, ...]] = get_args(ModelOutcome)

DEFAULT_METRICS_PORT: Final = 9464
DEFAULT_METRICS_ADDR: Final = "127.0.0.1"
MAX_MODELS: Final = 16
"""Distinct ``model`` label values kept; later ones are counted as ``"other"``."""
UNKNOWN_TOOL: Final = "unknown"
OTHER_MODEL: Final = "other"
_MAX_LABEL_CHARS: Final = 64

TURN_BUCKETS: Final = (
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    20.0,
    30.0,
    60.0,
)
"""Turn wall time: 1 ms (offline model, cached answers) to 60 s (slow remote model)."""
MODEL_BUCKETS: Final = TURN_BUCKETS[2:]
"""Model calls: the turn's buckets from 5 ms."""
SENTIMENT_BUCKETS: Final = (-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0)

# Counters and histograms get no ``*_created`` series: they double the series count and
# nothing here queries them. This is process-wide, and the agent only exports this registry.
disable_created_metrics()  # type: ignore[no-untyped-call]

REGISTRY: Final = CollectorRegistry()


def _check(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return value


def _closed_counter(name: str, documentation: str, label: str, values: tuple[str, ...]) -> Counter:
    """A counter of :data:`REGISTRY` with one label of the closed set `values`, each at 0."""
    counter = Counter(name, documentation, (label,), registry=REGISTRY)
    for value in values:
        counter.labels(value)
    return counter


def _count(counter: Counter, value: str, values: tuple[str, ...], what: str) -> None:
    """Count one event of `counter`'s closed label `value` (ValueError if not in `values`)."""
    counter.labels(_check(value, values, what)).inc()


TURNS: Final = Counter(
    "homer_turns_total",
    "Chat turns handled, by router decision and outcome.",
    ("route", "outcome"),
    registry=REGISTRY,
)
TURN_DURATION: Final = Histogram(
    "homer_turn_duration_seconds",
    "Wall time of a whole chat turn.",
    ("route",),
    buckets=TURN_BUCKETS,
    registry=REGISTRY,
)
MODEL_CALL_DURATION: Final = Histogram(
    "homer_model_call_duration_seconds",
    "Wall time of each chat-model call (the client's own retries included), observed once "
    "per call whether it answered or failed, by model and outcome.",
    ("model", "outcome"),
    buckets=MODEL_BUCKETS,
    registry=REGISTRY,
)
MODEL_TOKENS: Final = Counter(
    "homer_model_tokens_total",
    "Tokens the chat model reported (or that were counted offline).",
    ("model", "kind"),
    registry=REGISTRY,
)
TOOL_CALLS: Final = Counter(
    "homer_tool_calls_total",
    "Tool calls the model made, by tool and outcome (invalid: arguments refused).",
    ("tool", "outcome"),
    registry=REGISTRY,
)
ERRORS: Final = _closed_counter(
    "homer_errors_total", "Errors met while handling turns, by kind.", "kind", ERROR_KINDS
)
HANDOFFS: Final = _closed_counter(
    "homer_handoffs_total",
    "Conversations handed off to a human, by reason.",
    "reason",
    HANDOFF_REASONS,
)
# Its buckets go below zero, so prometheus-client exports no ``_sum`` (OpenMetrics): query
# the buckets (histogram_quantile) and ``_count``, never a mean from ``_sum``.
SENTIMENT: Final = Histogram(
    "homer_sentiment_compound",
    "VADER compound sentiment of each human message, -1 to 1.",
    buckets=SENTIMENT_BUCKETS,
    registry=REGISTRY,
)
CALENDAR_CONFLICTS: Final = Counter(
    "homer_calendar_conflicts_total",
    "Pending calls not written to the brokers' calendar because their slot is busy there "
    "now (each push that finds it counts once).",
    registry=REGISTRY,
)
PROCESSES: Final = Gauge(
    "homer_processes",
    "Agent processes behind this target: 1 for a chat or a one-process serve, one per "
    "live worker for serve --workers N.",
    registry=REGISTRY,
    multiprocess_mode="livesum",
)
BUILD_INFO: Final = Info(
    "homer_build",
    "Agent version and configured chat model.",
    registry=REGISTRY,
)

METRIC_NAMES: Final = frozenset(
    {
        "homer_turns_total",
        "homer_turn_duration_seconds",
        "homer_model_call_duration_seconds",
        "homer_model_tokens_total",
        "homer_tool_calls_total",
        "homer_errors_total",
        "homer_handoffs_total",
        "homer_sentiment_compound",
        "homer_build_info",
        "homer_model_fallbacks_total",
        "homer_model_circuit_state",
        "homer_processes",
        "homer_calendar_conflicts_total",
        "homer_model_replies_cleaned_total",
        "homer_kb_answers_total",
        "homer_broker_notifications_pending",
        "homer_broker_notifications_failed",
    }
)
"""The names dashboards and alerts query (counters with their ``_total`` suffix)."""

_lock = threading.Lock()
_tools: set[str] = set()
_models: set[str] = set()
_servers: list[tuple[WSGIServer, threading.Thread]] = []


def _clean(value: str) -> str:
    """A label value: printable, trimmed and short."""
    cleaned = "".join(ch for ch in value if ch.isprintable()).strip()
    return cleaned[:_MAX_LABEL_CHARS]


def _preinitialise() -> None:
    for route in ROUTES:
        TURN_DURATION.labels(route=route)
        for outcome in TURN_OUTCOMES:
            TURNS.labels(route=route, outcome=outcome)
    for tool_outcome in TOOL_OUTCOMES:
        TOOL_CALLS.labels(tool=UNKNOWN_TOOL, outcome=tool_outcome)


_preinitialise()


def register_tools(names: Iterable[str]) -> None:
    """Declare the agent's tools, so their series exist at zero and calls keep their name.

    Calls to a tool that was never registered are counted under ``tool="unknown"``: the
    model chooses tool names, so they are not trusted as label values.
    """
    with _lock:
        for name in names:
            tool = _clean(name)
            if not tool:
                raise ValueError("a tool name must not be empty")
            _tools.add(tool)
            for outcome in TOOL_OUTCOMES:
                TOOL_CALLS.labels(tool=tool, outcome=outcome)


def register_model(model: str) -> str:
    """Declare a chat model and pre-initialise its series; returns the label value used."""
    label = _clean(model) or OTHER_MODEL
    with _lock:
        if label not in _models:
            if len(_models) >= MAX_MODELS:
                label = OTHER_MODEL
            _models.add(label)
            for outcome in MODEL_OUTCOMES:
                MODEL_CALL_DURATION.labels(model=label, outcome=outcome)
            for kind in TOKEN_KINDS:
                MODEL_TOKENS.labels(model=label, kind=kind)
    return label


def set_build_info(model: str, agent_version: str | None = None) -> None:
    """Export ``homer_build_info{version, model} 1`` and register the model."""
    if agent_version is None:
        try:
            agent_version = version("homer-agent")
        except PackageNotFoundError:
            agent_version = "unknown"
    label = register_model(model)
    BUILD_INFO.info({"version": _clean(agent_version) or "unknown", "model": label})
    PROCESSES.set(1)


def record_calendar_conflict() -> None:
    """A pending call found its slot busy in the calendar and was not written."""
    CALENDAR_CONFLICTS.inc()


MULTIPROC_ENV: Final = "PROMETHEUS_MULTIPROC_DIR"


def exposition() -> bytes:
    """What /metrics answers: this process's registry, or, under `serve --workers N`
    (PROMETHEUS_MULTIPROC_DIR set), every worker's metrics merged."""
    directory = os.environ.get(MULTIPROC_ENV)
    if not directory:
        return bytes(generate_latest(REGISTRY))
    return multiprocess_exposition(directory)


def multiprocess_exposition(directory: str) -> bytes:
    """Every worker's counters and histograms (a dead worker's included: counts never go
    back) and the live workers' gauges, from `directory`; plus this process's build info
    (an Info is kept in memory only, and is the same in every worker)."""
    from prometheus_client import multiprocess

    forget_dead_workers(directory)
    merged = CollectorRegistry()
    multiprocess.MultiProcessCollector(merged, path=directory)  # type: ignore[no-untyped-call]
    own = REGISTRY.restricted_registry(["homer_build_info"])
    return bytes(generate_latest(merged)) + bytes(generate_latest(own))


_PID_FILE = re.compile(r"_(\d+)\.db$")


def forget_dead_workers(directory: str) -> None:
    """Remove the live-gauge files of worker processes that no longer exist."""
    from prometheus_client import multiprocess

    pids = set()
    for name in os.listdir(directory):
        match = _PID_FILE.search(name)
        if match and name.startswith("gauge_live"):
            pids.add(int(match.group(1)))
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            multiprocess.mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]
        except PermissionError:
            pass  # alive, someone else's


def observe_turn(route: Route, outcome: TurnOutcome, seconds: float) -> None:
    """Count one finished turn and observe its wall time."""
    _check(route, ROUTES, "route")
    _check(outcome, TURN_OUTCOMES, "turn outcome")
    TURNS.labels(route=route, outcome=outcome).inc()
    TURN_DURATION.labels(route=route).observe(max(seconds, 0.0))


def observe_model_call(
    model: str,
    outcome: ModelOutcome,
    seconds: float,
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
) -> None:
    """Observe one chat-model call: how it ended, its wall time and the tokens it used."""
    _check(outcome, MODEL_OUTCOMES, "model call outcome")
    label = register_model(model)
    MODEL_CALL_DURATION.labels(model=label, outcome=outcome).observe(max(seconds, 0.0))
    if prompt_tokens > 0:
        MODEL_TOKENS.labels(model=label, kind="prompt").inc(prompt_tokens)
    if completion_tokens > 0:
        MODEL_TOKENS.labels(model=label, kind="completion").inc(completion_tokens)


def record_tool_call(tool: str, outcome: ToolOutcome) -> None:
    """Count one tool call; unregistered tool names are counted as ``"unknown"``."""
    _check(outcome, TOOL_OUTCOMES, "tool outcome")
    name = _clean(tool)
    with _lock:
        label = name if name in _tools else UNKNOWN_TOOL
    TOOL_CALLS.labels(tool=label, outcome=outcome).inc()


def record_error(kind: ErrorKind) -> None:
    """Count one error of a known kind."""
    _count(ERRORS, kind, ERROR_KINDS, "error kind")


def record_handoff(reason: HandoffReason) -> None:
    """Count one hand-off to a human."""
    _count(HANDOFFS, reason, HANDOFF_REASONS, "hand-off reason")


def observe_sentiment(compound: float) -> None:
    """Observe the VADER compound score of a human message (clamped to -1..1)."""
    if math.isnan(compound):
        return
    SENTIMENT.observe(min(max(compound, -1.0), 1.0))


def start_metrics_server(port: int, addr: str = DEFAULT_METRICS_ADDR) -> int | None:
    """Serve :data:`REGISTRY` on ``http://addr:port/metrics`` from a daemon thread.

    ``port`` 0 disables the server and returns ``None``; otherwise returns the bound port.
    The default address is loopback; a container sets ``HOMER_METRICS_ADDR=0.0.0.0`` so
    Prometheus on the compose network can scrape it.
    """
    if not 0 <= port <= 65535:
        raise ValueError(f"metrics port must be 0-65535, got {port}")
    if port == 0:
        return None
    server, thread = start_http_server(port, addr=addr, registry=REGISTRY)
    with _lock:
        _servers.append((server, thread))
    return int(server.server_port)


def start_metrics_server_from_env(environ: Mapping[str, str] | None = None) -> int | None:
    """:func:`start_metrics_server` on ``HOMER_METRICS_PORT`` / ``HOMER_METRICS_ADDR``.

    Defaults: port 9464, address 127.0.0.1. A port of 0 disables the server.
    """
    env = os.environ if environ is None else environ
    raw_port = env.get("HOMER_METRICS_PORT", "").strip()
    try:
        port = int(raw_port) if raw_port else DEFAULT_METRICS_PORT
    except ValueError:
        raise ValueError(f"HOMER_METRICS_PORT must be an integer, got {raw_port!r}") from None
    addr = env.get("HOMER_METRICS_ADDR", "").strip() or DEFAULT_METRICS_ADDR
    return start_metrics_server(port, addr=addr)


def stop_metrics_servers() -> None:
    """Shut down every server :func:`start_metrics_server` started (tests, clean exit)."""
    with _lock:
        servers = list(_servers)
        _servers.clear()
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# ---------------------------------------------------------------- the model fallback
# Kept in one block: the provider's circuit breaker and the turns the offline model took
# over (see homer_agent.models.fallback). One provider per process, so no model label:
# homer_build_info names it.

FallbackReason = Literal[
    "timeout", "rate_limit", "server_error", "connection", "auth", "other", "circuit_open"
]
"""Why a turn was answered by the fallback model: how the provider failed after its
retries, or ``circuit_open`` when the breaker sent the turn straight to the fallback."""
CircuitState = Literal["closed", "half_open", "open"]

FALLBACK_REASONS: Final[tuple[FallbackReason, ...]] = get_args(FallbackReason)
CIRCUIT_STATES: Final[tuple[CircuitState, ...]] = get_args(CircuitState)

MODEL_FALLBACKS: Final = _closed_counter(
    "homer_model_fallbacks_total",
    "Turns the fallback (offline) model answered because the provider could not, by reason.",
    "reason",
    FALLBACK_REASONS,
)
MODEL_CIRCUIT_STATE: Final = Gauge(
    "homer_model_circuit_state",
    "Circuit breaker in front of the model provider: 0 closed, 1 half-open (one probe "
    "turn), 2 open (turns go straight to the fallback).",
    registry=REGISTRY,
    multiprocess_mode="livemax",  # serve --workers: the worst live worker
)


def record_fallback(reason: FallbackReason) -> None:
    """Count one turn the fallback model answered, by why the provider did not."""
    _count(MODEL_FALLBACKS, reason, FALLBACK_REASONS, "fallback reason")


def set_circuit_state(state: CircuitState) -> None:
    """Export the provider circuit's state: 0 closed, 1 half-open, 2 open."""
    MODEL_CIRCUIT_STATE.set(CIRCUIT_STATES.index(_check(state, CIRCUIT_STATES, "circuit state")))


# ---------------------------------------------------------------- cleaned model replies
# What the model said, cleaned before the lead saw it (see homer_agent.model_replies).

CleanReason = Literal["template_token", "empty", "junk"]
"""Why a model's reply was changed: ``template_token``, chat-template tokens (or a turn the
model made up after one) removed; ``empty`` or ``junk`` (no letter or digit left), the reply
replaced by a safe line."""
CLEAN_REASONS: Final[tuple[CleanReason, ...]] = get_args(CleanReason)

MODEL_REPLIES_CLEANED: Final = _closed_counter(
    "homer_model_replies_cleaned_total",
    "Model replies changed before the lead saw them or they were stored, by reason.",
    "reason",
    CLEAN_REASONS,
)


def record_cleaned_reply(reason: CleanReason) -> None:
    """Count one model reply that was cleaned, by why."""
    _count(MODEL_REPLIES_CLEANED, reason, CLEAN_REASONS, "clean reason")


# -- questions about the development ------------------------------------------------------

KbReason = Literal["kb_answered", "kb_no_passage", "kb_low_confidence", "price_to_broker"]
"""Why a question about the development got a passage of the documents or the broker line:
answered from a passage; no passage (or a word no document contains); the best passage
covers too little of the question; a price, discount or negotiation question (or a topic
the profile leaves to a broker)."""
KB_REASONS: Final[tuple[KbReason, ...]] = get_args(KbReason)

KB_ANSWERS: Final = _closed_counter(
    "homer_kb_answers_total",
    "Questions about the development, by how they were answered: kb_answered (a passage), "
    "kb_no_passage, kb_low_confidence or price_to_broker (the broker line).",
    "reason",
    KB_REASONS,
)


def record_kb_answer(reason: KbReason) -> None:
    """Count one question about the development, by why it got a passage or the broker line."""
    _count(KB_ANSWERS, reason, KB_REASONS, "kb reason")


# ---------------------------------------------------------------- broker notifications
# The outbox of the brokers' webhook (homer_agent.notify), counted after each delivery
# pass. Every replica exports the same database-wide counts: aggregate with max().

BROKER_NOTIFICATIONS_PENDING: Final = Gauge(
    "homer_broker_notifications_pending",
    "Broker notifications not yet accepted by the webhook, still retried automatically.",
    registry=REGISTRY,
    multiprocess_mode="livemax",
)
BROKER_NOTIFICATIONS_FAILED: Final = Gauge(
    "homer_broker_notifications_failed",
    "Broker notifications given up on after every automatic retry: `homer-agent notify sync`.",
    registry=REGISTRY,
    multiprocess_mode="livemax",
)


def set_broker_notifications(*, pending: int, failed: int) -> None:
    """Export the outbox's unsent counts as of the latest delivery pass."""
    BROKER_NOTIFICATIONS_PENDING.set(pending)
    BROKER_NOTIFICATIONS_FAILED.set(failed)
