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
