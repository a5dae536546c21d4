"""The agent, assembled once per process: the chat model with the tools bound, the fallback,
the checkpointer and the compiled graph. The terminal and the service both hold one, and
run each turn through `Session` with it (see session.py)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import random
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import psycopg
from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import RunnableConfig
from langchain_core.runnables.config import ContextThreadPoolExecutor, get_executor_for_config
from langgraph.checkpoint.base import (
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    CheckpointTuple,
    get_checkpoint_id,
)
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.pregel import _checkpoint as pregel_checkpoint
from langgraph.pregel import _executor as pregel_executor
from langgraph.pregel import _loop as pregel_loop
from psycopg import Connection, Cursor, pq
from psycopg.rows import DictRow, dict_row
from psycopg_pool import PoolTimeout

from homer_agent.db import queries
from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.graph import Graph, build_graph
from homer_agent.kb.search import SearchOptions
from homer_agent.leads import thread_id
from homer_agent.models.fallback import Fallback
from homer_agent.profile import Profile
from homer_agent.startup import settle_collector
from homer_agent.state import ChatRunnable
from homer_agent.tools import TOOLS

if TYPE_CHECKING:
    from homer_agent.calendar.caldav_sync import BrokerCalendar
    from homer_agent.config import Settings
    from homer_agent.notify import BrokerWebhook
    from homer_agent.session import Session

log = logging.getLogger(__name__)

# The one pruning policy. Each turn (durability "exit") writes one checkpoint holding the
# conversation's window; pruning to the latest keeps storage linear in messages. A prune is
# one statement (PruneThread) sent in the turn's last pipeline, after the new checkpoint;
# on average one turn in PRUNE_EVERY_TURNS prunes (a draw: no per-lead counter to keep
# across requests and replicas), and a session that ends (the chat quits) prunes what its
# turns left behind.
PRUNE_EVERY_TURNS = 8
# How many conversations' latest checkpoints a process keeps decoded (see TurnSaver).
DECODED_THREADS = 1024

_TURN: ContextVar[SavedTurn | None] = ContextVar("homer_turn", default=None)
_UNREAD: Final = object()


@dataclass(slots=True)
class SavedTurn:
    """What the saver holds for one turn: its connection, the checkpoint read with the lead
    (`prefetch`), and the checkpoint the run saved, until the turn writes it (`write`)."""

    conn: Connection[DictRow]
    thread_id: str = ""
    latest: object = _UNREAD
    """The thread's newest checkpoint row, read in the turn's first round trip."""
    locked: bool = False
    """Whether the turn holds the lead's lock (see session.lock_and_read)."""
    pruned: bool = False
    pending: list[tuple[RunnableConfig, Checkpoint, CheckpointMetadata, ChannelVersions]] = field(
        default_factory=list
    )

    def prefetch(self, thread: str) -> Cursor[DictRow]:
        """Queue the read of `thread`'s newest checkpoint on the turn's connection (in the
        caller's pipeline); `loaded` takes the row once the pipeline has run."""
        self.thread_id = thread
        cur = psycopg.RawCursor(self.conn, row_factory=dict_row)
        cur.execute(queries.GET_LATEST_CHECKPOINT, (thread,), binary=True)
        return cur

    def loaded(self, cur: Cursor[DictRow]) -> None:
        self.latest = cur.fetchone()

    def done(self) -> None:
        """Nothing left to write: the pending checkpoints were stored (the pipeline that
        sent them synced) or could not be."""
        self.pending.clear()


_accepts_task_path = pregel_checkpoint.put_writes_accepts_task_path


@functools.lru_cache(maxsize=64)
def _accepts_task_path_of(put_writes: Callable[..., Any]) -> bool:
    return _accepts_task_path(put_writes)


