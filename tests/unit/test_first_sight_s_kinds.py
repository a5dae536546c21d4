"""The kinds the first-sight set facts_2026-12-07s found at its first run (84/87, 1
wrong), each tested on new sentences: a name the sentiment lexicon also scores, typed
alone in lower case ("marcos", "socorro"); the name given again "certinho"/"correto"
replaces a nickname; a bare count said to suit ("ah 2 serve")."""

from __future__ import annotations

import pytest

from tests.support.reading import chat_run, extract


@pytest.mark.parametrize(("text", "name"), [("marcos", "Marcos"), ("socorro", "Socorro")])
def test_a_name_the_lexicon_scores_alone(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


def test_a_feeling_word_in_a_sentence_is_still_no_name() -> None:
    assert "name" not in extract("socorro, não entendi nada", "name")


def test_the_name_given_right_replaces_a_nickname() -> None:
    run = chat_run(
        "oi, aqui é a Bia", "3 quartos no Cocó", "meu nome correto é Beatriz Lima, Bia é apelido"
    )
    assert run.facts["name"] == "Beatriz Lima"


@pytest.mark.parametrize(
    ("text", "count"), [("ah 3 serve", 3), ("4 basta", 4), ("2 tá bom pra mim", 2)]
)
def test_a_bare_count_said_to_suit(text: str, count: int) -> None:
    assert extract(text, "bedrooms").get("bedrooms") == count


@pytest.mark.parametrize("text", ["4 é demais", "2 não serve"])
def test_a_bare_count_said_not_to_suit(text: str) -> None:
    assert "bedrooms" not in extract(text, "bedrooms")
