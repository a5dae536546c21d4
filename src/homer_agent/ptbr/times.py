"""Understand when a lead wants a broker to call: ISO 8601 and everyday pt-BR expressions.

`parse_when` reads a whole answer ("amanhã às 15h", "2027-02-10T15:00") and raises
`WhenError` when it cannot; `find_when` looks for a call time inside a longer sentence
("Pode ligar no dia 10/02/2027 às 15h") and returns `None` when there is none.

Rules, all relative to `now` seen in the time zone `tz`:

- A weekday without a date is the next such day strictly after today.
- A day and month without a year is their next occurrence; "dia 10" is the next 10th.
- A time without a date is today when still ahead, otherwise tomorrow.
- "de manhã", "à tarde", "à noite" alone mean 9h, 14h and 19h; next to an hour they pick
  the half of the day ("3 da tarde" is 15h).
- A bare hour from 1 to 6 with no "manhã"/"madrugada" is read as afternoon ("às 2" is 14h):
  nobody books a sales call at 2 a.m.
- The result must lie strictly after `now`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo

__all__ = [
    "WhenError",
    "WhenMatch",
    "WhenParts",
    "find_when",
    "fold",
    "parse_when",
    "search_when",
    "when_parts",
]


class WhenError(ValueError):
    """A call time could not be understood, or it is not in the future."""


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if len(base) != 1:
        base = ch
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Lower-case `text` and drop accents, keeping exactly one character per input character.

    Because lengths match, a span found in the folded text is the same span in `text`.
    """
    return "".join(ch.lower() if ch.isascii() else _fold_char(ch) for ch in text)


# ---------------------------------------------------------------------------
# Vocabulary (folded: lower case, no accents)

_WEEKDAYS: Final = {
    "segunda": 0,
    "terca": 1,
    "quarta": 2,
    "quinta": 3,
    "sexta": 4,
    "sabado": 5,
    "domingo": 6,
}
_MONTHS: Final = {
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
_HOUR_WORDS: Final = {
    "uma": 1,
    "duas": 2,
    "tres": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
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
    "vinte": 20,
}
_SMALL_NUMBER_WORDS: Final = {"um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4}
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
_MONTH_RE: Final = "|".join(_MONTHS)
_WEEKDAY_RE: Final = "|".join(_WEEKDAYS)
_PERIOD_RE: Final = r"manha|tarde|noite|madrugada"

# Words allowed right after a bare "às 9" (anything else, as in "as 3 casas", rejects it).
_AFTER_BARE_HOUR_WORDS: Final = (
    "e ou da de do na no em pode por pra para se ok entao mesmo certo hoje amanha depois "
    "tudo beleza blz obrigado obrigada valeu horas hora hs hrs h mais menos ta combinado "
    "fechado perfeito sim dia ate"
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
_REL_TIME_RE: Final = re.compile(
    r"\b(?:daqui\s+a|em)\s+(\d{1,3}|uma|um|duas|dois|tres|quatro|meia)\s+"
    r"(horas?|minutos?|min)\b"
)
_REL_DAYS_RE: Final = re.compile(r"\b(?:daqui\s+a|em)\s+(\d{1,2}|um|dois|tres|quatro)\s+dias?\b")
_NUM_DATE_RE: Final = re.compile(
    r"(?<![\d/.\-])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"
    r"|(?<![\d/.\-])(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?![\d.\-])"
)
_NAMED_DATE_RE: Final = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:o|º)?\s+de\s+({_MONTH_RE})(?:\s+(?:de\s+)?(\d{{4}}))?\b"
)
_DAY_WORD_RE: Final = re.compile(r"\b(depois\s+de\s+amanha|amanha|hoje|hj)\b")
_WEEKDAY_PATTERN: Final = re.compile(rf"\b({_WEEKDAY_RE})(?:[-\s]feira)?\b")
_DAY_OF_MONTH_RE: Final = re.compile(r"\bdia\s+(\d{1,2})(?![\d/:h]|[.\-]\d)")

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
    rf"(?<![\d:/.,])(\d{{1,2}}|{_HOUR_WORD_RE})(?:\s+e\s+(meia|\d{{2}}))?"
    rf"\s+(?:da|de|pela|a)\s+({_PERIOD_RE})\b"
)
_BARE_HOUR_RE: Final = re.compile(
    rf"\b(?:as|a\s+partir\s+das|pelas|la\s+pelas|depois\s+das|pras|umas)\s+"
    rf"(\d{{1,2}}|{_HOUR_WORD_RE})(?:\s+e\s+(meia|\d{{2}}))?(?![\d:/.,]\d|[\w])"
    rf"(?:\s*(\w+))?"
)
_NOON_RE: Final = re.compile(r"\b(meio[-\s]?dia|meia[-\s]?noite)(?:\s+e\s+(meia|\d{2}))?\b")
_PERIOD_ONLY_RE: Final = re.compile(
    rf"\b(?:(?:no|ao)\s+(fim|final)\s+da\s+tarde"
    rf"|(?:de|pela|a|na|durante\s+a|la\s+pela|(?:no\s+)?(?:periodo|parte|turno)\s+da)"
    rf"\s+({_PERIOD_RE})"
    rf"|(depois|apos)\s+(?:do|o)\s+almoco)\b"
)


