"""The conditional step: hand-offs go to a person, a held conversation to `held`,
everything else to the agent."""

from __future__ import annotations

from typing import Literal

from langgraph.runtime import Runtime

from homer_agent.nodes.names import AGENT, HANDOFF, HELD
from homer_agent.nodes.sentiment import newest_human_text
from homer_agent.ptbr.intents import handoff_reason
from homer_agent.state import Context, State
from homer_agent.takeover import active_handoff


def route(
    state: State, runtime: Runtime[Context] | None = None
) -> Literal["agent", "handoff", "held"]:
    """Hostile messages, opt-outs and requests for a human go to `handoff`; a conversation
    a person has taken over goes to `held` (an opt-out there is still recorded as one)."""
    reason = handoff_reason(newest_human_text(state["messages"]))
    held = active_handoff(runtime.context.lead) if runtime is not None else None
    if held is not None:
        return HANDOFF if reason == "opt_out" and held.reason != "opt_out" else HELD
    if reason is not None:
        return HANDOFF
    return AGENT
