"""What a broker is told, recorded in the outbox with the change it reports.

Each `record_*` writes one `broker_notifications` row through the generated queries, on
the caller's connection: inside the turn's transaction, so the event exists exactly
when the change does. Delivery (`notify.webhook`) happens after commit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final, Literal, get_args

from homer_agent.brief import notes_json, notes_of
from homer_agent.db.models import BrokerNotification, Lead, LeadNote
from homer_agent.db.queries import Querier

__all__ = ["EVENTS", "Event", "payload_of", "record"]

Event = Literal[
    "handoff", "call_booked", "call_moved", "call_cancelled", "lead_hot", "lead_message"
]
EVENTS: Final[tuple[Event, ...]] = get_args(Event)

MAX_MESSAGE_CHARS: Final = 500
"""A forwarded message longer than this is cut (the whole one is in `lead export`)."""


def payload_of(
    lead: Lead,
    *,
    reason: str | None = None,
    call_at: datetime | None = None,
    previous_call_at: datetime | None = None,
    message: str | None = None,
    notes: Sequence[LeadNote] = (),
) -> dict[str, Any]:
    """The event's data as of now: the lead's card with the broker's notes (session key
    included: whether it is sent is decided at delivery), and what happened."""
    return {
        "lead": {
            "id": lead.id,
            "session_key": lead.session_key,
            "name": lead.name,
            "bedrooms": lead.bedrooms,
            "neighborhood": lead.neighborhood,
            "budget_brl": lead.budget_brl,
            "temperature": str(lead.temperature),
            "call_at": lead.call_at.isoformat() if lead.call_at else None,
            "notes": notes_json(notes),
        },
        "reason": reason,
        "call_at": call_at.isoformat() if call_at else None,
        "previous_call_at": previous_call_at.isoformat() if previous_call_at else None,
        # jsonb has no NUL: a forwarded message keeps a visible stand-in.
        "message": (
            message[:MAX_MESSAGE_CHARS].replace("\x00", "\ufffd") if message is not None else None
        ),
    }


def record(
    q: Querier,
    lead: Lead,
    event: Event,
    *,
    reason: str | None = None,
    call_at: datetime | None = None,
    previous_call_at: datetime | None = None,
    message: str | None = None,
) -> BrokerNotification:
    """Write one event to the outbox on `q`'s connection (the caller's transaction)."""
    if event not in EVENTS:
        raise ValueError(f"unknown broker event {event!r}")
    payload = payload_of(
        lead,
        reason=reason,
        call_at=call_at,
        previous_call_at=previous_call_at,
        message=message,
        notes=notes_of(q, lead.id),
    )
    row = q.enqueue_notification(
        lead_id=lead.id, event=event, payload=json.dumps(payload, ensure_ascii=False)
    )
    assert row is not None
    return row
