"""The kinds the first-sight set facts_2026-12-07g found, each by new sentences.

None of these sentences is in that set: emojis and written laughter are never part of a
fact (a name, a count, a place, an amount, a time); an hour with no day books nothing;
after alternatives, one of them named again alone is the choice; staying where the lead
lives makes that place the wish. Pure extraction and the offline policy in memory
(`tests/support/offline_harness.py`).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from homer_agent.ptbr.facts import extract_facts
from homer_agent.ptbr.text import without_decorations

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 12, 7, 8, 30, tzinfo=TZ)  # a Monday


def extract(
    text: str, pending: str | None = None, known: tuple[str, ...] = ()
) -> dict[str, object]:
    return extract_facts(text, pending=pending, now=NOW, tz=TZ, ignore=("Homer",), known=known)


# 1. Emojis and laughter around or after a fact are not part of it
@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("Renata 💁🏽‍♀️", "name", {"name": "Renata"}),
        ("aqui é o joão rsrsrs", "name", {"name": "João"}),
        ("meu nome é Caio hahaha", None, {"name": "Caio"}),
        ("me chamo tereza huahuahua", None, {"name": "Tereza"}),
        ("😅 Sílvia", "name", {"name": "Sílvia"}),
        ("3 quartinhos 🛏️🛏️🛏️", "bedrooms", {"bedrooms": 3}),
        ("Aldeota 🏙️", "neighborhood", {"neighborhood": "Aldeota"}),
        ("uns 600 mil 🤑", "budget_brl", {"budget_brl": 600_000}),
        ("sou o Rui kkkk quero 2 quartos", None, {"name": "Rui", "bedrooms": 2}),
    ],
)
def test_emojis_and_laughter_are_never_part_of_a_fact(
    text: str, pending: str | None, want: dict[str, object]
) -> None:
    assert extract(text, pending) == want


@pytest.mark.parametrize("text", ["kkkkkk", "😂😂😂", "rsrs 🙈", "hahaha"])
def test_laughter_alone_is_no_fact(text: str) -> None:
    assert extract(text, "name") == {}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2 kk", "2 kk"),  # millions, not a laugh
        ("1,5kk", "1,5kk"),
        ("2° andar", "2° andar"),
        ("Kauã", "Kauã"),
        ("sou a Bia 😊 quero 3 quartos", "sou a Bia. quero 3 quartos"),
    ],
)
def test_without_decorations_keeps_amounts_and_words(text: str, want: str) -> None:
    assert without_decorations(text) == want


def test_two_million_in_shorthand_is_still_a_budget() -> None:
    assert extract("até 2 kk", "budget_brl") == {"budget_brl": 2_000_000}
