"""The broker's notes as shown: lines per category, the calendar card, the .ics feed,
and the reader's output always fits the lead_notes table (pure functions)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from homer_agent.brief import notes_json, notes_lines
from homer_agent.calendar.events import LeadCard
from homer_agent.calendar.feed import calls_ics
from homer_agent.db.models import LeadTemperature
from homer_agent.db.queries import ListUpcomingCallsRow
from homer_agent.profile import load_profile
from homer_agent.ptbr.notes import CATEGORIES, Note, read_notes


def test_lines_group_by_category_in_a_fixed_order() -> None:
    notes = [
        Note("question", "perguntou sobre segurança"),
        Note("family", "2 filhos"),
        Note("pets", "tem cachorro"),
        Note("question", "perguntou sobre pets"),
    ]
    assert notes_lines(notes) == [
        "família: 2 filhos",
        "pets: tem cachorro",
        "pergunta: perguntou sobre segurança; perguntou sobre pets",
    ]
    assert notes_json(notes[:1]) == [{"category": "question", "text": "perguntou sobre segurança"}]
    assert notes_lines([]) == []


def test_the_calendar_card_ends_with_the_notes_only_when_there_are_some() -> None:
    card = LeadCard("k", "Ana", 3, "Aldeota", 800_000, "hot")
    assert not any(line.startswith("Notas") for line in card.lines())
    noted = LeadCard("k", "Ana", 3, "Aldeota", 800_000, "hot", ("família: 2 filhos",))
    assert noted.lines()[-1] == "Notas: família: 2 filhos"


def test_the_ics_feed_carries_each_calls_notes() -> None:
    profile = load_profile()
    start = dt.datetime(2030, 3, 4, 10, tzinfo=profile.tz)
    rows = [
        ListUpcomingCallsRow(
            uid=uid,
            starts_at=start,
            pending=False,
            session_key=key,
            name=None,
            bedrooms=None,
            neighborhood=None,
            budget_brl=None,
            temperature=LeadTemperature.WARM,
        )
        for uid, key in (("uid-a", "a"), ("uid-b", "b"))
    ]
    feed = Calendar.from_ical(calls_ics(rows, profile, {"uid-a": ["pets: tem gato"]}))
    descriptions = {str(e["uid"]): str(e["description"]) for e in feed.walk("VEVENT")}
    assert "Notas: pets: tem gato" in descriptions["uid-a"]
    assert "Notas" not in descriptions["uid-b"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_notes_the_table_accepts(text: str) -> None:
    notes = read_notes(text)
    assert len(notes) == len(set(notes))
    for note in notes:
        assert note.category in CATEGORIES
        assert 1 <= len(note.text) <= 120 and note.text == note.text.strip()
        assert note.text.isprintable()
