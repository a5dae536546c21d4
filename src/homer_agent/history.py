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
    ToolMessage,
    message_to_dict,
    messages_from_dict,
)
from langgraph.checkpoint.postgres import PostgresSaver

from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.leads import thread_id

# The checkpoint may hold up to this many windows before older messages are archived;
# archiving then leaves one window. Batching keeps the archive writes to one round trip
# every few turns.
ARCHIVE_AFTER = 3


def recent(messages: Sequence[BaseMessage], size: int) -> list[BaseMessage]:
    """The newest `size` messages, starting at a human message so tool calls stay paired.

    What `trim_messages(messages, max_tokens=size, token_counter=len, strategy="last",
    start_on="human")` returns, without its per-call cost (it inspects the counter's
    signature each time: about 0.6 ms, twice a turn).
    """
    window = list(messages[-size:]) if size > 0 else []
    for start, message in enumerate(window):
        if message.type == "human":
            return window[start:]
    return []


def latest_tool_result(messages: Sequence[BaseMessage], tool: str) -> str | None:
    """The text of the newest result of `tool` among `messages`, or None: what the model
    can be told of it once the history window no longer holds it."""
    for message in reversed(messages):
        if isinstance(message, ToolMessage) and message.name == tool:
            return str(message.text)
    return None


def archive_overflow(
    q: Querier, lead_id: int, messages: Sequence[AnyMessage], window: int
) -> list[RemoveMessage]:
    """Archive what falls out of the window once the state holds too much; return removals."""
    if len(messages) <= ARCHIVE_AFTER * window:
        return []
    kept = {m.id for m in recent(messages, window)}
    old = [m for m in messages if m.id not in kept]
    # One row per batch: a large value is compressed (TOAST), one round trip.
    q.archive_messages(
        lead_id=lead_id,
        first_message_id=str(old[0].id),
        messages=json.dumps([_jsonb_safe(_lean(m)) for m in old], ensure_ascii=False),
    )
    return [RemoveMessage(id=str(m.id)) for m in old]


def _lean(message: BaseMessage) -> dict[str, Any]:
    """`message_to_dict` without its empty fields: they come back as defaults."""
    stored = message_to_dict(message)
    data = {
        k: v for k, v in stored["data"].items() if v not in (None, {}, [], "") or k == "content"
    }
    return {"type": stored["type"], "data": data}


def _jsonb_safe(value: Any) -> Any:
    """`value` with NUL characters replaced by U+FFFD: jsonb refuses \\u0000, and one NUL
    a lead typed would otherwise fail every later turn once archiving starts."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_jsonb_safe(k): _jsonb_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonb_safe(item) for item in value]
    return value


def conversation(pool: Pool, lead: Lead) -> list[Any]:
    """The whole history: the archive, then the checkpoint's window (each message once)."""
    saver = PostgresSaver(pool)
    found = saver.get_tuple({"configurable": {"thread_id": thread_id(lead), "checkpoint_ns": ""}})
    checkpointed: list[Any] = (
        found.checkpoint["channel_values"].get("messages", []) if found is not None else []
    )
    with pool.connection() as conn:
        batches = Querier(conn).list_archived_messages(lead_id=lead.id)
    # A batch archived again after a crash may repeat messages: each counts once.
    seen: set[str] = set()
    whole: list[Any] = []
    for message in [
        *messages_from_dict([m for batch in batches for m in batch]),
        *checkpointed,
    ]:
        if message.id not in seen:
            seen.add(message.id)
            whole.append(message)
    return whole
