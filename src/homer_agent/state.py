"""The graph state, the record of what a turn did, and the read-only run context."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TypedDict

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import AIMessage, AnyMessage, BaseMessage
from langchain_core.runnables import Runnable
from langgraph.channels import UntrackedValue
from langgraph.graph.message import add_messages
from langgraph.managed import RemainingSteps
from psycopg import Connection
from psycopg.rows import DictRow

from homer_agent.db.models import Lead
from homer_agent.db.queries import Querier
from homer_agent.kb.search import SearchOptions
from homer_agent.metrics import FallbackReason, KbReason, Route
from homer_agent.profile import Profile

if TYPE_CHECKING:
    from homer_agent.calendar.caldav_sync import BrokerCalendar

ChatRunnable = Runnable[LanguageModelInput, BaseMessage | AIMessage]


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """What one turn did. Each node returns its part as `{"turn": TurnRecord(...)}`; the
    parts merge (`merge`) and the runner records the sum; nothing of it is checkpointed."""

    route: Route = "agent"
    # The newest human message's compound score (None until the sentiment node ran).
    sentiment: float | None = None
    model_calls: int = 0
    model_ms: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    tool_calls: int = 0
    tool_errors: int = 0
    # Set when the provider could not answer and the fallback model took the turn.
    fallback_reason: FallbackReason | None = None
    # Why the turn's question about the development got a passage or the broker line.
    kb_reason: KbReason | None = None
    # Whether a tool reached the brokers' calendar: one that failed is not waited for twice.
    calendar_tried: bool = False
    # The lead fields the tools wrote in this turn (field -> value as stored).
    changes: Mapping[str, Any] = field(default_factory=dict)
    # The latest lead row a write of this turn returned, if it wrote.
    lead: Lead | None = None

    def merge(self, other: TurnRecord) -> TurnRecord:
        """Both parts: counts add up, the first fallback reason stays, the newer row wins."""
        return TurnRecord(
            route=other.route if other.route != "agent" else self.route,
            sentiment=other.sentiment if other.sentiment is not None else self.sentiment,
            model_calls=self.model_calls + other.model_calls,
            model_ms=self.model_ms + other.model_ms,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            tool_calls=self.tool_calls + other.tool_calls,
            tool_errors=self.tool_errors + other.tool_errors,
            fallback_reason=self.fallback_reason or other.fallback_reason,
            kb_reason=other.kb_reason or self.kb_reason,
            calendar_tried=self.calendar_tried or other.calendar_tried,
            changes={**self.changes, **other.changes} if other.changes else self.changes,
            lead=_newer(self.lead, other.lead),
        )


def _newer(left: Lead | None, right: Lead | None) -> Lead | None:
    """The later of two rows of the lead. The turn's statements run one after another on
    its connection and each stamps `updated_at` (the statement's start, or the same for
    all in one transaction): the latest stamp has every earlier write; on a tie, the
    fields the tools reported (`changes`) complete it."""
    if left is None or right is None:
        return right or left
    return left if left.updated_at > right.updated_at else right


class _TurnChannel(UntrackedValue[TurnRecord]):
    """Merges the nodes' `TurnRecord`s within a turn; each turn starts from an empty one.
    An UntrackedValue, so LangGraph neither checkpoints it nor stores its writes."""

    def __init__(self, typ: type[TurnRecord] = TurnRecord, guard: bool = False) -> None:
        super().__init__(typ, guard)
        self.value = TurnRecord()

    def update(self, values: Sequence[TurnRecord]) -> bool:
        if not values:
            return False
        record = self.value if isinstance(self.value, TurnRecord) else TurnRecord()
        for value in values:
            record = record.merge(value)
        self.value = record
        return True


class InputState(TypedDict):
    """What a turn takes: the new human message."""

    messages: Annotated[list[AnyMessage], add_messages]


class State(InputState):
    """What a conversation checkpoints: its messages. Lead facts live in the leads table;
    `turn` is what this turn did so far, never checkpointed."""

    remaining_steps: RemainingSteps
    turn: Annotated[TurnRecord, _TurnChannel()]


class StandIn(Protocol):
    """A model answering in the provider's place when it fails (models.fallback.Fallback)."""

    @property
    def name(self) -> str:
        """The stand-in model's name, recorded as the model that answered."""
        ...

    def invoke(
        self, primary: ChatRunnable, prompt: LanguageModelInput, fell_back: FallbackReason | None
    ) -> tuple[Any, FallbackReason | None]:
        """`primary`'s answer or the stand-in's, and why it stood in (None: it did not)."""
        ...


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a run needs besides its state, read-only: the lead as read once at the
    start of the turn (under its lock), and the services to reach."""

    lead: Lead
    # The compounds of the lead's latest recorded turns, newest first (the mood's history).
    moods: Sequence[float]
    # The texts of the broker's notes taken before this turn (the system prompt lists them).
    notes: Sequence[str]
    # One turn, one connection: the lead lock, the lead writes and the checkpoint share
    # it, so a turn never holds one connection while waiting for another.
    conn: Connection[DictRow]
    model: ChatRunnable
    model_name: str
    profile: Profile
    # The turn's instant, read once when it starts (`Agent.clock`): the prompt's clock, the
    # booking's "already passed", the hand-off's wait all read it.
    now: datetime
    history_window: int = 12
    # The offline model standing in for `model` when its provider fails (HOMER_FALLBACK).
    fallback: StandIn | None = None
    # The brokers' CalDAV calendar (HOMER_CALDAV_URL).
    calendar: BrokerCalendar | None = None
    # How search_development searches the development's documents.
    kb: SearchOptions = field(default_factory=SearchOptions)
    # The turn's chat-model callbacks (its model-call metrics, the token relay): given to
    # the model calls only, not to the whole graph, where every node and tool would pay for
    # a callback manager.
    callbacks: Sequence[BaseCallbackHandler] = ()

    @property
    def lead_id(self) -> int:
        return self.lead.id

    @property
    def queries(self) -> Querier:
        return Querier(self.conn)


def current_lead(ctx: Context, state: Mapping[str, Any]) -> Lead:
    """The lead as this turn has left it so far: the latest row it wrote (or the row read
    at its start), with the fields the tools wrote."""
    record: TurnRecord = state.get("turn") or TurnRecord()
    lead = record.lead or ctx.lead
    return lead.model_copy(update=dict(record.changes)) if record.changes else lead
