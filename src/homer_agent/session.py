"""One turn: lock the lead, read it once, run the graph, record the turn.

The agent (model, tools, checkpointer, graph) is built once per process (agent.py); a
`Session` is the agent plus one lead, for the terminal and the service alike.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol
from uuid import UUID

import psycopg
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGenerationChunk, GenerationChunk
from langchain_core.runnables import RunnableConfig
from langgraph.types import Durability
from psycopg import Connection, pq
from psycopg.rows import DictRow, class_row
from psycopg_pool import PoolTimeout

from homer_agent import metrics, notify
from homer_agent.db import queries
from homer_agent.db.models import Lead
from homer_agent.db.queries import GetLeadForTurnRow, Querier
from homer_agent.history import conversation
from homer_agent.kb.search import kb_reason
from homer_agent.leads import LeadForgottenError, querier, thread_id, thread_id_of
from homer_agent.metrics import ErrorKind, Route
from homer_agent.model_calls import ModelCallMetrics
from homer_agent.model_replies import StreamCleaner
from homer_agent.nodes import temperature
from homer_agent.nodes.names import AGENT, HANDOFF, HELD
from homer_agent.ptbr import replies
from homer_agent.state import Context, TurnRecord
from homer_agent.temperature import MOOD_WINDOW
from homer_agent.tools import push_lead_calls

if TYPE_CHECKING:
    from homer_agent.agent import Agent, SavedTurn
    from homer_agent.graph import Graph

log = logging.getLogger(__name__)

# Bounds one turn: sentiment, agent and tools rounds (five of them). The agent answers
# gracefully before the limit (see nodes.agent).
RECURSION_LIMIT = 11
# How long a turn waits for the same lead's turn in another process.
BUSY_WAIT_SECONDS = 15

# One checkpoint per turn, written when the turn ends: what a crash mid-turn loses is
# that turn's messages; the facts its tools wrote are already in the leads table.
DURABILITY: Durability = "exit"

ERROR_REPLIES: dict[ErrorKind, str] = {
    "database": replies.DATABASE_ERROR,
    "model": replies.MODEL_ERROR,
    "timeout": replies.TIMEOUT_ERROR,
    "internal": replies.INTERNAL_ERROR,
    "input": replies.INPUT_ERROR,
    "busy": replies.BUSY_ERROR,
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
        # Tokens are cleaned as they stream, like the whole reply in the agent node.
        self.cleaner = StreamCleaner()

    def on_chat_model_start(
        self,
        serialized: dict[str, Any],
        messages: list[list[BaseMessage]],
        *,
        run_id: UUID,
        **kwargs: Any,
    ) -> None:
        self._start = len(self.reply)
        self.cleaner.reset()

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
            piece = self.cleaner.feed(token)
            if piece:
                self.relayed = True
                self.say(piece)

    def unsaid(self, reply: str) -> str:
        """What the lead has not seen yet of the model's `reply` (as cleaned whole): the
        tail the stream held back, or all of it when nothing streamed."""
        if not self.relayed:
            return reply
        return self.cleaner.rest(reply)

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        # A provider that fails mid-stream leaves half a reply: the turn's reply (and its
        # record) drops it, and whoever answers instead is relayed or said in full.
        del self.reply[self._start :]
        self.relayed = False
        self.cleaner.reset()


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
    stats: TurnRecord
    duration_ms: float


class TurnGuard(Protocol):
    """Once-only turns (the service's idempotency keys): runs under the lead lock, and the
    whole turn (tool writes, checkpoint, turn record, `complete`) commits as one transaction.
    """

    def check(self, conn: Connection[DictRow], lead_id: int) -> None:
        """Queue the check for this message in the turn's first pipeline (with the lock and
        the reads, in the turn's transaction): a read here must not be fetched."""
        ...

    def seen(self) -> bool:
        """Once `check`'s pipeline has run: True when this message was already processed
        (the turn is skipped)."""
        ...

    def complete(self, q: Querier, lead: Lead, result: TurnResult) -> None:
        """Store what the turn produced, in the turn's transaction. Writes only: it runs in
        one pipeline with the turn record, so a read here would cost a round trip."""
        ...


class Session:
    """A lead's conversation with the process's agent: runs turns and records each one."""

    def __init__(self, agent: Agent, session_key: str, lead: Lead | None = None) -> None:
        """The session of `session_key`'s lead, created on first contact; or of `lead` as read
        by the caller (then no row is created: a lead forgotten meanwhile stays forgotten)."""
        self.agent = agent
        if lead is None:
            with querier(agent.pool) as q:
                lead = q.get_or_create_lead(session_key=session_key)
        assert lead is not None
        self.lead = lead
        self._unpruned = False

    @property
    def app(self) -> Graph:
        return self.agent.graph

    @property
    def config(self) -> RunnableConfig:
        return {
            "configurable": {"thread_id": thread_id(self.lead)},
            "recursion_limit": RECURSION_LIMIT,
        }

    def refresh_lead(self) -> Lead:
        """The lead's row as stored now; LeadForgottenError once it was deleted."""
        with querier(self.agent.pool) as q:
            lead = q.get_lead(id=self.lead.id)
        if lead is None:
            raise LeadForgottenError(f"lead {self.lead.id} was forgotten")
        self.lead = lead
        return lead

    def prune(self) -> None:
        """Keep only the latest checkpoint of this conversation (it holds the whole window)."""
        if self.agent.prune(self.lead):
            self._unpruned = False

    def close(self) -> None:
        """Prune what the last turns left behind; a database fault here loses nothing."""
        if self._unpruned:
            self.prune()

    def history(self) -> list[Any]:
        """The whole conversation: archived messages, then the checkpoint's window."""
        return conversation(self.agent.pool, self.lead)

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
        """`turn`, all or nothing under `guard`; None when the guard has seen the message.

        The brokers' notifications the turn wrote are sent once it has committed.
        """
        try:
            return self._turn_once(text, guard, on_token)
        finally:
            notify.deliver_quietly(self.agent.pool, self.agent.webhook, self.agent.profile.tz)

    def _turn_once(
        self, text: str, guard: TurnGuard | None, on_token: Callable[[str], None] | None
    ) -> TurnResult | None:
        """Round trips of a plain turn: the lock with the reads of the lead and of the
        checkpoint (one pipeline), the tools' writes if any, and the checkpoint with the turn
        record, the pruning when due and the unlock (one pipeline).
        """
        started = time.perf_counter()
        agent = self.agent
        progress = _Progress()
        calls = ModelCallMetrics(agent.model_name)
        reply: list[str] = []
        try:
            with agent.pool.connection() as conn, agent.checkpointer.using(conn) as saved:
                # A guarded turn is one transaction, begun in the lock's pipeline and
                # committed in the last one: no round trip of its own for BEGIN or COMMIT.
                once = None if guard is None else psycopg.Transaction(conn)
                lead, moods, notes = lock_and_read(conn, self.lead.id, saved, guard, once)
                try:
                    if lead is None:
                        # Under the lock `lead forget` also takes: a lead deleted before this
                        # point gets no checkpoint and no turn row, and cannot be deleted
                        # until we finish.
                        raise LeadForgottenError(f"lead {self.lead.id} was forgotten")
                    self.lead = lead
                    ctx = self._context(conn, lead, moods, notes)
                    if guard is None or once is None:
                        self._run(ctx, text, reply, on_token, calls=calls, progress=progress)
                        result = self._result(reply, progress.record, None, started)
                        self._finish(conn, saved, result, calls)
                    else:
                        if guard.seen():
                            end_transaction(conn, once, None)
                            return None
                        self._run(ctx, text, reply, on_token, calls=calls, progress=progress)
                        result = self._result(reply, progress.record, None, started)
                        # All the writes, the unlock and COMMIT in one round trip (the
                        # transaction lock keeps the next turn waiting until COMMIT); a
                        # failure rolls the writes back and the lock is freed below.
                        with conn.pipeline():
                            self._last_writes(conn, saved)
                            self._record(result, Querier(conn), calls)
                            guard.complete(Querier(conn), self.lead, result)
                            hand_over_lead(conn, self.lead.id)
                            end_transaction(conn, once, None)
                        saved.locked = False
                        saved.done()
                        if saved.pruned:
                            self._unpruned = False
                except BaseException as exc:
                    if once is not None:
                        end_transaction(conn, once, exc)
                    raise
                finally:
                    # A failed run keeps the checkpoint LangGraph saved for it (not in a
                    # guarded turn: its transaction rolled back).
                    self._save_and_unlock(conn, saved, save=guard is None)
                return result
        except LeadForgottenError:
            raise
        except Exception as exc:
            error = error_kind(exc)
            log.info("turn failed (%s): %s", error, type(exc).__name__)
            reply.append(ERROR_REPLIES[error])
            if on_token is not None:
                on_token(ERROR_REPLIES[error])
        result = self._result(reply, progress.record, error, started)
        try:
            with querier(agent.pool) as q:
                self._record(result, q, calls)
        except (psycopg.Error, PoolTimeout):
            self._record(result, None, calls)
        return result

    def _last_writes(self, conn: Connection[DictRow], saved: SavedTurn) -> None:
        """Queue the checkpoint the run saved and, on average every `prune_every` turns, the
        pruning of the older ones (one statement, after the new checkpoint)."""
        self.agent.checkpointer.write()
        self._unpruned = True
        if self.agent.prune_due():
            Querier(conn).prune_thread(thread_id=thread_id(self.lead))
            saved.pruned = True

    def _finish(
        self,
        conn: Connection[DictRow],
        saved: SavedTurn,
        result: TurnResult,
        calls: ModelCallMetrics,
    ) -> None:
        """The turn's last round trip: its checkpoint, the pruning when due, its record and
        the unlock, in one pipeline (one implicit transaction).

        If that fails, the checkpoint is written again alone (its failure fails the turn, as
        a failed checkpoint write always has), then the record (a failure there is logged).
        """
        try:
            with conn.pipeline():
                self._last_writes(conn, saved)
                self._record(result, Querier(conn), calls, observe=False)
                hand_over_lead(conn, self.lead.id)
                saved.locked = False
        except psycopg.Error as exc:
            saved.locked = True
            saved.pruned = False
            if conn.broken or conn.closed:
                raise
            log.info("the turn's last writes failed (%s): retried apart", type(exc).__name__)
            self._save_and_unlock(conn, saved, save=True)
            self._record(result, Querier(conn), calls)
            return
        saved.done()
        if saved.pruned:
            self._unpruned = False
        self._observe(result)

    def _save_and_unlock(self, conn: Connection[DictRow], saved: SavedTurn, *, save: bool) -> None:
        """Free the lead's lock if the turn still holds it, having written the checkpoint the
        run saved if `save` (raises, with the lock freed, if that write fails)."""
        if not saved.locked:
            return
        try:
            if save and saved.pending and not conn.broken and not conn.closed:
                with conn.pipeline():
                    self.agent.checkpointer.write()
                    hand_over_lead(conn, self.lead.id)
                saved.locked = False
                self._unpruned = True
        finally:
            saved.done()
            if saved.locked:
                saved.locked = False
                unlock_lead(conn, self.lead.id)

    @staticmethod
    def _result(
        reply: list[str], record: TurnRecord, error: ErrorKind | None, started: float
    ) -> TurnResult:
        return TurnResult(
            reply="".join(reply).strip(),
            route=record.route,
            error=error,
            stats=record,
            duration_ms=(time.perf_counter() - started) * 1000,
        )

    def _context(
        self, conn: Connection[DictRow], lead: Lead, moods: list[float], notes: list[str]
    ) -> Context:
        agent = self.agent
        return Context(
            lead=lead,
            moods=moods,
            notes=notes,
            conn=conn,
            model=agent.model,
            model_name=agent.model_name,
            profile=agent.profile,
            now=agent.clock(),
            history_window=agent.history_window,
            fallback=agent.fallback,
            kb=agent.kb,
            calendar=agent.calendar,
        )

    def _run(
        self,
        ctx: Context,
        text: str,
        reply: list[str],
        on_token: Callable[[str], None] | None,
        *,
        calls: ModelCallMetrics,
        progress: _Progress,
    ) -> None:
        """Run the graph (inside the turn's `TurnSaver.using`): model tokens as they come,
        node messages as they land; what the nodes report adds up in `progress` (a failed
        turn records what it got to)."""
        agent = self.agent

        def say(piece: str) -> None:
            reply.append(piece)
            if on_token is not None:
                on_token(piece)

        tokens = _TokenRelay(say, reply)
        if on_token is None:
            ctx = dataclasses.replace(ctx, callbacks=(calls,))
        else:
            model = agent.token_model or ctx.model
            ctx = dataclasses.replace(ctx, callbacks=(calls, tokens), model=model)
        config = self.config
        for part in agent.graph.stream(
            {"messages": [HumanMessage(text)]},
            config,
            context=ctx,
            stream_mode="updates",
            durability=DURABILITY,
            version="v2",
        ):
            if part["type"] != "updates":
                continue
            for node, data in part["data"].items():
                # ToolNode reports one update per tool call when tools return Commands.
                for update in data if isinstance(data, list) else [data or {}]:
                    if "turn" in update:
                        progress.add(update["turn"])
                    for message in update.get("messages", []):
                        progress.add(_counted(message))
                        if not isinstance(message, AIMessage) or not message.text:
                            continue
                        if node in (HANDOFF, HELD):
                            say(message.text)
                        elif node == AGENT and (rest := tokens.unsaid(message.text)):
                            say(rest)
                if node == AGENT:
                    tokens.relayed = False
                    if reply and not reply[-1].endswith("\n"):
                        say("\n")
        progress.add(temperature.settle(ctx, progress.record))
        if not progress.record.calendar_tried:
            push_lead_calls(ctx)
        self.lead = current_row(ctx.lead, progress.record)

    def answered_by(self, record: TurnRecord) -> str:
        """The model that gave the turn's reply: the fallback's when the provider failed."""
        fallback = self.agent.fallback
        if record.fallback_reason is not None and fallback is not None:
            return fallback.name
        return self.agent.model_name

    def _observe(self, result: TurnResult) -> None:
        stats = result.stats
        metrics.observe_turn(
            result.route, "error" if result.error else "ok", result.duration_ms / 1000
        )
        if result.error is not None:
            metrics.record_error(result.error)
        if stats.fallback_reason is not None:
            metrics.record_fallback(stats.fallback_reason)

    def _record(
        self,
        result: TurnResult,
        q: Querier | None,
        calls: ModelCallMetrics,
        *,
        observe: bool = True,
    ) -> None:
        """The turn's metrics and durable row; a failed write never fails the turn.

        Model calls were observed one by one as they ended (``calls``); the row gets their
        exact count and time, failed calls included.
        """
        stats = result.stats
        if observe:
            self._observe(result)
        if q is None:
            metrics.record_error("database")
            return
        try:
            q.insert_turn(
                lead_id=self.lead.id,
                model=self.answered_by(stats),
                route=result.route,
                sentiment=stats.sentiment or 0.0,
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


@dataclass(slots=True)
class _Progress:
    """What the turn's nodes have reported so far."""

    record: TurnRecord = field(default_factory=TurnRecord)

    def add(self, part: TurnRecord) -> None:
        self.record = self.record.merge(part)


def current_row(lead: Lead, record: TurnRecord) -> Lead:
    """The lead as a turn left it: the last row a node wrote, or the row read at its start,
    with the fields the tools wrote since."""
    row = record.lead or lead
    return row.model_copy(update=dict(record.changes)) if record.changes else row


def _counted(message: Any) -> TurnRecord:
    """A tool result, counted (and observed) as the turn's record has it."""
    if not isinstance(message, ToolMessage):
        return TurnRecord()
    outcome: Literal["ok", "invalid"] = "invalid" if message.status == "error" else "ok"
    metrics.record_tool_call(message.name or "unknown", outcome)
    reason = kb_reason(message.name, message.content)
    if reason is not None:
        metrics.record_kb_answer(reason)
    return TurnRecord(tool_calls=1, tool_errors=int(outcome == "invalid"), kb_reason=reason)


def lock_and_read(
    conn: Connection[DictRow],
    lead_id: int,
    saved: SavedTurn,
    guard: TurnGuard | None = None,
    once: psycopg.Transaction | None = None,
) -> tuple[Lead | None, list[float], list[str]]:
    """Take the lead's turn lock, then read the lead (with its recent moods and the texts of
    its notes) and its conversation's checkpoint (for the graph: see agent.TurnSaver), once;
    with `once`, a guarded turn's transaction, begun first, and `guard`'s check, last.

    Three to five statements in one pipeline, one round trip: the server runs them in order,
    so the reads come after the wait for the lock and see what the turn before it (in
    another process, maybe) committed. A second process waits up to BUSY_WAIT_SECONDS, then
    is told the session is busy. (The lock is a session lock: a rollback keeps it.)
    """
    try:
        with conn.pipeline():
            if once is not None:
                once.__enter__()  # BEGIN, queued: committed by the turn's last pipeline
            lock_lead(conn, lead_id)
            checkpoint = saved.prefetch(thread_id_of(lead_id))
            lead = psycopg.RawCursor(conn, row_factory=class_row(GetLeadForTurnRow))
            lead.execute(queries.GET_LEAD_FOR_TURN, (MOOD_WINDOW - 1, lead_id))
            if guard is not None:
                guard.check(conn, lead_id)
            # Sent at the end of the block: from here on a failure may follow the lock.
            saved.locked = True
    except psycopg.errors.LockNotAvailable as exc:
        saved.locked = False
        if once is not None:
            end_transaction(conn, once, exc)
        raise SessionBusyError(f"lead {lead_id} is busy in another process") from None
    except BaseException as exc:
        if once is not None:
            end_transaction(conn, once, exc)
        if saved.locked:
            saved.locked = False
            unlock_lead(conn, lead_id)
        raise
    saved.loaded(checkpoint)
    row = lead.fetchone()
    if row is None:
        return None, [], []
    data = row.model_dump()
    moods = list(data.pop("recent_sentiments"))
    notes = list(data.pop("note_texts"))
    return Lead.model_construct(**data), moods, notes


def end_transaction(
    conn: Connection[DictRow], once: psycopg.Transaction, exc: BaseException | None
) -> None:
    """End a guarded turn's transaction: COMMIT (queued, inside a pipeline) when `exc` is
    None, else ROLLBACK. A transaction whose COMMIT was queued in a pipeline that failed is
    left aborted on the server: rolled back here too. A broken connection holds nothing."""
    if conn.closed or conn.broken:
        return
    if once.status == psycopg.Transaction.Status.ACTIVE:
        if exc is None:
            once.__exit__(None, None, None)
        else:
            once.__exit__(type(exc), exc, exc.__traceback__)
    elif exc is not None and conn.info.transaction_status != pq.TransactionStatus.IDLE:
        conn.rollback()


def lock_lead(conn: Connection[DictRow], lead_id: int) -> None:
    """Serialise the turns of one lead across processes (a session advisory lock); raises
    psycopg.errors.LockNotAvailable after BUSY_WAIT_SECONDS."""
    # set_config runs first: the lock wait is bounded by its own lock_timeout.
    Querier(conn).lock_lead(lock_timeout=f"{BUSY_WAIT_SECONDS}s", lead_id=lead_id)


def hand_over_lead(conn: Connection[DictRow], lead_id: int) -> None:
    """Last in the pipeline of a turn's writes (before COMMIT in a guarded turn): the lead's
    lock stays taken until the pipeline's transaction commits, so the next turn, waiting for
    the lock, reads what this one wrote. One statement (HandOverLead): a transaction lock
    on the key, granted at once to the session holding it, then the session lock freed."""
    Querier(conn).hand_over_lead(lead_id=lead_id)


def unlock_lead(conn: Connection[DictRow], lead_id: int) -> None:
    """Free the lead's turn lock (a no-op on a connection that broke: it held nothing)."""
    if not conn.closed and not conn.broken:
        Querier(conn).unlock_lead(lead_id=lead_id)
