"""The tools the chat model may call: the lead updates, and the documents' search.

Each tool validates its arguments (pydantic, through its args schema), writes one field
through the generated queries and returns a short confirmation. The lead always comes
from the run's context: arguments the model invents (``lead_id``, ``session_key``) are
dropped by the schema and can never reach another lead.

Plausibility comes from the development profile, and a refused value is never written:

- bedrooms the development does not offer are refused (the agent explains what it has);
- a budget below `Profile.budget_floor_brl` or above `budget_ceiling_brl` is refused
  until the lead has confirmed it: the model reads it back, and a second call with the
  same amount after the lead's next message saves it;
- titles ("Dr.", "Dona") are dropped from names; a title alone is refused.

A refusal is an error `ToolMessage` whose `artifact` says why as data
(`{"refused": "bedrooms_not_offered", ...}`), so a model never has to parse its text.
The tools do not touch the temperature: the turn computes it once, after the graph,
when every tool has written (see nodes/temperature.py).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Annotated, Any, Final, Literal

import psycopg
from langchain_core.messages import BaseMessage, HumanMessage, ToolMessage
from langchain_core.tools import BaseTool, ToolException, tool
from langgraph.prebuilt import ToolRuntime
from langgraph.types import Command
from pydantic import BaseModel, Field, StringConstraints

from homer_agent import notify
from homer_agent.brief import save_note
from homer_agent.calendar.booking import BusyLookup, CalendarUnavailableError, decide
from homer_agent.calendar.caldav_sync import PushReport, push_pending, record_booking
from homer_agent.calendar.hours import Interval
from homer_agent.db.models import Lead
from homer_agent.db.queries import Querier
from homer_agent.ptbr.lexicon import drop_titles
from homer_agent.ptbr.notes import Category, Note
from homer_agent.ptbr.text import format_brl, format_brl_short, join
from homer_agent.state import Context, TurnRecord, current_lead

BEDROOMS_NOT_OFFERED: Final = "bedrooms_not_offered"
BUDGET_UNUSUAL: Final = "budget_unusual"
NAME_IS_TITLE: Final = "name_is_title"
"""Reason codes in a refusal's artifact."""

log = logging.getLogger(__name__)

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
    """Run one generated update for the run's lead."""
    ctx = runtime.context
    lead = write(ctx.queries, ctx.lead_id)
    if lead is None:
        raise ToolException("this lead no longer exists; nothing was saved")
    return lead


def _wrote(
    runtime: ToolRuntime[Context],
    tool_name: str,
    content: str,
    changes: Mapping[str, Any],
    lead: Lead | None = None,
    *,
    status: Literal["success", "error"] = "success",
    calendar_tried: bool = False,
) -> Command[Any]:
    """The tool's result and what it wrote, as a state update: its own fields, and the row
    its write returned (parallel calls finish in any order: the newest row wins)."""
    message = ToolMessage(
        content, tool_call_id=runtime.tool_call_id or "", name=tool_name, status=status
    )
    record = TurnRecord(changes=changes, lead=lead, calendar_tried=calendar_tried)
    return Command(update={"messages": [message], "turn": record})


def _refuse(runtime: ToolRuntime[Context], content: str, **artifact: object) -> ToolMessage:
    """An error result that says why as data too (`artifact["refused"]` is the reason code)."""
    return ToolMessage(
        content,
        tool_call_id=runtime.tool_call_id or "",
        status="error",
        artifact=artifact,
    )


def refusal(message: BaseMessage) -> Mapping[str, Any] | None:
    """The artifact of a tool's refusal (`{"refused": code, ...}`), or None."""
    artifact = message.artifact if isinstance(message, ToolMessage) else None
    if isinstance(artifact, Mapping) and isinstance(artifact.get("refused"), str):
        return artifact
    return None


def _confirmed_budget(runtime: ToolRuntime[Context], amount: int) -> bool:
    """Whether this amount was read back to the lead, who has written since."""
    messages = runtime.state.get("messages", []) if isinstance(runtime.state, dict) else []
    for k, message in enumerate(messages):
        found = refusal(message)
        if found and found["refused"] == BUDGET_UNUSUAL and found.get("value") == amount:
            return any(isinstance(later, HumanMessage) for later in messages[k + 1 :])
    return False


@tool(args_schema=NameArgs)
def update_lead_name(name: str, runtime: ToolRuntime[Context]) -> Command[Any] | ToolMessage:
    """Save the lead's name as soon as they say it (without titles such as "Dr.")."""
    clean = drop_titles(name)
    if not clean:
        return _refuse(
            runtime,
            f"Not saved: {name!r} is a title, not a name. Ask the lead for their name.",
            refused=NAME_IS_TITLE,
            value=name,
        )
    lead = _write(runtime, lambda q, lead_id: q.update_lead_name(id=lead_id, name=clean))
    return _wrote(
        runtime, "update_lead_name", f"Nome salvo: {lead.name}", {"name": lead.name}, lead
    )


