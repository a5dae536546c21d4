"""When the model provider cannot answer, the offline model takes the turn.

`Fallback.invoke` calls the provider's model (with its configured retries); when that
fails — a timeout, a 5xx, a 429 past its Retry-After, a refused connection, a 401/403 —
the same prompt goes to the offline model, so the graph, the tools and the lead row
carry on as if the LLM had answered. Tool calls the provider made earlier in the turn
have already run: the offline model sees their results at the end of the prompt and
acknowledges them instead of calling again. Once a turn has fallen back, the rest of it
stays with the offline model.

A `CircuitBreaker` keeps outages cheap: after N consecutive failed turns the circuit
opens and turns go straight to the offline model for a cool-down; then one turn probes
the provider (half-open, one try without retries) and closes the circuit if it answers.
An authentication error opens the circuit at once: waiting will not fix a bad key.

Why not LangChain's `with_fallbacks`: it retries the fallback on every call but keeps no
state between calls (no breaker, no "this turn already fell back") and does not say
which model answered or why, which the turn record and the metrics need.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable

from homer_agent.metrics import CircuitState, FallbackReason

log = logging.getLogger(__name__)

ChatRunnable = Runnable[LanguageModelInput, BaseMessage]


class CircuitBreaker:
    """Consecutive-failure circuit breaker (closed → open → half-open → closed).

    Thread-safe: the service runs turns of many leads at once against one provider.
    """

    def __init__(
        self,
        failures: int,
        cooldown: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        on_change: Callable[[CircuitState], None] | None = None,
    ) -> None:
        if failures < 1 or cooldown <= 0:
            raise ValueError("a circuit breaker needs failures >= 1 and cooldown > 0")
        self.threshold = failures
        self.cooldown = cooldown
        self._clock = clock
        self._on_change = on_change
        self._lock = threading.Lock()
        self._state: CircuitState = "closed"
        self._failures = 0
        self._opened_at = 0.0
        if on_change is not None:
            on_change("closed")

    @property
    def state(self) -> CircuitState:
        with self._lock:
            return self._state

    def retry_in(self) -> float:
        """Seconds until an open circuit lets a probe through (0 when not open)."""
        with self._lock:
            if self._state != "open":
                return 0.0
            return max(0.0, self._opened_at + self.cooldown - self._clock())

    def acquire(self) -> CircuitState | None:
        """May a call go to the provider? "closed": yes; "half_open": yes, and it is the
        probe; None: no, the circuit is open (or another call is probing)."""
        with self._lock:
            if self._state == "closed":
                return "closed"
            if self._state == "open" and self._clock() - self._opened_at >= self.cooldown:
                self._set("half_open")
                return "half_open"
            return None

    def succeeded(self) -> None:
        """The provider answered: close the circuit and forget earlier failures."""
        with self._lock:
            self._failures = 0
            if self._state != "closed":
                self._set("closed")

    def failed(self, *, trip: bool = False) -> bool:
        """The provider failed (after its retries); `trip` opens the circuit at once.
        True when this failure opened the circuit."""
        with self._lock:
            self._failures += 1
            if self._state == "open":
                return False
            if trip or self._state == "half_open" or self._failures >= self.threshold:
                self._opened_at = self._clock()
                self._set("open")
                return True
            return False

    def _set(self, state: CircuitState) -> None:
        self._state = state
        if self._on_change is not None:
            self._on_change(state)


def failure_reason(exc: BaseException) -> FallbackReason:
    """How the provider's call failed. Anything the client raised that is not one of the
    known failures (a garbled stream, say) is "other": the lead is answered all the same."""
    import httpx
    import openai

    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return "auth"
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError | httpx.TransportError):
        return "connection"
    if isinstance(exc, openai.RateLimitError):
        return "rate_limit"
    if isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
        return "server_error"
    return "other"


_DESCRIPTIONS: dict[FallbackReason, str] = {
    "timeout": "no answer within HOMER_MODEL_TIMEOUT",
    "rate_limit": "rate limited (HTTP 429)",
    "server_error": "server error (HTTP 5xx)",
    "connection": "connection failed",
    "auth": "authentication refused",
    "other": "unexpected error",
    "circuit_open": "circuit open",
}


def _auth_notice(exc: BaseException, provider: str) -> str:
    """Which setting to fix; never the provider's message, which may quote the key."""
    status = getattr(exc, "status_code", None)
    if status == 403:
        return (
            f"model provider: access denied (HTTP 403) to model {provider!r}: check that "
            "OPENAI_API_KEY may use HOMER_MODEL (or set HOMER_MODEL=offline); the offline "
            "model answers meanwhile."
        )
    return (
        "model provider: the API key was refused (HTTP 401): set OPENAI_API_KEY to a valid "
        "key for OPENAI_BASE_URL (or set HOMER_MODEL=offline); the offline model answers "
        "meanwhile."
    )


