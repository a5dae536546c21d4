"""Understand when a lead wants a broker to call: ISO 8601 and everyday pt-BR expressions.

`read_when` reads an answer into an instant, or into a day still missing its hour;
`parse_when` reads a whole answer ("amanhã às 15h", "2027-02-10T15:00") and raises
`WhenError` (with a machine-readable `reason`) when it cannot; `search_when` looks for a
call time inside a longer sentence and returns `None` when there is none.

Rules, all relative to `now` seen in the time zone `tz`:

- A weekday without a date is the next such day strictly after today; "ontem" and
  "anteontem" are read (and then refused as past), never shifted.
- A day and month without a year is whichever occurrence, last year, this year or next
  year, lies nearest to today: "02/12" said on 3 December is yesterday (a mistake to ask
  about), not next year; "10/01" said in December is next January. "dia 10" is this
  month's 10th when it is nearer than next month's, otherwise the next 10th.
- A time without a date is, in this order: the offered alternative with that hour, the
  day of the offered alternatives, the day of the booked call ("às 9h30 então" moves the
  booked call and keeps its day), else today when still ahead, otherwise tomorrow.
- A weekday beside a day of the month ("sábado dia 12") picks the next 12th that falls on
  it; a weekday alone, when alternatives were just offered, is the offered day on that
  weekday ("sábado às 11h então" after "sábado, 12/12 às 12h").
- A day without an hour keeps the booked call's hour when the text says so ("no mesmo
  horário na segunda"); otherwise the hour is asked for (`WhenError` reason "no_time").
- Period words pick the half of the day: "2h da manhã" and "3 de madrugada" are before
  noon, "3 da tarde" is 15h, "8 da noite" is 20h; alone, "de manhã", "à tarde" and
  "à noite" mean 9h, 14h and 19h.
- A bare hour from 1 to 6 with no period word is read as afternoon ("às 2" is 14h).
- The result must lie strictly after `now` for `parse_when`; `read_when` reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Final, Literal
from zoneinfo import ZoneInfo

from homer_agent.ptbr.lexicon import MONTHS, NUMBER_WORDS, TEENS, UNITS, WEEKDAY_NAMES, WEEKDAYS
from homer_agent.ptbr.text import fold, verb_of

__all__ = [
    "RELATIVE_TIME_RE",
    "WhenError",
    "WhenMatch",
    "WhenParts",
    "WhenReading",
    "WhenReason",
    "fold",
    "format_call_time",
    "parse_when",
    "read_when",
    "search_when",
    "when_parts",
]

WhenReason = Literal["empty", "unreadable", "invalid_date", "no_time", "past"]
"""Why a call time was refused, for callers that must not read the English message."""


class WhenError(ValueError):
    """A call time could not be understood, lacks an hour, or is not in the future.

    `reason` says which (see `WhenReason`); `at` is the instant read when it is in the
    past; `day` is the day read when the hour is missing.
    """

    def __init__(
        self,
        reason: WhenReason,
        message: str,
        *,
        at: datetime | None = None,
        day: date | None = None,
    ) -> None:
        super().__init__(message)
        self.reason: WhenReason = reason
        self.at = at
        self.day = day


# ---------------------------------------------------------------------------
# Vocabulary (folded: lower case, no accents; the words come from ptbr.lexicon)

_WEEKDAYS: Final = WEEKDAYS
_MONTHS: Final = MONTHS
_HOUR_WORDS: Final = {word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 20}
_SMALL_NUMBER_WORDS: Final = {word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 4}
_PERIOD_DEFAULT_HOUR: Final = {
    "manha": 9,
    "tarde": 14,
    "noite": 19,
    "fim da tarde": 17,
    "final da tarde": 17,
    "madrugada": 6,
}
_PM_GUESS_MAX_HOUR: Final = 6
"""Bare hours 1..6 without a period word are read as afternoon (see the module docstring)."""

_HOUR_WORD_RE: Final = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
_MINUTE_WORD_RE: Final = r"(?:vinte|trinta|quarenta|cinquenta)(?:\s+e\s+cinco)?|cinco|dez|quinze"
"""Minutes said in words after an hour: "dez e quinze", "duas e quarenta e cinco"."""
_MINUTES_RE: Final = rf"meia|\d{{2}}|{_MINUTE_WORD_RE}"
_MONTH_RE: Final = "|".join(_MONTHS)
_WEEKDAY_RE: Final = "|".join(_WEEKDAYS)
_PERIOD_RE: Final = r"manha|tarde|noite|madrugada"

# Words allowed right after a bare "às 9" (anything else, as in "as 3 casas", rejects it).
_AFTER_BARE_HOUR_WORDS: Final = (
    "e ou da de do na no em pode por pra para se ok entao mesmo certo hoje amanha depois "
    "tudo beleza blz obrigado obrigada valeu horas hora hs hrs h mais menos ta combinado "
    "fechado perfeito sim dia ate pfv pfvr pf porfavor favor obg obgd brigado brigada vlw "
    "grato grata "
    # a verb saying the hour suits: "às 11 fica bom", "às 4 serve", "às 9 funciona"
    "fica ficaria serve serviria funciona funcionaria rola seria"
)
_AFTER_BARE_HOUR: Final = frozenset(_AFTER_BARE_HOUR_WORDS.split())

# ---------------------------------------------------------------------------
# Patterns, applied to folded text in this order; a match overlapping an earlier one is
# ignored.

_ISO_RE: Final = re.compile(
    r"(?<![\d])(\d{4})-(\d{2})-(\d{2})"
    r"(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(z|[+-]\d{2}(?::?\d{2})?)?)?"
    r"(?![\d])"
)
RELATIVE_TIME_RE: Final = re.compile(
    r"\b(?P<lead>daqui\s+a|daqui|em|dentro\s+de)\s+"
    r"(?P<amount>\d{1,3}|uma|um|duas|dois|tres|quatro|meia)\s*"
    r"(?P<unit>horas?|hrs?|h|minutos?|mins?)\b(?P<half>\s+e\s+meia\b)?"
)
"""A time from now, in folded text: "em 30 min", "daqui a 2 horas", "daqui 20 min", "dentro
de meia hora", "em 2h", "em 1 hora e meia". The call-time scanner reads it as an offset
from now (see `_relative`); `ptbr.facts.times_another_act` asks whether it times the call
or something else the lead does."""
_ABBREVIATED_HOURS: Final = frozenset({"h", "hr", "hrs"})
_RELATIVE_CLOCK_MAX: Final = 4
""""em 2h" is two hours from now, but "em 10h" is as often ten o'clock: after a bare "em",
an hour written short counts as a time from now up to this many hours only, and only when
no day is named ("amanhã em 2h" is 14h tomorrow); otherwise the clock reading stays
(precision first: a wrong booking costs more than a question)."""
_REL_DAYS_RE: Final = re.compile(r"\b(?:daqui\s+a|em)\s+(\d{1,2}|um|dois|tres|quatro)\s+dias?\b")
_NUM_DATE_RE: Final = re.compile(
    r"(?<![\d/.\-])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"
    r"|(?<![\d/.\-])(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?![\d.\-])"
)
_NAMED_DATE_RE: Final = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:o|º)?\s+de\s+({_MONTH_RE})(?:\s+(?:de\s+)?(\d{{4}}))?\b"
)
_DAY_WORD_RE: Final = re.compile(r"\b(depois\s+de\s+amanha|anteontem|amanha|ontem|hoje|hj)\b")
# "hoje moro de aluguel", "hoje em dia": today as "nowadays", before what the lead's life
# is like now, names no day.
_LIFE_VERBS: Final = (
    r"(?:moro|moramos|mora|moram|trabalho|trabalhamos|trabalha|trabalham|pago|pagamos|paga"
    r"|pagam|vivo|vivemos|vive|vivem|alugo|aluga|alugam|ganho|ganha|ganham|divido)"
)
_NOWADAYS_RE: Final = re.compile(
    # "hoje eles moram no Cambeba", "hoje meu pai paga aluguel": someone else's life too
    rf"\b(?:hoje|hj)\s+(?:em\s+dia\b|(?:(?:eu|a\s+gente|ele|ela|eles|elas"
    rf"|(?:meu|minha|meus|minhas)\s+[a-z]+)\s+)?(?:{_LIFE_VERBS}\b"
    # "mas hoje tenho 2kk": what the lead has today, an amount, names no day
    r"|(?:tenho|temos|tem)\s+(?:(?:uns|umas|so|apenas|quase)\s+)?(?:r\$\s*|rs\s*)?\d))"
)
_NOWADAYS_AFTER_RE: Final = re.compile(rf"\b{_LIFE_VERBS}\s+(?:ainda\s+)?$")
"""A verb of the lead's life right before "hoje": "onde eu moro hoje", "pago hoje 1.500"."""
_WEEKDAY_PATTERN: Final = re.compile(rf"\b({_WEEKDAY_RE})(?:[-\s]feira)?\b")
_WEEKDAY_SHORT: Final = {"seg": 0, "ter": 1, "qua": 2, "qui": 3, "sex": 4, "sab": 5, "dom": 6}
_WEEKDAY_SHORT_PATTERN: Final = re.compile(
    r"\b(" + "|".join(_WEEKDAY_SHORT) + r")\.?(?=\s*,?\s*(?:as\s+|a\s+)?\d{1,2}(?:h|:\d\d))"
)
"""A weekday in shorthand ("seg 10h", "sab às 9h", "qui, 14:30"), only right before a clock
time: "ter", "sex" and "dom" are words too ("vou ter 3 filhos")."""
_DAY_OF_MONTH_RE: Final = re.compile(r"\bdia\s+(\d{1,2})(?![\d/:h]|[.\-]\d)")
_DAY_UNIT_WORDS: Final = {
    w: n for w, n in UNITS.items() if 1 <= n <= 9 and w not in ("uma", "duas")
}
_DAY_WORD_VALUES: Final = {**_DAY_UNIT_WORDS, **TEENS, "vinte": 20, "trinta": 30, "primeiro": 1}
_DAY_UNIT_RE: Final = "|".join(sorted(_DAY_UNIT_WORDS, key=len, reverse=True))
_DAY_WORDS_RE: Final = (
    rf"(?:vinte(?:\s+e\s+(?:{_DAY_UNIT_RE}))?|trinta(?:\s+e\s+um)?|primeiro"
    rf"|{'|'.join(sorted(TEENS, key=len, reverse=True))}|{_DAY_UNIT_RE})"
)
_NAMED_WORD_DATE_RE: Final = re.compile(
    rf"\b(?:dia\s+({_DAY_WORDS_RE})|(primeiro))\s+de\s+({_MONTH_RE})(?:\s+(?:de\s+)?(\d{{4}}))?\b"
)
"""A day of the month in words with its month: "dia tres de dezembro", "primeiro de março".
Without "dia" only "primeiro" is read ("tres de dezembro" may count things)."""
_DAY_OF_MONTH_WORD_RE: Final = re.compile(
    rf"\bdia\s+({_DAY_WORDS_RE})\b(?!\s*(?:h\b|horas?\b|hrs?\b|hs\b|e\s+meia|:|[.,]\d))"
)
"""A day of the month in words alone ("no dia quatro"), never before an hour ("dia dez horas")."""


