"""The kinds the first-sight set facts_2026-12-07i found, each by new sentences.

None of these sentences is in that set: a slip in a word a fact hangs on ("quartso",
"sexat") is put right unless a dictionary knows the word; a question about the
development that the lead then says is what they want gives its values; an echoed
"o meu?" then a name answers the name question; a full name then "tudo bem?" introduces
the lead, a single name there greets somebody else.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.ptbr import replies as say
from homer_agent.ptbr.intents import is_greeting
from homer_agent.ptbr.questions import asking_clauses
from homer_agent.ptbr.spelling import without_slips
from tests.support.reading import TZ, booking_run, extract


# 1. A slip in a fact word
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("preciso de 2 qaurtos", {"bedrooms": 2}),
        ("queria 4 dormitorois no Cocó", {"bedrooms": 4, "neighborhood": "Cocó"}),
        ("tenho uns 700 mil reias", {"budget_brl": 700000}),
        ("pode ser na qunita às 14h", {"call_at": "2026-12-10T14:00:00-03:00"}),
    ],
)
def test_a_slip_in_a_fact_word_is_put_right(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "quero 3 quatro",  # "quatro" is a word: four, not a noun with a slip
        "um terco do valor na entrada",  # "terço" typed without its cedilla
        "Quartso Oliveira",  # a capitalised word is a name
    ],
)
def test_a_known_word_or_a_name_is_left_alone(text: str) -> None:
    assert without_slips(text) == text


# 2. A question the lead then says is what they want
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("vocês têm de 2 quartos? é isso que eu preciso", {"bedrooms": 2}),
        ("tem casa no Eusébio? é o que a gente procura", {"neighborhood": "Eusébio"}),
        ("tem casa no Eusébio? é o que a gente quer", {"neighborhood": "Eusébio"}),
    ],
)
def test_a_question_then_what_the_lead_wants(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


@pytest.mark.parametrize(
    "text", ["tem de 4 quartos? pro meu irmão", "tem de 4 quartos? é o que eu procuro, mas sei lá"]
)
def test_a_question_not_taken_up_stays_a_question(text: str) -> None:
    assert extract(text) == {}


# 3. An echoed question, then the answer
@pytest.mark.parametrize(
    ("text", "want"),
    [("o meu? Juliana", {"name": "Juliana"}), ("hein, meu nome? Caio", {"name": "Caio"})],
)
def test_an_echoed_question_then_the_name(text: str, want: dict[str, object]) -> None:
    assert extract(text, "name") == want


def test_an_echo_answered_by_another_question_gives_no_name() -> None:
    assert extract("o meu? por quê?", "name") == {}


# 4. A full name, then "tudo bem?"
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Boa noite. Helena Rocha, tudo bem?", {"name": "Helena Rocha"}),
        ("Marcos Antônio Lima, tudo bom? procuro casa", {"name": "Marcos Antônio Lima"}),
    ],
)
def test_a_full_name_then_how_are_you(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Oi Patrícia, tudo bem?",  # greets the one who reads
        "Bom dia, Patrícia Lopes, tudo bem?",  # the name right after the greeting's comma
        "Boa tarde. Lagoa Redonda, tudo bem?",  # a place
    ],
)
def test_a_name_that_greets_somebody_is_not_the_leads(text: str) -> None:
    assert "name" not in extract(text)


# 5. A first hour alone, with no day anywhere, is proposed on a day, booked on a yes
def test_a_first_hour_alone_is_proposed_not_booked() -> None:
    run = booking_run("pode me ligar às 15h30")
    assert "call_at" not in run.facts
    assert run.replies[-1] == say.propose_call("segunda-feira, 07/12 às 15h30")


def test_a_first_hour_alone_is_booked_on_a_yes() -> None:
    run = booking_run("pode me ligar às 15h30", "pode sim")
    assert run.facts["call_at"] == datetime(2026, 12, 7, 15, 30, tzinfo=TZ)


def test_a_first_hour_alone_then_a_day_books_that_day() -> None:
    run = booking_run("às 15h30", "não, na sexta")
    assert run.facts["call_at"] == datetime(2026, 12, 11, 15, 30, tzinfo=TZ)


# 6. A greeting drawn out ("oiii", "boa noiite") is still a greeting (generated kb seed 9)
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("boa tardee o clube tem sauna", ["o clube tem sauna"]),
        ("oiiie, quanto mede o lote", ["quanto mede o lote"]),
    ],
)
def test_a_drawn_out_greeting_then_a_question(text: str, asked: list[str]) -> None:
    assert is_greeting(text)
    assert asking_clauses(text) == asked


def test_a_drawn_out_greeting_then_a_name() -> None:
    assert extract("bom diiia, aqui é a Socorro") == {"name": "Socorro"}


def test_a_slip_in_the_weekday_reaches_the_booking() -> None:
    # The policy reads the lead's messages as the facts reader does, slips put right.
    run = booking_run("pode ser na qunita às 14h")
    assert run.facts["call_at"] == datetime(2026, 12, 10, 14, 0, tzinfo=TZ)