def _put_writes_accepts_task_path(put_writes: Callable[..., Any]) -> bool:
    """Whether a saver's `put_writes` takes `task_path`: what LangGraph asks
    `inspect.signature` at the start of every run, remembered per function (a bound
    method's is its function's)."""
    try:
        return _accepts_task_path_of(getattr(put_writes, "__func__", put_writes))
    except TypeError:  # an unhashable callable
        return _accepts_task_path(put_writes)


setattr(pregel_loop, "put_writes_accepts_task_path", _put_writes_accepts_task_path)  # noqa: B010


class TurnSaver(PostgresSaver):
    """LangGraph's PostgresSaver on the pool, except inside a turn (`using`): there it uses
    the turn's connection, so the lead lock, the lead writes and the checkpoint share one
    connection, and one saver serves every thread of the process at once.

    Inside a turn the run's checkpoint read is the one the turn made with its lock and lead
    read (`SavedTurn.prefetch`), and the checkpoint the run saves (durability "exit": one
    per turn) is held until the turn writes it with its record (`write`): both cost no
    round trip of their own.
    """

    def __init__(self, conn: Pool) -> None:
        super().__init__(conn)
        # thread id -> (id of the checkpoint this process last wrote, its blob channels'
        # values as they were written): the next turn of that conversation in this process
        # skips decoding them (see `get_tuple`).
        self._written: dict[str, tuple[str, dict[str, Any]]] = {}
        self._written_lock = threading.Lock()

    @contextmanager
    def using(self, conn: Connection[DictRow]) -> Iterator[SavedTurn]:
        turn = SavedTurn(conn)
        token = _TURN.set(turn)
        try:
            yield turn
        finally:
            _TURN.reset(token)

    def get_tuple(self, config: RunnableConfig) -> CheckpointTuple | None:
        turn = _TURN.get()
        configurable = config["configurable"]
        if (
            turn is not None
            and turn.latest is not _UNREAD
            and configurable.get("thread_id") == turn.thread_id
            and not configurable.get("checkpoint_ns")
            and not get_checkpoint_id(config)
        ):
            row, turn.latest = turn.latest, _UNREAD
            if row is None:
                return None
            assert isinstance(row, dict)
            # Checkpoints older than format 4 may need their parent's sends: LangGraph's read.
            if row["checkpoint"]["v"] >= 4 or not row["parent_checkpoint_id"]:
                with self._written_lock:
                    written = self._written.pop(turn.thread_id, None)
                if written is None or written[0] != row["checkpoint_id"]:
                    return self._load_checkpoint_tuple(row)
                # The checkpoint this process wrote last: its values as written, not decoded
                # again. (Another process's newer checkpoint has another id.)
                loaded = self._load_checkpoint_tuple({**row, "channel_values": None})
                loaded.checkpoint["channel_values"].update(written[1])
                return loaded
        return super().get_tuple(config)

    def put(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,
    ) -> RunnableConfig:
        turn = _TURN.get()
        if turn is None:
            return super().put(config, checkpoint, metadata, new_versions)
        turn.pending.append((config, checkpoint, metadata, new_versions))
        # What PostgresSaver.put returns.
        return {
            "configurable": {
                "thread_id": config["configurable"]["thread_id"],
                "checkpoint_ns": config["configurable"]["checkpoint_ns"],
                "checkpoint_id": checkpoint["id"],
            }
        }

    def write(self) -> None:
        """Send the checkpoints the turn's run saved, on its connection: in the caller's
        pipeline if there is one (then they are stored once it syncs: see `SavedTurn.saved`)."""
        turn = _TURN.get()
        assert turn is not None, "write() runs inside using()"
        for config, checkpoint, metadata, new_versions in turn.pending:
            super().put(config, checkpoint, metadata, new_versions)
            self._remember(config, checkpoint)

    def _remember(self, config: RunnableConfig, checkpoint: Checkpoint) -> None:
        """Keep the values `put` stored as blobs (all but the plain ones it inlines), keyed
        by the checkpoint's id: a turn that finds this id as its thread's latest uses them."""
        configurable = config["configurable"]
        if configurable.get("checkpoint_ns"):
            return
        blobs = {
            channel: value
            for channel, value in checkpoint["channel_values"].items()
            if not (value is None or isinstance(value, str | int | float | bool))
        }
        with self._written_lock:
            self._written.pop(configurable["thread_id"], None)
            if len(self._written) >= DECODED_THREADS:
                del self._written[next(iter(self._written))]
            self._written[configurable["thread_id"]] = (checkpoint["id"], blobs)

    @contextmanager
    def _cursor(self, *, pipeline: bool = False) -> Iterator[Cursor[DictRow]]:
        turn = _TURN.get()
        if turn is None:
            with super()._cursor(pipeline=pipeline) as cur:
                yield cur
            return
        conn = turn.conn
        # The turn's connection is this thread's alone: no saver-wide lock. A pipeline
        # sends a checkpoint's blobs and row in one round trip; inside the caller's
        # pipeline they go with whatever it sends.
        if pipeline and conn.pgconn.pipeline_status == pq.PipelineStatus.OFF:
            with conn.pipeline(), conn.cursor(binary=True, row_factory=dict_row) as cur:
                yield cur
        else:
            with conn.cursor(binary=True, row_factory=dict_row) as cur:
                yield cur