def _day_word_value(token: str) -> int:
    return sum(_DAY_WORD_VALUES[word] for word in token.split() if word != "e")


_CLOCK_RE: Final = re.compile(
    r"(?<![\d:/.,])(\d{1,2}):(\d{2})(?::\d{2})?(?:\s?(?:hs|hrs|h)\b)?(?![\d:])"
)
_H_SUFFIX_RE: Final = re.compile(
    r"(?<![\d:/.,])(\d{1,2})\s?(?:horas|hora|hrs|hr|hs|h)"
    r"(?:\s?(\d{2})(?:\s?min(?:utos)?)?(?![\d])|\s?e\s+(\d{1,2})(?:\s?min(?:utos)?)?(?![\d])"
    r"|\s?e\s+(meia))?"
    r"(?![a-z\d])"
)
_OF_PERIOD_RE: Final = re.compile(
    rf"(?<![\d:/.,])(\d{{1,2}}|{_HOUR_WORD_RE})"
    rf"(?:\s?(?:horas|hora|hrs|hr|hs|h)(?:\s?(\d{{2}}))?|:(\d{{2}}))?"
    rf"(?:\s+e\s+({_MINUTES_RE}))?"
    rf"\s+(?:da|de|pela|a|na)\s+({_PERIOD_RE})\b"
)
_BARE_HOUR_RE: Final = re.compile(
    rf"\b(?:as|a\s+partir\s+das|pelas|la\s+pelas|depois\s+das|pras|umas)\s+"
    rf"(\d{{1,2}}|{_HOUR_WORD_RE})(?:\s+e\s+({_MINUTES_RE}))?(?![\d:/.,]\d|[\w])"
    rf"(?:\s*(\w+))?"
)
_DAY_THEN_WORD_HOUR_RE: Final = re.compile(
    rf"\b(?:(?:{_WEEKDAY_RE})(?:[-\s]feira)?|amanha|hoje|hj"
    rf"|desculpa|desculpe|perdao|digo|pera|alias|quer\s+dizer|ou\s+melhor)\s*,?\s+"
    rf"(?P<hour>({_HOUR_WORD_RE})(?:\s+e\s+({_MINUTES_RE}))?\s+(?:horas|hora|hrs|hs|h))\b"
)
"""An hour in words with "horas" right after a day or a correction cue, with no "às":
"sexta onze horas", "às dez horas, desculpa, onze horas". Elsewhere "duas horas" is as
often a duration ("fico duas horas no trânsito")."""
_HALF_PAST_RE: Final = re.compile(
    rf"(?<![\d:/.,])\b(\d{{1,2}}|{_HOUR_WORD_RE})\s+e\s+meia\b(?!\s+(?:hora|horas)\b)"
)
"""'9 e meia', 'nove e meia' without 'às': only a time says 'e meia' after a number."""
_NOON_RE: Final = re.compile(r"\b(meio[-\s]?dia|meia[-\s]?noite)(?:\s+e\s+(meia|\d{2}))?\b")
_PERIOD_ONLY_RE: Final = re.compile(
    rf"\b(?:(?:no|ao)\s+(fim|final)\s+da\s+tarde"
    rf"|(?:de|da|pela|a|na|durante\s+a|la\s+pela|(?:no\s+)?(?:periodo|parte|turno)\s+da)"
    rf"\s+({_PERIOD_RE})"
    rf"|(depois|apos)\s+(?:do|o)\s+almoco)\b"
)


