"""The offline model takes the turn when the model provider cannot (HOMER_FALLBACK).

Real `homer-agent chat` subprocesses talk to `tests.support.fake_openai.FakeOpenAI` (a scripted
OpenAI-compatible server over real HTTP) that goes down, refuses the key or answers
too slowly; the lead row, the `turns` rows and the server's request log are the proof.
The circuit breaker's state machine is checked on its own with a hand-turned clock.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from homer_agent import metrics
from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.models import make_fallback
from homer_agent.models.fallback import CircuitBreaker, failure_reason
from homer_agent.session import ERROR_REPLIES
from tests.conftest import run_cli
from tests.support.fake_openai import Error, FakeOpenAI, Garbled, Refused, Text, ToolCalls, call
from tests.support.reliability_support import chat_process, lead_row, turn_rows
from tests.support.sessions import FAKE_MODEL, fake_settings, settings_session

pytestmark = pytest.mark.timeout(240)

MODEL = FAKE_MODEL
APOLOGIES = set(ERROR_REPLIES.values())


def _env(provider: FakeOpenAI, db_url: str, **extra: str) -> dict[str, str]:
    return provider.env(MODEL) | {"DATABASE_URL": db_url} | extra


def _answered(db_url: str, key: str) -> list[tuple[str, str | None, str | None]]:
    """(model, fallback_reason, error) of each turn of the lead, oldest first."""
    lead = lead_row(db_url, key)
    assert lead is not None
    return [(t["model"], t["fallback_reason"], t["error"]) for t in turn_rows(db_url, lead["id"])]


def _offline_replies(pool: Pool, key: str, *messages: str) -> list[str]:
    """What the offline model alone answers to `messages`, in a conversation of its own."""
    session = settings_session(pool, key, Settings(homer_model="offline"))
    return [session.turn(text).reply for text in messages]


# ---------------------------------------------------------------- end to end


def test_an_outage_mid_conversation_is_answered_by_the_offline_model(
    provider: FakeOpenAI, db_url: str, pool: Pool, tmp_path: Path
) -> None:
    provider.script(Text("Olá! Como posso te chamar?"))
    env = _env(
        provider,
        db_url,
        HOMER_MODEL_RETRIES="1",
        HOMER_CIRCUIT_FAILURES="2",
        HOMER_CIRCUIT_COOLDOWN="600",
    )
    said = ["Bom dia, meu nome é Lúcia Prado", "tenho até 500 mil de orçamento", "quero 3 quartos"]
    with chat_process("outage", env, tmp_path) as chat:
        assert chat.ask("Oi") == "Olá! Como posso te chamar?"
        provider.down(Error(503, retry_after=0.01))
        replies = []
        requests = []
        for text in said:
            replies.append(chat.ask(text))
            requests.append(len(provider.chat_requests))
        code, rest = chat.close()
        stderr = chat.stderr()
    assert (code, rest) == (0, "")

    # The facts in the failed turns landed, through the offline model's tool calls.
    lead = lead_row(db_url, "outage")
    assert lead is not None
    assert (lead["name"], lead["budget_brl"], lead["bedrooms"]) == ("Lúcia Prado", 500_000, 3)
    # The lead got the offline model's replies, word for word, and no apology.
    expected = _offline_replies(pool, "offline-twin", "Oi", *said)[1:]
    assert replies == expected
    assert not APOLOGIES & set(replies)
    # Two failed turns (a try and a retry each) open the circuit: the third goes straight
    # to the offline model, without a request.
    assert requests == [3, 5, 5]
    assert _answered(db_url, "outage") == [
        (MODEL, None, None),
        ("offline", "server_error", None),
        ("offline", "server_error", None),
        ("offline", "circuit_open", None),
    ]
    # The developer is told on standard error, once per event; the lead is never told.
    assert stderr.count(f"{MODEL} failed (server error") == 1, stderr
    assert stderr.count("2 failures in a row") == 1, stderr
    assert "Traceback" not in stderr
    assert not any("model provider" in reply for reply in replies)


def test_tool_calls_the_provider_made_before_failing_stay_done_and_are_not_repeated(
    provider: FakeOpenAI, db_url: str, pool: Pool
) -> None:
    provider.script(
        ToolCalls(call("update_lead_name", name="Lúcia Prado")),
        Error(503, retry_after=0.01),
        Error(503, retry_after=0.01),
    )
    result = run_cli(
        "chat",
        "--session",
        "half-done",
        env=_env(provider, db_url, HOMER_MODEL_RETRIES="1"),
        stdin="Bom dia, meu nome é Lúcia Prado\n",
    )
    assert result.returncode == 0, result.stderr

    lead = lead_row(db_url, "half-done")
    assert lead is not None and lead["name"] == "Lúcia Prado"
    [turn] = turn_rows(db_url, lead["id"])
    # One tool call: the provider's. The offline model acknowledged its result instead of
    # calling the tool again.
    assert (turn["tool_calls"], turn["model"], turn["fallback_reason"]) == (
        1,
        "offline",
        "server_error",
    )
    assert result.stdout.startswith("Prazer, Lúcia!"), result.stdout
    assert len(provider.chat_requests) == 3
    assert provider.pending() == 0


def test_after_the_cool_down_one_probe_goes_to_the_provider_and_then_it_answers_again(
    provider: FakeOpenAI, db_url: str, tmp_path: Path
) -> None:
    cooldown = 1.0
    env = _env(
        provider,
        db_url,
        HOMER_MODEL_RETRIES="2",
        HOMER_CIRCUIT_FAILURES="1",
        HOMER_CIRCUIT_COOLDOWN=str(cooldown),
    )
    provider.down(Refused())
    with chat_process("recovery", env, tmp_path) as chat:
        chat.wait_ready()
        chat.ask("Oi, sou o Ricardo")  # refused, three tries: the circuit opens
        chat.ask("quero 4 quartos")  # open: no try at all
        time.sleep(cooldown + 0.2)
        provider.up()
        provider.down(Error(500))
        chat.ask("no Cumbuco")  # the probe: one try, no retries; it fails, the circuit reopens
        probes = len(provider.chat_requests)
        chat.ask("até 2 milhões")  # open again
        time.sleep(cooldown + 0.2)
        provider.up()
        provider.script(Text("Anotado! Quando posso pedir para um corretor ligar?"), Text("Ok!"))
        probe = chat.ask("tudo certo?")  # the probe: the provider answers, the circuit closes
        after = chat.ask("obrigado")
        code, _ = chat.close()
        stderr = chat.stderr()
    assert code == 0
    assert (probe, after) == ("Anotado! Quando posso pedir para um corretor ligar?", "Ok!")
    assert probes == 1
    assert len(provider.chat_requests) == 3
    assert _answered(db_url, "recovery") == [
        ("offline", "connection", None),
        ("offline", "circuit_open", None),
        ("offline", "server_error", None),
        ("offline", "circuit_open", None),
        (MODEL, None, None),
        (MODEL, None, None),
    ]
    lead = lead_row(db_url, "recovery")
    assert lead is not None
    assert (lead["name"], lead["bedrooms"], lead["neighborhood"], lead["budget_brl"]) == (
        "Ricardo",
        4,
        "Cumbuco",
        2_000_000,
    )
    assert stderr.count(f"{MODEL} answers again") == 1, stderr


@pytest.mark.parametrize(
    ("status", "setting"), [(401, "set OPENAI_API_KEY"), (403, "may use HOMER_MODEL")]
)
def test_an_authentication_error_opens_the_circuit_at_once_and_says_what_to_fix_once(
    provider: FakeOpenAI, db_url: str, status: int, setting: str
) -> None:
    provider.down(Error(status, "Incorrect API key provided: sk-leaked-in-the-message"))
    result = run_cli(
        "chat",
        "--session",
        f"auth-{status}",
        env=_env(provider, db_url, HOMER_MODEL_RETRIES="2", HOMER_CIRCUIT_FAILURES="5"),
        stdin="Oi, meu nome é Marta Lima\nquero 2 quartos\nno Centro\n",
    )
    assert result.returncode == 0, result.stderr
    # Not retried, and the circuit opened on the first failure: one request in all.
    assert len(provider.chat_requests) == 1
    assert _answered(db_url, f"auth-{status}") == [
        ("offline", "auth", None),
        ("offline", "circuit_open", None),
        ("offline", "circuit_open", None),
    ]
    lead = lead_row(db_url, f"auth-{status}")
    assert lead is not None
    assert (lead["name"], lead["bedrooms"], lead["neighborhood"]) == ("Marta Lima", 2, "Centro")
    assert result.stderr.count(setting) == 1, result.stderr
    assert result.stderr.count(f"HTTP {status}") == 1, result.stderr
    assert "sk-leaked" not in result.stderr + result.stdout
    assert not APOLOGIES & set(result.stdout.splitlines())


def test_a_provider_slower_than_the_timeout_is_not_waited_for_past_it(
    provider: FakeOpenAI, db_url: str
) -> None:
    provider.down(Text("tarde demais", delay=60))
    result = run_cli(
        "chat",
        "--session",
        "slow",
        env=_env(provider, db_url, HOMER_MODEL_TIMEOUT="1", HOMER_MODEL_RETRIES="1"),
        stdin="Oi, aqui é a Beatriz\n",
    )
    assert result.returncode == 0, result.stderr
    assert len(provider.chat_requests) == 2
    assert _answered(db_url, "slow") == [("offline", "timeout", None)]
    lead = lead_row(db_url, "slow")
    assert lead is not None and lead["name"] == "Beatriz"
    assert result.stdout.startswith("Prazer, Beatriz!"), result.stdout
    assert "tarde demais" not in result.stdout + result.stderr
    assert "no answer within HOMER_MODEL_TIMEOUT" in result.stderr


def test_fallback_none_keeps_the_apology_and_waits_on_every_turn(
    provider: FakeOpenAI, db_url: str
) -> None:
    provider.down(Error(503, retry_after=0.01))
    result = run_cli(
        "chat",
        "--session",
        "no-fallback",
        env=_env(
            provider,
            db_url,
            HOMER_FALLBACK="none",
            HOMER_MODEL_RETRIES="1",
            HOMER_CIRCUIT_FAILURES="1",
        ),
        stdin="Bom dia, meu nome é Lúcia Prado\ntenho até 500 mil\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [ERROR_REPLIES["model"]] * 2
    # No breaker either: each turn tried and retried.
    assert len(provider.chat_requests) == 4
    assert _answered(db_url, "no-fallback") == [(MODEL, None, "model")] * 2
    lead = lead_row(db_url, "no-fallback")
    assert lead is not None and (lead["name"], lead["budget_brl"]) == (None, None)
    assert "offline model if it fails" not in result.stderr


def test_a_bad_fallback_setting_is_one_line() -> None:
    result = run_cli("chat", "--session", "k", env={"HOMER_FALLBACK": "llama"})
    assert result.returncode != 0
    assert "HOMER_FALLBACK" in result.stderr and "offline" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


# ---------------------------------------------------------------- in process


def test_fallback_metrics_count_turns_by_reason_and_show_the_circuit(
    provider: FakeOpenAI, pool: Pool
) -> None:
    told: list[str] = []
    settings = fake_settings(provider, homer_circuit_failures=1, homer_circuit_cooldown=600)
    session = settings_session(pool, "metrics", settings, told.append)

    def fallbacks(reason: str) -> float:
        return _sample("homer_model_fallbacks_total", reason=reason)

    before = {r: fallbacks(r) for r in ("rate_limit", "circuit_open")}
    assert _sample("homer_model_circuit_state") == 0
    provider.down(Error(429, retry_after=0.01))
    first = session.turn("Oi, sou a Rita")
    second = session.turn("quero 3 quartos")
    assert (first.error, second.error) == (None, None)
    assert (first.stats.fallback_reason, second.stats.fallback_reason) == (
        "rate_limit",
        "circuit_open",
    )
    assert fallbacks("rate_limit") == before["rate_limit"] + 1
    assert fallbacks("circuit_open") == before["circuit_open"] + 1
    assert _sample("homer_model_circuit_state") == 2
    assert len(told) == 2 and "rate limited" in told[0]


def test_a_garbled_answer_is_fallen_backfake_settings(provider: FakeOpenAI, pool: Pool) -> None:
    session = settings_session(pool, "garbled", fake_settings(provider), lambda _: None)
    provider.down(Garbled())
    result = session.turn("Oi, sou a Rita")
    assert (result.error, result.stats.fallback_reason) == (None, "other")
    assert result.reply.startswith("Prazer, Rita!"), result.reply
    assert len(provider.chat_requests) == 1


def test_a_stream_cut_mid_reply_leaves_no_half_reply(provider: FakeOpenAI, pool: Pool) -> None:
    session = settings_session(pool, "cut", fake_settings(provider), lambda _: None)
    # The stream starts, then the provider stops mid-reply.
    provider.script(Text("Meia resposta que nunca termina " * 5, chunk_delay=0.05))
    shown: list[str] = []
    provider_thread_stopper = _stop_after_first_request(provider)
    result = session.turn("Oi, sou a Rita", on_token=shown.append)
    provider_thread_stopper.join()
    assert result.stats.fallback_reason in ("connection", "other")
    assert "Meia resposta" not in result.reply
    assert result.reply.startswith("Prazer, Rita!"), result.reply
    history = session.history()
    assert [type(m) for m in history] == [HumanMessage, AIMessage, ToolMessage, AIMessage]
    assert "Meia resposta" not in str(history[-1].content)


def _stop_after_first_request(provider: FakeOpenAI) -> Any:
    import threading

    def stop() -> None:
        provider.wait_for_requests(1)
        time.sleep(0.2)
        provider.down(Refused())

    thread = threading.Thread(target=stop, daemon=True)
    thread.start()
    return thread


def _sample(name: str, **labels: str) -> float:
    value = metrics.REGISTRY.get_sample_value(name, labels)
    if value is None:
        raise AssertionError(f"no sample {name}{labels}")
    return value


# ---------------------------------------------------------------- the breaker alone


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_breaker_opens_after_n_consecutive_failures_and_probes_once_after_the_cool_down() -> (
    None
):
    clock = Clock()
    states: list[str] = []
    breaker = CircuitBreaker(3, 30, clock=clock, on_change=states.append)
    assert breaker.acquire() == "closed"
    breaker.failed()
    breaker.failed()
    breaker.succeeded()  # a success in between: the count starts again
    assert [breaker.failed() for _ in range(3)] == [False, False, True]
    assert breaker.state == "open"
    clock.now += 29.9
    assert breaker.acquire() is None
    assert breaker.retry_in() == pytest.approx(0.1)
    clock.now += 0.1
    assert breaker.acquire() == "half_open"  # the probe ...
    assert breaker.acquire() is None  # ... is the only call let through
    assert breaker.failed() is True  # it failed: open for another cool-down
    clock.now += 30
    assert breaker.acquire() == "half_open"
    breaker.succeeded()
    assert breaker.acquire() == "closed"
    assert states == ["closed", "open", "half_open", "open", "half_open", "closed"]


def test_the_breaker_trips_at_once() -> None:
    clock = Clock()
    breaker = CircuitBreaker(5, 10, clock=clock)
    assert breaker.failed(trip=True) is True
    assert breaker.failed() is False  # already open: the cool-down is not restarted
    assert breaker.acquire() is None
    assert breaker.retry_in() == 10
    clock.now += 10
    assert breaker.acquire() == "half_open"


def test_provider_failures_are_told_apart() -> None:
    import httpx
    import openai

    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")

    def status(code: int) -> openai.APIStatusError:
        cls = {
            401: openai.AuthenticationError,
            403: openai.PermissionDeniedError,
            429: openai.RateLimitError,
            503: openai.InternalServerError,
            400: openai.BadRequestError,
        }[code]
        return cls("x", response=httpx.Response(code, request=request), body=None)

    assert [failure_reason(status(c)) for c in (401, 403, 429, 503, 400)] == [
        "auth",
        "auth",
        "rate_limit",
        "server_error",
        "other",
    ]
    assert failure_reason(openai.APITimeoutError(request=request)) == "timeout"
    assert failure_reason(openai.APIConnectionError(request=request)) == "connection"
    assert failure_reason(httpx.RemoteProtocolError("cut", request=request)) == "connection"
    # A garbled stream surfaces as whatever the parser raised.
    assert failure_reason(ValueError("Expecting value: line 1 column 1")) == "other"


def test_the_fallback_is_offline_by_default_with_an_llm_and_none_without() -> None:
    assert Settings(homer_model=MODEL).fallback == "offline"
    assert Settings(homer_model=MODEL, homer_fallback="none").fallback == "none"
    assert Settings(homer_model=MODEL, homer_fallback=" Offline ").fallback == "offline"
    assert Settings(homer_model="offline").fallback == "none"
    assert make_fallback(Settings(homer_model="offline")) is None


# ---------------------------------------------------------------- the fake server's outages


def test_the_fake_server_goes_down_and_comes_back_on_the_same_port(provider: FakeOpenAI) -> None:
    from openai import APIConnectionError, AuthenticationError, OpenAI

    client = OpenAI(api_key="test", base_url=provider.base_url, max_retries=0, timeout=5)
    messages: Any = [{"role": "user", "content": "oi"}]
    provider.script(Text("de volta"))
    provider.down(Error(401))
    with pytest.raises(AuthenticationError):
        client.chat.completions.create(model=MODEL, messages=messages)
    port = provider.port
    provider.down(Refused())
    with pytest.raises(APIConnectionError):
        client.chat.completions.create(model=MODEL, messages=messages)
    assert len(provider.chat_requests) == 1  # the refused one never arrived
    provider.up()
    assert provider.port == port
    reply = client.chat.completions.create(model=MODEL, messages=messages)
    assert reply.choices[0].message.content == "de volta"  # the script waited
