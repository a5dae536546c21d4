"""A hand-off that holds: whether a person has the conversation, and what Homer does then.

After a hand-off (`nodes.handoff`) the conversation is taken over until a broker releases
it (`homer-agent lead release`, `POST /v1/leads/{key}/release`):

- asked for a person, or hostile: Homer asks nothing; each further message is stored (it
  stays in the conversation), forwarded to the brokers once per burst, and answered at
  most once with `HOLD_REPLY`;
- opted out: Homer says nothing until the lead writes again, then asks once whether they
  want to continue (`ASK_CONTINUE`); a plain yes resumes the conversation, anything else
  gets silence.

Pure functions of the lead row: the node that acts on them is `nodes.held`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from homer_agent.db.models import Lead
from homer_agent.ptbr.replies import ASK_CONTINUE, HOLD_REPLY

__all__ = [
    "ASK_CONTINUE",
    "BURST_GAP",
    "HOLD_REPLY",
    "Handoff",
    "HeldStep",
    "active_handoff",
    "handoff_json",
    "held_step",
]

BURST_GAP: Final = timedelta(minutes=10)
"""Messages closer together than this are one burst: the brokers are told once."""


@dataclass(frozen=True, slots=True)
class Handoff:
    """An active hand-off: why, and since when."""

    reason: str
    since: datetime


def _after(stamp: datetime | None, since: datetime) -> bool:
    return stamp is not None and stamp >= since


def active_handoff(lead: Lead) -> Handoff | None:
    """The lead's hand-off while no broker has released it; None otherwise."""
    if lead.handoff_at is None or lead.handoff_reason is None:
        return None
    if _after(lead.handoff_released_at, lead.handoff_at):
        return None
    return Handoff(reason=lead.handoff_reason, since=lead.handoff_at)


def handoff_json(lead: Lead) -> dict[str, Any] | None:
    """`handoff` in the lead's JSON: null, or `{"reason", "since"}` (ISO 8601)."""
    held = active_handoff(lead)
    if held is None:
        return None
    return {"reason": held.reason, "since": held.since.isoformat()}


@dataclass(frozen=True, slots=True)
class HeldStep:
    """What to do with a message while the conversation is held."""

    reply: str | None
    forward: bool
    resume: bool = False


def held_step(lead: Lead, *, now: datetime, yes: bool) -> HeldStep:
    """Decide for one message of a held conversation; `yes`: the message plainly says
    "yes, continue" (only read after an opt-out)."""
    held = active_handoff(lead)
    assert held is not None
    asked = _after(lead.handoff_replied_at, held.since)
    if held.reason == "opt_out":
        if not asked:
            return HeldStep(reply=ASK_CONTINUE, forward=False)
        return HeldStep(reply=None, forward=False, resume=yes)
    last = lead.handoff_message_at
    new_burst = not _after(last, held.since) or (last is not None and now - last >= BURST_GAP)
    return HeldStep(reply=None if asked else HOLD_REPLY, forward=new_burst)
