"""A message while a person has the conversation: stored, forwarded, answered at most once."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AIMessage
from langgraph.graph import END
from langgraph.runtime import Runtime

from homer_agent import notify
from homer_agent.nodes.names import AGENT
from homer_agent.nodes.sentiment import newest_human_text
from homer_agent.ptbr.intents import wants_to_continue
from homer_agent.state import Context, State, TurnRecord, current_lead
from homer_agent.takeover import active_handoff, held_step


def held(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """No qualifying question: the message stays in the conversation (the checkpoint), the
    brokers hear of the burst once, and the lead gets at most one line that a person is
    coming. After an opt-out, a plain yes to "continue?" releases it (see `after_held`)."""
    ctx = runtime.context
    q = ctx.queries
    text = newest_human_text(state["messages"])
    lead = current_lead(ctx, state)
    step = held_step(lead, now=ctx.now, yes=wants_to_continue(text))
    with ctx.conn.transaction():
        if step.resume:
            return {"turn": TurnRecord(lead=q.release_handoff(id=lead.id))}
        if step.forward:
            notify.record(q, lead, "lead_message", reason=lead.handoff_reason, message=text)
        if lead.handoff_reason != "opt_out":
            lead = q.mark_handoff_message(id=lead.id) or lead
        if step.reply is not None:
            lead = q.mark_handoff_replied(id=lead.id) or lead
    update: dict[str, Any] = {"turn": TurnRecord(route="handoff", lead=lead)}
    if step.reply is not None:
        update["messages"] = [AIMessage(step.reply, name="homer")]
    return update


def after_held(state: State, runtime: Runtime[Context]) -> str:
    """The agent answers a lead whose conversation `held` just released (an opted-out lead
    who wants to continue); otherwise the turn ends."""
    if active_handoff(current_lead(runtime.context, state)) is None:
        return AGENT
    return END
