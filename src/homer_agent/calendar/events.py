"""The VEVENT of a lead's call, shared by the CalDAV push and the iCalendar feed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final, Literal, Protocol

from icalendar import Calendar, Event

from homer_agent.ptbr.text import format_brl, temperature_word

__all__ = ["PRODID", "LeadCard", "calendar_of", "call_event"]

PRODID: Final = "-//Homer lead agent//calls//PT-BR"


class _LeadFacts(Protocol):
    @property
    def session_key(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def bedrooms(self) -> int | None: ...
    @property
    def neighborhood(self) -> str | None: ...
    @property
    def budget_brl(self) -> int | None: ...
    @property
    def temperature(self) -> object: ...


@dataclass(frozen=True)
class LeadCard:
    """What a broker needs before calling: who, what they want, how to reach them."""

    session_key: str
    name: str | None
    bedrooms: int | None
    neighborhood: str | None
    budget_brl: int | None
    temperature: str
    notes: tuple[str, ...] = ()
    """The broker's notes, one pt-BR line per category (`homer_agent.brief.notes_lines`)."""

    @classmethod
    def of(cls, lead: _LeadFacts, notes: Sequence[str] = ()) -> LeadCard:
        """The card of a lead row (or of a row that carries the lead's facts)."""
        return cls(
            notes=tuple(notes),
            session_key=lead.session_key,
            name=lead.name,
            bedrooms=lead.bedrooms,
            neighborhood=lead.neighborhood,
            budget_brl=lead.budget_brl,
            temperature=str(lead.temperature),
        )

    @property
    def who(self) -> str:
        return self.name or self.session_key

    def lines(self) -> list[str]:
        return [
            f"Nome: {self.name or '-'}",
            f"Quartos: {self.bedrooms if self.bedrooms is not None else '-'}",
            f"Bairro: {self.neighborhood or '-'}",
            f"Orçamento: {format_brl(self.budget_brl) if self.budget_brl is not None else '-'}",
            f"Temperatura: {temperature_word(self.temperature)}",
            f"Contato (sessão): {self.session_key}",
            *([f"Notas: {'; '.join(self.notes)}"] if self.notes else []),
        ]


def call_event(
    *,
    uid: str,
    starts_at: datetime,
    length: timedelta,
    card: LeadCard,
    sequence: int = 0,
    status: Literal["CONFIRMED", "CANCELLED"] = "CONFIRMED",
) -> Event:
    """One call as a VEVENT: DTSTART/DTEND in the zone of `starts_at` (a ZoneInfo: TZID)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + length)
    event.add("summary", f"Ligação: {card.who}")
    event.add("description", "\n".join(card.lines()))
    event.add("status", status)
    event.add("sequence", sequence)
    event.add("transp", "OPAQUE")
    event.add("categories", ["Homer"])
    return event


def calendar_of(events: list[Event], *, name: str | None = None) -> Calendar:
    """A VCALENDAR holding `events`, with the VTIMEZONE of every TZID they use."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name is not None:
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar
