"""The kinds the first-sight set facts_2026-12-07p found at its first run (81/87, 1
wrong), each tested on new sentences: a name then a polite formula ("a seu dispor", "às
ordens") or "tudo certo?"; a relative's name before "aqui" ("meu marido Jorge aqui");
a plural noun before "aqui" ("fazendo as contas aqui"); an area around a listed place
("pros lados do Cocó"); a place's alias in lower case after a place word ("no bairro
josé walter")."""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Raimundo Nonato, a seu dispor", "Raimundo Nonato"),
        ("Jonas Pereira, às ordens!", "Jonas Pereira"),
        ("Boa tarde! Helena Castro, tudo certo?", "Helena Castro"),
        ("Oi! Rafael Monteiro, tudo joia?", "Rafael Monteiro"),
    ],
)
def test_a_name_then_a_polite_formula(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


@pytest.mark.parametrize("text", ["Oi Carla, tudo certo?", "Aldeota, a seu dispor"])
def test_a_greeted_name_or_a_place_is_not_the_leads(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "falei com minha esposa Carla aqui e ela topou",
        "meu sócio Henrique aqui do lado acha caro",
        "tô fazendo as contas aqui, depois te falo",
    ],
)
def test_a_relative_or_a_plural_noun_before_aqui_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("quero algo pros lados do Cambeba", "Cambeba"),
        ("mais pras bandas da Parangaba, visse", "Parangaba"),
        ("procuro na região do Eusébio", "Eusébio"),
    ],
)
def test_an_area_around_a_listed_place(text: str, place: str) -> None:
    assert extract(text).get("neighborhood") == place


def test_someone_elses_area_is_not_the_wish() -> None:
    assert "neighborhood" not in extract("minha irmã mora pros lados do Cambeba")


def test_an_alias_in_lower_case_after_a_place_word() -> None:
    got = extract("uma casa no bairro josé walter perto da minha mãe").get("neighborhood")
    assert got == "Prefeito José Walter"
    assert "neighborhood" not in extract("o josé walter me indicou vocês")