@tool(args_schema=BedroomsArgs)
def update_bedrooms(bedrooms: int, runtime: ToolRuntime[Context]) -> Command[Any] | ToolMessage:
    """Save how many bedrooms the lead wants (only counts the development offers)."""
    offered = runtime.context.profile.bedroom_options
    if bedrooms not in offered:
        listed = join([str(n) for n in offered], "ou")
        return _refuse(
            runtime,
            f"Not saved: the development has houses of {listed} bedrooms only. Tell the lead "
            "and ask which of these suits them.",
            refused=BEDROOMS_NOT_OFFERED,
            value=bedrooms,
            offered=list(offered),
        )
    lead = _write(runtime, lambda q, lead_id: q.update_lead_bedrooms(id=lead_id, bedrooms=bedrooms))
    return _wrote(
        runtime,
        "update_bedrooms",
        f"Quartos salvos: {lead.bedrooms}",
        {"bedrooms": lead.bedrooms},
        lead,
    )


@tool(args_schema=NeighborhoodArgs)
def update_neighborhood(neighborhood: str, runtime: ToolRuntime[Context]) -> Command[Any]:
    """Save the neighbourhood the lead prefers."""
    lead = _write(
        runtime,
        lambda q, lead_id: q.update_lead_neighborhood(
            id=lead_id, neighborhood=neighborhood.strip()
        ),
    )
    return _wrote(
        runtime,
        "update_neighborhood",
        f"Bairro salvo: {lead.neighborhood}",
        {"neighborhood": lead.neighborhood},
        lead,
    )


@tool(args_schema=BudgetArgs)
def update_budget(budget_brl: int, runtime: ToolRuntime[Context]) -> Command[Any] | ToolMessage:
    """Save the lead's budget in whole reais; an unusual amount is confirmed with the lead first."""
    profile = runtime.context.profile
    floor, ceiling = profile.budget_floor_brl, profile.budget_ceiling_brl
    if not floor <= budget_brl <= ceiling and not _confirmed_budget(runtime, budget_brl):
        return _refuse(
            runtime,
            f"Not saved yet: {format_brl(budget_brl)} is outside the usual range "
            f"({format_brl_short(floor)} to {format_brl_short(ceiling)}). Read the amount back "
            "to the lead; if they confirm it, call update_budget again with the same value.",
            refused=BUDGET_UNUSUAL,
            value=budget_brl,
            floor=floor,
            ceiling=ceiling,
        )
    lead = _write(
        runtime, lambda q, lead_id: q.update_lead_budget(id=lead_id, budget_brl=budget_brl)
    )
    assert lead.budget_brl is not None
    return _wrote(
        runtime,
        "update_budget",
        f"Orçamento salvo: {format_brl(lead.budget_brl)}",
        {"budget_brl": lead.budget_brl},
        lead,
    )


@tool(args_schema=CallArgs)
def schedule_call(when: str, runtime: ToolRuntime[Context]) -> Command[Any]:
    """Book or move the broker's call; `when` is read in the development's time zone.

    Replies with JSON: `status` is booked, past, outside_hours, busy, need_hour or
    invalid; `alternatives` (ISO 8601) and `alternatives_pt` are free slots to offer;
    `message` is the pt-BR sentence to relay to the lead.
    """
    ctx = runtime.context
    tz = ctx.profile.tz
    now = ctx.now.astimezone(tz)
    q = ctx.queries
    state = runtime.state if isinstance(runtime.state, Mapping) else {}
    current = current_lead(ctx, state)
    busy: BusyLookup | None = None
    failures: list[str] = []
    tried: list[bool] = []
    calendar = ctx.calendar
    if calendar is not None:
        own = q.get_call_event(lead_id=ctx.lead_id)
        own_uid = own.uid if own is not None else None

        def busy(start: dt.datetime, end: dt.datetime) -> list[Interval]:
            tried.append(True)
            try:
                return calendar.busy(start, end, exclude_uid=own_uid)
            except CalendarUnavailableError as exc:
                failures.append(str(exc))
                raise

    outcome = decide(
        when,
        now=now,
        tz=tz,
        hours=ctx.profile.calls,
        booked=current.call_at,
        busy=busy,
    )
    if outcome.status != "booked" or outcome.call_at is None:
        # The JSON itself says why (`status`), for the offline model and an LLM alike.
        return _wrote(
            runtime,
            "schedule_call",
            outcome.to_json(),
            {},
            status="error",
            calendar_tried=bool(tried),
        )
    call_at = outcome.call_at
    # The booking and the brokers' notification of it commit together.
    with ctx.conn.transaction():
        before = q.get_call_event(lead_id=ctx.lead_id)
        lead = _write(
            runtime, lambda q, lead_id: q.update_lead_call_at(id=lead_id, call_at=call_at)
        )
        event = record_booking(q, lead)
        if event is not None:  # None: the same call again, nothing changed
            moved = before is not None and before.state == "booked"
            notify.record(
                q,
                lead,
                "call_moved" if moved else "call_booked",
                call_at=call_at,
                previous_call_at=before.starts_at if moved and before is not None else None,
            )
    if event is not None and failures:  # pending: pushed on a later turn or by calls sync
        q.mark_call_event_failed(id=event.id, last_error=failures[0])
    if outcome.calendar == "synced":
        report = push_lead_calls(ctx)
        tried.append(True)
        if report is None or report.error is not None or report.conflicts:
            outcome = replace(outcome, calendar="pending")
    return _wrote(
        runtime,
        "schedule_call",
        outcome.to_json(),
        {"call_at": lead.call_at},
        lead,
        calendar_tried=bool(tried),
    )


