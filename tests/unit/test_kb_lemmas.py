"""Passages by their lemma (2026-12-07i): the form both sides of a search meet in, and the
lead's own condition at the head of a question, which is context, not what is asked."""

from __future__ import annotations

from homer_agent.kb.query import build_query
from homer_agent.ptbr.questions import asking_clauses, read_question
from homer_agent.ptbr.text import lemma_text


def test_a_passage_s_words_become_their_folded_lemmas_in_place() -> None:
    assert lemma_text("Tenha em mãos RG ou CNH") == "ter em mao rg ou cnh"
    assert lemma_text("rede elétrica subterrânea") == "rede eletrico subterraneo"
    # Headings keep their separators: the index weighs the last heading apart.
    assert lemma_text("Casas e plantas > Casa Maré — 3 quartos").count(" > ") == 1
    assert lemma_text("78 m² de área") == "78 m2 de area"


def test_a_question_s_terms_are_searched_by_their_lemmas_too() -> None:
    query = build_query("preciso ter na mão?")
    assert query.lemma_terms == ("mao",)
    assert lemma_text("mãos") == query.lemma_terms[0]
    query = build_query("o muro é rebocado?")
    assert query.lemma_terms == ("muro", "rebocar")
    assert lemma_text("Muros, rebocado") == "muro, rebocar"
    query = build_query("qnto é cobrado de taxa?")
    assert len(query.lemma_terms) == len(query.terms)


def test_the_lead_s_condition_at_the_head_of_a_question_is_context() -> None:
    (clause,) = asking_clauses("se eu comprar pra investir posso botar no airbnb?")
    assert clause.startswith("se eu comprar")
    assert {"comprar", "investir"} <= set(read_question(clause).context)
    # "queria saber se ..." still asks what follows "se".
    assert asking_clauses("queria saber se tem piscina") == ["tem piscina"]
    assert asking_clauses("gostaria de saber se eu posso ter cachorro") == ["eu posso ter cachorro"]


def test_a_comparison_or_a_meal_time_beside_the_question_is_context() -> None:
    asked = read_question("a casa Brisa tem suíte igual a Maré?")
    assert {"igual", "mare"} <= set(asked.context)
    assert "suite" not in asked.context
    asked = read_question("dá pra visitar a decorada no sábado antes do almoço?")
    # The meal is a time of the lead's day: context, or left out of the topic altogether.
    assert "almoco" not in set(asked.topic) - set(asked.context)
    assert "decorada" not in asked.context
