"""LGPD: export everything about a lead, forget a lead, prune idle conversations."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.messages import messages_to_dict
from langgraph.checkpoint.postgres import PostgresSaver

from homer_agent.brief import notes_of
from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.history import conversation
from homer_agent.input_history import input_history_path, remove_legacy_input_history
from homer_agent.leads import lead_id_of, thread_id
from homer_agent.profile import Profile

if TYPE_CHECKING:
    from homer_agent.calendar.caldav_sync import BrokerCalendar, PushReport


def export_lead(pool: Pool, lead: Lead) -> dict[str, Any]:
    """The row, the conversation, the per-turn records, the API/WhatsApp message
    receipts (the replies given per message id) and the broker's notes of a lead,
    JSON-ready."""
    with pool.connection() as conn:
        turns = Querier(conn).list_turns(lead_id=lead.id)
        receipts = Querier(conn).list_message_receipts(lead_id=lead.id)
        notes = notes_of(Querier(conn), lead.id)
    return {
        "lead": lead.model_dump(mode="json"),
        "messages": [
            {"type": m["type"], **{k: v for k, v in m["data"].items() if v not in (None, {}, [])}}
            for m in messages_to_dict(conversation(pool, lead))
        ],
        "turns": [t.model_dump(mode="json") for t in turns],
        "receipts": [r.model_dump(mode="json", exclude={"lead_id"}) for r in receipts],
        "notes": [n.model_dump(mode="json", exclude={"lead_id"}) for n in notes],
    }


def forget_lead(
    pool: Pool,
    lead: Lead,
    *,
    data_dir: Path | None = None,
    calendar: BrokerCalendar | None = None,
    profile: Profile | None = None,
) -> PushReport | None:
    """Delete the lead, its checkpoints, its turns and its notes (by cascade) in one transaction;
    then its input history in `data_dir`, if any.

    Its call, if any, is deleted from the brokers' calendar: at once when `calendar` is
    given and answers (the report says), otherwise by the next `homer-agent calls sync`;
    meanwhile Postgres keeps only the event's random UID.
    """
    with pool.connection() as conn, conn.transaction():
        # The lead's turn lock (see session.lock_lead): a turn in progress ends first, or
        # its checkpoint, written as it ends, would outlive the forget. A turn that starts
        # after this finds the row gone and writes nothing (Session.turn).
        q = Querier(conn)
        q.lock_lead_for_transaction(lead_id=lead.id)
        PostgresSaver(conn).delete_thread(thread_id(lead))
        event = q.forget_call_event(lead_id=lead.id)
        if event is not None and event.pushed_version == 0:
            # Never reached the calendar: there is nothing there to delete.
            q.delete_pushed_call_event(id=event.id)
            event = None
        q.delete_lead(id=lead.id)
    if data_dir is not None:
        input_history_path(data_dir, lead).unlink(missing_ok=True)
        remove_legacy_input_history(data_dir)
    if event is None or calendar is None or profile is None:
        return None
    from homer_agent.calendar.caldav_sync import push_pending

    with pool.connection() as conn:
        return push_pending(conn, calendar, profile, event_id=event.id)


def prune_idle_conversations(pool: Pool, idle: timedelta) -> tuple[int, int]:
    """Delete the conversations idle longer than `idle`: checkpoints, archived messages
    and the API/WhatsApp message receipts (which keep the replies given).

    Returns how many were deleted and how many were skipped because a turn was running in
    them (it holds the lead's lock; the next prune takes them if they stay idle).
    """
    with pool.connection() as conn:
        idle_threads = Querier(conn).list_idle_threads(idle=idle)
    threads: list[str] = []
    if idle_threads:
        with pool.connection() as conn, conn.transaction():
            q = Querier(conn)
            for thread in idle_threads:
                lead_id = lead_id_of(thread)
                if lead_id is None or q.try_lock_lead(lead_id=lead_id):
                    threads.append(thread)
            if threads:
                PostgresSaver(conn).prune(threads, strategy="delete")
            for thread in threads:
                lead_id = lead_id_of(thread)
                if lead_id is not None:
                    q.delete_archived_messages(lead_id=lead_id)
                    q.delete_message_receipts(lead_id=lead_id)
    return len(threads), len(idle_threads) - len(threads)
