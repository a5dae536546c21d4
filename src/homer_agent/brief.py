"""The brief: a lead's notes for the broker, kept in `lead_notes` (see sql/queries/notes.sql).

The offline model reads notes with `homer_agent.ptbr.notes.read_notes`; an LLM writes them
through the `note` tool (`homer_agent.tools`). Either way they land here, each once per
lead, outside the conversation's window, and are shown by `/lead`, `lead show`, the API,
the calendar event, exported by `lead export` and deleted with the lead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol

from homer_agent.db.models import LeadNote
from homer_agent.db.queries import Querier
from homer_agent.ptbr.notes import CATEGORIES, NOTE_CATEGORY_LABELS, Note

__all__ = ["notes_json", "notes_lines", "notes_of", "save_note"]

_ORDER: Final[dict[str, int]] = {category: index for index, category in enumerate(CATEGORIES)}


class _Noted(Protocol):
    @property
    def category(self) -> str: ...
    @property
    def text(self) -> str: ...


def save_note(q: Querier, lead_id: int, note: Note, *, message_id: str | None = None) -> bool:
    """Save a note on the lead; False when the lead already had it.

    A new note changes the description of the lead's booked call, so the call is pushed
    to the brokers' calendar again (after the turn, like any call change).
    """
    added = q.add_lead_note(
        lead_id=lead_id, category=note.category, text=note.text, source_message_id=message_id
    )
    if added:
        q.repush_call_event_for_notes(lead_id=lead_id)
    return added > 0


def notes_of(q: Querier, lead_id: int) -> list[LeadNote]:
    """The lead's notes, in the order they were taken."""
    return q.list_lead_notes(lead_id=lead_id)


def notes_json(notes: Sequence[_Noted]) -> list[dict[str, str]]:
    """The notes as `lead show --json` and the API print them: `{category, text}` each."""
    return [{"category": note.category, "text": note.text} for note in notes]


def notes_lines(notes: Sequence[_Noted]) -> list[str]:
    """One pt-BR line per category ("família: 2 filhos; 1 filha"), categories in a fixed
    order, each category's notes in the order given."""
    by_category: dict[str, list[str]] = {}
    for note in sorted(notes, key=lambda n: _ORDER.get(n.category, len(_ORDER))):
        by_category.setdefault(note.category, []).append(note.text)
    return [
        f"{NOTE_CATEGORY_LABELS.get(category, category)}: {'; '.join(texts)}"
        for category, texts in by_category.items()
    ]
