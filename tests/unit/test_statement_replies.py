"""Issue 21, replies: a statement near the question gets a fitting reply, a fact read is
acknowledged, and nothing saved is asked again (offline model, tools in memory)."""

from __future__ import annotations

from homer_agent.models.offline import OfflineChatModel
from tests.support.conversation_gen import NOW
from tests.support.fact_scoring import asked_facts
from tests.support.offline_harness import Run, bound_tools


def talk(*messages: str) -> tuple[Run, list[str]]:
    run, model, tools = Run(now=NOW), OfflineChatModel(), bound_tools()
    return run, [run.turn(message, model, tools) for message in messages]


def test_an_amount_that_is_no_budget_is_told_apart_and_the_total_asked() -> None:
    run, replies = talk("Oi, sou a Ana", "3 quartos no Cocó", "tenho uns 80 mil de FGTS")
    assert "budget_brl" not in run.facts
    assert "não é o orçamento total" in replies[-1]
    assert asked_facts(replies[-1]) == {"budget_brl"}


def test_a_routine_is_acknowledged_and_the_call_asked_again() -> None:
    run, replies = talk(
        "Oi, sou a Ana", "3 quartos no Cocó até 500 mil", "saio da faculdade às 21h"
    )
    assert "call_at" not in run.facts
    assert "não entendi" not in replies[-1]
    assert asked_facts(replies[-1]) == {"call_at"}


def test_every_fact_of_a_message_is_acknowledged_and_none_asked_again() -> None:
    run, replies = talk("oi", "2 quartos, Maraponga, 400 mil")
    assert run.facts == {"bedrooms": 2, "neighborhood": "Maraponga", "budget_brl": 400_000}
    assert "2 quartos" in replies[-1] and "Maraponga" in replies[-1]
    assert "R$ 400.000" in replies[-1]
    assert asked_facts(replies[-1]) == {"name"}


def test_a_correction_is_acknowledged_with_the_new_value() -> None:
    run, replies = talk("oi sou o Caio", "2 quartos", "opa, escrevi errado, são 3 quartos")
    assert run.facts["bedrooms"] == 3
    assert "3 quartos" in replies[-1]
