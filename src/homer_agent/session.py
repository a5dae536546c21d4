"""One chat session: a lead, its conversation thread, and how a turn runs and is recorded."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol
from uuid import UUID

import psycopg
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGenerationChunk, GenerationChunk
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.types import Durability
from psycopg import Connection
from psycopg.rows import DictRow
from psycopg_pool import PoolTimeout

from homer_agent import metrics
from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.graph import Graph, graph
from homer_agent.history import conversation
from homer_agent.kb.search import SearchOptions, kb_reason
from homer_agent.leads import LeadForgottenError, querier, thread_id
from homer_agent.metrics import ErrorKind, Route
from homer_agent.model_calls import ModelCallMetrics
from homer_agent.models.fallback import Fallback
from homer_agent.nodes.names import AGENT, HANDOFF
from homer_agent.profile import Profile
from homer_agent.state import Context, TurnStats
from homer_agent.tools import TOOLS, push_lead_calls

if TYPE_CHECKING:
    from homer_agent.calendar.caldav_sync import BrokerCalendar

log = logging.getLogger(__name__)

# Bounds one turn: sentiment, agent and tools rounds. The agent answers gracefully
# before the limit (see nodes.agent).
RECURSION_LIMIT = 12
# Each turn (durability "exit") writes one checkpoint holding the whole message list;
# pruning to the latest keeps storage linear in messages. Pruning costs a few
# milliseconds, so it runs every few turns and when the session closes.
PRUNE_EVERY_TURNS = 8
# How long a turn waits for the same lead's turn in another process.
BUSY_WAIT_SECONDS = 15

# One checkpoint per turn, written when the turn ends: what a crash mid-turn loses is
# that turn's messages; the facts its tools wrote are already in the leads table.
DURABILITY: Durability = "exit"

ERROR_REPLIES: dict[ErrorKind, str] = {
    "database": (
        "Desculpe, perdi a conexão com o nosso sistema por um instante. "
        "Pode enviar a mensagem de novo?"
    ),
    "model": (
        "Desculpe, estou com uma instabilidade para responder agora. "
        "Pode tentar de novo em instantes?"
    ),
    "timeout": (
        "Desculpe, a resposta está demorando mais que o normal. Pode tentar de novo em instantes?"
    ),
    "internal": "Desculpe, algo deu errado do meu lado. Pode repetir, por favor?",
    "input": "Desculpe, não consegui ler essa mensagem. Pode escrever de outro jeito?",
    "busy": (
        "Esta conversa está aberta em outro lugar e ainda respondendo. "
        "Aguarde um instante e envie de novo."
    ),
}


class _TokenRelay(BaseCallbackHandler):
    """Relays the chat model's tokens as they stream (models that stream: ChatOpenAI).

    A callback rather than LangGraph's "messages" stream mode: that mode runs every node
    on a worker thread so the caller can read tokens meanwhile, which costs a thread
    pool and several thread hand-offs per turn; a callback runs in the node itself.
    """

    def __init__(self, say: Callable[[str], None], reply: list[str]) -> None:
        self.say = say
        self.reply = reply
        self.relayed = False
        self._start = 0

    def on_chat_model_start(
        self,
        serialized: dict[str, Any],
        messages: list[list[BaseMessage]],
        *,
        run_id: UUID,
        **kwargs: Any,
    ) -> None:
        self._start = len(self.reply)

    def on_llm_new_token(
        self,
        token: str | list[str | dict[str, Any]],
        *,
        chunk: GenerationChunk | ChatGenerationChunk | None = None,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if isinstance(token, str) and token:
            self.relayed = True
            self.say(token)

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        # A provider that fails mid-stream leaves half a reply: the turn's reply (and its
        # record) drops it, and whoever answers instead is relayed or said in full.
        del self.reply[self._start :]
        self.relayed = False


class SessionBusyError(RuntimeError):
    """Another process is running a turn for the same lead."""


def error_kind(exc: BaseException) -> ErrorKind:
    """Classify a failed turn without importing the model client's module."""
    if isinstance(exc, SessionBusyError):
        return "busy"
    if isinstance(exc, psycopg.Error | PoolTimeout):
        return "database"
    module = type(exc).__module__
    if module.startswith(("openai", "httpx", "httpcore", "langchain_openai")):
        return "timeout" if "Timeout" in type(exc).__name__ else "model"
    return "internal"


@dataclass(frozen=True, slots=True)
class TurnResult:
    reply: str
    route: Route
    error: ErrorKind | None
    stats: TurnStats
    duration_ms: float


class TurnGuard(Protocol):
    """Once-only turns (the service's idempotency keys): runs under the lead lock, and the
    whole turn (tool writes, checkpoint, turn record, `complete`) commits as one transaction.
    """

    def seen(self, q: Querier, lead: Lead) -> bool:
        """True when this message was already processed: the turn is skipped."""
        ...

    def complete(self, q: Querier, lead: Lead, result: TurnResult) -> None:
        """Store what the turn produced, in the turn's transaction."""
        ...