_SAME_TIME_RE: Final = re.compile(
    r"\b(?:mesmo\s+(?:horario|hora)|mesma\s+hora|mesmo\s+esquema\s+de\s+horario)\b"
)

# ---------------------------------------------------------------------------
# Scanning


_DATE_RANK: Final = {"absolute": 0, "month_day": 0, "day": 1, "offset": 2, "weekday": 3}


@dataclass(frozen=True)
class _DateSpec:
    kind: str  # "absolute", "month_day", "day", "offset", "weekday"
    year: int = 0
    month: int = 0
    day: int = 0
    offset: int = 0
    weekday: int = 0


@dataclass(frozen=True)
class _TimeSpec:
    hour: int
    minute: int
    explicit_24h: bool  # "15:30", "15h": the hour is not reinterpreted


@dataclass
class _Scan:
    spans: list[tuple[int, int]] = field(default_factory=list)
    iso: datetime | None = None
    iso_naive: bool = False
    delta: timedelta | None = None
    date: tuple[int, _DateSpec] | None = None
    time: tuple[int, _TimeSpec] | None = None
    period: tuple[int, str] | None = None
    period_of_time: str | None = None
    same_time: bool = False
    invalid: str | None = None
    # A weekday said beside a more precise date ("sábado dia 12"): which 12th it is.
    weekday: int | None = None

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def set_date(self, pos: int, spec: _DateSpec) -> None:
        # The most precise date wins ("sexta-feira, 11/12" is the 11th), then the first.
        if spec.kind == "weekday" and self.weekday is None:
            self.weekday = spec.weekday
        if self.date is None or (_DATE_RANK[spec.kind], pos) < (
            _DATE_RANK[self.date[1].kind],
            self.date[0],
        ):
            self.date = (pos, spec)

    def set_time(self, pos: int, spec: _TimeSpec) -> None:
        if self.time is None or pos < self.time[0]:
            self.time = (pos, spec)


