"""Slips in the words a fact hangs on, put right before a message is read.

A lead types fast: "3 quartso", "sexat às 15h", "500 mil reias". The facts reader keys on
a few words (the bedroom nouns, the weekdays, the parts of the day, the money words); a
slip in one of them loses the fact. `without_slips` puts such a word right when it is
one slip from exactly one of those words (`questions.correct`: a letter left out, added,
doubled, replaced or two swapped; the first letter kept) and no Portuguese dictionary
knows it as typed (simplemma's data, shipped in its wheel): "quatro" stays four, "quarta"
stays Wednesday, a capitalised word (a name, a place) stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from homer_agent.ptbr.questions import ASKING, correct, likely_slips
from homer_agent.ptbr.text import fold, known_in_some_form, known_word

__all__ = ["FACT_WORDS", "known_in_some_form", "known_word", "without_slips"]

FACT_WORDS: Final = frozenset(
    [
        "quarto",
        "quartos",
        "dormitorio",
        "dormitorios",
        "suite",
        "suites",
        "reais",
        "milhao",
        "milhoes",
        "orcamento",
        "segunda",
        "terca",
        "quarta",
        "quinta",
        "sexta",
        "sabado",
        "domingo",
        "amanha",
        "manha",
        "tarde",
        "noite",
        "horas",
    ]
)
"""The words the facts reader keys on, folded: a slip in one of them is put right."""

_REGIONAL: Final = frozenset(["mainha", "painho"])
"""Words of the Northeast's speech that are no slip of a fact word ("mainha" is the
lead's mother, not "manhã")."""

_WORD: Final = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8192)
def _fixed(word: str) -> str:
    """`word` put right against FACT_WORDS, or itself."""
    low = fold(word)
    if not word.islower() or len(low) < 5 or low in FACT_WORDS | _REGIONAL:
        return word
    if known_word(word) or known_in_some_form(low):
        return word  # a word as typed, or typed without its accent ("terco": "terço")
    if ASKING.intersection(likely_slips(low)):
        return word  # a slip in a question word ("quntas": "quantas", not "quintas")
    fixed = correct(low, FACT_WORDS)
    return word if fixed == low else fixed


@lru_cache(maxsize=4096)
def without_slips(text: str) -> str:
    """`text` with each slip in a word of FACT_WORDS put right ("casa de 3 quartso em
    Maracanaú" → "casa de 3 quartos em Maracanaú"); every other character unchanged.
    Remembered per text: the offline policy reads the same messages several times a turn."""
    return _WORD.sub(lambda match: _fixed(match[0]), text)