class _SaveOnCaller(Executor):
    """The executor of a graph run inside a turn: LangGraph hands its checkpoint saves to a
    background thread pool it starts for every run, but inside a turn `TurnSaver.put` only
    queues the checkpoint, so a save runs here on the caller's thread (no thread started per
    run). Anything else LangGraph submits (none in our graph) still goes to a pool."""

    def __init__(self, max_workers: int | None) -> None:
        self._max_workers = max_workers
        self._pool: ContextThreadPoolExecutor | None = None

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        # LangGraph submits `context.run, loop._checkpointer_put_after_previous, ...`.
        if args and getattr(args[0], "__name__", "") == "_checkpointer_put_after_previous":
            future: Future[Any] = Future()
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # what a pool's worker does with it
                future.set_exception(exc)
            return future
        if self._pool is None:
            self._pool = ContextThreadPoolExecutor(max_workers=self._max_workers)
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait, cancel_futures=cancel_futures)


@contextmanager
def _run_executor(config: RunnableConfig | None) -> Iterator[Executor]:
    """LangGraph's executor for a graph run (`get_executor_for_config`), or inside a turn
    `_SaveOnCaller`."""
    if _TURN.get() is None:
        with get_executor_for_config(config) as executor:
            yield executor
        return
    with _SaveOnCaller((config or {}).get("max_concurrency")) as executor:
        yield executor


# The one name LangGraph's background executor (langgraph.pregel._executor) calls.
setattr(pregel_executor, "get_executor_for_config", _run_executor)  # noqa: B010


