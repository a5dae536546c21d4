"""The bodies of `homer-agent notify sync` and `homer-agent leads --handoff`."""

from __future__ import annotations

import json
from datetime import tzinfo
from typing import Any

from homer_agent.brief import notes_of
from homer_agent.config import Settings
from homer_agent.console import local_time, notice
from homer_agent.db import connect
from homer_agent.db.models import Lead
from homer_agent.db.queries import Querier
from homer_agent.inputs import UserError, printable
from homer_agent.leads import lead_json, querier
from homer_agent.notify.webhook import BrokerWebhook, deliver
from homer_agent.profile import load_profile

__all__ = ["awaiting_json", "awaiting_table", "run_awaiting", "run_sync"]


def run_sync(settings: Settings) -> int:
    """`homer-agent notify sync`: send every unsent notification (retries included);
    the exit code says whether all were accepted."""
    webhook = BrokerWebhook.from_settings(settings)
    if webhook is None:
        raise UserError(
            "HOMER_BROKER_WEBHOOK_URL is not set: there is no webhook to send notifications to"
        )
    profile = load_profile(settings.homer_profile)
    with connect(settings) as database:
        report = deliver(database.pool, webhook, profile.tz, due_only=False)
    if report.error is not None:
        notice(
            f"homer-agent: error: sent {report.sent}, {report.pending + report.failed} still "
            f"unsent: {report.error}"
        )
        return 1
    unsent = report.pending + report.failed
    if unsent:  # held by another sender right now, or written meanwhile
        notice(f"Sent {report.sent} notification(s) to the brokers' webhook; {unsent} in flight.")
    else:
        notice(f"Sent {report.sent} notification(s) to the brokers' webhook; nothing unsent.")
    return 0


def awaiting_json(q: Querier, leads: list[Lead], tz: tzinfo) -> list[dict[str, Any]]:
    """The leads as `lead show --json` prints them (`notes` included)."""
    return [lead_json(lead, tz, notes_of(q, lead.id)) for lead in leads]


def awaiting_table(leads: list[Lead], tz: tzinfo) -> str:
    lines = [f"{'WAITING SINCE':<22} {'REASON':<8} {'SESSION':<24} NAME"]
    for lead in leads:
        lines.append(
            f"{local_time(lead.handoff_at, tz):<22} {lead.handoff_reason or '-':<8} "
            f"{printable(lead.session_key)[:24]:<24} {printable(lead.name) if lead.name else '-'}"
        )
    return "\n".join(lines)


def run_awaiting(settings: Settings, *, as_json: bool) -> None:
    """`homer-agent leads --handoff`: the leads waiting for a person."""
    tz = load_profile(settings.homer_profile).tz
    with connect(settings) as database, querier(database.pool) as q:
        rows = q.list_leads_awaiting_broker()
        shown = awaiting_json(q, rows, tz) if as_json else []
    if as_json:
        print(json.dumps(shown, ensure_ascii=False))
    elif not rows:
        notice("No lead is waiting for a person.")
    else:
        print(awaiting_table(rows, tz))
