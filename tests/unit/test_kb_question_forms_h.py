"""Question forms found by the first-sight set kb_questions_2026-12-07h (issue 24), each
tried on new sentences: a diminutive of a filler word is filler ("a menorzinha", "rapidinho"),
"enquanto" and "jeito" are function words, entering names access, and "aberto"/"fechado"
ask for opening hours."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import build_query, synonyms, words
from homer_agent.ptbr.questions import read_question


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a maiorzinha tem quintal?", ["quintal"]),
        ("rapidinho, qual a menorzinha piscina?", ["rapidinho", "piscina"]),
        ("pago aluguel enquanto isso", ["pago", "aluguel"]),
        ("tem outro jeito de pagar?", ["pagar"]),
        ("o caminho da praia", ["caminho", "praia"]),
    ],
)
def test_filler_words_and_their_diminutives_name_nothing(text: str, kept: list[str]) -> None:
    assert words(text) == kept


def test_entering_is_searched_as_access() -> None:
    (term,) = build_query("como faz pra entrar no condominio?").terms
    assert "acesso" in term and "portaria" in term


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("a academia fica aberta de madrugada?", "hours"),
        ("domingo a piscina esta fechada?", "hours"),
        ("o mercado abre cedo?", "hours"),
        ("se eu chegar umas 14h ainda pego aberto?", "hours"),
        ("a piscina e aberta ou coberta?", None),
    ],
)
def test_open_and_closed_at_a_time_ask_for_hours(question: str, measure: str | None) -> None:
    assert read_question(question).measure == measure


@pytest.mark.parametrize(
    ("inflected", "entry"),
    [("armarios", "armario"), ("quadras", "quadra"), ("soltas", "solto"), ("lotes", "lote")],
)
def test_a_synonym_group_is_found_by_the_lemma(inflected: str, entry: str) -> None:
    assert entry in synonyms(inflected)


def test_the_forms_of_filler_and_question_verbs_name_nothing() -> None:
    assert words("separei os papeis") == ["papeis"]
    assert read_question("a obra ja comecou?").topic == ("a", "obra")
    # a gerund is the action asked about, not how the question asks
    assert "construindo" in read_question("quem esta construindo?").topic
