"""Words of work, shorthand included, are never the lead's name (seen in a held-out
question: "sou dev e trabalho 100% remoto" saved the name "Dev")."""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    "text",
    [
        "sou dev, trabalho de casa o dia todo",
        "boa noite, sou designer e quero sair do aluguel",
        "sou PM e trabalho em escala",
        "sou concursada da prefeitura",
        "sou caminhoneiro e passo a semana na estrada",
    ],
)
def test_a_word_of_work_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sou a Débora, sou dev", "Débora"),
        ("Renan, designer", "Renan"),
        ("sou o Caio e sou taxista", "Caio"),
    ],
)
def test_a_name_beside_a_word_of_work_stays(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name
