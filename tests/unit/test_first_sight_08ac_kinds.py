"""Kinds the held-out sets 08a/08c missed or got wrong on their first run: a nickname
others use after the full name, and abbreviated place titles."""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Roberto Alves, mas o pessoal me chama de Beto", "Roberto Alves"),
        ("Maria José e todo mundo me chama de Zezé", "Maria José"),
        ("sou o Antônio, mas em casa me chamam de Toninho", "Antônio"),
    ],
)
def test_full_name_before_others_nickname_is_kept(text: str, want: str) -> None:
    assert extract(text, pending="name").get("name") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pode me chamar de Beto", "Beto"),
        ("oi, tudo bem? todo mundo me chama de Zezé", "Zezé"),
    ],
)
def test_nickname_alone_is_the_name(text: str, want: str) -> None:
    assert extract(text, pending="name").get("name") == want


@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("eng luciano cavalcante", "neighborhood", "Engenheiro Luciano Cavalcante"),
        ("quero no Eng. Luciano Cavalcante", "bedrooms", "Engenheiro Luciano Cavalcante"),
        ("jd iracema", "neighborhood", "Jardim Iracema"),
        ("procuro no pq araxá", "bedrooms", "Parque Araxá"),
        ("pres kennedy", "neighborhood", "Presidente Kennedy"),
    ],
)
def test_abbreviated_place_title_expands_to_listed_place(
    text: str, pending: str, want: str
) -> None:
    assert extract(text, pending=pending).get("neighborhood") == want


def test_abbreviation_before_unlisted_words_is_no_listed_place() -> None:
    assert extract("quero casa no Eng Fulano", pending="bedrooms").get("neighborhood") is None
