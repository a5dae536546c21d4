"""One observation per chat-model call, by model and outcome, and exact counts in `turns`.

Sessions run in process against `tests.support.fake_openai.FakeOpenAI` (real HTTP) and the test
PostgreSQL. Each provider failure the client can meet — a 429, a 5xx, an answer slower than
HOMER_MODEL_TIMEOUT — is one observation of `homer_model_call_duration_seconds` with its
outcome, also when the turn fails; the turn's row counts the calls and the failed ones.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from homer_agent import metrics
from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.model_calls import call_outcome
from homer_agent.session import Session
from tests.support.fake_openai import Error, FakeOpenAI, Text
from tests.support.sessions import FAKE_MODEL, fake_settings, settings_session

pytestmark = pytest.mark.timeout(120)

MODEL = FAKE_MODEL
HISTOGRAM = "homer_model_call_duration_seconds"


def _sample(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


def _calls(model: str, outcome: str) -> float:
    return _sample(f"{HISTOGRAM}_count", model=model, outcome=outcome)


def _snapshot() -> dict[tuple[str, str], float]:
    return {(m, o): _calls(m, o) for m in (MODEL, "offline") for o in metrics.MODEL_OUTCOMES}


def _delta(before: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    after = _snapshot()
    return {key: after[key] - before[key] for key in after if after[key] != before[key]}


def _last_turn(pool: Pool, session: Session) -> dict[str, Any]:
    with pool.connection() as conn:
        conn.row_factory = dict_row  # type: ignore[assignment]
        row = conn.execute(
            "SELECT model_calls, model_errors, model_ms, error FROM turns "
            "WHERE lead_id = %s ORDER BY id DESC LIMIT 1",
            (session.lead.id,),
        ).fetchone()
    assert row is not None
    return dict(row)


def test_an_answered_call_is_one_ok_observation_with_its_tokens(
    provider: FakeOpenAI, pool: Pool
) -> None:
    session = settings_session(pool, "calls-ok", fake_settings(provider, homer_fallback="none"))
    tokens = _sample("homer_model_tokens_total", model=MODEL, kind="completion")
    before = _snapshot()
    provider.script(Text("Olá! Como posso te chamar?"))
    result = session.turn("Oi")
    assert result.error is None
    assert _delta(before) == {(MODEL, "ok"): 1}
    assert _sample("homer_model_tokens_total", model=MODEL, kind="completion") > tokens
    row = _last_turn(pool, session)
    assert (row["model_calls"], row["model_errors"], row["error"]) == (1, 0, None)
    assert row["model_ms"] > 0


@pytest.mark.parametrize(
    ("response", "outcome", "turn_error"),
    [
        pytest.param(Error(429, retry_after=0.01), "rate_limited", "model", id="429"),
        pytest.param(Error(500, retry_after=0.01), "error", "model", id="500"),
        pytest.param(Text("tarde demais", delay=30), "timeout", "timeout", id="timeout"),
    ],
)
def test_a_failed_call_is_observed_with_its_outcome(
    provider: FakeOpenAI, pool: Pool, response: Any, outcome: str, turn_error: str
) -> None:
    session = settings_session(
        pool,
        f"calls-{outcome}",
        fake_settings(provider, homer_fallback="none", homer_model_timeout=0.5),
    )
    before = _snapshot()
    slow_before = _sample(f"{HISTOGRAM}_bucket", model=MODEL, outcome=outcome, le="0.25")
    provider.script(response)
    result = session.turn("Oi, sou a Vera")
    assert result.error == turn_error
    assert _delta(before) == {(MODEL, outcome): 1}
    row = _last_turn(pool, session)
    assert (row["model_calls"], row["model_errors"], row["error"]) == (1, 1, turn_error)
    if outcome == "timeout":
        # Observed when the client gave up (0.5 s), not at some earlier instant.
        assert _sample(f"{HISTOGRAM}_bucket", model=MODEL, outcome=outcome, le="0.25") == (
            slow_before
        )
        assert row["model_ms"] >= 500


def test_a_fallen_back_call_counts_the_failure_and_the_fallbacks_answer(
    provider: FakeOpenAI, pool: Pool
) -> None:
    settings = fake_settings(provider, homer_fallback="offline", homer_circuit_failures=5)
    session = settings_session(pool, "calls-fallback", settings)
    before = _snapshot()
    provider.script(Error(429, retry_after=0.01))
    result = session.turn("Oi, sou a Rita")
    assert result.error is None and result.stats.fallback_reason == "rate_limit"
    # The offline model then saves the name (a tool call) and replies: two calls.
    assert _delta(before) == {(MODEL, "rate_limited"): 1, ("offline", "ok"): 2}
    row = _last_turn(pool, session)
    assert (row["model_calls"], row["model_errors"]) == (3, 1)


def test_turn_rows_count_every_call_of_a_tool_round(pool: Pool) -> None:
    """The offline model: a name makes a tool call, then the reply: two calls, one turn."""
    session = settings_session(pool, "calls-offline", Settings(homer_model="offline"))
    before = _snapshot()
    result = session.turn("Meu nome é Carla Dias")
    assert result.error is None and result.stats.tool_calls == 1
    assert _delta(before) == {("offline", "ok"): 2}
    assert _last_turn(pool, session)["model_calls"] == 2


def test_call_outcomes_of_exceptions() -> None:
    import httpx
    import openai

    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    limited = openai.RateLimitError(
        "slow down", response=httpx.Response(429, request=request), body=None
    )
    assert call_outcome(limited) == "rate_limited"
    assert call_outcome(openai.APITimeoutError(request)) == "timeout"
    assert call_outcome(httpx.ReadTimeout("slow")) == "timeout"
    assert call_outcome(ValueError("a bug of ours")) == "error"
    assert call_outcome(psycopg.OperationalError("gone")) == "error"
    assert call_outcome(KeyboardInterrupt()) == "cancelled"
