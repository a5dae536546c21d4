"""The kinds the first-sight set facts_2026-12-07t found at its first run (81/83, 1
wrong), each tested on new sentences: a name marked with an asterisk corrects the saved
one ("Gabriel* digitei errado"); a house type picked by its bedrooms beside another one
named ("vou querer a de 3 mesmo, a de 4 deve ser muito cara")."""

from __future__ import annotations

import pytest

from tests.support.reading import chat_run, extract


@pytest.mark.parametrize("text", ["Mariana* errei", "*Mariana", "Mariana* kkk digitei errado"])
def test_a_starred_name_corrects_the_saved_one(text: str) -> None:
    run = chat_run("oi, sou a Mairana", text)
    assert run.facts["name"] == "Mariana"


def test_a_starred_place_is_no_name() -> None:
    assert "name" not in extract("Parangaba*", "bedrooms", ("name", "neighborhood"))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("vou querer a de 2 mesmo, a de 3 deve ser cara", 2),
        ("fico com a de 4, a de 3 é pequena pra gente", 4),
    ],
)
def test_a_house_type_picked_beside_another(text: str, count: int) -> None:
    assert extract(text, "bedrooms").get("bedrooms") == count


@pytest.mark.parametrize("text", ["vou querer a de 2, mas talvez a de 3", "a de 2, a de 3 é cara"])
def test_no_pick_or_a_pick_taken_back_gives_no_count(text: str) -> None:
    assert "bedrooms" not in extract(text, "bedrooms")
