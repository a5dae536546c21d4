"""Text helpers for pt-BR: accent folding, joining lists, money in reais."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import simplemma

__all__ = [
    "LAUGHTER",
    "fold",
    "format_brl",
    "format_brl_short",
    "is_word",
    "join",
    "known_in_some_form",
    "known_word",
    "lemma",
    "lemma_text",
    "strip_accents",
    "temperature_word",
    "verb_of",
    "without_decorations",
]


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if len(base) != 1:
        base = ch
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Lower-case `text` and drop accents ("Não É" -> "nao e"), one character per character.

    Because lengths match, a span found in the folded text is the same span in `text`.
    """
    if text.isascii():
        return text.lower()
    return "".join(ch.lower() if ch.isascii() else _fold_char(ch) for ch in text)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a folded word ("armarios": "armario", "soltos": "solto",
    "separei": "separar"), by simplemma's Portuguese data (shipped in its wheel), folded."""
    return fold(simplemma.lemmatize(word, lang="pt"))


@lru_cache(maxsize=65536)
def is_word(word: str) -> bool:
    """Whether a folded word is a Portuguese word simplemma's dictionary holds as written
    ("meio", "planejando"; not "tamaho", nor accented words folded, such as "minimo")."""
    return simplemma.is_known(word, lang="pt")


_LEMMA_WORD: Final = re.compile(r"[^\W_]+")
_NOT_TERM: Final = re.compile(r"[^a-z0-9]+")


def _lemma_word(word: str) -> str:
    """One word of a text as its folded lemma, made of [a-z0-9] only ("Mãos": "mao",
    "m²": "m2"); the word itself, folded, when its lemma has other characters."""
    low = word.lower()
    found = lemma(low)
    return found if found and not _NOT_TERM.search(found) else _NOT_TERM.sub("", fold(low))


def lemma_text(text: str) -> str:
    """`text` with each word replaced by its folded lemma, everything else kept ("Tenha em
    mãos 10%": "ter em mao 10%"): a passage's words in the form a question's words are
    compared in. The word is lemmatized with its accents, which the dictionary knows
    ("mãos": "mão"), then folded."""
    return _LEMMA_WORD.sub(lambda found: _lemma_word(found.group()), text)


def verb_of(word: str) -> str | None:
    """The infinitive a folded word is a form of ("comecou": "comecar"), if its lemma is
    one; None for the infinitive itself and for other words."""
    if not word:
        return None
    base = lemma(word)
    return base if base != word and base.endswith("r") else None


@lru_cache(maxsize=4096)
def _strip_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def strip_accents(text: str) -> str:
    """`text` without accents, case kept ("Ávila" -> "Avila"), one character per character."""
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else _strip_char(ch) for ch in text)


LAUGHTER: Final = re.compile(
    r"\b(?:k{3,}|(?<!\d )kk|(?:ha){2,}h?|(?:ah){2,}|(?:he){2,}h?|(?:hi){2,}h?|(?:hu[ae]){2,}h?"
    r"|(?:rs){2,}|lol)\b",
    re.IGNORECASE,
)
"""A written laugh, as one word: "kkk", "haha", "ahah", "hehe", "rsrs", "huahua"; "kk" after
a number is millions ("2 kk"), not a laugh."""


def _decoration(ch: str) -> bool:
    """An emoji or one of its joiners, skin tones and variation selectors (never "°", "º")."""
    code = ord(ch)
    if code < 0x2000:
        return False
    return unicodedata.category(ch) in ("So", "Sk", "Cf", "Cn", "Co") or 0xFE00 <= code <= 0xFE0F


def without_decorations(text: str) -> str:
    """`text` without emojis and written laughter, which never carry a fact: "Bia 🙋‍♀️" ->
    "Bia", "sou o davi kkk" -> "sou o davi". Between words they end a sentence
    ("sou a Bia 😊 quero 3 quartos" -> "sou a Bia. quero 3 quartos")."""
    marked = "".join("\x00" if _decoration(ch) else ch for ch in text)
    marked = LAUGHTER.sub("\x00", marked)
    if "\x00" not in marked:
        return text
    pieces = [p.strip() for p in re.split(r"(?:\s*\x00)+\s*", marked)]
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and (out[-1].isalnum() or out[-1] in ")\"'"):
            out += "."
        out += (" " if out else "") + piece
    return out.lstrip(",;: ")


def join(items: Sequence[str], conjunction: str = "e") -> str:
    """`["a", "b", "c"]` -> `"a, b e c"`; `conjunction="ou"` gives `"a, b ou c"`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


TEMPERATURE_WORDS: Final = {"cold": "frio", "warm": "morno", "hot": "quente"}


def temperature_word(temperature: str) -> str:
    """A lead's temperature (cold, warm, hot) as a broker reads it in pt-BR."""
    return TEMPERATURE_WORDS.get(temperature, temperature)


def format_brl(amount: int) -> str:
    """`900000` -> `"R$ 900.000"`; negative amounts keep their sign (`"-R$ 5"`)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}R$ " + f"{abs(amount):,}".replace(",", ".")


_SHORT_SCALES: Final = ((1_000_000_000, "bilhão", "bilhões"), (1_000_000, "milhão", "milhões"))


def format_brl_short(amount: int) -> str:
    """Round amounts the way people say them: `50_000` -> `"R$ 50 mil"`,
    `50_000_000` -> `"R$ 50 milhões"`, `1_000_000` -> `"R$ 1 milhão"`; others as `format_brl`."""
    for scale, one, many in _SHORT_SCALES:
        if amount >= scale and amount % scale == 0:
            count = amount // scale
            return f"R$ {count:,}".replace(",", ".") + f" {one if count == 1 else many}"
    if amount >= 1000 and amount % 1000 == 0:
        return f"R$ {amount // 1000:,}".replace(",", ".") + " mil"
    return format_brl(amount)


_ACCENTS: Final = {
    "a": "áâãà",
    "e": "éê",
    "i": "í",
    "o": "óôõ",
    "u": "ú",
    "c": "ç",
}


def known_word(word: str) -> bool:
    """Whether a Portuguese dictionary knows `word` as typed ("olha", "terço")."""
    return bool(simplemma.is_known(word, lang="pt"))


def known_in_some_form(low: str) -> bool:
    """Whether a dictionary knows the folded word `low` as typed or with one accent
    restored ("pe": "pé", "terco": "terço")."""
    return known_word(low) or any(known_word(form) for form in _accented(low))


def _accented(low: str) -> list[str]:
    """`low` with one letter given an accent or a cedilla ("terco": "terço"), and with
    "ao"/"oes" as "ão"/"ões" ("domingao": "domingão")."""
    forms = [low.replace("ao", "ão"), low.replace("oes", "ões")]
    for i, letter in enumerate(low):
        forms += [low[:i] + mark + low[i + 1 :] for mark in _ACCENTS.get(letter, "")]
    return [form for form in forms if form != low]
