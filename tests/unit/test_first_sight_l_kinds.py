"""The kinds the first-sight set facts_2026-12-07l found at its first run (81/91, 7
wrong), fixed so far, each by new sentences: a verb opening a sentence before "aqui" is
no name; an unlisted "place" made only of words of the language is none ("na Caixa",
"Ah, espera"); a count in the last clause after a correction cue corrects; a day part
with no day and no hour books nothing.
"""

from __future__ import annotations

import pytest

from tests.support.reading import chat_run, extract


@pytest.mark.parametrize(
    "text", ["Liguei aqui pra minha irmã e ela gostou", "Conversei aqui com meu sócio. Falei aqui"]
)
def test_a_verb_opening_a_sentence_before_aqui_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "budget_brl", ("name",))


@pytest.mark.parametrize(
    "text",
    [
        "vou ver o financiamento no Banco do Nordeste, depois te falo",
        "Olha, espera, vou confirmar com a Caixa",
    ],
)
def test_an_unlisted_place_of_common_words_is_none(text: str) -> None:
    assert "neighborhood" not in extract(text, "budget_brl", ("name", "bedrooms"))


def test_an_unlisted_place_with_a_place_noun_is_still_read() -> None:
    assert extract("quero na Lagoa Seca", "neighborhood") == {"neighborhood": "Lagoa Seca"}


@pytest.mark.parametrize(
    "text",
    [
        "Opa, pera, minha esposa quer um quarto de hóspedes, então melhor 4",
        "falei com a família, na verdade 4",
    ],
)
def test_a_count_in_the_last_clause_after_a_correction(text: str) -> None:
    assert extract(text, "neighborhood", ("name", "bedrooms")) == {"bedrooms": 4}


def test_a_day_part_with_no_day_books_nothing() -> None:
    run = chat_run("sou o Rui", "quero 2 quartos no Benfica até 350 mil", "à tarde, qualquer dia")
    assert "call_at" not in run.facts


# Weekday shorthand before a clock time; "domingo não tem" turns Sunday down
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("qua 16h", "2026-12-09T16:00:00-03:00"),
        ("pode ser sex, 9:30?", "2026-12-11T09:30:00-03:00"),
        ("ah tá, domingo não tem. Sexta às 11 então", "2026-12-11T11:00:00-03:00"),
    ],
)
def test_weekday_shorthand_and_a_day_with_no_calls(text: str, want: str) -> None:
    assert extract(text, "call_at") == {"call_at": want}


@pytest.mark.parametrize("text", ["vou ter 2 filhos", "sex 3 vezes por semana"])
def test_shorthand_that_is_a_word_is_no_day(text: str) -> None:
    assert "call_at" not in extract(text, "call_at")


# A name spelt out corrects the one saved
def test_a_name_spelt_out_corrects_the_saved_one() -> None:
    run = chat_run("oi, sou a Tais", "opa, Thaís com H", "quero 2 quartos")
    assert run.facts["name"] == "Thaís"


def test_a_companion_is_no_letter_spelt() -> None:
    assert "name" not in extract("vou com a Rita com a filha", "bedrooms", ("name",))


# After a correction picks a place, a place the next clause describes is the reason
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("no Cocó, aliás Papicu, Cocó é caro demais", "Papicu"),
        ("pensando bem, Aldeota. Meireles fica longe", "Aldeota"),
        ("Cambeba fica perto do trabalho", "Cambeba"),  # no correction: the place said
    ],
)
def test_a_place_described_after_a_pick_is_the_reason(text: str, want: str) -> None:
    assert extract(text, "neighborhood", ("neighborhood",)) == {"neighborhood": want}