# ---------------------------------------------------------------------------
# Scanning


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
    invalid: str | None = None

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def set_date(self, pos: int, spec: _DateSpec) -> None:
        if self.date is None or pos < self.date[0]:
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
    return int(token)


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

    for m in _REL_TIME_RE.finditer(folded):
        if not scan.free(*m.span()) or scan.delta is not None:
            continue
        unit = m[2]
        if m[1] == "meia":
            amount = 0.5
        else:
            value = _small_int(m[1])
            if value is None:
                continue
            amount = float(value)
        scan.delta = (
            timedelta(hours=amount) if unit.startswith("hora") else timedelta(minutes=amount)
        )
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

    for m in _NAMED_DATE_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        spec = _calendar_spec(int(m[1]), _MONTHS[m[2]], _year(m[3]))
        if spec is None:
            continue
        scan.set_date(m.start(), spec)
        scan.take(*m.span())

    for m in _DAY_WORD_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        word = m[1]
        offset = 2 if word.startswith("depois") else 1 if word == "amanha" else 0
        scan.set_date(m.start(), _DateSpec("offset", offset=offset))
        scan.take(*m.span())

    for m in _WEEKDAY_PATTERN.finditer(folded):
        if not scan.free(*m.span()):
            continue
        scan.set_date(m.start(), _DateSpec("weekday", weekday=_WEEKDAYS[m[1]]))
        scan.take(*m.span())

    for m in _DAY_OF_MONTH_RE.finditer(folded):
        day = int(m[1])
        if not scan.free(*m.span()) or not 1 <= day <= 31:
            continue
        scan.set_date(m.start(), _DateSpec("day", day=day))
        scan.take(*m.span())

    _scan_times(folded, scan)
    return scan


def _add_time(scan: _Scan, start: int, end: int, hour: int, minute: int, *, explicit: bool) -> bool:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return False
    scan.set_time(start, _TimeSpec(hour, minute, explicit))
    scan.take(start, end)
    return True


def _scan_times(folded: str, scan: _Scan) -> None:
    for m in _CLOCK_RE.finditer(folded):
        if scan.free(*m.span()):
            explicit = m[1].startswith("0") or int(m[1]) > 12
            _add_time(scan, *m.span(), int(m[1]), int(m[2]), explicit=explicit)

    for m in _OF_PERIOD_RE.finditer(folded):
        if not scan.free(*m.span()):
            continue
        hour = _hour_value(m[1])
        if _add_time(scan, *m.span(), hour, _minutes(m[2]), explicit=hour > 12):
            scan.period_of_time = m[3]

    for m in _H_SUFFIX_RE.finditer(folded):
        if scan.free(*m.span()):
            minute = _minutes(m[2] or m[3] or m[4])
            explicit = m[1].startswith("0") or int(m[1]) > 12
            _add_time(scan, *m.span(), int(m[1]), minute, explicit=explicit)

    for m in _BARE_HOUR_RE.finditer(folded):
        follower = m[3]
        if follower is not None and follower not in _AFTER_BARE_HOUR:
            continue  # "as 3 casas" is not a time
        # The follower word stays outside the span: "às 3 hoje" still sees "hoje".
        span_end = m.end(2) if m[2] is not None else m.end(1)
        if scan.free(m.start(), span_end):
            _add_time(scan, m.start(), span_end, _hour_value(m[1]), _minutes(m[2]), explicit=False)

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


