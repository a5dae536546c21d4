"""Every chat-model call, measured once: a LangChain callback handler.

LangChain calls ``on_chat_model_start`` before a chat model runs and exactly one of
``on_llm_end`` / ``on_llm_error`` after it (its own try/except around the call), for every
model a turn uses: the configured one, the probe and the fallback alike. So a call that
fails or times out is observed too, under the model that made it, which a measurement
taken after ``invoke`` returns would miss.
"""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatGeneration, LLMResult

from homer_agent import metrics
from homer_agent.config import OFFLINE_MODEL
from homer_agent.metrics import ModelOutcome
from homer_agent.models.fallback import failure_reason

# The offline model's LangSmith provider; it is configured (and labelled) as "offline".
_OFFLINE_PROVIDER = "homer"


def call_outcome(error: BaseException) -> ModelOutcome:
    """How a failed call ended: timeout, rate_limited, cancelled (Ctrl-C) or error."""
    if not isinstance(error, Exception):
        return "cancelled"
    reason = failure_reason(error)
    if reason == "timeout":
        return "timeout"
    if reason == "rate_limit":
        return "rate_limited"
    return "error"


class ModelCallMetrics(BaseCallbackHandler):
    """Observes each chat-model call in Prometheus and tallies the turn's calls.

    One instance per turn: ``calls``, ``failed`` (error, timeout or rate-limited; not a call
    the user cancelled) and ``ms`` go into the turn's row.
    """

    def __init__(self, default_model: str) -> None:
        self.default_model = default_model
        self.calls = 0
        self.failed = 0
        self.ms = 0.0
        self._running: dict[UUID, tuple[str, float]] = {}

    def on_chat_model_start(
        self,
        serialized: dict[str, Any],
        messages: list[list[BaseMessage]],
        *,
        run_id: UUID,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        meta = metadata or {}
        if meta.get("ls_provider") == _OFFLINE_PROVIDER:
            model = OFFLINE_MODEL
        else:
            model = str(meta.get("ls_model_name") or self.default_model)
        self._running[run_id] = (model, time.perf_counter())

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> None:
        prompt = completion = 0
        for generations in response.generations:
            for generation in generations:
                if not isinstance(generation, ChatGeneration):
                    continue
                usage = getattr(generation.message, "usage_metadata", None)
                if usage:
                    prompt += usage["input_tokens"]
                    completion += usage["output_tokens"]
        self._finish(run_id, "ok", prompt, completion)

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        self._finish(run_id, call_outcome(error))

    def _finish(
        self, run_id: UUID, outcome: ModelOutcome, prompt: int = 0, completion: int = 0
    ) -> None:
        started = self._running.pop(run_id, None)
        if started is None:  # not a chat model's run (a plain LLM's): not ours to count
            return
        model, since = started
        seconds = time.perf_counter() - since
        self.calls += 1
        self.failed += outcome not in ("ok", "cancelled")
        self.ms += seconds * 1000
        metrics.observe_model_call(model, outcome, seconds, prompt, completion)
