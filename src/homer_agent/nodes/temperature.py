"""Compute the lead's temperature once per turn, from the row every tool has written.

Not a graph node: the turn's runner calls `settle` once the graph has run (a step of its
own in the graph cost a LangGraph superstep per turn, for a computation that needs no
model and no state update but the turn record).
"""

from __future__ import annotations

from homer_agent import notify
from homer_agent.leads import new_temperature
from homer_agent.state import Context, TurnRecord, current_lead


def settle(ctx: Context, turn: TurnRecord) -> TurnRecord:
    """The last step of every turn, after the graph: parallel tool calls cannot change the
    result, since none of them computes it; this step sees every tool's write, after all
    have finished. `turn`: what the graph's nodes reported.

    It writes only when the temperature changed; the row that write returns, or else the
    latest row a tool wrote, is the turn's final lead (not read again).
    """
    lead = current_lead(ctx, {"turn": turn})
    moods = [turn.sentiment or 0.0, *ctx.moods]
    new = new_temperature(lead, moods)
    if new == lead.temperature:
        return TurnRecord()
    q = ctx.queries
    if new != "hot":
        # One statement: no transaction (BEGIN and COMMIT would cost a round trip each).
        row = q.set_lead_temperature(id=ctx.lead_id, temperature=new)
        return TurnRecord(lead=row)
    # The new temperature and the brokers' notification of a hot lead commit together.
    with ctx.conn.transaction():
        row = q.set_lead_temperature(id=ctx.lead_id, temperature=new)
        if row is not None:
            notify.record(q, row, "lead_hot")
    return TurnRecord(lead=row)