def _resolve(scan: _Scan, now: datetime, tz: ZoneInfo) -> datetime:
    """Turn a scan into an aware datetime in `tz` (possibly in the past)."""
    local_now = _local_now(now, tz)
    if scan.iso is not None:
        return (scan.iso.replace(tzinfo=tz) if scan.iso_naive else scan.iso).astimezone(tz)
    if scan.delta is not None:
        return (local_now + scan.delta).replace(second=0, microsecond=0)
    clock = _clock(scan)
    if clock is None:
        if scan.date is not None:
            raise WhenError("a date was given but no time of day")
        raise WhenError(scan.invalid or "no date or time of day found")
    if scan.invalid is not None and scan.date is None:
        raise WhenError(scan.invalid)
    today = local_now.date()
    if scan.date is None:
        candidate = _at(today, clock, tz)
        return candidate if candidate > local_now else _at(today + timedelta(days=1), clock, tz)
    spec = scan.date[1]
    try:
        if spec.kind == "absolute":
            return _at(date(spec.year, spec.month, spec.day), clock, tz)
        if spec.kind == "offset":
            return _at(today + timedelta(days=spec.offset), clock, tz)
        if spec.kind == "weekday":
            ahead = (spec.weekday - today.weekday()) % 7 or 7
            return _at(today + timedelta(days=ahead), clock, tz)
    except (ValueError, OverflowError) as exc:
        raise WhenError(f"invalid date: {exc}") from None
    # Day and month without a year, or a bare day of the month: the next occurrence.
    for step in range(48):
        if spec.kind == "month_day":
            year, month, day = today.year + step, spec.month, spec.day
        else:
            total = today.month - 1 + step
            year, month, day = today.year + total // 12, total % 12 + 1, spec.day
        try:
            candidate = _at(date(year, month, day), clock, tz)
        except ValueError:
            continue
        if candidate > local_now:
            return candidate
    raise WhenError(f"invalid date: day {spec.day} month {spec.month or 'any'}")


def _match(text: str, now: datetime, tz: ZoneInfo) -> tuple[_Scan, datetime]:
    scan = _scan(fold(text))
    return scan, _resolve(scan, now, tz)


def search_when(text: str, *, now: datetime, tz: ZoneInfo) -> WhenMatch | None:
    """Find a call time in `text`; `None` when there is no complete date-and-time in it.

    Unlike `find_when`, a time in the past is returned (with `is_future=False`) so that a
    caller can tell the lead it has passed.
    """
    try:
        scan, at = _match(text, now, tz)
    except (WhenError, ValueError, OverflowError):
        return None
    is_future = at > _local_now(now, tz)
    return WhenMatch(at=at, is_future=is_future, spans=tuple(sorted(scan.spans)))


def find_when(text: str, *, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The future call time mentioned in `text` (aware, in `tz`), or `None`."""
    found = search_when(text, now=now, tz=tz)
    return found.at if found is not None and found.is_future else None


@dataclass(frozen=True)
class WhenParts:
    """Which halves of a call time a text mentions, complete or not."""

    has_date: bool
    has_time: bool


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
    return WhenParts(has_date=has_date, has_time=has_time)


def _quote(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "...")


def parse_when(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """Parse a call time (ISO 8601 or pt-BR) into an aware datetime in `tz`, after `now`.

    Raises:
        WhenError: nothing understandable was found, the date is invalid, a date came
            without a time of day, or the time is not after `now`.
    """
    if not text or not text.strip():
        raise WhenError("empty date/time")
    try:
        _, at = _match(text, now, tz)
    except (ValueError, OverflowError) as exc:  # WhenError is a ValueError
        raise WhenError(f"could not understand {_quote(text)} as a date/time: {exc}") from None
    local_now = _local_now(now, tz)
    if at <= local_now:
        raise WhenError(
            f"the time {at.isoformat()} is in the past (now is {local_now.isoformat()})"
        )
    return at
