"""Score the newest human message and bound the state."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AnyMessage, HumanMessage
from langgraph.runtime import Runtime

from homer_agent import metrics
from homer_agent.history import archive_overflow
from homer_agent.ptbr.sentiment import analyze
from homer_agent.state import Context, State, TurnRecord


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
    window = ctx.history_window
    return {
        "messages": archive_overflow(ctx.queries, ctx.lead_id, state["messages"], window),
        "turn": TurnRecord(sentiment=score.compound),
    }
