"""The pt-BR language package: folding, joining, money, the lexicon."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homer_agent.ptbr.lexicon import (
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAY_NAMES,
    is_title,
    month_number,
    number_word,
    weekday_index,
)
from homer_agent.ptbr.text import fold, format_brl, format_brl_short, join, strip_accents


def test_fold_lowers_and_drops_accents() -> None:
    assert fold("Não É Três, Conceição!") == "nao e tres, conceicao!"


@given(st.text())
def test_fold_keeps_one_character_per_character(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(strip_accents(text)) == len(text)


def test_strip_accents_keeps_case() -> None:
    assert strip_accents("Ávila São") == "Avila Sao"


@pytest.mark.parametrize(
    ("items", "conjunction", "joined"),
    [
        ([], "e", ""),
        (["spa"], "e", "spa"),
        (["spa", "academia"], "e", "spa e academia"),
        (["2", "3", "4"], "ou", "2, 3 ou 4"),
    ],
)
def test_join(items: list[str], conjunction: str, joined: str) -> None:
    assert join(items, conjunction) == joined


@pytest.mark.parametrize(
    ("amount", "long", "short"),
    [
        (900_000, "R$ 900.000", "R$ 900 mil"),
        (1_500_000, "R$ 1.500.000", "R$ 1.500 mil"),
        (1_000_000, "R$ 1.000.000", "R$ 1 milhão"),
        (50_000_000, "R$ 50.000.000", "R$ 50 milhões"),
        (450_500, "R$ 450.500", "R$ 450.500"),
        (-500_000, "-R$ 500.000", "-R$ 500.000"),
    ],
)
def test_brl(amount: int, long: str, short: str) -> None:
    assert format_brl(amount) == long
    assert format_brl_short(amount) == short


def test_number_words() -> None:
    assert number_word("Três") == 3
    assert number_word("quinhentas") == 500
    assert number_word("casa") is None
    assert all(key == fold(key) for key in NUMBER_WORDS)


def test_weekdays_agree_with_datetime() -> None:
    monday = dt.date(2026, 11, 30)
    for offset, name in enumerate(WEEKDAY_NAMES):
        day = monday + dt.timedelta(days=offset)
        assert weekday_index(name) == day.weekday()
        assert weekday_index(name.split("-")[0].upper()) == day.weekday()
    assert weekday_index("feriado") is None


def test_months() -> None:
    assert [month_number(name) for name in MONTH_NAMES] == list(range(1, 13))
    assert month_number("MARÇO") == 3 and MONTHS["marco"] == 3


@pytest.mark.parametrize("word", ["Dr.", "dra", "Sr.", "Sra", "Dona", "Prof.", "professora"])
def test_titles(word: str) -> None:
    assert is_title(word)


@pytest.mark.parametrize("word", ["Carlos", "Dora", "Srinivas", "Donato"])
def test_names_are_not_titles(word: str) -> None:
    assert not is_title(word)
