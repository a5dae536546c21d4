"""Compute the lead's temperature once per turn, from the row every tool has written."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from homer_agent import notify
from homer_agent.leads import new_temperature
from homer_agent.state import Context, State, TurnRecord, current_lead


def temperature(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """The last step of every turn: parallel tool calls cannot change the result, since
    none of them computes it; this node sees every tool's write, after all have finished.

    It writes only when the temperature changed; the row that write returns, or else the
    latest row a tool wrote, is the turn's final lead (not read again).
    """
    ctx = runtime.context
    lead = current_lead(ctx, state)
    moods = [state["turn"].sentiment or 0.0, *ctx.moods]
    new = new_temperature(lead, moods)
    if new == lead.temperature:
        return {}
    q = ctx.queries
    if new != "hot":
        # One statement: no transaction (BEGIN and COMMIT would cost a round trip each).
        row = q.set_lead_temperature(id=ctx.lead_id, temperature=new)
        return {"turn": TurnRecord(lead=row)} if row is not None else {}
    # The new temperature and the brokers' notification of a hot lead commit together.
    with ctx.conn.transaction():
        row = q.set_lead_temperature(id=ctx.lead_id, temperature=new)
        if row is not None:
            notify.record(q, row, "lead_hot")
    return {"turn": TurnRecord(lead=row)} if row is not None else {}
