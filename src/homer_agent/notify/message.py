"""The JSON a broker's webhook receives: a pt-BR `text` that Slack, Google Chat,
Mattermost and Teams incoming webhooks show as it is, plus the event as data."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from homer_agent.db.models import BrokerNotification
from homer_agent.ptbr.text import format_brl
from homer_agent.ptbr.times import format_call_time

__all__ = ["SCHEMA_VERSION", "body_of", "text_of"]

SCHEMA_VERSION: Final = 1

_TEMPERATURES: Final = {"cold": "fria", "warm": "morna", "hot": "quente"}
_HANDOFF_REASONS: Final = {
    "human": "pediu para falar com um corretor",
    "hostile": "está insatisfeito(a) com a conversa e precisa de um responsável",
    "opt_out": "pediu para não receber mais mensagens",
}
_CANCEL_REASONS: Final = {
    "human": "vai falar com um corretor",
    "hostile": "precisa de um responsável",
    "opt_out": "pediu para não receber mais mensagens",
}


def _when(value: str | None, tz: ZoneInfo, now: datetime) -> str:
    if value is None:
        return "-"
    return format_call_time(datetime.fromisoformat(value).astimezone(tz), tz=tz, now=now)


def _local(value: str | None, tz: ZoneInfo) -> str | None:
    """An ISO 8601 instant in the development's time zone, with its offset."""
    return datetime.fromisoformat(value).astimezone(tz).isoformat() if value else None


def _who(lead: dict[str, Any], include_contact: bool) -> str:
    name = lead.get("name")
    if include_contact:
        contact = str(lead.get("session_key"))
        return f"{name} ({contact})" if name else contact
    return str(name) if name else f"Lead nº {lead.get('id')}"


def _card(lead: dict[str, Any], include_contact: bool) -> str:
    budget = lead.get("budget_brl")
    parts = [
        f"Quartos: {lead.get('bedrooms') if lead.get('bedrooms') is not None else '-'}",
        f"Bairro: {lead.get('neighborhood') or '-'}",
        f"Orçamento: {format_brl(budget) if budget is not None else '-'}",
        f"Temperatura: {_TEMPERATURES.get(str(lead.get('temperature')), '-')}",
    ]
    if include_contact:
        parts.append(f"Contato: {lead.get('session_key')}")
    return " · ".join(parts)


def text_of(row: BrokerNotification, *, tz: ZoneInfo, now: datetime, include_contact: bool) -> str:
    """The pt-BR message: what happened on the first line, the lead's card on the second."""
    data: dict[str, Any] = row.payload
    lead: dict[str, Any] = data["lead"]
    who = _who(lead, include_contact)
    reason = data.get("reason")
    call_at = _when(data.get("call_at"), tz, now)
    if row.event == "handoff":
        first = f"{who} {_HANDOFF_REASONS.get(str(reason), 'precisa de um corretor')}."
    elif row.event == "call_booked":
        first = f"Ligação agendada com {who} para {call_at}."
    elif row.event == "call_moved":
        before = _when(data.get("previous_call_at"), tz, now)
        first = f"Ligação com {who} remarcada para {call_at} (era {before})."
    elif row.event == "call_cancelled":
        why = _CANCEL_REASONS.get(str(reason))
        first = f"Ligação com {who} de {call_at} cancelada" + (f": {why}." if why else ".")
    elif row.event == "lead_hot":
        first = f"{who} está quente: pronto(a) para falar com um corretor."
    else:  # lead_message
        first = f"{who} escreveu enquanto espera um corretor: “{data.get('message') or ''}”"
    lines = [first, _card(lead, include_contact)]
    notes = [str(note.get("text")) for note in lead.get("notes") or ()]
    if notes:
        lines.append(f"Notas: {' · '.join(notes)}")
    return "\n".join(lines)


def body_of(
    row: BrokerNotification, *, tz: ZoneInfo, now: datetime, include_contact: bool
) -> dict[str, Any]:
    """The webhook's JSON: `text` to show, and the event as structured fields."""
    data: dict[str, Any] = row.payload
    lead = dict(data["lead"])
    if not include_contact:
        lead.pop("session_key", None)
    lead["call_at"] = _local(lead.get("call_at"), tz)
    return {
        "text": text_of(row, tz=tz, now=now, include_contact=include_contact),
        "event": row.event,
        "event_id": str(row.event_id),
        "occurred_at": row.created_at.isoformat(),
        "lead": lead,
        "reason": data.get("reason"),
        "call_at": _local(data.get("call_at"), tz),
        "previous_call_at": _local(data.get("previous_call_at"), tz),
        "message": data.get("message"),
        "schema_version": SCHEMA_VERSION,
    }
