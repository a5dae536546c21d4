"""How often, asked in a clause that ends with "?" ("passa ônibus com frequência?") is the
question's "de quanto em quanto tempo" (a time asked); a habit told ("vou a Fortaleza com
frequência, ...") is left as written."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.questions import normalise, read_question


@pytest.mark.parametrize(
    "text",
    [
        "tem ônibus com frequência na porta do condomínio?",
        "com que frequência passa o ônibus aí na frente?",
        "a gente depende de busão. o ônibus passa frequentemente perto das casas?",
        "minha mãe não dirige, passa van com frequência por aí?",
    ],
)
def test_how_often_asked_is_a_time(text: str) -> None:
    low = normalise(text)
    assert "de quanto em quanto tempo" in low
    assert "frequen" not in low
    assert read_question(text).measure == "time"


@pytest.mark.parametrize(
    "text",
    [
        # a habit told, then another question
        "vou a Fortaleza com frequência, o aeroporto fica longe?",
        "viajo frequentemente a trabalho. quantos km até o aeroporto?",
        # no question mark: a statement
        "a gente recebe visita com frequência",
    ],
)
def test_a_habit_told_is_left_as_written(text: str) -> None:
    assert "de quanto em quanto" not in normalise(text)


def test_a_habit_told_keeps_the_distance_asked() -> None:
    assert read_question("vou a Fortaleza com frequência, o aeroporto fica longe?").measure == (
        "distance"
    )
