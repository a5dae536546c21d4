"""Question kinds of brief hk2, read without the documents (ptbr/questions.py): a stage's
handover asked with the builder's intention or pointing back to a block, blocks listed by
their letters, and a day pointed back to in a long story."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.questions import asking_clauses, normalise


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quando vcs pretendem entregar as chaves?", "entrega das chaves"),
        ("vcs planejam entregar a chave quando?", "entrega das chaves"),
        ("quando a construtora entrega as chaves da quadra C?", "entrega da etapa"),
    ],
)
def test_the_builder_handing_the_keys_is_their_handover(text: str, want: str) -> None:
    assert want in normalise(text)


def test_an_intention_before_no_act_stays() -> None:
    assert "pretendo" in normalise("eu pretendo morar ai ano que vem, tem escola perto?")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("gostei de uma casa na quadra C. qnd vcs entregam as chaves dessa parte?", "etapa c"),
        ("minha irma comprou na quadra A. e essa quadra fica pronta qnd?", "etapa a"),
        ("achei bonita a quadra D, dessa etapa vcs entregam quando?", "etapa d"),
    ],
)
def test_a_pointer_to_a_block_carries_it(text: str, kept: str) -> None:
    (clause,) = asking_clauses(text)
    assert kept in clause


@pytest.mark.parametrize(
    "text",
    [
        "ouvi que as quadras E F G H sao da segunda etapa, quando ficam prontas?",
        "as quadras A, B e C ficam prontas quando?",
        "me disseram que as quadras la da frente, A B C D, estao adiantadas. ficam prontas qnd?",
    ],
)
def test_blocks_listed_by_capital_letters_are_a_stage(text: str) -> None:
    low = normalise(text)
    assert "etapa" in low
    assert "horas" not in low


def test_lower_case_letters_after_blocks_are_words() -> None:
    assert "etapa" not in normalise("as quadras e a piscina ficam perto da casa?")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "saio do trabalho as 18h e folgo no sabado. queria ir ver a casa decorada "
            "la pelas 16h no sabado, vcs abrem nesse dia?",
            "16h no sabado",
        ),
        (
            "acordo as 5 todo dia, so tenho o domingo livre. pensei em ir no stand umas "
            "11h no domingo, vcs ficam abertos nesse dia?",
            "11h no domingo",
        ),
        (
            "trabalho em turno, entro as 7. pensei em passar ai na segunda a tarde, "
            "funciona nesse dia?",
            "segunda a tarde",
        ),
    ],
)
def test_a_day_pointed_back_is_the_one_just_before(text: str, day: str) -> None:
    (clause,) = asking_clauses(text)
    assert day in clause
    assert "entro as 7" not in clause and "acordo" not in clause and "saio" not in clause


def test_a_thing_pointed_back_still_carries_it() -> None:
    (clause,) = asking_clauses("meu filho adora a casa de 3 quartos. ela tem quintal?")
    assert "casa de 3 quartos" in clause
