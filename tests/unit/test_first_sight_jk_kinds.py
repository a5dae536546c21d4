"""The place, budget and call kinds the first-sight sets 2026-12-07j and 07k found, each
by new sentences (the name kinds: test_first_sight_jk_names.py).

None of these sentences is in those sets: "entre X e Y" leaves the choice open; a place
weighed ("pensei em X") and then set against a "mas" is no wish, and "quero lá" takes
the place named last; "pensei bem", "mudamos de ideia", "corrijo" correct like "pensando
bem"; a total reached by adding a source of money ("somar o FGTS") is the budget; a day
offered before the call was asked about ("pode ser quarta") is kept and its hour asked.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.reading import TZ, chat_run, extract
from tests.support.reading import booking_run as _run


# 1. "entre X e Y": undecided
@pytest.mark.parametrize(
    "text", ["tô entre o Benfica e a Parquelândia", "fico entre Cumbuco e Taíba ainda"]
)
def test_between_two_places_nothing_is_saved(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


# 2. A place weighed then contrasted; "quero lá" takes the place named last
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pensei no Montese, mas é muito barulho", {}),
        ("cogitei Messejana, porém fica longe", {}),
        (
            "pensei em Parangaba, mas meu filho mora na Maraponga, então prefiro lá",
            {"neighborhood": "Maraponga"},
        ),
        ("pensando no Cocó, que é perto do trabalho", {"neighborhood": "Cocó"}),
    ],
)
def test_a_place_weighed_then_set_aside(text: str, want: dict[str, object]) -> None:
    assert extract(text, "neighborhood") == want


def test_somebody_elses_place_without_wanting_it_stays_theirs() -> None:
    assert extract("minha tia mora no Benfica, lá é bem arborizado", "neighborhood") == {}


# 3. Correction cues in any form of their verb
@pytest.mark.parametrize(
    ("text", "known", "want"),
    [
        ("pensei melhor: Fátima", ("neighborhood",), {"neighborhood": "Fátima"}),
        ("mudamos de ideia, 2 quartos", ("bedrooms",), {"bedrooms": 2}),
        ("corrijo, 480 mil", ("budget_brl",), {"budget_brl": 480000}),
    ],
)
def test_correction_cues_in_any_form(
    text: str, known: tuple[str, ...], want: dict[str, object]
) -> None:
    assert extract(text, "call_at", known) == want


# 4. A total reached by adding a source of money
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("somando o FGTS consigo chegar a 430 mil", {"budget_brl": 430000}),
        ("juntando a poupança dá 380 mil no total", {"budget_brl": 380000}),
        ("se eu juntar a poupança dá 380 mil", {}),  # a hypothetical
        ("tenho 70 mil de FGTS", {}),
    ],
)
def test_a_total_reached_with_a_source_of_money(text: str, want: dict[str, object]) -> None:
    assert extract(text, "budget_brl") == want


# 5. A day offered before the call was asked about is kept
def test_a_day_offered_early_is_kept_for_the_hour() -> None:
    run = chat_run(
        "oi, sou o Davi", "quero 2 quartos no Benfica", "pode ser sexta", "até 400 mil", "10h"
    )
    assert run.facts["call_at"] == datetime(2026, 12, 11, 10, 0, tzinfo=TZ)


def test_an_hour_after_the_booking_run_still_proposes() -> None:
    assert "call_at" not in _run("às 10h").facts
