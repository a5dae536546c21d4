"""Lead operations shared by the nodes, the tools and the CLI."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import tzinfo
from typing import Any

from homer_agent.brief import notes_json
from homer_agent.db.models import Lead, LeadNote, LeadTemperature
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.facts import LeadFacts
from homer_agent.takeover import handoff_json
from homer_agent.temperature import completeness, temperature


class LeadForgottenError(LookupError):
    """The session's lead was deleted (`lead forget`) while the session was open.

    Nothing more is written for it; the caller tells the person and may start over with
    a new session for the same key (a new lead).
    """


# The keys of `lead show --json`, in order: a contract outside checks rely on.
LEAD_JSON_KEYS = (
    "session_key",
    "name",
    "bedrooms",
    "neighborhood",
    "budget_brl",
    "call_at",
    "temperature",
    "created_at",
    "updated_at",
)


# `lead show --json` and the API's lead: the same keys, then the broker's notes and the
# hand-off that holds the conversation (null, or `{reason, since}` until released).
LEAD_SHOW_KEYS = (*LEAD_JSON_KEYS, "notes", "handoff")


class LeadNotFoundError(LookupError):
    """No lead has that session key (or id)."""


@contextmanager
def querier(pool: Pool) -> Iterator[Querier]:
    """A generated querier on a pooled connection."""
    with pool.connection() as conn:
        yield Querier(conn)


def thread_id(lead: Lead) -> str:
    """The checkpoint thread of a lead: a new lead with the same key starts afresh."""
    return thread_id_of(lead.id)


def thread_id_of(lead_id: int) -> str:
    """The checkpoint thread of the lead with id `lead_id`."""
    return f"lead-{lead_id}"


def lead_id_of(thread: str) -> int | None:
    """The lead of a checkpoint thread named by `thread_id` (None for other threads)."""
    prefix, _, number = thread.partition("-")
    return int(number) if prefix == "lead" and number.isdigit() else None


def has_conversation(q: Querier, lead: Lead) -> bool:
    """Whether the lead has talked before (a checkpoint or archived messages)."""
    return bool(q.has_conversation(thread_id=thread_id(lead), lead_id=lead.id))


def get_lead(q: Querier, lead_id: int) -> Lead:
    lead = q.get_lead(id=lead_id)
    if lead is None:
        raise LeadNotFoundError(f"lead {lead_id} no longer exists")
    return lead


def facts_of(lead: Lead) -> LeadFacts:
    """The facts the agent qualifies, as the prompt and the offline model see them."""
    return LeadFacts(
        name=lead.name,
        bedrooms=lead.bedrooms,
        neighborhood=lead.neighborhood,
        budget_brl=lead.budget_brl,
        call_at=lead.call_at,
    )


def new_temperature(lead: Lead, moods: Sequence[float]) -> LeadTemperature:
    """The lead's temperature from its facts, its call and `moods` (newest first)."""
    return LeadTemperature(
        temperature(
            completeness=completeness(
                name=lead.name,
                bedrooms=lead.bedrooms,
                neighborhood=lead.neighborhood,
                budget_brl=lead.budget_brl,
            ),
            recent_compounds=moods,
            call_scheduled=lead.call_at is not None,
        )
    )


def lead_json(
    lead: Lead, tz: tzinfo | None = None, notes: Sequence[LeadNote] | None = None
) -> dict[str, Any]:
    """The public JSON form of a lead: exactly LEAD_JSON_KEYS, timestamps in ISO 8601;
    with `notes`, LEAD_SHOW_KEYS (`notes`: a list of `{category, text}`; `handoff`: null, or
    the active hand-off's `{"reason", "since"}` until a broker releases it).

    `call_at` is shown in `tz` (the development's time zone) with its offset, so a
    broker reads the local time directly; the other timestamps stay in UTC.
    """
    data = lead.model_dump(mode="json")
    if tz is not None and lead.call_at is not None:
        data["call_at"] = lead.call_at.astimezone(tz).isoformat()
    shown = {key: data[key] for key in LEAD_JSON_KEYS}
    if notes is not None:
        shown["notes"] = notes_json(notes)
        shown["handoff"] = handoff_json(lead)
    return shown
