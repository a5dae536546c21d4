"""Where a conversation's messages live: a bounded window in the checkpoint, the rest archived.

Every checkpoint stores the conversation's message list again, and every turn loads it,
so a checkpoint holding the whole history makes each turn slower and larger than the
last. Instead the checkpoint keeps a window of recent messages (all the model ever sees:
the lead's facts live in the leads table and in the system prompt); when it grows past
`ARCHIVE_AFTER` windows, the `sentiment` node moves the older messages to
`lead_messages`, in order, before removing them from the state. The whole history is the
archive followed by the checkpoint's messages.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from langchain_core.messages import (
    AnyMessage,
    BaseMessage,
    RemoveMessage,
    message_to_dict,
    messages_from_dict,
    trim_messages,
)
from langgraph.checkpoint.postgres import PostgresSaver

from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier

# The checkpoint may hold up to this many windows before older messages are archived;
# archiving then leaves one window. Batching keeps the archive writes to one round trip
# every few turns.
ARCHIVE_AFTER = 3


def recent(messages: Sequence[BaseMessage], size: int) -> list[BaseMessage]:
    """The newest `size` messages, starting at a human message so tool calls stay paired."""
    return trim_messages(
        messages,
        max_tokens=size,
        token_counter=len,
        strategy="last",
        start_on="human",
        allow_partial=False,
    )


def archive_overflow(
    q: Querier, lead_id: int, messages: Sequence[AnyMessage], window: int
) -> list[RemoveMessage]:
    """Archive what falls out of the window once the state holds too much; return removals."""
    if len(messages) <= ARCHIVE_AFTER * window:
        return []
    kept = {m.id for m in recent(messages, window)}
    old = [m for m in messages if m.id not in kept]
    with q.conn.pipeline():
        for message in old:
            q.archive_message(
                lead_id=lead_id,
                message_id=str(message.id),
                message=json.dumps(message_to_dict(message), ensure_ascii=False),
            )
    return [RemoveMessage(id=str(m.id)) for m in old]


def thread_id(lead: Lead) -> str:
    """The checkpoint thread of a lead: a new lead with the same key starts afresh."""
    return f"lead-{lead.id}"


def lead_id_of(thread: str) -> int | None:
    """The lead of a checkpoint thread named by `thread_id` (None for other threads)."""
    prefix, _, number = thread.partition("-")
    return int(number) if prefix == "lead" and number.isdigit() else None


def conversation(pool: Pool, lead: Lead) -> list[Any]:
    """The whole history: the archive, then the checkpoint's window (each message once)."""
    saver = PostgresSaver(pool)
    found = saver.get_tuple({"configurable": {"thread_id": thread_id(lead), "checkpoint_ns": ""}})
    checkpointed: list[Any] = (
        found.checkpoint["channel_values"].get("messages", []) if found is not None else []
    )
    with pool.connection() as conn:
        rows = Querier(conn).list_archived_messages(lead_id=lead.id)
    archived_ids = {row.message_id for row in rows}
    archived: list[Any] = messages_from_dict([row.message for row in rows])
    return [*archived, *(m for m in checkpointed if m.id not in archived_ids)]
