"""Tokens and the amounts written in them: "480.000", "1,2 mi", "um milhão e meio".

`tokenize` splits a message into `Token`s (the text as typed and folded, with its span);
`read_numbers` finds every amount in them, digits and number words alike, with the
largest scale word applied ("mil", "milhões", "k", "mi") and whether a minus sign
stands right before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from homer_agent.ptbr.lexicon import HUNDREDS, NUMBER_WORDS, SCALES, TENS

__all__ = ["Number", "Token", "read_numbers", "tokenize"]

# Words that may follow "… milhão e N" without breaking the amount.
_AFTER_AMOUNT_OK: Final = frozenset(
    ["reais", "real", "de", "no", "na", "em", "ate", "pra", "para", "e", "ou", "mas", "com"]
)
_MINUS: Final = frozenset({"-", "\u2212", "\u2013"})


@dataclass(frozen=True)
class Token:
    raw: str  # as typed
    low: str  # folded: lower case, no accents
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.low[:1].isalpha()

    @property
    def is_cap(self) -> bool:
        """Capitalised, counting "d'Ávila" and "O'Neil" as capitalised."""
        if self.raw[:1].isupper():
            return True
        head, sep, tail = self.raw.partition("'")
        return bool(sep) and len(head) <= 2 and tail[:1].isupper()

    @property
    def is_punct(self) -> bool:
        return not self.low[:1].isalnum() and self.low != "r$"


_TOKEN_RE: Final = re.compile(r"r\$|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*|[^\s]")


def tokenize(original: str, folded: str) -> list[Token]:
    """Tokens of `original`, read from its folded form (same length, see `text.fold`)."""
    return [
        Token(original[m.start() : m.end()], m[0], m.start(), m.end())
        for m in _TOKEN_RE.finditer(folded)
    ]


@dataclass(frozen=True)
class Number:
    """An amount found in tokens `first` to `last` (end exclusive)."""

    value: float
    first: int
    last: int
    scale: int  # the largest scale word applied, 1 when none
    words_only: bool
    negative: bool = False
    """A minus sign stands right before it ("-500 mil"), not as in a range ("2-3")."""


def _parse_decimal(token: str, scale_follows: bool) -> float | None:
    """Read "480.000", "1,2", "1.200.000,00", "450,000" the way a Brazilian writes them."""
    if "," in token and "." in token:
        decimal_sep = "," if token.rfind(",") > token.rfind(".") else "."
        thousands_sep = "." if decimal_sep == "," else ","
        whole, _, frac = token.replace(thousands_sep, "").partition(decimal_sep)
        return float(f"{whole}.{frac}") if whole else None
    for sep in (",", "."):
        if sep in token:
            parts = token.split(sep)
            groups_of_three = all(len(part) == 3 for part in parts[1:])
            if len(parts) > 2:
                return float("".join(parts)) if groups_of_three else None
            if groups_of_three and not (sep == "," and scale_follows):
                return float("".join(parts))
            return float(f"{parts[0]}.{parts[1]}")
    return float(token)


def _word_group(toks: Sequence[Token], i: int) -> tuple[float, int] | None:
    """Read a number below one thousand written in words ("duzentos e cinquenta")."""
    first = toks[i].low
    if first not in NUMBER_WORDS:
        return None
    value = NUMBER_WORDS[first]
    place = 100 if first in HUNDREDS else 10 if first in TENS else 1
    j = i + 1
    while (
        place > 1
        and first != "cem"
        and j + 1 < len(toks)
        and toks[j].low == "e"
        and toks[j + 1].low in NUMBER_WORDS
    ):
        nxt = toks[j + 1].low
        add = NUMBER_WORDS[nxt]
        if add >= place or add == 0:
            break
        value += add
        place = 10 if nxt in TENS else 1
        j += 2
    return float(value), j


def _small(toks: Sequence[Token], i: int) -> tuple[float, int, bool] | None:
    """A number token or word group at `i`: (value, next index, written in words)."""
    tok = toks[i]
    if tok.low[:1].isdigit():
        scale_follows = i + 1 < len(toks) and toks[i + 1].low in SCALES
        try:
            value = _parse_decimal(tok.low, scale_follows)
        except ValueError:
            return None
        return (value, i + 1, False) if value is not None else None
    if tok.low in ("meio", "meia") and i + 1 < len(toks) and toks[i + 1].low in SCALES:
        return 0.5, i + 1, True
    group = _word_group(toks, i)
    return (group[0], group[1], True) if group is not None else None


def _amount_may_continue(toks: Sequence[Token], j: int) -> bool:
    """After "… milhão e N": is N the end of the amount (not "e 3 quartos")?"""
    return j >= len(toks) or not toks[j].is_word or toks[j].low in _AFTER_AMOUNT_OK


def _continuation(toks: Sequence[Token], j: int, scale: int) -> tuple[float, int, bool] | None:
    """After a scale word: the next part of the same amount, if any.

    "um milhão e duzentos mil", "dois milhões trezentos mil", "2 mil e 500" and the
    spoken "um milhão e duzentos" continue; "900 mil e 3 quartos" does not.
    """
    with_e = j < len(toks) and toks[j].low == "e"
    k = j + 1 if with_e else j
    if k >= len(toks):
        return None
    nxt = _small(toks, k)
    if nxt is None:
        return None
    value, end, _ = nxt
    if end < len(toks) and toks[end].low in SCALES:
        return nxt if SCALES[toks[end].low] < scale and (with_e or scale > 1_000) else None
    if not with_e or value >= 1000:
        return None
    # "um milhão e duzentos pode ser sexta": hundreds in words after millions are thousands.
    spoken_hundreds = scale >= 1_000_000 and nxt[2] and value >= 100
    if not spoken_hundreds and not _amount_may_continue(toks, end):
        return None
    if scale >= 1_000_000 and value < 100:
        return None
    return nxt


def _read_number(toks: Sequence[Token], i: int) -> Number | None:
    start = _small(toks, i)
    if start is None:
        return None
    value, j, words_only = start
    total = 0.0
    scale_seen = 0
    while j < len(toks) and toks[j].low in SCALES:
        scale = SCALES[toks[j].low]
        if scale_seen and scale >= scale_seen:
            break
        total += value * scale
        value = 0.0
        scale_seen = scale
        j += 1
        if j + 1 < len(toks) and toks[j].low == "e" and toks[j + 1].low in ("meio", "meia"):
            total += scale / 2  # "um milhão e meio"
            j += 2
            break
        nxt = _continuation(toks, j, scale)
        if nxt is None:
            break
        value, j, nxt_words = nxt
        words_only = words_only and nxt_words
    if scale_seen >= 1_000_000 and 0 < value < 1000:
        value *= 1000  # spoken Portuguese: "um milhão e duzentos" is 1.2 million
    return Number(total + value, i, j, scale_seen or 1, words_only, _minus_before(toks, i))


def _minus_before(toks: Sequence[Token], i: int) -> bool:
    """A minus sign glued to the number at `i` that is not the dash of a range ("2-3")."""
    if i >= 2 and toks[i - 1].low in ("r$", "rs"):
        i -= 1  # "-R$ 300.000"
    if i == 0 or toks[i - 1].low not in _MINUS or toks[i - 1].end != toks[i].start:
        return False
    before = toks[i - 2] if i >= 2 else None
    return before is None or before.end != toks[i - 1].start or not before.low[:1].isalnum()


def read_numbers(toks: Sequence[Token]) -> list[Number]:
    """Every amount in `toks`, left to right, none overlapping."""
    found: list[Number] = []
    i = 0
    while i < len(toks):
        number = _read_number(toks, i)
        if number is None:
            i += 1
            continue
        number = _with_words_after(toks, number)
        found.append(number)
        i = max(number.last, i + 1)
    return found


def _with_words_after(toks: Sequence[Token], number: Number) -> Number:
    """A figure with the same amount spelt out after it in brackets, as in contracts and
    formal letters ("3 (três) dormitórios", "R$ 890.000,00 (oitocentos e noventa mil
    reais)"): one number, up to the closing bracket."""
    j = number.last
    if number.words_only or j >= len(toks) or toks[j].low != "(":
        return number
    spelt = _read_number(toks, j + 1)
    if spelt is None or not spelt.words_only or spelt.value != number.value:
        return number
    k = spelt.last
    while k < len(toks) and toks[k].low in ("reais", "real"):
        k += 1
    if k >= len(toks) or toks[k].low != ")":
        return number
    return replace(number, last=k + 1)
