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


@pytest.mark.parametrize(
    "text",
    [
        "hoje moro de aluguel no Parangaba, pago 900 conto num apê de 2 quartos",
        "atualmente pago 1.100 num kitnet alugado",
        "a gente mora de aluguel, pagamos 850 conto",
    ],
)
def test_what_the_lead_pays_now_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")
    assert "bedrooms" not in extract(text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("pago 400 mil à vista", 400_000),
        ("moro de aluguel hoje, mas pago até 300 mil numa casa", 300_000),
        ("uns 900 conto", 900_000),
    ],
)
def test_what_the_lead_can_pay_is_still_a_budget(text: str, amount: int) -> None:
    assert extract(text, "budget_brl").get("budget_brl") == amount
