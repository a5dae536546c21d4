"""Development profiles: what the agent may say about the homes it sells.

A profile is a TOML file (see `profiles/vila_carnauba.toml`, the bundled default) read
into the frozen `Profile` model. Anything the agent is asked that the profile does not
state is for a broker to confirm: the agent never invents prices or sizes.
"""

from __future__ import annotations

import tomllib
from datetime import date, time
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holiday_calendars
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

__all__ = [
    "DEFAULT_PROFILE",
    "CallHours",
    "Company",
    "Development",
    "FaqEntry",
    "HouseType",
    "Link",
    "Persona",
    "Profile",
    "ProfileError",
    "load_profile",
    "parse_profile",
]

DEFAULT_PROFILE: Final = "vila_carnauba.toml"
"""File name of the bundled profile inside the `homer_agent.profiles` package folder."""

_Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]


class ProfileError(ValueError):
    """A profile file is missing, is not TOML, or does not describe a development."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Persona(_Frozen):
    """Who the agent is to the lead."""

    name: _Short = Field(description="The agent's name, e.g. Homer.")
    role: _Short = Field(default="assistente virtual", description="How it introduces itself.")


class Company(_Frozen):
    """Who sells the homes."""

    name: _Short


class Development(_Frozen):
    name: _Short
    location: _Short = Field(description="Where it is, as a lead would say it.")
    description: _Text | None = None


class HouseType(_Frozen):
    bedrooms: int = Field(ge=1, le=10)
    suite: Literal["with", "without", "optional"] = Field(
        default="optional", description="Whether this type has a suite: always, never, or both."
    )


class Link(_Frozen):
    label: _Short
    url: _Short

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")) or " " in value:
            raise ValueError("must be an http(s) URL without spaces")
        return value


class FaqEntry(_Frozen):
    question: _Text
    answer: _Text


_Range = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^\d{2}:\d{2}\s*-\s*\d{2}:\d{2}$")
]
_WEEKDAY_FIELDS: Final = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_WEEKDAY_HOURS: Final = ("09:00-18:00",)


def _clock(text: str) -> time:
    hour, minute = (int(part) for part in text.strip().split(":"))
    if hour == 24 and minute == 0:
        return time.max
    return time(hour, minute)


class CallHours(_Frozen):
    """When brokers call, in the profile's time zone: ranges per weekday ("09:00-18:00").

    A call fits when it starts and ends inside one range of its day and the day is no
    holiday. An empty list closes the day.
    """

    monday: tuple[_Range, ...] = _WEEKDAY_HOURS
    tuesday: tuple[_Range, ...] = _WEEKDAY_HOURS
    wednesday: tuple[_Range, ...] = _WEEKDAY_HOURS
    thursday: tuple[_Range, ...] = _WEEKDAY_HOURS
    friday: tuple[_Range, ...] = _WEEKDAY_HOURS
    saturday: tuple[_Range, ...] = ("09:00-13:00",)
    sunday: tuple[_Range, ...] = ()
    length_minutes: int = Field(default=30, ge=5, le=240, description="Length of one call.")
    holidays: tuple[date, ...] = Field(
        default=(),
        description="Days without calls on top of the country's: municipal holidays, days off.",
    )
    holidays_country: str | None = Field(
        default=None,
        description="ISO 3166-1 code whose public holidays close the day (`holidays` package).",
    )
    holidays_subdivision: str | None = Field(
        default=None, description="State or province whose holidays close the day too, e.g. CE."
    )

    @model_validator(mode="after")
    def _known_calendar(self) -> CallHours:
        supported = holiday_calendars.list_supported_countries()
        country, subdivision = self.holidays_country, self.holidays_subdivision
        if country is None:
            if subdivision is not None:
                raise ValueError("holidays_subdivision needs holidays_country")
            return self
        if country not in supported:
            raise ValueError(f"holidays_country {country!r} is not a supported country code")
        if subdivision is not None and subdivision not in supported[country]:
            raise ValueError(
                f"holidays_subdivision {subdivision!r} is not a subdivision of {country}"
            )
        return self

    def holiday(self, day: date) -> str | None:
        """Why `day` has no calls: the holiday's pt-BR name, "" for one of the profile's
        own days off, None on a working day."""
        if day in self.holidays:
            return ""
        if self.holidays_country is None:
            return None
        return _public_holidays(self.holidays_country, self.holidays_subdivision, day.year).get(day)

    def is_holiday(self, day: date) -> bool:
        """Whether `day` has no calls because it is a holiday."""
        return self.holiday(day) is not None

    @field_validator(*_WEEKDAY_FIELDS)
    @classmethod
    def _ordered(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            start, _, end = item.partition("-")
            try:
                opens, closes = _clock(start), _clock(end)
            except ValueError:
                raise ValueError(f"{item!r}: hours are HH:MM from 00:00 to 24:00") from None
            if opens >= closes:
                raise ValueError(f"{item!r}: the range must end after it starts")
        return value

    def ranges(self, weekday: int) -> tuple[tuple[time, time], ...]:
        """The open ranges of a weekday (`datetime.weekday()`), in order."""
        items = getattr(self, _WEEKDAY_FIELDS[weekday])
        pairs = []
        for item in items:
            start, _, end = item.partition("-")
            pairs.append((_clock(start), _clock(end)))
        return tuple(sorted(pairs))


@cache
def _public_holidays(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    """A country's (and subdivision's) public holidays of one year, named in pt-BR where
    the package has that language; one immutable copy per year, safe across threads."""
    languages = holiday_calendars.list_localized_countries().get(country, [])
    language = "pt_BR" if "pt_BR" in languages else None
    calendar = holiday_calendars.country_holidays(
        country, subdiv=subdivision, years=year, language=language
    )
    return dict(calendar.items())


class Profile(_Frozen):
    """One development, as the agent may describe it."""

    persona: Persona
    company: Company
    development: Development
    timezone: str = Field(description="IANA time zone of the development, e.g. America/Fortaleza.")
    house_types: tuple[HouseType, ...] = Field(min_length=1)
    amenities: tuple[_Short, ...] = ()
    links: tuple[Link, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    broker_confirms: tuple[_Short, ...] = Field(
        default=(),
        description=(
            "Topics the agent leaves to a broker even when a document mentions them "
            "(prices, payment tables)."
        ),
    )
    documents: Path | None = Field(
        default=None,
        description="Folder of the development's documents, relative to the profile file.",
    )
    calls: CallHours = Field(default_factory=CallHours, description="When brokers call.")
    budget_floor_brl: int = Field(
        default=50_000,
        gt=0,
        description="A budget below this is confirmed with the lead before it is saved.",
    )
    budget_ceiling_brl: int = Field(
        default=50_000_000,
        gt=0,
        lt=10**10,
        description="A budget above this is confirmed with the lead before it is saved.",
    )

    @field_validator("timezone")
    @classmethod
    def _real_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a tzdata directory
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("house_types")
    @classmethod
    def _distinct_bedrooms(cls, value: tuple[HouseType, ...]) -> tuple[HouseType, ...]:
        counts = [house.bedrooms for house in value]
        if len(set(counts)) != len(counts):
            raise ValueError("two house types have the same number of bedrooms")
        return tuple(sorted(value, key=lambda house: house.bedrooms))

    @model_validator(mode="after")
    def _floor_below_ceiling(self) -> Profile:
        if self.budget_floor_brl >= self.budget_ceiling_brl:
            raise ValueError("budget_floor_brl must be below budget_ceiling_brl")
        return self

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def bedroom_options(self) -> tuple[int, ...]:
        """Bedroom counts on offer, ascending."""
        return tuple(house.bedrooms for house in self.house_types)

    def link(self, label: str) -> str | None:
        """The URL of the link with this label (case-insensitive), if any."""
        wanted = label.casefold()
        return next((link.url for link in self.links if link.label.casefold() == wanted), None)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        problems.append(f"{where}: {error['msg']}")
    return "; ".join(problems)


def parse_profile(text: str, *, source: str = "<profile>", base: Path | None = None) -> Profile:
    """Read a profile from TOML text; `source` names it in error messages, and a relative
    `documents` folder is taken relative to `base` (the profile's folder)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(_one_line(f"{source}: invalid TOML: {exc}")) from None
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(_one_line(f"{source}: {_describe(exc)}")) from None
    if profile.documents is not None and base is not None and not profile.documents.is_absolute():
        profile = profile.model_copy(update={"documents": base / profile.documents})
    return profile


def load_profile(path: Path | None = None) -> Profile:
    """Load a development profile; `None` loads the bundled Vila Carnaúba profile.

    Raises:
        ProfileError: the file cannot be read, is not TOML, or is not a valid profile.
            The message is one line: the path, then what is wrong.
    """
    if path is None:
        resource = resources.files("homer_agent").joinpath("profiles", DEFAULT_PROFILE)
        source = f"homer_agent/profiles/{DEFAULT_PROFILE}"
        try:
            text = resource.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(_one_line(f"{source}: cannot read: {exc}")) from None
        return parse_profile(text, source=source, base=Path(str(resource)).parent)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ProfileError(_one_line(f"{path}: cannot read: {exc.strerror or exc}")) from None
    return parse_profile(text, source=str(path), base=path.parent)
