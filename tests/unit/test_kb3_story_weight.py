"""The lead's statements around a question weigh less than the question
(`kb.search._story_capped`): the words of the story no passage contains weigh together at
most STORY_SHARE of the question's own terms; words of the story the documents hold, and
every word when the question names nothing of its own, keep their weight."""

from __future__ import annotations

import pytest

from homer_agent.kb.search import STORY_SHARE, _story_capped

TERMS = ("onibus", "porta", "faculdade", "carteira", "oposto", "fortaleza")
ABSENT = frozenset({"faculdade", "carteira", "oposto"})


def test_a_long_story_is_capped_below_the_question() -> None:
    weights = [2.4, 2.0, 0.5, 0.5, 0.5, 0.7]
    capped = _story_capped(TERMS, weights, frozenset({"onibus", "porta"}), ABSENT)
    assert capped[:2] == [2.4, 2.0]
    assert sum(capped[2:5]) == pytest.approx(STORY_SHARE * 4.4)
    assert capped[5] == 0.7  # a word of the story the documents hold keeps its weight


def test_a_short_story_keeps_its_weight() -> None:
    weights = [2.4, 2.0, 0.5, 0.0, 0.0, 0.7]
    assert _story_capped(TERMS, weights, frozenset({"onibus", "porta"}), ABSENT) == weights


@pytest.mark.parametrize(
    "asking",
    [
        frozenset(),  # the question names nothing: the story is what it asks about
        frozenset({"faculdade", "carteira", "oposto", "onibus", "porta", "fortaleza"}),
    ],
)
def test_nothing_is_capped_without_a_story_apart(asking: frozenset[str]) -> None:
    weights = [2.4, 2.0, 0.5, 0.5, 0.5, 0.7]
    assert _story_capped(TERMS, weights, asking, ABSENT) == weights
