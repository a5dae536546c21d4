"""Property-based tests: arbitrary text and arbitrary tool arguments through the real graph
and a real Postgres. No exception escapes a turn, and every stored value satisfies the
schema's constraints (checked here as well as by Postgres)."""

from __future__ import annotations

import math
import re
import uuid
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from langchain_core.messages import ToolMessage

from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
from homer_agent.nodes.route import route
from homer_agent.ptbr.intents import handoff_reason
from homer_agent.ptbr.sentiment import analyze
from homer_agent.takeover import active_handoff
from homer_agent.tools import TOOL_NAMES
from tests.support.reliability_support import (
    ScriptedChatModel,
    calls_then_reply,
    lead_row,
    tool_call,
    turn_rows,
)
from tests.support.sessions import session_for

# Examples go through Postgres: few of them, no per-example deadline; the `pool` fixture
# is shared by the examples on purpose (each example uses a lead of its own).
DB_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CONTROL = re.compile(r"[\x01-\x1f\x7f-\x9f]")


def assert_lead_valid(row: dict[str, Any]) -> None:
    """The constraints of sql/schema, restated."""
    key = row["session_key"]
    assert 1 <= len(key) <= 128 and not CONTROL.search(key) and key == key.strip()
    for text in (row["name"], row["neighborhood"]):
        assert text is None or (1 <= len(text) <= 120 and text == text.strip())
    assert row["bedrooms"] is None or 1 <= row["bedrooms"] <= 10
    assert row["budget_brl"] is None or 0 < row["budget_brl"] < 10**10
    assert row["temperature"] in ("cold", "warm", "hot")
    assert row["handoff_reason"] in (None, "hostile", "opt_out", "human")
    assert (row["handoff_at"] is None) == (row["handoff_reason"] is None)
    assert row["created_at"] <= row["updated_at"]


def assert_turn_valid(row: dict[str, Any]) -> None:
    assert row["route"] in ("agent", "handoff")
    assert math.isfinite(row["sentiment"]) and -1 <= row["sentiment"] <= 1
    assert row["duration_ms"] >= row["model_ms"] >= 0
    assert row["prompt_tokens"] >= 0 and row["completion_tokens"] >= 0
    assert 0 <= row["tool_errors"] <= row["tool_calls"]
    assert row["error"] is None


# ---------------------------------------------------------------- arbitrary messages

_WORDS = st.text(st.characters(codec="utf-8"), max_size=40)
_LEADLIKE = st.one_of(
    st.builds("meu nome é {}".format, _WORDS),
    st.builds("quero {} quartos".format, st.integers(-5, 99)),
    st.builds("orçamento de {} mil".format, st.integers(-10, 10**9)),
    st.builds("R$ {}".format, st.integers(-(10**12), 10**12)),
    st.builds("prefiro o bairro {}".format, _WORDS),
    st.builds("me liga {} às {}h".format, _WORDS, st.integers(-3, 30)),
    st.builds("{}/{}/{} às {}:{}".format, *[st.integers(0, 3000)] * 5),
    st.sampled_from(["quero falar com um humano", "para de me mandar mensagem", "vocês são lixo"]),
)
_ODD = st.text(st.sampled_from("ab \x00\x01\t\r\x1b\x7f\x85\u2028\ufeffçã😀"), max_size=20)
MESSAGES = st.one_of(
    st.text(max_size=300),
    _LEADLIKE,
    st.lists(_LEADLIKE, max_size=4).map(", ".join),
    st.builds("meu nome é {}".format, _ODD),
    _ODD,
)


@DB_SETTINGS
# Found by this test: a NUL in any message failed every turn once the conversation was
# long enough for older messages to be archived (jsonb refuses \u0000).
@example(texts=["Oi\x00", "meu nome é Ana", "quero 3 quartos", "Centro", "oi"], window=2)
@given(texts=st.lists(MESSAGES, min_size=1, max_size=6), window=st.sampled_from([2, 3, 12]))
def test_any_text_through_the_graph_and_the_offline_model(
    pool: Pool, db_url: str, texts: list[str], window: int
) -> None:
    key = f"prop-{uuid.uuid4().hex}"
    session = session_for(pool, key, OfflineChatModel(), "offline", history_window=window)
    for text in texts:
        result = session.turn(text)
        assert result.error is None, (text, result)
        # Silence only in a conversation a person has taken over (told once already).
        held = active_handoff(session.refresh_lead()) is not None
        assert result.reply or (held and result.route == "handoff"), (text, result)
    row = lead_row(db_url, key)
    assert row is not None
    assert_lead_valid(row)
    turns = turn_rows(db_url, row["id"])
    assert len(turns) == len(texts)
    for turn in turns:
        assert_turn_valid(turn)
    # Every message kept, in order (archived ones with NUL as U+FFFD: jsonb has no NUL).
    said = [m.text for m in session.history() if m.type == "human"]
    assert [t.replace("\x00", "\ufffd") for t in said] == [
        t.replace("\x00", "\ufffd") for t in texts
    ]


