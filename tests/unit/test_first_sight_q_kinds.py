"""The kinds the first-sight set facts_2026-12-07q found at its first run (90/93, 2
wrong), each tested on new sentences: the place a lead is leaving ("sair do Meireles") is
not the one wanted, the one they go to is; bairros the list lacked ("Água Fria"); "não,
é X" opening a message corrects what was just noted; "continua aq" in shorthand stays
put; and a counted thing before "aqui" ("1 moto aqui") is nobody's name."""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("quero sair da parangaba e ir pra messejana", "Messejana"),
        ("a gente quer sair do Centro e se mudar pro Cambeba", "Cambeba"),
        ("to pensando em ir pra Água Fria", "Água Fria"),
    ],
)
def test_the_place_gone_to_not_the_one_left(text: str, place: str) -> None:
    assert extract(text).get("neighborhood") == place


@pytest.mark.parametrize("text", ["quero sair do Montese", "preciso sair da Aldeota logo"])
def test_the_place_left_is_not_wanted(text: str) -> None:
    assert "neighborhood" not in extract(text)


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("não, é Serrinha, o teclado trocou", "neighborhood", "Serrinha"),
        ("não, é 4, digitei errado", "bedrooms", 4),
    ],
)
def test_nao_e_x_corrects_what_was_noted(text: str, fact: str, value: object) -> None:
    known = ("name", "bedrooms", "neighborhood")
    assert extract(text, "budget_brl", known).get(fact) == value


def test_staying_put_in_shorthand() -> None:
    assert extract("moro em caucaia e qro continua aq").get("neighborhood") == "Caucaia"


@pytest.mark.parametrize(
    "text", ["tenho 2 carros e 1 moto aqui em casa", "tenho uma bike aqui, cabe na garagem?"]
)
def test_a_counted_thing_before_aqui_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "a de 4 quartos tem piscina né. e a de 2?",
        "a casa de 3 quartos vem com escritório né",
        "a de 2 quartos fica pronta antes ne",
    ],
)
def test_a_tag_question_about_a_house_type_gives_no_count(text: str) -> None:
    assert "bedrooms" not in extract(text)


@pytest.mark.parametrize(
    "text", ["quero 3 quartos né", "é 3 quartos ne", "3 quartos né, pra caber todo mundo"]
)
def test_a_tag_after_the_leads_own_answer_keeps_it(text: str) -> None:
    assert extract(text, "bedrooms").get("bedrooms") == 3
