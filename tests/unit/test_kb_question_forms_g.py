"""Question forms found by the first-sight set kb_questions_2026-12-07g (issue 24), each
tried on new sentences: a yes/no question's asked thing is the object of its verb of
having; "andando" is walking, never a floor; "tem alguma perto?" points back to the
thing the lead named before it."""

from __future__ import annotations

import pytest

from homer_agent.kb.search import _asked_thing
from homer_agent.ptbr.questions import asking_clauses


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("a varanda vem com toldo ou entrega aberta?", "toldo"),
        ("os juros ficam travados ou tem alguma correcao?", "alguma correcao"),
        ("o clube inclui sauna?", "sauna"),
        ("a piscina e aquecida?", "a piscina e aquecida?"),
    ],
)
def test_a_yes_no_question_asks_the_object_of_its_verb(question: str, thing: str) -> None:
    assert _asked_thing(question) == thing


@pytest.mark.parametrize(
    ("message", "clause"),
    [
        (
            "minha esposa faz pilates, tem algum perto do condominio?",
            "minha esposa faz pilates, tem algum perto do condominio?",
        ),
        (
            "gosto de padaria artesanal, tem alguma ai?",
            "gosto de padaria artesanal, tem alguma ai?",
        ),
        ("moro longe, tem algum mercado perto?", "tem algum mercado perto?"),
    ],
)
def test_an_indefinite_pronoun_carries_the_thing_named_before(message: str, clause: str) -> None:
    assert asking_clauses(message) == [clause]


def test_andando_is_walking_not_a_floor() -> None:
    assert asking_clauses("o gato pode ficar andando pelas areas comuns?") == [
        "o gato pode ficar pelas areas comuns?"
    ]