# ---------------------------------------------------------------- arbitrary tool arguments

_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=200),
    st.text(st.sampled_from("ab \x00\t\n\x1b\x85\u2028çã😀"), max_size=12),
    st.sampled_from(["", " ", "3", "1e3", "-1", "amanhã às 15h", "2020-01-01T10:00", "\x00"]),
)
_JSON = st.recursive(
    _JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_ARG_NAMES = st.sampled_from(
    ["name", "bedrooms", "neighborhood", "budget_brl", "when", "lead_id", "runtime", "config"]
)
ARGS = st.dictionaries(st.one_of(_ARG_NAMES, st.text(max_size=8)), _JSON, max_size=4)


@DB_SETTINGS
# Found by this test: an integer beyond 64 bits could not be checkpointed (the turn
# failed), and a NUL in a name could not be stored (the turn failed as a database error).
@example(calls=[("update_budget", {"budget_brl": 10**30, "lead_id": -(2**63) - 1})])
@example(
    calls=[
        ("update_lead_name", {"name": "a\x00b"}),
        ("update_neighborhood", {"neighborhood": "\x1b[2J"}),
    ]
)
@given(
    calls=st.lists(
        st.tuples(st.one_of(st.sampled_from(TOOL_NAMES), st.text(max_size=10)), ARGS),
        min_size=1,
        max_size=4,
    )
)
def test_any_tool_arguments_through_the_tool_node(
    pool: Pool, db_url: str, calls: list[tuple[str, dict[str, Any]]]
) -> None:
    key = f"tools-{uuid.uuid4().hex}"
    model = ScriptedChatModel(
        script=calls_then_reply([tool_call(n, a, f"c{i}") for i, (n, a) in enumerate(calls)])
    )
    session = session_for(pool, key, model)
    result = session.turn("Oi")
    assert result.error is None, (calls, result)
    assert result.reply == "Anotado."
    answers = [m for m in session.history() if isinstance(m, ToolMessage)]
    assert [m.tool_call_id for m in answers] == [f"c{i}" for i in range(len(calls))]
    assert all(m.status in ("success", "error") for m in answers)
    assert result.stats.tool_errors == sum(m.status == "error" for m in answers)

    row = lead_row(db_url, key)
    assert row is not None
    assert_lead_valid(row)
    for turn in turn_rows(db_url, row["id"]):
        assert_turn_valid(turn)
    # A saved value is the value asked for (the last successful call of each tool wins).
    saved = {m.name: calls[i] for i, m in enumerate(answers) if m.status == "success"}
    if "update_lead_name" in saved:
        assert row["name"] == str(saved["update_lead_name"][1]["name"]).strip()
    if "update_neighborhood" in saved:
        assert row["neighborhood"] == str(saved["update_neighborhood"][1]["neighborhood"]).strip()
    if "update_bedrooms" in saved:
        assert row["bedrooms"] == int(saved["update_bedrooms"][1]["bedrooms"])
    if "update_budget" in saved:
        assert row["budget_brl"] == int(saved["update_budget"][1]["budget_brl"])
    if "schedule_call" not in saved:
        assert row["call_at"] is None


# ---------------------------------------------------------------- the sentiment analyzer

ANY_CHAR = st.characters(codec=None, exclude_categories=())


@settings(max_examples=200, deadline=None)
@given(st.text(ANY_CHAR, max_size=200))
def test_sentiment_and_routing_take_any_text(text: str) -> None:
    score = analyze(text)
    assert math.isfinite(score.compound) and -1 <= score.compound <= 1
    assert score.label in ("positive", "neutral", "negative")
    reason = handoff_reason(text)
    assert reason in (None, "hostile", "opt_out", "human")
    from langchain_core.messages import HumanMessage

    expected = "agent" if reason is None else "handoff"
    assert route({"messages": [HumanMessage(text)], "remaining_steps": 10}) == expected
