"""Score the newest human message, read the lead afresh, bound the state."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AnyMessage, HumanMessage
from langgraph.runtime import Runtime

from homer_agent import metrics
from homer_agent.history import archive_overflow
from homer_agent.leads import get_lead, recent_moods
from homer_agent.sentiment import analyze
from homer_agent.state import Context, State


def newest_human_text(messages: list[AnyMessage]) -> str:
    """The text of the newest human message ('' when there is none)."""
    for message in reversed(messages):
        if isinstance(message, HumanMessage):
            return message.text
    return ""


def sentiment(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    score = analyze(newest_human_text(state["messages"]))
    metrics.observe_sentiment(score.compound)
    q = ctx.queries
    moods = recent_moods(q, ctx.lead_id, score.compound)
    # Re-read every turn: an edit made directly in the database shows up at once.
    ctx.lead = get_lead(q, ctx.lead_id)
    ctx.stats.sentiment = score.compound
    ctx.stats.moods = moods
    return {"messages": archive_overflow(q, ctx.lead_id, state["messages"], ctx.history_window)}