def real_clock() -> dt.datetime:
    """Now, in UTC."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class Agent:
    """What every turn of the process shares; built by `build_agent` or `load_agent`."""

    pool: Pool
    model: ChatRunnable
    """The chat model with the lead tools bound."""
    model_name: str
    profile: Profile
    graph: Graph
    checkpointer: TurnSaver
    history_window: int = 12
    fallback: Fallback | None = None
    """Shared by every session: one circuit breaker per provider, not per lead."""
    kb: SearchOptions = field(default_factory=SearchOptions)
    calendar: BrokerCalendar | None = None
    webhook: BrokerWebhook | None = None
    """The brokers' webhook (HOMER_BROKER_WEBHOOK_URL): notifications go after each turn."""
    prune_every: int = PRUNE_EVERY_TURNS
    draw: Callable[[], float] = random.random
    clock: Callable[[], dt.datetime] = real_clock
    """The instant a turn starts at, read once per turn (`Context.now`): the real one, or
    a fixed one for a set whose dates were written against a given day."""
    token_model: ChatRunnable | None = None
    """The chat model with the tools bound, streaming its reply, for the turns whose tokens
    someone reads as they come; None: `model` (which then streams always, or never)."""

    def session(self, key: str, lead: Lead | None = None) -> Session:
        """The session of `key`'s lead (created on first contact), or of `lead` as read."""
        from homer_agent.session import Session

        return Session(self, key, lead)

    def prune_due(self) -> bool:
        """Whether this turn prunes its conversation (on average every `prune_every`)."""
        return self.draw() * self.prune_every < 1

    def prune(self, lead: Lead) -> bool:
        """Keep only the latest checkpoint of the lead's conversation (it holds the whole
        window); a database fault here loses nothing and is only logged. (A turn that
        prunes does it in its last round trip instead: see session.py.)"""
        try:
            with self.pool.connection() as conn:
                Querier(conn).prune_thread(thread_id=thread_id(lead))
        except (psycopg.Error, PoolTimeout) as exc:
            log.info("could not prune checkpoints: %s", type(exc).__name__)
            return False
        return True


def build_agent(
    *,
    pool: Pool,
    model: BaseChatModel,
    model_name: str,
    profile: Profile,
    history_window: int = 12,
    fallback: Fallback | None = None,
    kb: SearchOptions | None = None,
    calendar: BrokerCalendar | None = None,
    webhook: BrokerWebhook | None = None,
    streams_on_request: bool = False,
    clock: Callable[[], dt.datetime] | None = None,
) -> Agent:
    """Bind the tools, open the checkpointer and compile the graph, once.

    `streams_on_request`: `model` answers whole unless a call asks it to stream (see
    `make_chat_model`'s `whole_replies`); the turns whose tokens are read ask. `clock`: what
    the turns read the time from (the real clock unless given).
    """
    checkpointer = TurnSaver(pool)
    agent = Agent(
        pool=pool,
        model=model.bind_tools(TOOLS),
        token_model=model.bind_tools(TOOLS, stream=True) if streams_on_request else None,
        model_name=model_name,
        profile=profile,
        graph=build_graph(checkpointer),
        checkpointer=checkpointer,
        history_window=history_window,
        fallback=fallback.bind_tools(TOOLS) if fallback is not None else None,
        kb=kb or SearchOptions(),
        calendar=calendar,
        webhook=webhook,
        clock=clock or real_clock,
    )
    settle_collector()
    return agent


def load_agent(
    settings: Settings,
    pool: Pool,
    profile: Profile,
    notify: Callable[[str], None],
    kb: SearchOptions | None = None,
    *,
    whole_replies: bool = False,
) -> Agent:
    """The agent `settings` describe: its chat model and fallback, the documents prepared
    for search (unless `kb` says how they were), the brokers' calendar. `notify` tells the
    developer, never the lead. `whole_replies`: an LLM streams only the turns whose tokens
    are read as they come (see `make_chat_model`)."""
    from homer_agent import metrics
    from homer_agent.calendar.caldav_sync import BrokerCalendar
    from homer_agent.kb import prepare
    from homer_agent.models import make_chat_model, make_fallback
    from homer_agent.notify import BrokerWebhook
    from homer_agent.tools import TOOL_NAMES

    metrics.register_tools(TOOL_NAMES)
    whole_replies = whole_replies and not settings.offline
    return build_agent(
        pool=pool,
        model=make_chat_model(settings, whole_replies=whole_replies),
        model_name=settings.model_name,
        profile=profile,
        history_window=settings.homer_history_window,
        fallback=make_fallback(settings, notify=notify, whole_replies=whole_replies),
        kb=kb if kb is not None else prepare(settings, profile, pool, notify),
        calendar=BrokerCalendar.from_settings(settings),
        webhook=BrokerWebhook.from_settings(settings),
        streams_on_request=whole_replies,
    )
