"""Question forms the held-out set 07u and the generated seeds 11 and 12 (with dictated
questions) found at their first run (2026-12-07, fourth session), tried on new questions
of the same kinds, with statements that must stay statements."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.clauses import punctuated
from homer_agent.ptbr.questions import asking_clauses
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import chat_run


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("eu trabalho no porto o dia todo entao tem quadra de tênis", "tem quadra de tenis"),
        ("minha esposa é professora e eu sou pedreiro e aceita financiamento", "aceita"),
        ("a gente vendeu o carro semana passada é que aceita fgts na entrada", "aceita fgts"),
        ("meus pais moram no interior e tem padaria", "tem padaria"),
        ("eu moro sozinho faz tempo e vocês têm coworking", "voces tem coworking"),
        ("o meu filho estuda de manhã e a van é 6h30", "a van e 6h30"),
    ],
)
def test_a_yes_no_question_after_a_story_asks(text: str, asked: str) -> None:
    found = asking_clauses(text)
    assert found and asked in found[-1], found


@pytest.mark.parametrize(
    "text",
    [
        "meu sogro mora sozinho e tem um gato",
        "minha irmã trabalha no centro e tem dois filhos",
        "a gente mora de aluguel e tem 2 carros",
        "minha mãe tem oitenta anos e mora comigo",
    ],
)
def test_what_someone_has_stays_told(text: str) -> None:
    assert asking_clauses(text) == []


def test_what_came_before_pergunto_was_asked() -> None:
    text = "a varanda da casa de dois quartos é coberta pergunto pq chove muito aqui"
    assert punctuated(text).startswith("a varanda da casa de dois quartos é coberta?")


@pytest.mark.parametrize(
    "text",
    [
        "queria ver a decorada mas só posso no sábado.. até q horas fica aberto no sábado?",
        "o stand funciona domingo?",
    ],
)
def test_the_stands_hours_are_a_question_not_a_call(text: str) -> None:
    run = chat_run(text)
    assert "call_at" not in run.facts
    # No documents are indexed here: a question gets the broker line, not the greeting.
    assert BROKER_CONFIRMS in run.replies[-1], run.replies[-1]
