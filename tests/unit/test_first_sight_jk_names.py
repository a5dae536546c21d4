"""The name kinds the first-sight sets facts_2026-12-07j and -07k found, by new sentences.

None of these sentences is in those sets: a capitalised name opening a comma list of
facts (or followed by a profession) is the lead's; a self-introduction cue ("nem me
apresentei:") then a name gives it; after "sou", a word of degree or a word followed by
its complement ("mto ligado em", "louco por") describes the lead and is never a name.
"""

from __future__ import annotations

import pytest

from tests.support.reading import extract


# 1. A name opening a comma list of facts
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "boa noite. Jaqueline, 3 qts, Messejana, ate 400 mil",
            {"name": "Jaqueline", "bedrooms": 3, "neighborhood": "Messejana", "budget_brl": 400000},
        ),
        (
            "Renata Alves, 2 quartos, Parangaba",
            {"name": "Renata Alves", "bedrooms": 2, "neighborhood": "Parangaba"},
        ),
        ("Valdir, Cocó, 3 quartos", {"name": "Valdir", "neighborhood": "Cocó", "bedrooms": 3}),
    ],
)
def test_a_name_opening_a_list_of_facts_is_the_leads(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Aldeota, 2 qts", {"neighborhood": "Aldeota", "bedrooms": 2}),  # a place
        ("Oi Carla, 2 qts no Cocó?", {}),  # speaks to Carla
        ("oi, Sabrina, 2 qts no Cocó", {"bedrooms": 2, "neighborhood": "Cocó"}),
        ("Olha, 2 qts no Cocó", {"bedrooms": 2, "neighborhood": "Cocó"}),  # a word
        # a listed place (São Gonçalo do Amarante's beach), never a name
        (
            "Pecém, 2 qts, até 300 mil",
            {"bedrooms": 2, "neighborhood": "Pecém", "budget_brl": 300000},
        ),
        ("Quixadá, 2 qts, até 300 mil", {"bedrooms": 2, "budget_brl": 300000}),  # a place?
        ("Seguinte, 3 quartos, Aldeota", {"bedrooms": 3, "neighborhood": "Aldeota"}),
        ("Rebeca, tudo bem? quero 2 qts", {"bedrooms": 2}),  # greets Rebeca
    ],
)
def test_no_name_from_a_place_a_greeting_or_a_word(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


def test_oi_carla_tudo_bem_greets_someone() -> None:
    assert "name" not in extract("Oi Carla, tudo bem?", pending="name")


# 2. A self-introduction
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ops, esqueci de me apresentar: Heloísa Cavalcante", "Heloísa Cavalcante"),
        ("deixa eu me apresentar, Otaviano Brito.", "Otaviano Brito"),
        ("me apresento: Dr. Wellington Sales", "Wellington Sales"),
        ("deixa eu me apresentar: sou a Lúcia", "Lúcia"),
    ],
)
def test_a_self_introduction_gives_the_name(text: str, name: str) -> None:
    assert extract(text).get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "vou me apresentar ao Rogério da imobiliária amanhã",
        "quero me apresentar pessoalmente no plantão",
        "me apresentei ao corretor ontem",
    ],
)
def test_no_name_when_the_introduction_is_to_someone(text: str) -> None:
    assert "name" not in extract(text)


# 3. "Name, profession."
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Juliano, advogado. Quero algo perto do fórum", "Juliano"),
        ("Raquel Matos, dentista, 3 qts", "Raquel Matos"),
        ("Ivone, enfermeira", "Ivone"),
    ],
)
def test_a_name_then_a_profession_is_the_leads(text: str, name: str) -> None:
    assert extract(text).get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "Aldeota, médico tem muito por lá",  # a place
        "Juliano, advogado da minha tia, indicou vocês",  # the professional is someone else
        "oi Juliano, advogado aqui",  # speaks to Juliano
        "Marcelo, dentista, me indicou vocês",  # what someone else did
    ],
)
def test_no_name_from_a_place_or_someone_elses_profession(text: str) -> None:
    assert "name" not in extract(text)


# 4. A description after "sou" is never a name
@pytest.mark.parametrize(
    "text",
    [
        "sou mt feliz com a ideia",
        "sou mto apegado ao meu bairro",
        "sou meio perdido nisso de financiamento",
        "sou super ansiosa pra mudar",
        "sou louca por praia",
        "sou fã de varanda grande",
        "sou chato com barulho",
        "sou ligada em segurança",
        "Sou Doido por academia",
        "sou leigo em financiamento",  # any word before its complement
        "Sou Leigo em financiamento",  # capitalised, but a word a dictionary knows
    ],
)
def test_a_description_after_sou_is_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")
    assert "name" not in extract(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sou a valquiria", "Valquiria"),
        ("sou maria de lourdes", "Maria de Lourdes"),
        ("sou o Ronaldo e quero 2 quartos", "Ronaldo"),
        ("sou edson, procurando casa", "Edson"),
        ("sou a Carla em busca de um ap", "Carla"),
    ],
)
def test_a_name_after_sou_still_counts(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name