NoteText = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=120, pattern=r"^[^\x00-\x1f\x7f-\x9f]*$"
    ),
]


class NoteArgs(BaseModel):
    category: Category = Field(
        description=(
            "family (children, spouse), pets, preference (suite, pool, yard...), financing "
            "(FGTS, financing, cash), move_in (when they want to move), objection (what they "
            "found expensive or far), question (a topic they asked about)."
        )
    )
    text: NoteText = Field(
        description=(
            "The note in short pt-BR, as the broker should read it: '2 filhos', 'tem "
            "cachorro', 'quer suíte', 'vai usar FGTS', 'quer se mudar até março', 'achou o "
            "condomínio caro', 'perguntou sobre segurança'."
        )
    )


@tool(args_schema=NoteArgs)
def note(category: Category, text: str, runtime: ToolRuntime[Context]) -> str:
    """Keep a short note for the broker about what the lead said of themselves, beyond the
    five facts. Only what the lead stated as true of themselves now: never a negation
    ("não tenho filhos"), someone else's ("minha irmã tem 3 filhos"), a hypothetical or a
    joke; a question ("aceita pet?") is a `question` note ("perguntou sobre pets")."""
    ctx = runtime.context
    messages = runtime.state.get("messages", []) if isinstance(runtime.state, dict) else []
    said = next((m for m in reversed(messages) if isinstance(m, HumanMessage)), None)
    added = save_note(
        ctx.queries, ctx.lead_id, Note(category, text), message_id=said.id if said else None
    )
    return f"Nota salva: {text}" if added else f"Nota já registrada: {text}"


class SearchArgs(BaseModel):
    query: str = Field(
        min_length=1,
        max_length=500,
        description="What the lead asked about the development, in their words.",
    )


@tool(args_schema=SearchArgs)
def search_development(query: str, runtime: ToolRuntime[Context]) -> str:
    """Search the development's documents; answer only from the passages it returns."""
    from homer_agent.kb.embeddings import EmbeddingsError
    from homer_agent.kb.search import lookup

    ctx = runtime.context
    try:
        found = lookup(ctx.conn, query, broker_topics=ctx.profile.broker_confirms, options=ctx.kb)
    except EmbeddingsError as exc:
        raise ToolException(str(exc)) from None
    return found.as_tool_result()


def push_lead_calls(ctx: Context) -> PushReport | None:
    """Push the turn's lead's pending call changes to the brokers' calendar; never raises.

    The runner calls it after every turn (a booking the calendar missed goes out on the
    lead's next turn) unless a tool already tried the calendar in this one.
    """
    if ctx.calendar is None:
        return None
    try:
        return push_pending(ctx.conn, ctx.calendar, ctx.profile, lead_id=ctx.lead_id)
    except psycopg.Error as exc:
        log.warning("could not push the call to the calendar: %s", type(exc).__name__)
        return None


TOOLS: list[BaseTool] = [
    update_lead_name,
    update_bedrooms,
    update_neighborhood,
    update_budget,
    schedule_call,
    search_development,
    note,
]
TOOL_NAMES = tuple(t.name for t in TOOLS)
for _tool in TOOLS:
    # A refused value (a past call time, a vanished lead) goes back to the model as an
    # error ToolMessage; invalid arguments already do, through ToolNode.
    _tool.handle_tool_error = True
