"""The lead-update tools the chat model may call.

Each tool validates its arguments (pydantic, through its args schema), writes one field
through the generated queries and returns a short confirmation. The lead always comes
from the run's context: arguments the model invents (``lead_id``, ``session_key``) are
dropped by the schema and can never reach another lead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated

from langchain_core.tools import BaseTool, ToolException, tool
from langgraph.prebuilt import ToolRuntime
from pydantic import BaseModel, Field, StringConstraints

from homer_agent.calendar.booking import decide
from homer_agent.db.models import Lead
from homer_agent.db.queries import Querier
from homer_agent.leads import refresh_temperature
from homer_agent.ptbr.text import format_brl
from homer_agent.state import Context

# No control characters: Postgres cannot store NUL (the write would fail the whole turn),
# and escape sequences in a name would reach the terminal of whoever lists the leads.
Text120 = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=120, pattern=r"^[^\x00-\x1f\x7f-\x9f]*$"
    ),
]


class NameArgs(BaseModel):
    name: Text120 = Field(description="The lead's name as they gave it.")


class BedroomsArgs(BaseModel):
    bedrooms: int = Field(ge=1, le=10, description="Bedrooms wanted, 1 to 10.")


class NeighborhoodArgs(BaseModel):
    neighborhood: Text120 = Field(description="Neighbourhood the lead prefers.")


class BudgetArgs(BaseModel):
    budget_brl: int = Field(gt=0, lt=10**10, description="Budget in whole reais (BRL).")


class CallArgs(BaseModel):
    when: str = Field(
        min_length=1,
        max_length=200,
        description=(
            "When the broker should call: ISO 8601, or the lead's pt-BR words such as "
            "'amanhã às 15h', 'segunda-feira às 14:30', '15/03/2027 às 14h', 'às 9h30' "
            "(keeps the booked day). For a slot you offered, pass its ISO 8601 value."
        ),
    )


def _write(runtime: ToolRuntime[Context], write: Callable[[Querier, int], Lead | None]) -> Lead:
    """Run one generated update for the run's lead, then keep its temperature current."""
    ctx = runtime.context
    q = ctx.queries
    lead = write(q, ctx.lead_id)
    if lead is None:
        raise ToolException("this lead no longer exists; nothing was saved")
    ctx.lead = refresh_temperature(q, lead, ctx.stats.moods)
    return ctx.lead


@tool(args_schema=NameArgs)
def update_lead_name(name: str, runtime: ToolRuntime[Context]) -> str:
    """Save the lead's name as soon as they say it."""
    lead = _write(runtime, lambda q, lead_id: q.update_lead_name(id=lead_id, name=name.strip()))
    return f"Nome salvo: {lead.name}"


@tool(args_schema=BedroomsArgs)
def update_bedrooms(bedrooms: int, runtime: ToolRuntime[Context]) -> str:
    """Save how many bedrooms the lead wants (1 to 10)."""
    lead = _write(runtime, lambda q, lead_id: q.update_lead_bedrooms(id=lead_id, bedrooms=bedrooms))
    return f"Quartos salvos: {lead.bedrooms}"


@tool(args_schema=NeighborhoodArgs)
def update_neighborhood(neighborhood: str, runtime: ToolRuntime[Context]) -> str:
    """Save the neighbourhood the lead prefers."""
    lead = _write(
        runtime,
        lambda q, lead_id: q.update_lead_neighborhood(
            id=lead_id, neighborhood=neighborhood.strip()
        ),
    )
    return f"Bairro salvo: {lead.neighborhood}"


@tool(args_schema=BudgetArgs)
def update_budget(budget_brl: int, runtime: ToolRuntime[Context]) -> str:
    """Save the lead's budget in whole reais."""
    lead = _write(
        runtime, lambda q, lead_id: q.update_lead_budget(id=lead_id, budget_brl=budget_brl)
    )
    assert lead.budget_brl is not None
    return f"Orçamento salvo: {format_brl(lead.budget_brl)}"


@tool(args_schema=CallArgs)
def schedule_call(when: str, runtime: ToolRuntime[Context]) -> str:
    """Book or move the broker's call; `when` is read in the development's time zone.

    Replies with JSON: `status` is booked, past, outside_hours, busy, need_hour or
    invalid; `alternatives` (ISO 8601) and `alternatives_pt` are free slots to offer;
    `message` is the pt-BR sentence to relay to the lead.
    """
    ctx = runtime.context
    tz = ctx.profile.tz
    now = dt.datetime.now(tz)
    current = ctx.lead or ctx.queries.get_lead(id=ctx.lead_id)
    outcome = decide(
        when,
        now=now,
        tz=tz,
        hours=ctx.profile.calls,
        booked=current.call_at if current is not None else None,
    )
    if outcome.status != "booked" or outcome.call_at is None:
        raise ToolException(outcome.to_json())
    call_at = outcome.call_at
    _write(runtime, lambda q, lead_id: q.update_lead_call_at(id=lead_id, call_at=call_at))
    return outcome.to_json()


TOOLS: list[BaseTool] = [
    update_lead_name,
    update_bedrooms,
    update_neighborhood,
    update_budget,
    schedule_call,
]
TOOL_NAMES = tuple(t.name for t in TOOLS)
for _tool in TOOLS:
    # A refused value (a past call time, a vanished lead) goes back to the model as an
    # error ToolMessage; invalid arguments already do, through ToolNode.
    _tool.handle_tool_error = True
