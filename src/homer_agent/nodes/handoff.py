"""Answer a hand-off with a fixed, polite message, record it on the lead, cancel its call."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AIMessage
from langgraph.runtime import Runtime

from homer_agent import metrics, notify
from homer_agent.nodes.sentiment import newest_human_text
from homer_agent.ptbr.intents import HandoffReason, handoff_reason
from homer_agent.ptbr.replies import HANDOFF_HOSTILE, HANDOFF_HUMAN, HANDOFF_OPT_OUT
from homer_agent.state import Context, State, TurnRecord

REPLIES: dict[HandoffReason, str] = {
    "human": HANDOFF_HUMAN,
    "opt_out": HANDOFF_OPT_OUT,
    "hostile": HANDOFF_HOSTILE,
}


def handoff(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    ctx = runtime.context
    reason = handoff_reason(newest_human_text(state["messages"])) or "human"
    q = ctx.queries
    # The hand-off and the brokers' notifications of it commit together.
    with ctx.conn.transaction():
        row = q.record_handoff(id=ctx.lead_id, handoff_reason=reason)
        # A booked call is cancelled (STATUS:CANCELLED in the brokers' calendar, pushed as
        # the turn ends): a person takes over, or the lead asked not to be contacted.
        cancelled = q.cancel_call_event(lead_id=ctx.lead_id)
        if row is not None:
            notify.record(q, row, "handoff", reason=reason)
            if cancelled is not None:
                notify.record(q, row, "call_cancelled", reason=reason, call_at=cancelled.starts_at)
    metrics.record_handoff(reason)
    return {
        "messages": [AIMessage(REPLIES[reason], name="homer")],
        "turn": TurnRecord(route="handoff", lead=row),
    }
