"""The kinds the first-sight set facts_2026-12-07g found, each by new sentences.

None of these sentences is in that set: emojis and written laughter are never part of a
fact (a name, a count, a place, an amount, a time); an hour with no day books nothing;
after alternatives, one of them named again alone is the choice; staying where the lead
lives makes that place the wish. Pure extraction and the offline policy in memory
(`tests/support/offline_harness.py`).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.ptbr import replies as say
from homer_agent.ptbr.text import without_decorations
from tests.support.reading import TZ, booking_run, extract


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


# 2. An hour with no day, against slots offered on a day nobody said, is proposed
def test_an_hour_without_a_day_after_a_refusal_is_proposed_not_booked() -> None:
    run = booking_run("pode me ligar às 21h", "hmm, então às 16h")
    assert "call_at" not in run.facts
    assert run.replies[-1] == say.propose_call("segunda-feira, 07/12 às 16h")


def test_the_proposed_day_is_booked_on_a_yes() -> None:
    run = booking_run("pode me ligar às 21h", "hmm, então às 16h", "fechado")
    assert run.facts["call_at"] == datetime(2026, 12, 7, 16, 0, tzinfo=TZ)


def test_a_delegation_after_the_proposal_books_nothing() -> None:
    run = booking_run("me liga 20h", "tá, 15h então", "qualquer dia tá bom")
    assert "call_at" not in run.facts
    assert run.replies[-1] == say.propose_call("segunda-feira, 07/12 às 15h")


def test_an_hour_after_a_day_the_lead_named_is_booked() -> None:
    run = booking_run("quarta às 21h", "então às 16h")
    assert run.facts["call_at"] == datetime(2026, 12, 9, 16, 0, tzinfo=TZ)


# 3. After alternatives, one of them named again alone is the choice
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tô entre Cocó e Papicu. vai Papicu mesmo", "Papicu"),
        ("Parangaba ou Maraponga... Maraponga, é mais perto do meu trabalho", "Maraponga"),
        ("Benfica ou Montese, fico com Montese", "Montese"),
    ],
)
def test_an_alternative_named_again_is_the_choice(text: str, want: str) -> None:
    assert extract(text, "neighborhood") == {"neighborhood": want}


@pytest.mark.parametrize(
    "text",
    [
        "Parangaba ou Maraponga, Maraponga ou Parangaba, tanto faz",
        "Benfica ou Montese? Montese é longe?",
        "Cocó e Papicu e Cocó",
    ],
)
def test_alternatives_repeated_pick_none(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


# 4. Staying where the lead lives makes that place the wish
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("moro na Parangaba e não quero sair daqui", "Parangaba"),
        ("vivo no Benfica, quero ficar por aqui mesmo", "Benfica"),
        ("moramos no Montese e queremos continuar no bairro", "Montese"),
    ],
)
def test_staying_where_the_lead_lives_is_the_wish(text: str, want: str) -> None:
    assert extract(text, "bedrooms") == {"neighborhood": want}


@pytest.mark.parametrize(
    "text",
    [
        "moro no Benfica e quero sair daqui",
        "minha mãe mora no Benfica, quero continuar perto dela",
        "moro no Centro, mas quero ficar mais perto da praia",
    ],
)
def test_leaving_or_someone_elses_home_is_no_wish(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")
