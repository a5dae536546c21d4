"""The conditional step: hand-offs go to a person, everything else to the agent."""

from __future__ import annotations

from typing import Literal

from homer_agent.nodes.names import AGENT, HANDOFF
from homer_agent.nodes.sentiment import newest_human_text
from homer_agent.ptbr.intents import handoff_reason
from homer_agent.state import State


def route(state: State) -> Literal["agent", "handoff"]:
    """Hostile messages, opt-outs and requests for a human go to `handoff`."""
    if handoff_reason(newest_human_text(state["messages"])) is not None:
        return HANDOFF
    return AGENT
