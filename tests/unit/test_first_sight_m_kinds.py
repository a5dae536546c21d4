"""The kinds the first-sight set facts_2026-12-07m found at its first run (87/91, 2
wrong, 2 missed), each fixed by a general rule and tested here on new sentences only
(none is a sentence of the set), with sentences that must not change.
"""

from __future__ import annotations

import pytest

from tests.support.reading import extract

# 1. A word the lead calls the reader ("moça", "querida", "pessoal") is no name; "quem
# fala é X de Y" gives the full name with its particles, up to where the message goes on.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "boa tarde menina quem fala é Maria das Graças, quero saber do apartamento",
            "Maria das Graças",
        ),
        ("oi querida, quem tá falando é o Raimundo Nonato", "Raimundo Nonato"),
        (
            "olá senhor aqui quem fala é Francisca dos Santos quero ver uma casa",
            "Francisca dos Santos",
        ),
        ("oi pessoal, aqui quem fala é José da Silva Filho", "José da Silva Filho"),
        ("boa noite amigo, quem fala é Antônia", "Antônia"),
        ("bom dia, quem fala aqui é Rita de Cássia eu queria uma informação", "Rita de Cássia"),
        ("quem te escreve é Sebastião Ribeiro", "Sebastião Ribeiro"),
    ],
)
def test_who_speaks_gives_the_full_name(text: str, want: str) -> None:
    assert extract(text, "name").get("name") == want
    assert extract(text).get("name") == want


@pytest.mark.parametrize(
    "text",
    [
        "Moça aqui",
        "bom dia moço",
        "Querida, boa tarde",
        "oi menina, tudo bem?",
        "boa tarde pessoal",
        "olá galera",
        "bom dia doutora",
        "Rapaz, aqui",
    ],
)
def test_a_word_calling_the_reader_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("bom dia doutor, aqui é a Ana Lúcia", "Ana Lúcia"),
        ("oi moça tudo bem, Paulo aqui", "Paulo"),
        ("meu nome é Carlos Neto e quero 3 quartos", "Carlos Neto"),
        ("Boa tarde, sou a Dona Rosa", "Rosa"),
    ],
)
def test_names_beside_a_vocative_or_title_still_read(text: str, want: str) -> None:
    assert extract(text, "name").get("name") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quem fala é meu marido", None),
        ("quem fala comigo é o Carlos?", None),
        ("sou o Pedro, meu Filho quer 3 quartos", "Pedro"),
    ],
)
def test_who_speaks_naming_nobody_else(text: str, want: str | None) -> None:
    assert extract(text).get("name") == want
