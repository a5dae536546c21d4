"""The graph state and the per-run context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, TypedDict

from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import AIMessage, AnyMessage, BaseMessage
from langchain_core.runnables import Runnable
from langgraph.graph.message import add_messages
from langgraph.managed import RemainingSteps
from psycopg import Connection
from psycopg.rows import DictRow

from homer_agent.db.models import Lead
from homer_agent.db.queries import Querier
from homer_agent.kb.search import SearchOptions
from homer_agent.metrics import FallbackReason, KbReason, Route
from homer_agent.models.fallback import Fallback
from homer_agent.profile import Profile

if TYPE_CHECKING:
    from homer_agent.calendar.caldav_sync import BrokerCalendar


class InputState(TypedDict):
    """What a turn takes: the new human message."""

    messages: Annotated[list[AnyMessage], add_messages]


class State(InputState):
    """What a conversation checkpoints: its messages. Lead facts live in the leads table."""

    remaining_steps: RemainingSteps


@dataclass(slots=True)
class TurnStats:
    """What one turn measured, filled in by the nodes and recorded by the runner."""

    sentiment: float = 0.0
    moods: list[float] = field(default_factory=list)
    route: Route = "agent"
    model_ms: float = 0.0
    model_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    tool_calls: int = 0
    tool_errors: int = 0
    # Set when the provider could not answer and the fallback model took the turn.
    fallback_reason: FallbackReason | None = None
    # Why the turn's question about the development got a passage or the broker line.
    kb_reason: KbReason | None = None


@dataclass(slots=True)
class Context:
    """Everything a run needs besides its state: which lead, and the services to reach."""

    lead_id: int
    # One turn, one connection: the lead lock, the lead writes and the checkpoint share
    # it, so a turn never holds one connection while waiting for another.
    conn: Connection[DictRow]
    model: Runnable[LanguageModelInput, BaseMessage | AIMessage]
    model_name: str
    profile: Profile
    history_window: int = 12
    stats: TurnStats = field(default_factory=TurnStats)
    # The offline model standing in for `model` when its provider fails (HOMER_FALLBACK).
    fallback: Fallback | None = None
    # The brokers' CalDAV calendar (HOMER_CALDAV_URL), and whether this turn already
    # tried it: a calendar that failed once is not waited for twice in one turn.
    calendar: BrokerCalendar | None = None
    calendar_tried: bool = False
    # The lead row as of the latest read or write in this turn: the sentiment node reads
    # it at the start of the turn and each tool replaces it with the row its UPDATE returned.
    lead: Lead | None = None
    # How search_development searches the development's documents.
    kb: SearchOptions = field(default_factory=SearchOptions)

    @property
    def queries(self) -> Querier:
        return Querier(self.conn)
