"""The name cues grouped by first word (`ptbr.facts._by_first_word`): a word is tried only
against the cues that can begin at it, in the order of the cue lists."""

from __future__ import annotations

import pytest

from homer_agent.ptbr import facts
from tests.support.reading import extract


@pytest.mark.parametrize(
    ("cues", "groups"),
    [
        (facts._NAME_STRONG_CUES, facts._NAME_STRONG_BY_FIRST),
        (facts._NAME_NOTE_CUES, facts._NAME_NOTE_BY_FIRST),
        (facts._NAME_INTRO_CUES, facts._NAME_INTRO_BY_FIRST),
        (facts._NAME_WEAK_CUES, facts._NAME_WEAK_BY_FIRST),
    ],
)
def test_each_cue_is_in_its_first_words_group_in_list_order(
    cues: tuple[tuple[str, ...], ...], groups: dict[str, tuple[tuple[str, ...], ...]]
) -> None:
    for word, group in groups.items():
        assert group == tuple(cue for cue in cues if cue[0] == word)
    assert sum(len(group) for group in groups.values()) == len(cues)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the longer cue of a group listed first wins ("meu nome completo é" over "meu nome")
        ("meu nome completo é Otávio Barreto", "Otávio Barreto"),
        ("aqui quem tá falando é o Severino", "Severino"),
        ("sou eu mesma, Jussara", "Jussara"),
        ("pode me chamar de Quitéria", "Quitéria"),
    ],
)
def test_names_after_cues_sharing_a_first_word(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "meu nome? ainda não falei",  # the question echoed, nothing after it
        "aqui é longe do centro?",  # "aqui é" asks about a place
        "pode anotar 3 quartos",  # a note, but no name in it
    ],
)
def test_no_name_after_cues_without_one(text: str) -> None:
    assert "name" not in extract(text)
