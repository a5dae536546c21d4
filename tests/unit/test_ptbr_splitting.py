"""One reader each for what two callers once read apart: a message cut at its own marks
(`ptbr.clauses.split_at_marks`) and where a call is sent (`ptbr.intents.call_goes_to`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from langchain_core.messages import HumanMessage

from homer_agent.facts import LeadFacts
from homer_agent.models.offline import OfflineChatModel
from homer_agent.profile import load_profile
from homer_agent.prompts import system_message
from homer_agent.ptbr.clauses import split_at_marks
from homer_agent.ptbr.facts import extract_facts
from homer_agent.ptbr.intents import call_goes_to
from homer_agent.ptbr.questions import asking_clauses
from homer_agent.tools import TOOLS

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=TZ)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("tenho R$ 1.750.000, quero 3 quartos", ["tenho R$ 1.750.000,", " quero 3 quartos"]),
        ("até 1,2 milhão. e a piscina?", ["até 1,2 milhão.", " e a piscina?"]),
        ("oi!!\nsou a Ana", ["oi!!\n", "sou a Ana"]),
        ("fim 3.", ["fim 3."]),
        ("", []),
    ],
)
def test_a_message_is_cut_at_its_marks_but_never_inside_a_figure(
    text: str, pieces: list[str]
) -> None:
    assert split_at_marks(text, colon=True) == pieces
    assert split_at_marks(text, colon=False) == pieces


def test_a_colon_cuts_only_when_asked_to() -> None:
    text = "valor: até 700 mil"
    assert split_at_marks(text, colon=True) == ["valor:", " até 700 mil"]
    assert split_at_marks(text, colon=False) == [text]


def test_a_question_after_a_colon_is_asked_alone() -> None:
    # What reads questions cuts at ":": the words before it only lead into the question.
    assert asking_clauses("minha esposa pediu pra perguntar: tem energia solar?") == [
        "tem placas solares?"
    ]


def _searches(text: str) -> bool:
    model = OfflineChatModel().bind_tools(TOOLS)
    system = system_message(load_profile(), LeadFacts(name="Léo"), now=NOW)
    message = model.invoke([system, HumanMessage(text)])
    return any(call["name"] == "search_development" for call in message.tool_calls)


def test_a_topic_labelled_with_a_colon_and_answered_asks_nothing_of_the_documents() -> None:
    # Looking for a topic in a message that asks nothing, ":" does not cut: "valor" and
    # the budget that follows it are one clause, which tells.
    assert not _searches("valor: até 700 mil")
    assert _searches("e o valor do condomínio")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("liga pra ele", "someone else"),
        ("pode ligar para ela amanhã", "someone else"),
        ("quem vai falar com o corretor é meu pai", "someone else"),
        ("quem vai atender é minha esposa", "someone else"),
        ("o corretor pode falar com ela", "someone else"),
        ("liga pra mim", "named"),
        ("pode ligar nesse número mesmo", "named"),
        ("liga no meu celular", "named"),
        ("liga pro meu marido", "named"),
        ("me liga amanhã", None),
        ("quero falar com o corretor", None),
        ("ele fala inglês?", None),
        # Who is chatting, not who is called.
        ("aqui quem fala é a Tatiane", None),
        ("quem fala comigo é o Carlos?", None),
    ],
)
def test_where_the_call_goes(text: str, target: str | None) -> None:
    assert call_goes_to(text) == target


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The call goes to someone else: the name given is the one to call.
        ("sou o Caio, mas quem vai atender é minha mãe, o nome dela é Zuleide", "Zuleide"),
        # "quem fala é a Tatiane" is the lead speaking: her husband's name, told with no
        # call sent to him, is not the lead's.
        ("aqui quem fala é a Tatiane, meu marido viu o anúncio, o nome dele é Ricardo", "Tatiane"),
    ],
)
def test_the_name_saved_is_the_one_the_call_goes_to(text: str, name: str) -> None:
    assert extract_facts(text, pending=None, now=NOW, tz=TZ).get("name") == name


@pytest.mark.parametrize(
    "text",
    ["pode ligar pra ela", "liga nesse número mesmo", "pode falar com ela", "pode atender pra mim"],
)
def test_a_clause_saying_where_the_call_goes_asks_nothing_of_the_documents(text: str) -> None:
    assert not _searches(text)
