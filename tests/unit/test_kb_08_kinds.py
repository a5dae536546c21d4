"""Kinds of first-sight sets 08b and 08e read without the database: a question that
points back to the thing named before it, a dislike of a thing of the house, money set
aside for something else than the home."""

from __future__ import annotations

import pytest

from homer_agent.kb.search import _with_referents
from homer_agent.ptbr.facts import extract_facts
from homer_agent.ptbr.intents import handoff_reason
from homer_agent.ptbr.questions import asking_clauses
from tests.support.reading import NOW, TZ

KNOWN = frozenset({"piscina", "clube", "pista", "caminhada", "quadra"})


def test_a_measure_pointing_back_names_the_thing_before() -> None:
    clauses = ["a pista de caminhada e iluminada?", "qual o comprimento dela?"]
    resolved = _with_referents(clauses, KNOWN)
    assert resolved[0] == clauses[0]
    assert "pista" in resolved[1] and "caminhada" in resolved[1]
    assert "dela" not in resolved[1]


def test_only_the_words_the_documents_know_are_carried() -> None:
    # "treinar" is in no document: it would weigh as a word asked and no passage holds.
    resolved = _with_referents(["a piscina do clube da pra treinar?", "e o tamanho dela?"], KNOWN)
    assert "piscina clube" in resolved[1] and "treinar" not in resolved[1]


def test_a_question_naming_its_own_thing_is_left_alone() -> None:
    clauses = ["a piscina e aquecida?", "e a quadra, qual o tamanho dela?"]
    assert _with_referents(clauses, KNOWN) == clauses
    # Nothing before it to point to, or no pronoun: left as it is.
    assert _with_referents(["qual o tamanho dela?"], KNOWN) == ["qual o tamanho dela?"]
    clauses = ["a piscina e aquecida?", "qual o tamanho?"]
    assert _with_referents(clauses, KNOWN) == clauses


def test_what_a_request_points_back_to_is_the_thing_asked_before() -> None:
    resolved = _with_referents(
        ["da pra trocar o box da suite?", "ate quando posso pedir isso?"], KNOWN | {"box", "suite"}
    )
    assert "box" in resolved[1] and "isso" not in resolved[1]


@pytest.mark.parametrize(
    "text",
    [
        "odeio carpete, da pra trocar o piso do quarto?",
        "nao curto cozinha americana, tem como fechar com parede?",
        "detesto piso frio, horrivel, tem como trocar por outro?",
        "tenho horror de banheira, a suite tem box?",
    ],
)
def test_disliking_a_thing_of_the_house_is_no_hand_off(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "odeio tudo isso, horrivel",
        "odeio essa demora horrivel, pessimo",
        "detesto esse atendimento horrivel de voces",
        "vocês são uns idiotas, odeio piscina",
    ],
)
def test_a_dislike_of_us_or_of_everything_is_still_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"


@pytest.mark.parametrize(
    "text",
    [
        "separei uns 20 mil pra mobilia, a casa vem com armario?",
        "to guardando 10 mil pros armarios da cozinha",
        "vou precisar de uns 30 mil pra mudanca e decoracao ne",
    ],
)
def test_money_for_furniture_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract_facts(text, pending=None, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("meu orcamento e 400 mil e tenho mais 15 mil pros moveis", 400_000),
        ("posso pagar ate 450 mil, moveis eu vejo depois", 450_000),
        ("tenho 500 mil pra casa", 500_000),
    ],
)
def test_the_budget_beside_furniture_money_is_still_read(text: str, budget: int) -> None:
    assert extract_facts(text, pending=None, now=NOW, tz=TZ).get("budget_brl") == budget


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "ola eu sou motorista de app e rodo a noite e fica longe do centro",
            "fica longe do centro",
        ),
        (
            "boa tarde eu sou aposentada e gosto de praia e fica perto do cumbuco",
            "fica perto do cumbuco",
        ),
    ],
)
def test_a_dictated_story_ending_in_where_it_lies_asks_it(text: str, asked: str) -> None:
    assert asking_clauses(text) == [asked]


@pytest.mark.parametrize(
    "text",
    [
        "minha mae mora no eusebio e fica perto de fortaleza",
        "meu marido trabalha no aeroporto e fica longe",
    ],
)
def test_where_the_leads_people_live_is_told_not_asked(text: str) -> None:
    assert asking_clauses(text) == []