class Session:
    """A lead's conversation: runs turns through the graph and records each one."""

    def __init__(
        self,
        *,
        pool: Pool,
        model: BaseChatModel,
        model_name: str,
        profile: Profile,
        session_key: str,
        history_window: int = 12,
        fallback: Fallback | None = None,
        lead: Lead | None = None,
        kb: SearchOptions | None = None,
        calendar: BrokerCalendar | None = None,
    ) -> None:
        """A session for `session_key`'s lead, created on first contact; or for `lead` as read
        by the caller (then no row is created: a lead forgotten meanwhile stays forgotten)."""
        self.pool = pool
        self.kb = kb or SearchOptions()
        self.calendar = calendar
        self.model_name = model_name
        self.profile = profile
        self.history_window = history_window
        self.bound_model = model.bind_tools(TOOLS)
        # Shared across sessions: one circuit breaker per provider, not per lead.
        self.fallback = fallback.bind_tools(TOOLS) if fallback is not None else None
        self.checkpointer = PostgresSaver(pool)
        self.app: Graph = graph.copy(update={"checkpointer": self.checkpointer})
        if lead is None:
            with querier(pool) as q:
                lead = q.get_or_create_lead(session_key=session_key)
        assert lead is not None
        self.lead = lead
        self._unpruned_turns = 0

    @property
    def config(self) -> RunnableConfig:
        return {
            "configurable": {"thread_id": thread_id(self.lead)},
            "recursion_limit": RECURSION_LIMIT,
        }

    def refresh_lead(self) -> Lead:
        """The lead's row as stored now; LeadForgottenError once it was deleted."""
        with querier(self.pool) as q:
            lead = q.get_lead(id=self.lead.id)
        if lead is None:
            raise LeadForgottenError(f"lead {self.lead.id} was forgotten")
        self.lead = lead
        return lead

    def prune(self) -> None:
        """Keep only the latest checkpoint of this conversation (it holds the whole history)."""
        self.checkpointer.prune([thread_id(self.lead)], strategy="keep_latest")
        self._unpruned_turns = 0

    def close(self) -> None:
        """Prune what the last turns left behind; a database fault here loses nothing."""
        if self._unpruned_turns:
            try:
                self.prune()
            except (psycopg.Error, PoolTimeout) as exc:
                log.info("could not prune checkpoints: %s", type(exc).__name__)

    def history(self) -> list[Any]:
        """The whole conversation: archived messages, then the checkpoint's window."""
        return conversation(self.pool, self.lead)

    def turn(self, text: str, on_token: Callable[[str], None] | None = None) -> TurnResult:
        """Run one turn for a human message; never raises for a provider or database fault.

        Raises LeadForgottenError, having written nothing, when the lead was deleted. A
        KeyboardInterrupt abandons the turn: its reply is not stored and the lock is freed.
        """
        result = self.turn_once(text, None, on_token)
        assert result is not None
        return result

    def turn_once(
        self, text: str, guard: TurnGuard | None, on_token: Callable[[str], None] | None = None
    ) -> TurnResult | None:
        """`turn`, all or nothing under `guard`; None when the guard has seen the message."""
        started = time.perf_counter()
        stats = TurnStats()
        calls = ModelCallMetrics(self.model_name)
        reply: list[str] = []
        atomic: Callable[[Connection[DictRow]], AbstractContextManager[Any]] = (
            nullcontext if guard is None else Connection.transaction
        )
        try:
            with (
                self.pool.connection() as conn,
                lead_lock(conn, self.lead.id),
                atomic(conn),
            ):
                # Under the lock `lead forget` also takes: a lead deleted before this point
                # gets no checkpoint and no turn row, and cannot be deleted until we finish.
                if Querier(conn).get_lead(id=self.lead.id) is None:
                    raise LeadForgottenError(f"lead {self.lead.id} was forgotten")
                if guard is not None and guard.seen(Querier(conn), self.lead):
                    return None
                ctx = Context(
                    lead_id=self.lead.id,
                    conn=conn,
                    model=self.bound_model,
                    model_name=self.model_name,
                    profile=self.profile,
                    history_window=self.history_window,
                    stats=stats,
                    fallback=self.fallback,
                    kb=self.kb,
                    calendar=self.calendar,
                )
                self.checkpointer.conn = conn
                try:
                    self._run(text, ctx, reply, on_token, calls)
                    push_lead_calls(ctx)
                    self._unpruned_turns += 1
                    if self._unpruned_turns >= PRUNE_EVERY_TURNS:
                        self.prune()
                finally:
                    self.checkpointer.conn = self.pool
                self.lead = ctx.lead or self.lead
                result = self._result(reply, stats, None, started)
                self._record(result, Querier(conn), calls)
                if guard is not None:
                    guard.complete(Querier(conn), self.lead, result)
                return result
        except LeadForgottenError:
            raise
        except Exception as exc:
            error = error_kind(exc)
            log.info("turn failed (%s): %s", error, type(exc).__name__)
            reply.append(ERROR_REPLIES[error])
            if on_token is not None:
                on_token(ERROR_REPLIES[error])
        result = self._result(reply, stats, error, started)
        try:
            with querier(self.pool) as q:
                self._record(result, q, calls)
        except (psycopg.Error, PoolTimeout):
            self._record(result, None, calls)
        return result

    @staticmethod
    def _result(
        reply: list[str], stats: TurnStats, error: ErrorKind | None, started: float
    ) -> TurnResult:
        return TurnResult(
            reply="".join(reply).strip(),
            route=stats.route,
            error=error,
            stats=stats,
            duration_ms=(time.perf_counter() - started) * 1000,
        )

    def _run(
        self,
        text: str,
        ctx: Context,
        reply: list[str],
        on_token: Callable[[str], None] | None,
        calls: ModelCallMetrics,
    ) -> None:
        """Run the graph: model tokens as they come, node messages as they land."""

        def say(piece: str) -> None:
            reply.append(piece)
            if on_token is not None:
                on_token(piece)

        tokens = _TokenRelay(say, reply)
        config = self.config
        config["callbacks"] = [calls, tokens] if on_token is not None else [calls]
        for part in self.app.stream(
            {"messages": [HumanMessage(text)]},
            config,
            context=ctx,
            stream_mode="updates",
            durability=DURABILITY,
            version="v2",
        ):
            if part["type"] != "updates":
                continue
            for node, update in part["data"].items():
                for message in (update or {}).get("messages", []):
                    self._count(message, ctx.stats)
                    unsaid = node == HANDOFF or (node == AGENT and not tokens.relayed)
                    if unsaid and isinstance(message, AIMessage) and message.text:
                        say(message.text)
                if node == AGENT:
                    tokens.relayed = False
                    if reply and not reply[-1].endswith("\n"):
                        say("\n")

    @staticmethod
    def _count(message: Any, stats: TurnStats) -> None:
        if isinstance(message, ToolMessage):
            outcome: Literal["ok", "invalid"] = "invalid" if message.status == "error" else "ok"
            stats.tool_calls += 1
            stats.tool_errors += outcome == "invalid"
            metrics.record_tool_call(message.name or "unknown", outcome)
            reason = kb_reason(message.name, message.content)
            if reason is not None:
                stats.kb_reason = reason
                metrics.record_kb_answer(reason)

    def answered_by(self, stats: TurnStats) -> str:
        """The model that gave the turn's reply: the fallback's when the provider failed."""
        if stats.fallback_reason is not None and self.fallback is not None:
            return self.fallback.name
        return self.model_name

    def _record(self, result: TurnResult, q: Querier | None, calls: ModelCallMetrics) -> None:
        """The turn's metrics and durable row; a failed write never fails the turn.

        Model calls were observed one by one as they ended (``calls``); the row gets their
        exact count and time, failed calls included.
        """
        stats = result.stats
        metrics.observe_turn(
            result.route, "error" if result.error else "ok", result.duration_ms / 1000
        )
        if result.error is not None:
            metrics.record_error(result.error)
        if stats.fallback_reason is not None:
            metrics.record_fallback(stats.fallback_reason)
        if q is None:
            metrics.record_error("database")
            return
        try:
            q.insert_turn(
                lead_id=self.lead.id,
                model=self.answered_by(stats),
                route=result.route,
                sentiment=stats.sentiment,
                temperature=self.lead.temperature,
                duration_ms=result.duration_ms,
                model_ms=calls.ms,
                prompt_tokens=stats.prompt_tokens,
                completion_tokens=stats.completion_tokens,
                tool_calls=stats.tool_calls,
                tool_errors=stats.tool_errors,
                error=result.error,
                fallback_reason=stats.fallback_reason,
                model_calls=calls.calls,
                model_errors=calls.failed,
                kb_reason=stats.kb_reason,
            )
        except psycopg.Error as exc:
            metrics.record_error("database")
            log.warning("could not record the turn: %s", type(exc).__name__)


@contextmanager
def lead_lock(conn: Connection[DictRow], lead_id: int) -> Iterator[None]:
    """Serialise the turns of one lead across processes (a session advisory lock).

    A second process waits up to BUSY_WAIT_SECONDS, then is told the session is busy.
    """
    try:
        # set_config runs first: the lock wait is bounded by its own lock_timeout.
        conn.execute(
            "SELECT set_config('lock_timeout', %s, false), pg_advisory_lock(%s)",
            (f"{BUSY_WAIT_SECONDS}s", lead_id),
        )
    except psycopg.errors.LockNotAvailable:
        raise SessionBusyError(f"lead {lead_id} is busy in another process") from None
    try:
        yield
    finally:
        if not conn.closed and not conn.broken:
            conn.execute("SELECT pg_advisory_unlock(%s)", (lead_id,))
