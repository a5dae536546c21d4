"""pt-BR words with a fixed meaning: numbers, weekdays, months, greetings, titles.

Every key is folded (`homer_agent.ptbr.text.fold`: lower case, no accents), so look a
word up with `fold(word)`, or through the small functions at the end, which fold for you.
Displayed forms (with accents) are the `*_NAMES` tuples.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from homer_agent.ptbr.text import fold

__all__ = [
    "CHAT_SHORTHAND",
    "CONTACT_VERB_STEMS",
    "GREETINGS",
    "GREETING_PATTERN",
    "HUNDREDS",
    "MONTHS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "SCALES",
    "TEENS",
    "TENS",
    "TITLES",
    "UNITS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "drop_titles",
    "is_title",
    "month_number",
    "number_word",
    "weekday_index",
]

UNITS: Final[Mapping[str, int]] = {
    "zero": 0,
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "tres": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
}
TEENS: Final[Mapping[str, int]] = {
    "dez": 10,
    "onze": 11,
    "doze": 12,
    "treze": 13,
    "catorze": 14,
    "quatorze": 14,
    "quinze": 15,
    "dezesseis": 16,
    "dezessete": 17,
    "dezoito": 18,
    "dezenove": 19,
}
TENS: Final[Mapping[str, int]] = {
    "vinte": 20,
    "trinta": 30,
    "quarenta": 40,
    "cinquenta": 50,
    "sessenta": 60,
    "setenta": 70,
    "oitenta": 80,
    "noventa": 90,
}
HUNDREDS: Final[Mapping[str, int]] = {
    "cem": 100,
    "cento": 100,
    "duzentos": 200,
    "duzentas": 200,
    "trezentos": 300,
    "trezentas": 300,
    "quatrocentos": 400,
    "quatrocentas": 400,
    "quinhentos": 500,
    "quinhentas": 500,
    "seiscentos": 600,
    "seiscentas": 600,
    "setecentos": 700,
    "setecentas": 700,
    "oitocentos": 800,
    "oitocentas": 800,
    "novecentos": 900,
    "novecentas": 900,
}
NUMBER_WORDS: Final[Mapping[str, int]] = {**UNITS, **TEENS, **TENS, **HUNDREDS}
"""Every number word below one thousand that stands alone ("três", "vinte", "cem")."""

SCALES: Final[Mapping[str, int]] = {
    "mil": 1_000,
    "k": 1_000,
    "milhao": 1_000_000,
    "milhoes": 1_000_000,
    "mi": 1_000_000,
    "mm": 1_000_000,
    "kk": 1_000_000,
    "bilhao": 1_000_000_000,
    "bilhoes": 1_000_000_000,
    "bi": 1_000_000_000,
}
"""Words that multiply the number before them ("900 mil", "1,2 mi")."""

WEEKDAYS: Final[Mapping[str, int]] = {
    "segunda": 0,
    "terca": 1,
    "quarta": 2,
    "quinta": 3,
    "sexta": 4,
    "sabado": 5,
    "domingo": 6,
}
"""Weekday words to `datetime.weekday()` (Monday is 0); "-feira" is optional in speech."""

WEEKDAY_NAMES: Final = (
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
)
"""How the agent writes each weekday, indexed by `datetime.weekday()`."""

MONTHS: Final[Mapping[str, int]] = {
    "janeiro": 1,
    "fevereiro": 2,
    "marco": 3,
    "abril": 4,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "agosto": 8,
    "setembro": 9,
    "outubro": 10,
    "novembro": 11,
    "dezembro": 12,
}
MONTH_NAMES: Final = (
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
)
"""How the agent writes each month; `MONTH_NAMES[month - 1]`."""

GREETINGS: Final = (
    "oi",
    "oie",
    "ola",
    "opa",
    "eai",
    "e ai",
    "eae",
    "iae",
    "e ae",
    "hey",
    "hello",
    "alo",
    "salve",
    "yo",
    "bom dia",
    "boa tarde",
    "boa noite",
)
"""Words that open a conversation."""


def _stretched(phrase: str) -> str:
    """A regex of `phrase` with each letter drawn out as leads type it ("oiii", "boa
    noiite", "bom diaaa")."""
    return "".join(rf"{c}+" if c.isalpha() else r"\s+" for c in phrase)


GREETING_PATTERN: Final = "|".join(_stretched(g) for g in GREETINGS)
"""A regex alternation of GREETINGS, each letter drawn out or not (folded text)."""

CHAT_SHORTHAND: Final = frozenset(
    word
    for line in (
        # verbs: "qro" (quero), "qria" (queria), "tava" (estava), "sla" (sei lá)
        "qro qr qer qero kero qria qeria keria qrem qremos qrs tava tavam tamo tamos tou",
        "sla slk tlg vlw vlww flw pfv pf pls plz obg obgd brigado brigada",
        # adverbs and pronouns: "agr" (agora), "dps" (depois), "hj" (hoje), "msm" (mesmo)
        "agr agra dps dpois hj hje msm mmo tbm tb tmb tbem mt mto mta mtos mtas blz blza",
        "cmg ctg vc vcs ngm td tds nd nda dnv pq pqp oq qnd qdo qd qnto qnt qto qtos qts",
        "qnts kd qq qqr qlq ond vdd mds bjs sdds fds eae aew iae",
    )
    for word in line.split()
)
"""Chat shorthand for verbs, adverbs, pronouns and courtesies ("qro" for "quero", "agr"
for "agora", "pfv" for "por favor"): never a person's name, and it ends one ("meu nome é
kelvin qro casa" names Kelvin). Folded."""

CONTACT_VERB_STEMS: Final = (
    "mand",
    "envi",
    "lig",
    "cham",
    "escrev",
    "ench",
    "insist",
    "incomod",
    "perturb",
    "importun",
    "fal",
    "procur",
)
"""Stems of the verbs of contacting someone ("pare de me mandar", "para de ligar")."""

TITLES: Final = frozenset(
    {
        "dr",
        "dra",
        "doutor",
        "doutora",
        "sr",
        "sra",
        "srta",
        "senhor",
        "senhora",
        "senhorita",
        "dona",
        "prof",
        "profa",
        "professor",
        "professora",
        "eng",
        "engo",
        "pe",
        "padre",
    }
)
"""Titles before a name ("Dr. Carlos", "Dona Maria"): never part of the name itself."""


_TITLE_RE: Final = re.compile(
    r"(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")(?:\.\s*|\s+)"
)


def number_word(word: str) -> int | None:
    """`"três"` -> 3, `"Vinte"` -> 20; None for anything else."""
    return NUMBER_WORDS.get(fold(word))


def weekday_index(word: str) -> int | None:
    """`"Sábado"` or `"terça-feira"` -> its `datetime.weekday()`; None for anything else."""
    folded = fold(word).strip()
    return WEEKDAYS.get(folded.removesuffix("-feira").removesuffix(" feira"))


def month_number(word: str) -> int | None:
    """`"março"` -> 3; None for anything else."""
    return MONTHS.get(fold(word).strip())


def is_title(word: str) -> bool:
    """Whether `word` ("Dr.", "dona", "Sra") is a title rather than a name."""
    return fold(word).strip().rstrip(".") in TITLES


def drop_titles(name: str) -> str:
    """`"Dr. Carlos Lima"` -> `"Carlos Lima"`, `"Dona Maria"` -> `"Maria"`, `"Dr."` -> `""`."""
    rest = " ".join(name.split())
    while match := _TITLE_RE.match(fold(rest)):
        rest = rest[match.end() :]
    return "" if is_title(rest) else rest
