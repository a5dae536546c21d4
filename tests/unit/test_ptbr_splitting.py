"""One reader for what two callers once read apart: a message cut at its own marks
(`ptbr.clauses.split_at_marks`)."""

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
