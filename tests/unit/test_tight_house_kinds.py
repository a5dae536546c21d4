"""A house type the lead finds too small, and the household counted beside it: the count
is turned down, and the number of people is no count of bedrooms (found by set 08e's
question "achei a de 3 quartos meio apertada pra minha familia, somos 6")."""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    "text",
    [
        "achei a de 2 quartos meio apertada, somos 4",
        "a casa de 3 quartos ficou pequena pra nós, somos 5",
        "a de 3 quartos é apertadinha? somos em 5",
        "o de 2 quartos é apertado demais",
        "a de 3 quartos é pequena, moramos em 6",
        "somos 4 aqui em casa",
    ],
)
def test_a_tight_type_and_the_household_save_no_count(text: str) -> None:
    assert "bedrooms" not in extract(text, "bedrooms")
    assert "bedrooms" not in extract(text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("a de 2 quartos ficou apertada, quero 3", 3),
        ("3 quartos é pouco, 4", 4),
        ("somos 5, quero 4 quartos", 4),
        ("2 quartos não, 3", 3),
        ("a de 3 quartos é perfeita pra gente", 3),
    ],
)
def test_the_count_the_lead_wants_is_still_read(text: str, count: int) -> None:
    assert extract(text, "bedrooms").get("bedrooms") == count