def _small_int(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token == "meia":
        return None
    return _SMALL_NUMBER_WORDS.get(token) or _HOUR_WORDS.get(token)


def _minutes(token: str | None) -> int:
    if token is None:
        return 0
    if token == "meia":
        return 30
    if token.isdigit():
        return int(token)
    return sum(NUMBER_WORDS[word] for word in token.split() if word != "e")  # "vinte e cinco"


def _hour_value(token: str) -> int:
    return int(token) if token.isdigit() else _HOUR_WORDS[token]


def _year(token: str | None) -> int | None:
    if token is None:
        return None
    value = int(token)
    return 2000 + value if len(token) == 2 else value


def _iso_offset(token: str | None) -> tzinfo | None:
    if token is None:
        return None
    if token == "z":
        return UTC
    sign = -1 if token[0] == "-" else 1
    digits = token[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 23 or minutes > 59:
        raise ValueError("offset out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _calendar_spec(day: int, month: int, year: int | None) -> _DateSpec | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is None:
        return _DateSpec("month_day", month=month, day=day)
    return _DateSpec("absolute", year, month, day)


def _names_day(folded: str) -> bool:
    return any(
        pattern.search(folded)
        for pattern in (
            _DAY_WORD_RE,
            _WEEKDAY_PATTERN,
            _NUM_DATE_RE,
            _NAMED_DATE_RE,
            _DAY_OF_MONTH_RE,
            _NAMED_WORD_DATE_RE,
            _DAY_OF_MONTH_WORD_RE,
            _REL_DAYS_RE,
        )
    )


def _relative(folded: str, m: re.Match[str]) -> timedelta | None:
    """The offset from now a `RELATIVE_TIME_RE` match says, or None when it is a clock hour
    after all: "em 3h da tarde" (a day part follows), "em 10h", "amanhã em 2h" (see
    `_RELATIVE_CLOCK_MAX`)."""
    if _OF_PERIOD_RE.match(folded, m.start("amount")):
        return None
    unit = m["unit"]
    if m["amount"] == "meia":
        amount = 0.5
    else:
        value = _small_int(m["amount"])
        if value is None:
            return None
        amount = float(value)
    if unit.startswith("h"):
        if (
            unit in _ABBREVIATED_HOURS
            and m["lead"] == "em"
            and (amount > _RELATIVE_CLOCK_MAX or _names_day(folded))
        ):
            return None
        return timedelta(hours=amount + (0.5 if m["half"] else 0))
    return timedelta(minutes=amount)


def _scan(folded: str) -> _Scan:
    scan = _Scan()

    for m in _ISO_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        try:
            if m[4] is None:
                date(year, month, day)
                scan.set_date(m.start(), _DateSpec("absolute", year, month, day))
            elif scan.iso is None:
                zone = _iso_offset(m[7])
                scan.iso = datetime(
                    year, month, day, int(m[4]), int(m[5]), int(m[6] or 0), tzinfo=zone
                )
                scan.iso_naive = zone is None
        except ValueError:
            scan.invalid = scan.invalid or f"invalid date or time {m[0]!r}"
            continue
        scan.take(*m.span())

    for m in RELATIVE_TIME_RE.finditer(folded):
        if not scan.free(*m.span()) or scan.delta is not None:
            continue
        delta = _relative(folded, m)
        if delta is not None:
            scan.delta = delta
            scan.take(*m.span())

    for m in _REL_DAYS_RE.finditer(folded):
        n = _small_int(m[1])
        if n is None or not scan.free(*m.span()):
            continue
        scan.set_date(m.start(), _DateSpec("offset", offset=n))
        scan.take(*m.span())

    for m in _NUM_DATE_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        groups = (m[1], m[2], m[3]) if m[1] is not None else (m[4], m[5], m[6])
        spec = _calendar_spec(int(groups[0]), int(groups[1]), _year(groups[2]))
        if spec is None:
            scan.invalid = scan.invalid or f"invalid date {m[0]!r}"
            continue
        scan.set_date(m.start(), spec)
        scan.take(*m.span())

    for m in _NAMED_WORD_DATE_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        spec = _calendar_spec(_day_word_value(m[1] or m[2]), _MONTHS[m[3]], _year(m[4]))
        if spec is None:
            continue
        scan.set_date(m.start(), spec)
        scan.take(*m.span())

    for m in _NAMED_DATE_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        spec = _calendar_spec(int(m[1]), _MONTHS[m[2]], _year(m[3]))
        if spec is None:
            continue
        scan.set_date(m.start(), spec)
        scan.take(*m.span())

    for m in _DAY_WORD_RE.finditer(folded):
        if (
            not scan.free(*m.span())
            or _NOWADAYS_RE.match(folded, m.start())
            or _NOWADAYS_AFTER_RE.search(folded, 0, m.start())
        ):
            continue
        word = m[1]
        offset = {"amanha": 1, "ontem": -1, "anteontem": -2}.get(word, 0)
        offset = 2 if word.startswith("depois") else offset
        scan.set_date(m.start(), _DateSpec("offset", offset=offset))
        scan.take(*m.span())

    for m in _WEEKDAY_PATTERN.finditer(folded):
        if not scan.free(*m.span()):
            continue
        scan.set_date(m.start(), _DateSpec("weekday", weekday=_WEEKDAYS[m[1]]))
        scan.take(*m.span())

    for m in _WEEKDAY_SHORT_PATTERN.finditer(folded):
        if not scan.free(*m.span()):
            continue
        scan.set_date(m.start(), _DateSpec("weekday", weekday=_WEEKDAY_SHORT[m[1]]))
        scan.take(*m.span())

    for m in _DAY_OF_MONTH_RE.finditer(folded):
        day = int(m[1])
        if not scan.free(*m.span()) or not 1 <= day <= 31:
            continue
        scan.set_date(m.start(), _DateSpec("day", day=day))
        scan.take(*m.span())

    for m in _DAY_OF_MONTH_WORD_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        scan.set_date(m.start(), _DateSpec("day", day=_day_word_value(m[1])))
        scan.take(*m.span())

    _scan_times(folded, scan)
    same = _SAME_TIME_RE.search(folded)
    if same is not None:
        scan.same_time = True
        scan.take(*same.span())
    return scan


def _add_time(scan: _Scan, start: int, end: int, hour: int, minute: int, *, explicit: bool) -> bool:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return False
    scan.set_time(start, _TimeSpec(hour, minute, explicit))
    scan.take(start, end)
    return True


_DURATION_VERBS: Final = frozenset(
    {"demorar", "levar", "durar", "gastar", "dirigir", "viajar", "esperar", "rodar"}
)
_DURATION_WORDS: Final = frozenset(
    {"passo", "passamos", "gasto", "gastamos", "trabalho", "trabalhamos", "rodo", "fico", "ficamos"}
)
_APPROXIMATELY: Final = frozenset({"umas", "uns", "tipo", "quase", "cerca", "de", "mais", "menos"})
_DURATION_AFTER_RE: Final = re.compile(
    r"\s*(?:por\s+(?:dia|semana|mes|noite|turno)|diari[ao]s|de\s+(?:viagem|carro|estrada|voo"
    r"|onibus|moto|distancia|transito|trabalho|fila|espera|atraso)|no\s+transito|na\s+estrada)\b"
)


def _duration(folded: str, start: int, end: int) -> bool:
    """Whether the hours at `start`..`end` are an amount of time, not a clock time: after a
    verb of lasting ("a visita demora umas duas horas", "levo 2 horas", "fico 8 horas no
    trabalho") or before what the time is spent on ("2 horas de carro", "10 horas por
    dia")."""
    if _DURATION_AFTER_RE.match(folded, end):
        return True
    words = folded[:start].split()
    while words and words[-1] in _APPROXIMATELY:
        words.pop()
    if not words:
        return False
    return words[-1] in _DURATION_WORDS or verb_of(words[-1]) in _DURATION_VERBS


def _scan_times(folded: str, scan: _Scan) -> None:
    for m in _CLOCK_RE.finditer(folded):
        if scan.free(*m.span()):
            explicit = m[1].startswith("0") or int(m[1]) > 12
            _add_time(scan, *m.span(), int(m[1]), int(m[2]), explicit=explicit)

    for m in _OF_PERIOD_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        hour = _hour_value(m[1])
        minute = _minutes(m[2] or m[3] or m[4])
        if _add_time(scan, *m.span(), hour, minute, explicit=hour > 12):
            scan.period_of_time = m[5]

    for m in _H_SUFFIX_RE.finditer(folded):
        if scan.free(*m.span()) and not _duration(folded, *m.span()):
            minute = _minutes(m[2] or m[3] or m[4])
            explicit = m[1].startswith("0") or int(m[1]) > 12
            _add_time(scan, *m.span(), int(m[1]), minute, explicit=explicit)

    for m in _DAY_THEN_WORD_HOUR_RE.finditer(folded):
        if scan.free(*m.span("hour")) and not _duration(folded, *m.span("hour")):
            hour = _hour_value(m[2])
            _add_time(scan, *m.span("hour"), hour, _minutes(m[3]), explicit=hour > 12)

    for m in _BARE_HOUR_RE.finditer(folded):
        follower = m[3]
        if follower is not None and follower not in _AFTER_BARE_HOUR:
            continue  # "as 3 casas" is not a time
        # The follower word stays outside the span: "às 3 hoje" still sees "hoje".
        span_end = m.end(2) if m[2] is not None else m.end(1)
        if _DURATION_AFTER_RE.match(folded, m.end()) or (
            m[0].startswith("umas") and _duration(folded, m.start(), m.end())
        ):
            continue  # "a visita demora umas duas horas", "as duas horas de atraso"
        if scan.free(m.start(), span_end):
            _add_time(scan, m.start(), span_end, _hour_value(m[1]), _minutes(m[2]), explicit=False)

    for m in _HALF_PAST_RE.finditer(folded):
        if scan.free(*m.span()) and 0 < _hour_value(m[1]) <= 23:
            _add_time(scan, *m.span(), _hour_value(m[1]), 30, explicit=_hour_value(m[1]) > 12)

    for m in _NOON_RE.finditer(folded):
        if scan.free(*m.span()):
            hour = 12 if m[1].startswith("meio") else 0
            _add_time(scan, *m.span(), hour, _minutes(m[2]), explicit=True)

    for m in _PERIOD_ONLY_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        # m[1]: "fim"/"final" da tarde; m[2]: manhã, tarde...; neither: "depois do almoço".
        period = f"{m[1]} da tarde" if m[1] is not None else (m[2] or "tarde")
        if scan.period is None:
            scan.period = (m.start(), period)
        scan.take(*m.span())


# ---------------------------------------------------------------------------
# Resolving


@dataclass(frozen=True)
class WhenMatch:
    """A call time found in a text.

    `at` is aware and expressed in the requested time zone; it may lie in the past
    (`is_future` is then False). `spans` are the character ranges of the text that the
    expression used (the same in the original and the folded text).
    """

    at: datetime
    is_future: bool
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class WhenReading:
    """What a text says about a call time: an instant, or a day still missing its hour.

    Exactly one of `at` (aware, in the requested zone, possibly past) and `day` is set.
    """

    at: datetime | None
    day: date | None
    spans: tuple[tuple[int, int], ...]

    def is_future(self, now: datetime) -> bool:
        return self.at is not None and self.at > now


def _local_now(now: datetime, tz: ZoneInfo) -> datetime:
    return now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)


def _clock(scan: _Scan) -> tuple[int, int] | None:
    """The hour and minute the scan asks for, with period words applied."""
    period = scan.period[1] if scan.period else None
    if scan.time is None:
        if period is None:
            return None
        return _PERIOD_DEFAULT_HOUR[period], 0
    spec = scan.time[1]
    hour, minute = spec.hour, spec.minute
    half = scan.period_of_time or period
    if half in ("tarde", "noite", "fim da tarde", "final da tarde") and 1 <= hour <= 11:
        hour += 12
    elif half in ("manha", "madrugada") and hour == 12:
        hour = 0 if half == "madrugada" else 12
    elif half is None and not spec.explicit_24h and 1 <= hour <= _PM_GUESS_MAX_HOUR:
        hour += 12
    return hour, minute


def _at(day: date, clock: tuple[int, int], tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(clock[0], clock[1]), tzinfo=tz)


def _month_day(spec: _DateSpec, today: date) -> date:
    """The occurrence of a day and month (no year) nearest to today; ties go forward."""
    found: list[date] = []
    for year in range(today.year - 1, today.year + 5):
        try:
            found.append(date(year, spec.month, spec.day))
        except ValueError:
            continue
    if not found:
        raise WhenError("invalid_date", f"invalid date: day {spec.day} month {spec.month}")
    ahead = [day for day in found if day >= today]
    behind = [day for day in found if day < today]
    if not behind or (ahead and (ahead[0] - today) <= (today - behind[-1])):
        return ahead[0]
    return behind[-1]


def _days_of_month_ahead(day: int, today: date, months: int) -> Iterator[date]:
    """The `day`s of this month and the next `months` - 1, from today on (a month without
    that day, "dia 31" in November, is skipped)."""
    for step in range(months):
        total = today.month - 1 + step
        try:
            candidate = date(today.year + total // 12, total % 12 + 1, day)
        except ValueError:
            continue
        if candidate >= today:
            yield candidate


def _day_of_month(spec: _DateSpec, today: date, weekday: int | None = None) -> date:
    """This month's day when it is nearer than the next one, else the next such day; with
    a weekday said beside it ("sábado dia 12"), the next such day falling on that weekday
    (within a year), when there is one."""
    if weekday is not None:
        for candidate in _days_of_month_ahead(spec.day, today, 13):
            if candidate.weekday() == weekday:
                return candidate
    ahead = next(_days_of_month_ahead(spec.day, today, 12), None)
    try:
        this_month = date(today.year, today.month, spec.day)
    except ValueError:
        this_month = None
    if (
        this_month is not None
        and this_month < today
        and (ahead is None or (today - this_month) < (ahead - today))
    ):
        return this_month
    if ahead is None:
        raise WhenError("invalid_date", f"invalid date: day {spec.day}")
    return ahead


def _day(spec: _DateSpec, today: date, weekday: int | None = None) -> date:
    try:
        if spec.kind == "absolute":
            return date(spec.year, spec.month, spec.day)
        if spec.kind == "offset":
            return today + timedelta(days=spec.offset)
        if spec.kind == "weekday":
            return today + timedelta(days=(spec.weekday - today.weekday()) % 7 or 7)
    except (ValueError, OverflowError) as exc:
        raise WhenError("invalid_date", f"invalid date: {exc}") from None
    if spec.kind == "month_day":
        return _month_day(spec, today)
    return _day_of_month(spec, today, weekday)


def _resolve(
    scan: _Scan,
    now: datetime,
    tz: ZoneInfo,
    booked: datetime | None,
    offered: Sequence[datetime],
) -> datetime | date:
    """Turn a scan into an aware datetime in `tz` (possibly past) or a day without hour."""
    local_now = _local_now(now, tz)
    if scan.iso is not None:
        return (scan.iso.replace(tzinfo=tz) if scan.iso_naive else scan.iso).astimezone(tz)
    if scan.delta is not None:
        return (local_now + scan.delta).replace(second=0, microsecond=0)
    clock = _clock(scan)
    today = local_now.date()
    booked_local = booked.astimezone(tz) if booked is not None else None
    if booked_local is not None and booked_local <= local_now:
        booked_local = None  # a call already past anchors nothing
    if scan.date is None:
        if scan.invalid is not None:
            raise WhenError("invalid_date", scan.invalid)
        if clock is None:
            raise WhenError("unreadable", "no date or time of day found")
        return _anchored(clock, local_now, tz, booked_local, offered)
    spec = scan.date[1]
    day = _day(spec, today, scan.weekday)
    if spec.kind == "weekday":
        # "sábado então, 11h" after we offered "sábado, 12/12": the Saturday offered.
        offered_days = [slot.astimezone(tz).date() for slot in offered]
        day = next((d for d in offered_days if d > today and d.weekday() == spec.weekday), day)
    if clock is None:
        if scan.same_time and booked_local is not None:
            clock = (booked_local.hour, booked_local.minute)
        else:
            return day
    return _at(day, clock, tz)


def _anchored(
    clock: tuple[int, int],
    local_now: datetime,
    tz: ZoneInfo,
    booked: datetime | None,
    offered: Sequence[datetime],
) -> datetime:
    """An hour alone: an offered slot, the offered day, the booked day, or the next one."""
    slots = [slot.astimezone(tz) for slot in offered]
    for slot in slots:
        if (slot.hour, slot.minute) == clock:
            return slot
    if slots:
        return _at(slots[0].date(), clock, tz)
    if booked is not None:
        return _at(booked.date(), clock, tz)
    candidate = _at(local_now.date(), clock, tz)
    return (
        candidate if candidate > local_now else _at(local_now.date() + timedelta(days=1), clock, tz)
    )


def read_when(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    booked: datetime | None = None,
    offered: Sequence[datetime] = (),
) -> WhenReading:
    """Read a call time, completing half answers from what is already agreed.

    `booked` is the lead's booked call (its day completes "às 9h30 então", its hour
    completes "no mesmo horário na segunda"); `offered` are slots proposed to the lead
    (an hour alone picks the one it names). Raises `WhenError` for empty, unreadable or
    invalid text; a past instant is returned, not refused.
    """
    if not text or not text.strip():
        raise WhenError("empty", "empty date/time")
    try:
        scan = _scan(fold(text))
        found = _resolve(scan, now, tz, booked, offered)
    except WhenError:
        raise
    except (ValueError, OverflowError) as exc:
        raise WhenError("invalid_date", f"invalid date: {exc}") from None
    spans = tuple(sorted(scan.spans))
    if isinstance(found, datetime):
        return WhenReading(at=found, day=None, spans=spans)
    return WhenReading(at=None, day=found, spans=spans)


def search_when(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    booked: datetime | None = None,
    offered: Sequence[datetime] = (),
) -> WhenMatch | None:
    """Find a call time in `text`; `None` when there is no complete date-and-time in it.

    A time in the past is returned too (with `is_future=False`), so that a caller can tell
    the lead it has passed.
    """
    try:
        reading = read_when(text, now=now, tz=tz, booked=booked, offered=offered)
    except WhenError:
        return None
    if reading.at is None:
        return None
    is_future = reading.at > _local_now(now, tz)
    return WhenMatch(at=reading.at, is_future=is_future, spans=reading.spans)


@dataclass(frozen=True)
class WhenParts:
    """Which halves of a call time a text mentions, complete or not."""

    has_date: bool
    has_time: bool
    same_time: bool = False
    period: str | None = None
    """The day part when it is the only time said ("sexta à tarde": "tarde")."""


def when_parts(text: str) -> WhenParts:
    """Whether `text` mentions a date ("sexta", "dia 10") and/or a time ("às 10h", "de manhã").

    Lets a caller join "sexta" and "às 10h" sent as two messages.
    """
    try:
        scan = _scan(fold(text))
    except (ValueError, OverflowError):
        return WhenParts(has_date=False, has_time=False)
    has_date = scan.date is not None or scan.iso is not None or scan.delta is not None
    has_time = (
        scan.time is not None
        or scan.period is not None
        or scan.iso is not None
        or scan.delta is not None
    )
    period = (
        scan.period[1]
        if scan.period is not None and scan.time is None and scan.iso is None and scan.delta is None
        else None
    )
    return WhenParts(has_date=has_date, has_time=has_time, same_time=scan.same_time, period=period)


def _quote(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "...")


def parse_when(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    booked: datetime | None = None,
    offered: Sequence[datetime] = (),
) -> datetime:
    """Parse a call time (ISO 8601 or pt-BR) into an aware datetime in `tz`, after `now`.

    Raises:
        WhenError: with `reason` "empty", "unreadable", "invalid_date", "no_time" (a day
            came without an hour; `day` holds it) or "past" (`at` holds the instant).
    """
    try:
        reading = read_when(text, now=now, tz=tz, booked=booked, offered=offered)
    except WhenError as exc:
        if exc.reason == "empty":
            raise
        raise WhenError(
            exc.reason, f"could not understand {_quote(text)} as a date/time: {exc}"
        ) from None
    if reading.at is None:
        assert reading.day is not None
        raise WhenError(
            "no_time",
            f"{reading.day.isoformat()}: a date was given but no time of day",
            day=reading.day,
        )
    local_now = _local_now(now, tz)
    if reading.at <= local_now:
        raise WhenError(
            "past",
            f"the time {reading.at.isoformat()} is in the past (now is {local_now.isoformat()})",
            at=reading.at,
        )
    return reading.at


def format_call_time(
    at: datetime, *, tz: ZoneInfo | None = None, now: datetime | None = None
) -> str:
    """`"quarta-feira, 10/02 às 15h"`; the year is added when it is not `now`'s year."""
    local = at.astimezone(tz) if tz is not None and at.tzinfo is not None else at
    day = f"{local.day:02d}/{local.month:02d}"
    reference = now.astimezone(local.tzinfo) if now is not None and now.tzinfo else now
    if reference is None or reference.year != local.year:
        day += f"/{local.year}"
    clock = f"{local.hour}h" + (f"{local.minute:02d}" if local.minute else "")
    return f"{WEEKDAY_NAMES[local.weekday()]}, {day} às {clock}"


_DAY_OFFERED: Final = re.compile(
    r"^(?:(?:mas|so|ai|entao|e|ah|bom|ok|ta|agora)\s*,?\s+)*"
    r"(?:(?:no|na|o|a|nesse|neste|nessa|nesta|esse|este|essa|esta)\s+)?"
    r"(?:(?:" + "|".join(WEEKDAYS) + r")(?:[- ]feira)?|amanha|depois de amanha)"
    r"(?:\s+(?:eu|a gente|nos|ja))?"
    r"\s+(?:pode|posso|podemos|da|consigo|conseguimos|serve|fica bom|fica melhor"
    r"|e melhor|da certo|ta livre|to livre|estou livre)"
    r"(?:\s+(?:sim|pra mim|pra gente|pra nos|entao|tranquilo|de boa))?\s*[.!]*$"
)


def offers_day(text: str) -> bool:
    """Whether the message offers a day alone for the call, said to suit ("mas sábado
    pode", "sexta eu posso", "amanhã dá", "quinta-feira serve pra mim"): the day is kept
    and its hour asked, as for "pode ser quarta". Not asked ("sábado pode?"), not turned
    down ("sábado não dá"), not with anything else ("sábado posso ir ver a casa")."""
    low = " ".join(fold(text).lower().split())
    return bool(_DAY_OFFERED.match(low))