@dataclass(slots=True)
class _Told:
    """What the developer has been told, shared by every copy of a Fallback."""

    auth: bool = False
    degraded: bool = False
    opened: bool = False


@dataclass(frozen=True, slots=True)
class Fallback:
    """The offline model standing in for the provider, behind a circuit breaker."""

    model: ChatRunnable
    """The fallback model (the offline one), answering whatever the provider could not."""
    breaker: CircuitBreaker
    provider: str
    """The provider's model name, for the developer's notices."""
    probe: ChatRunnable | None = None
    """The provider's model without retries, for the half-open probe; None: the turn's own."""
    name: str = "offline"
    notify: Callable[[str], None] = log.warning
    """Tells the developer (standard error in the terminal), never the lead."""
    _told: _Told = field(default_factory=_Told)

    def bind_tools(self, tools: Sequence[Any]) -> Fallback:
        """The same fallback (same breaker) with `tools` bound to its models."""
        return replace(
            self,
            model=_bind(self.model, tools),
            probe=_bind(self.probe, tools) if self.probe is not None else None,
        )

    def invoke(
        self, primary: ChatRunnable, prompt: LanguageModelInput, fell_back: FallbackReason | None
    ) -> tuple[Any, FallbackReason | None]:
        """`primary`'s answer, or the fallback's when the provider cannot give one, and why
        it fell back (None: the provider answered). `fell_back`: this turn already did, so
        the fallback answers straight away."""
        if fell_back is not None:
            return self.model.invoke(prompt), fell_back
        gate = self.breaker.acquire()
        if gate is None:
            return self.model.invoke(prompt), "circuit_open"
        model = self.probe if gate == "half_open" and self.probe is not None else primary
        try:
            response = model.invoke(prompt)
        except Exception as exc:
            reason = failure_reason(exc)
            opened = self.breaker.failed(trip=reason == "auth")
            log.info("provider failed (%s: %s); the fallback answers", reason, type(exc).__name__)
            log.debug("provider failure", exc_info=exc)
            self._tell_failure(reason, exc, opened)
            return self.model.invoke(prompt), reason
        self.breaker.succeeded()
        if self._told.degraded:
            self._told.degraded = self._told.opened = False
            self.notify(f"model provider: {self.provider} answers again.")
        return response, None

    def _tell_failure(self, reason: FallbackReason, exc: BaseException, opened: bool) -> None:
        told = self._told
        if reason == "auth":
            if not told.auth:
                told.auth = True
                self.notify(_auth_notice(exc, self.provider))
            told.degraded = told.opened = True
            return
        if not told.degraded:
            told.degraded = True
            self.notify(
                f"model provider: {self.provider} failed ({_DESCRIPTIONS[reason]}); "
                f"the {self.name} model answers instead."
            )
        if opened and not told.opened:
            told.opened = True
            self.notify(
                f"model provider: {self.breaker.threshold} failures in a row; turns go "
                f"straight to the {self.name} model, and {self.provider} is tried again "
                f"every {self.breaker.cooldown:g} s."
            )


def _bind(model: ChatRunnable, tools: Sequence[Any]) -> ChatRunnable:
    if not isinstance(model, BaseChatModel):
        raise TypeError("tools are bound once, to the bare chat models")
    return model.bind_tools(tools)
