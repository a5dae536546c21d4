"""LGPD: export everything about a lead, forget a lead, prune idle conversations."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from langchain_core.messages import messages_to_dict
from langgraph.checkpoint.postgres import PostgresSaver

from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.history import conversation
from homer_agent.leads import lead_id_of, thread_id


def export_lead(pool: Pool, lead: Lead) -> dict[str, Any]:
    """The row, the conversation and the per-turn records of a lead, JSON-ready."""
    with pool.connection() as conn:
        turns = Querier(conn).list_turns(lead_id=lead.id)
    return {
        "lead": lead.model_dump(mode="json"),
        "messages": [
            {"type": m["type"], **{k: v for k, v in m["data"].items() if v not in (None, {}, [])}}
            for m in messages_to_dict(conversation(pool, lead))
        ],
        "turns": [t.model_dump(mode="json") for t in turns],
    }


def forget_lead(pool: Pool, lead: Lead) -> None:
    """Delete the lead, its checkpoints and its turns (by cascade) in one transaction."""
    with pool.connection() as conn, conn.transaction():
        # The lead's turn lock (see session.lead_lock): a turn in progress ends first, or
        # its checkpoint, written as it ends, would outlive the forget.
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (lead.id,))
        PostgresSaver(conn).delete_thread(thread_id(lead))
        Querier(conn).delete_lead(id=lead.id)


def prune_idle_conversations(pool: Pool, idle: timedelta) -> int:
    """Delete the conversations (checkpoints and archived messages) idle longer than `idle`."""
    with pool.connection() as conn:
        rows = conn.execute(
            """
            SELECT thread_id FROM checkpoints
            GROUP BY thread_id
            HAVING max((checkpoint ->> 'ts')::timestamptz) < now() - %s
            """,
            (idle,),
        ).fetchall()
    threads = [row["thread_id"] for row in rows]
    if threads:
        with pool.connection() as conn, conn.transaction():
            PostgresSaver(conn).prune(threads, strategy="delete")
            q = Querier(conn)
            for thread in threads:
                lead_id = lead_id_of(thread)
                if lead_id is not None:
                    q.delete_archived_messages(lead_id=lead_id)
    return len(threads)
