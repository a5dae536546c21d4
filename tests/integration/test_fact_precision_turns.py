"""Facts you can trust, on a real Postgres: the tools' plausibility checks from the profile
(a scripted model) and whole turns with the offline model, one temperature per turn.

The extraction cases (pure functions) are in tests/unit/test_fact_precision.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage

from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
from homer_agent.session import Session
from homer_agent.tools import BEDROOMS_NOT_OFFERED, BUDGET_UNUSUAL, refusal
from tests.support.reliability_support import (
    ScriptedChatModel,
    calls_then_reply,
    lead_row,
    tool_call,
)
from tests.support.sessions import session_for

FACTS = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")

# ---------------------------------------------------------------------------
# Tools: plausibility from the profile (a real Postgres, a scripted model)

Calls = list[tuple[str, dict[str, object]]]


def _session(pool: Pool, key: str, *calls_per_turn: Calls) -> Session:
    """A session whose model makes the given tool calls, one list per human message."""
    turns = iter(calls_per_turn)

    def script(messages: Sequence[BaseMessage]) -> AIMessage:
        if isinstance(messages[-1], ToolMessage):
            return AIMessage("Ok.")
        calls = next(turns, [])
        return AIMessage(
            "", tool_calls=[tool_call(name, args, f"c{k}") for k, (name, args) in enumerate(calls)]
        )

    return session_for(pool, key, ScriptedChatModel(script=script))


def _last_refusal(session: Session) -> Mapping[str, Any] | None:
    results = [m for m in session.history() if isinstance(m, ToolMessage)]
    return refusal(results[-1])


def test_bedrooms_the_development_does_not_offer_are_refused(db_url: str, pool: Pool) -> None:
    session = _session(pool, "tools-bedrooms", [("update_bedrooms", {"bedrooms": 1})])
    result = session.turn("quero 1 quarto")

    assert result.stats.tool_errors == 1
    refused = _last_refusal(session)
    assert refused is not None and refused["refused"] == BEDROOMS_NOT_OFFERED
    assert refused["offered"] == [2, 3, 4]
    row = lead_row(db_url, "tools-bedrooms")
    assert row is not None and row["bedrooms"] is None


@pytest.mark.parametrize("amount", [1, 49_999, 50_000_001, 1_000_000_000])
def test_an_unusual_budget_is_saved_only_once_the_lead_confirms(
    db_url: str, pool: Pool, amount: int
) -> None:
    key = f"tools-budget-{amount}"
    call = [("update_budget", {"budget_brl": amount})]
    session = _session(pool, key, call, call)

    first = session.turn(f"meu orçamento é {amount}")
    assert first.stats.tool_errors == 1
    refused = _last_refusal(session)
    assert refused is not None and refused["refused"] == BUDGET_UNUSUAL
    assert refused["value"] == amount
    row = lead_row(db_url, key)
    assert row is not None and row["budget_brl"] is None

    second = session.turn("sim, é isso mesmo")
    assert second.stats.tool_errors == 0
    row = lead_row(db_url, key)
    assert row is not None and row["budget_brl"] == amount


def test_a_usual_budget_is_saved_at_once(db_url: str, pool: Pool) -> None:
    session = _session(pool, "tools-budget-usual", [("update_budget", {"budget_brl": 50_000})])
    assert session.turn("50 mil").stats.tool_errors == 0
    row = lead_row(db_url, "tools-budget-usual")
    assert row is not None and row["budget_brl"] == 50_000


def test_titles_are_dropped_from_names(db_url: str, pool: Pool) -> None:
    session = _session(
        pool,
        "tools-title",
        [("update_lead_name", {"name": "Dr."})],
        [("update_lead_name", {"name": "Dr. Carlos Lima"})],
    )
    assert session.turn("Dr.").stats.tool_errors == 1
    row = lead_row(db_url, "tools-title")
    assert row is not None and row["name"] is None
    session.turn("Dr. Carlos Lima")
    row = lead_row(db_url, "tools-title")
    assert row is not None and row["name"] == "Carlos Lima"


# ---------------------------------------------------------------------------
# Whole turns with the offline model


@pytest.fixture
def offline(pool: Pool) -> Callable[[str], Session]:
    return lambda key: session_for(pool, key, OfflineChatModel(), "offline")


def _facts(db_url: str, key: str) -> dict[str, object]:
    row = lead_row(db_url, key)
    assert row is not None
    return {fact: row[fact] for fact in (*FACTS, "temperature")}


def test_tenho_1_real_saves_nothing_and_the_lead_stays_cold(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    session = offline("offline-1-real")
    session.turn("Oi, sou a Ana")
    session.turn("tenho 1 real")
    facts = _facts(db_url, "offline-1-real")
    assert (facts["bedrooms"], facts["budget_brl"], facts["temperature"]) == (None, None, "cold")


@dataclass(frozen=True)
class HeldBack:
    """A value the agent does not save at once: it says `said` back, then saves `saved`
    once the lead answers."""

    key: str
    before: tuple[str, ...]
    text: str
    said: tuple[str, ...]
    fact: str
    answer: str
    saved: int


HELD_BACK = {
    # One billion is read back, and saved once the lead says yes.
    "one_billion_is_read_back_and_saved_after_yes": HeldBack(
        "offline-billion",
        ("Me chamo Rui", "3 quartos", "Aldeota"),
        "meu orçamento é 1 bilhão",
        ("confirmar", "R$ 1 bilhão"),
        "budget_brl",
        "sim",
        1_000_000_000,
    ),
    # Bedrooms the development does not offer are explained; the next count is saved.
    "bedrooms_not_offered_are_explained": HeldBack(
        "offline-5-rooms",
        ("Me chamo Rui",),
        "quero 5 quartos",
        ("2, 3 ou 4 quartos", "5 quartos"),
        "bedrooms",
        "então 4",
        4,
    ),
}


@pytest.mark.parametrize("case", HELD_BACK.values(), ids=HELD_BACK.keys())
def test_a_value_held_back_is_said_back_and_saved_after_the_next_answer(
    db_url: str, offline: Callable[[str], Session], case: HeldBack
) -> None:
    session = offline(case.key)
    for text in case.before:
        session.turn(text)
    reply = session.turn(case.text).reply
    assert all(words in reply for words in case.said), reply
    assert _facts(db_url, case.key)[case.fact] is None

    session.turn(case.answer)
    assert _facts(db_url, case.key)[case.fact] == case.saved


def test_one_billion_then_a_new_amount_saves_the_new_amount(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    session = offline("offline-billion-no")
    for text in ("Me chamo Rui", "3 quartos", "Aldeota", "1 bilhão"):
        session.turn(text)
    session.turn("não, desculpa, 1 milhão")
    assert _facts(db_url, "offline-billion-no")["budget_brl"] == 1_000_000


def test_swearing_about_traffic_is_not_a_handoff_and_the_facts_are_saved(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    session = offline("offline-traffic")
    session.turn("Me chamo Rui")
    result = session.turn("que merda de trânsito hoje, mas vamos lá: 3 quartos")
    assert result.route == "agent"
    assert _facts(db_url, "offline-traffic")["bedrooms"] == 3


@pytest.mark.parametrize(
    "text",
    ["pode me passar pro corretor?", "quero falar com uma pessoa", "tem alguém aí de verdade?"],
)
def test_requests_for_a_person_are_handed_off(
    db_url: str, offline: Callable[[str], Session], text: str
) -> None:
    key = f"offline-human-{abs(hash(text))}"
    result = offline(key).turn(text)
    assert result.route == "handoff"
    row = lead_row(db_url, key)
    assert row is not None and row["handoff_reason"] == "human"


def test_dr_carlos_is_carlos(db_url: str, offline: Callable[[str], Session]) -> None:
    offline("offline-dr").turn("pode me chamar de Dr. Carlos")
    assert _facts(db_url, "offline-dr")["name"] == "Carlos"


# ---------------------------------------------------------------------------
# One temperature per turn

ALL_AT_ONCE = "Sou o João, quero 2 quartos no Centro até 400 mil, me liga sexta de manhã"


def test_the_same_message_gives_the_same_temperature_every_time(
    db_url: str, offline: Callable[[str], Session]
) -> None:
    temperatures = set()
    for n in range(12):
        session = offline(f"offline-same-{n}")
        result = session.turn(ALL_AT_ONCE)
        assert result.stats.tool_calls == 5  # all five in one model message, run in parallel
        temperatures.add(_facts(db_url, f"offline-same-{n}")["temperature"])
    assert temperatures == {"hot"}


def test_parallel_tool_calls_give_the_temperature_of_the_final_row(db_url: str, pool: Pool) -> None:
    calls = [
        tool_call("update_lead_name", {"name": "Ana"}, "p1"),
        tool_call("update_bedrooms", {"bedrooms": 3}, "p2"),
        tool_call("update_neighborhood", {"neighborhood": "Centro"}, "p3"),
        tool_call("update_budget", {"budget_brl": 600_000}, "p4"),
    ]
    for n in range(8):
        key = f"parallel-{n}"
        session = session_for(pool, key, ScriptedChatModel(script=calls_then_reply(calls)))
        assert session.turn("Ana, 3 quartos, Centro, 600 mil").stats.tool_calls == 4
        # Complete (1.0) with a neutral mood: 0.6 + 0.2 = 0.8, hot. A tool that computed it
        # from its own row, before the others wrote, would have left it cold or warm.
        assert _facts(db_url, key)["temperature"] == "hot"
