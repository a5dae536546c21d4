"""The pure parts of the knowledge base's scored decision: the share of a question's
weight a passage covers (`Weights.share`), and a question's own words apart from the
statements it asks about (`ptbr.questions.asking_parts`)."""

from __future__ import annotations

import pytest

from homer_agent.kb.search import Weights
from homer_agent.ptbr.questions import asking_clauses, asking_parts


def test_the_share_is_the_weight_a_passage_covers() -> None:
    weights = Weights((2.0, 1.0, 1.0), ("hilux",), 1.0, ("garagem", "hilux", "dois"))
    assert weights.share(0b101) == pytest.approx(0.75)
    assert weights.share(0b000) == 0.0
    assert weights.share(0b111) == 1.0
    # One question of the message, on its own: only its terms count.
    assert weights.share(0b001, frozenset({"garagem", "hilux"})) == pytest.approx(2 / 3)


def test_a_question_that_weighs_nothing_is_covered() -> None:
    assert Weights((0.0,), (), 0.0, ("15h",)).share(0) == 1.0
    assert Weights(()).share(0) == 1.0


@pytest.mark.parametrize(
    ("message", "before", "own"),
    [
        (
            "so consigo ir no domingo depois do almoco, tipo umas 15h, vai ta aberto?",
            "so consigo ir no domingo depois do almoco, tipo umas 15h",
            "vai esta aberto?",
        ),
        (
            "vamos fazer um churrasco pra uns 50 amigos. cabe todo mundo?",
            "vamos fazer um churrasco para uns 50 amigos.",
            "cabe todo mundo?",
        ),
        (
            "to pensando em investir, o condominio deixa?",
            "estou pensando em investir",
            "o condominio deixa?",
        ),
        (
            "gostei da casa Brisa, o terreno dela tem quantos metros?",
            "gostei da casa brisa",
            "o terreno dela tem quantos metros?",
        ),
    ],
)
def test_a_question_that_names_nothing_carries_the_statements_before_it(
    message: str, before: str, own: str
) -> None:
    assert asking_parts(message) == [(before, own)]
    separator = " " if before[-1] in ".,;:" else ", "
    assert asking_clauses(message) == [f"{before}{separator}{own}"]


@pytest.mark.parametrize(
    "message",
    [
        "tenho dois filhos. tem parquinho?",
        "vi o anuncio no insta. essa construtora ja entregou a primeira obra deles?",
    ],
)
def test_a_question_that_names_its_thing_stands_alone(message: str) -> None:
    ((before, _),) = asking_parts(message)
    assert before == ""
