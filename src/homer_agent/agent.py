"""The agent, assembled once per process: the chat model with the tools bound, the fallback,
the checkpointer and the compiled graph. The terminal and the service both hold one, and
run each turn through `Session` with it (see session.py)."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import psycopg
from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.postgres import PostgresSaver
from psycopg import Connection, Cursor
from psycopg.rows import DictRow, dict_row
from psycopg_pool import PoolTimeout

from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.graph import Graph, build_graph
from homer_agent.kb.search import SearchOptions
from homer_agent.leads import thread_id
from homer_agent.models.fallback import Fallback
from homer_agent.profile import Profile
from homer_agent.state import ChatRunnable
from homer_agent.tools import TOOLS

if TYPE_CHECKING:
    from homer_agent.calendar.caldav_sync import BrokerCalendar
    from homer_agent.config import Settings
    from homer_agent.notify import BrokerWebhook
    from homer_agent.session import Session

log = logging.getLogger(__name__)

# The one pruning policy. Each turn (durability "exit") writes one checkpoint holding the
# conversation's window; pruning to the latest keeps storage linear in messages. A prune
# costs a few round trips, so on average one turn in PRUNE_EVERY_TURNS prunes (a draw: no
# per-lead counter to keep across requests and replicas), and a session that ends (the
# chat quits) prunes what its turns left behind.
PRUNE_EVERY_TURNS = 8

_TURN_CONN: ContextVar[Connection[DictRow] | None] = ContextVar("homer_turn_conn", default=None)


class TurnSaver(PostgresSaver):
    """LangGraph's PostgresSaver on the pool, except inside a turn (`using`): there it uses
    the turn's connection, so the lead lock, the lead writes and the checkpoint share one
    connection, and one saver serves every thread of the process at once."""

    @contextmanager
    def using(self, conn: Connection[DictRow]) -> Iterator[None]:
        token = _TURN_CONN.set(conn)
        try:
            yield
        finally:
            _TURN_CONN.reset(token)

    @contextmanager
    def _cursor(self, *, pipeline: bool = False) -> Iterator[Cursor[DictRow]]:
        conn = _TURN_CONN.get()
        if conn is None:
            with super()._cursor(pipeline=pipeline) as cur:
                yield cur
            return
        # The turn's connection is this thread's alone: no saver-wide lock. A pipeline
        # sends a checkpoint's blobs and row in one round trip.
        if pipeline:
            with conn.pipeline(), conn.cursor(binary=True, row_factory=dict_row) as cur:
                yield cur
        else:
            with conn.cursor(binary=True, row_factory=dict_row) as cur:
                yield cur


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

    def session(self, key: str, lead: Lead | None = None) -> Session:
        """The session of `key`'s lead (created on first contact), or of `lead` as read."""
        from homer_agent.session import Session

        return Session(self, key, lead)

    def prune_due(self) -> bool:
        """Whether this turn prunes its conversation (on average every `prune_every`)."""
        return self.draw() * self.prune_every < 1

    def prune(self, lead: Lead) -> bool:
        """Keep only the latest checkpoint of the lead's conversation (it holds the whole
        window); a database fault here loses nothing and is only logged."""
        try:
            self.checkpointer.prune([thread_id(lead)], strategy="keep_latest")
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
) -> Agent:
    """Bind the tools, open the checkpointer and compile the graph, once."""
    checkpointer = TurnSaver(pool)
    return Agent(
        pool=pool,
        model=model.bind_tools(TOOLS),
        model_name=model_name,
        profile=profile,
        graph=build_graph(checkpointer),
        checkpointer=checkpointer,
        history_window=history_window,
        fallback=fallback.bind_tools(TOOLS) if fallback is not None else None,
        kb=kb or SearchOptions(),
        calendar=calendar,
        webhook=webhook,
    )


def load_agent(
    settings: Settings,
    pool: Pool,
    profile: Profile,
    notify: Callable[[str], None],
    kb: SearchOptions | None = None,
) -> Agent:
    """The agent `settings` describe: its chat model and fallback, the documents prepared
    for search (unless `kb` says how they were), the brokers' calendar. `notify` tells the
    developer, never the lead."""
    from homer_agent import metrics
    from homer_agent.calendar.caldav_sync import BrokerCalendar
    from homer_agent.kb import prepare
    from homer_agent.models import make_chat_model, make_fallback
    from homer_agent.notify import BrokerWebhook
    from homer_agent.tools import TOOL_NAMES

    metrics.register_tools(TOOL_NAMES)
    return build_agent(
        pool=pool,
        model=make_chat_model(settings),
        model_name=settings.model_name,
        profile=profile,
        history_window=settings.homer_history_window,
        fallback=make_fallback(settings, notify=notify),
        kb=kb if kb is not None else prepare(settings, profile, pool, notify),
        calendar=BrokerCalendar.from_settings(settings),
        webhook=BrokerWebhook.from_settings(settings),
    )
