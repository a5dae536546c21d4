"""Compute the lead's temperature once per turn, from the row every tool has written."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from homer_agent.leads import get_lead, refresh_temperature
from homer_agent.state import Context, State


def temperature(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """The last step of every turn: parallel tool calls cannot change the result, since
    none of them computes it; this node reads the final row after all have finished."""
    ctx = runtime.context
    q = ctx.queries
    ctx.lead = refresh_temperature(q, ctx.lead or get_lead(q, ctx.lead_id), ctx.stats.moods)
    return {}
