"""A count is turned down by a "não" right after it ("3 quartos não", "2 quartos pra mim
não dá"), not by a "não" that follows other words: in a voice-to-text run-on ("3
dormitórios prefiro Cocó de manhã não dá mas segunda 16h pode", generated seed 20261212)
the "não" turns down the day part, and the count stands.
"""

from __future__ import annotations

import pytest

from tests.support.reading import extract


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("pode me chamar de Lia 3 dormitorios prefiro parangaba de tarde nao da", 3),
        ("4 quartos no cambeba de manhã não posso", 4),
        ("2 quartos messejana a noite nao consigo, quinta 10h", 2),
        ("3 dormitórios à tarde não posso", 3),
    ],
)
def test_a_no_after_other_words_is_theirs(text: str, count: int) -> None:
    assert extract(text).get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    ["2 quartos não", "2 quartos pra mim não dá", "3 quartos, não.", "3 quartos é pouco"],
)
def test_a_no_right_after_the_count_turns_it_down(text: str) -> None:
    assert "bedrooms" not in extract(text)


def test_a_turned_down_count_is_corrected_by_the_next() -> None:
    assert extract("3 quartos nao, 4").get("bedrooms") == 4
