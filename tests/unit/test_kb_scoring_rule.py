"""The scorer's invented-figure rule (tests/support/kb_scoring.py, `invented`): the
figures of the agent's own sentence booking the call are the clock's date and the call
hours, no figure about the development, when the lead speaks of the call (set 07g);
call slots offered to a lead who asked something else still count (set 07e's kind)."""

from __future__ import annotations

from tests.support.kb_scoring import invented

ALLOWED = {"3", "9", "18"}


def test_a_date_asked_for_the_call_the_lead_mentions_is_not_invented() -> None:
    question = "o corretor vai me ligar amanha, o q eu preciso deixar separado?"
    reply = (
        "Que horas fica bom na segunda-feira, 07/12? Os corretores ligam das 9h às 18h. "
        "Separe os três últimos comprovantes de renda."
    )
    assert invented(question, reply, ALLOWED) == set()


def test_call_slots_offered_for_a_visit_question_are_invented() -> None:
    question = "da pra ir ver a casa decorada domingo tipo umas 3 da tarde?"
    reply = "Na segunda (07/12), à tarde, tenho estes horários livres: 13h, 15h ou 17h."
    assert invented(question, reply, ALLOWED) == {"07", "12", "13", "15", "17"}


def test_a_figure_outside_the_booking_sentence_counts_even_when_the_call_is_named() -> None:
    question = "antes da ligação, qual o tamanho do lote?"
    reply = "Que horas fica bom na terça-feira, 08/12? O lote tem 999 m²."
    assert invented(question, reply, ALLOWED) == {"999"}


def test_a_figure_in_the_question_is_never_invented() -> None:
    assert invented("cabe 120 pessoas?", "O salão comporta 120 pessoas.", set()) == set()
