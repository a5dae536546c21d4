"""The agent one service process shares across requests, and the once-only turn."""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import psycopg
from langchain_core.language_models import BaseChatModel
from psycopg_pool import PoolTimeout

from homer_agent.brief import notes_of
from homer_agent.config import Settings
from homer_agent.db.models import Lead
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.kb.search import SearchOptions
from homer_agent.leads import LeadForgottenError, get_lead, lead_json, querier
from homer_agent.metrics import ErrorKind
from homer_agent.models.fallback import Fallback
from homer_agent.profile import Profile
from homer_agent.service.readiness import ReadinessProbe
from homer_agent.session import PRUNE_EVERY_TURNS, Session, TurnResult

log = logging.getLogger(__name__)

Channel = Literal["api", "whatsapp"]
MESSAGE_ID_MAX = 256


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a request gets back: the reply, the lead as `lead show --json` prints it."""

    reply: str
    lead: dict[str, Any]
    duplicate: bool = False
    error: ErrorKind | None = None

    def body(self) -> dict[str, Any]:
        return {"reply": self.reply, "lead": self.lead, "duplicate": self.duplicate}


class MessageIdConflictError(Exception):
    """The message id was already used for another text: nothing ran, nothing was stored."""


def text_digest(text: str) -> str:
    """What a receipt keeps of the message it answered: SHA-256 of the text, in hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class Receipt:
    """The idempotency key of one message: checked and stored inside the turn's transaction."""

    channel: Channel
    message_id: str
    text: str | None = None
    reply: str | None = None
    lead: Lead | None = None
    conflict: bool = False
    """The id was seen with another text (set by `seen`, which then says True)."""

    def seen(self, q: Querier, lead: Lead) -> bool:
        row = q.get_message_receipt(
            lead_id=lead.id, channel=self.channel, message_id=self.message_id
        )
        if row is None:
            return False
        self.reply = row.reply
        self.conflict = (
            self.text is not None
            and row.text_sha256 is not None
            and row.text_sha256 != text_digest(self.text)
        )
        return True

    def complete(self, q: Querier, lead: Lead, result: TurnResult) -> None:
        q.insert_message_receipt(
            lead_id=lead.id,
            channel=self.channel,
            message_id=self.message_id,
            reply=result.reply,
            text_sha256=None if self.text is None else text_digest(self.text),
        )
        self.lead = get_lead(q, lead.id)


@dataclass(slots=True)
class Homer:
    """One process's agent: the pool, the chat model and the profile every request shares."""

    settings: Settings
    pool: Pool
    profile: Profile
    model: BaseChatModel
    fallback: Fallback | None = None
    prune_every: int = PRUNE_EVERY_TURNS
    _random: random.Random = field(default_factory=random.Random)
    kb: SearchOptions = field(default_factory=SearchOptions)
    """How search_development searches the documents (`kb.prepare` at start)."""
    _probe: ReadinessProbe | None = None

    def session(self, key: str) -> Session:
        from homer_agent.calendar.caldav_sync import BrokerCalendar

        return Session(
            pool=self.pool,
            model=self.model,
            model_name=self.settings.model_name,
            profile=self.profile,
            session_key=key,
            history_window=self.settings.homer_history_window,
            fallback=self.fallback,
            kb=self.kb,
            calendar=BrokerCalendar.from_settings(self.settings),
        )

    def lead_json(self, lead: Lead) -> dict[str, Any]:
        """The lead as `lead show --json` prints it, notes included."""
        with querier(self.pool) as q:
            notes = notes_of(q, lead.id)
        return lead_json(lead, self.profile.tz, notes)

    def turn(
        self,
        key: str,
        text: str,
        *,
        channel: Channel = "api",
        message_id: str | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Outcome:
        """Run one turn for a message; with a message id, at most once across replicas.

        Raises psycopg / pool errors only when the lead cannot even be read, and
        `MessageIdConflictError` when the message id was used before for another text; a
        turn's own faults come back as `Outcome.error` (never stored as the message's reply).
        """
        receipt = Receipt(channel, message_id, text) if message_id is not None else None
        session = self.session(key)
        try:
            result = session.turn_once(text, receipt, on_token)
        except LeadForgottenError:
            # Forgotten between reading the lead and locking it: this message is a new
            # lead's first (nothing was written for the old one).
            session = self.session(key)
            result = session.turn_once(text, receipt, on_token)
        if receipt is not None and result is None:
            assert receipt.reply is not None
            if receipt.conflict:
                raise MessageIdConflictError(message_id)
            lead = session.refresh_lead()
            if on_token is not None:
                on_token(receipt.reply)
            return Outcome(receipt.reply, self.lead_json(lead), duplicate=True)
        assert result is not None
        if result.error is not None:
            return Outcome(result.reply, self.lead_json(session.lead), error=result.error)
        lead = receipt.lead if receipt is not None and receipt.lead else session.refresh_lead()
        self._maybe_prune(session)
        return Outcome(result.reply, self.lead_json(lead))

    def _maybe_prune(self, session: Session) -> None:
        """Keep checkpoint storage bounded without per-process state: on average every
        `prune_every` turns a turn prunes its conversation to the latest checkpoint."""
        if self._random.random() * self.prune_every < 1:
            try:
                session.prune()
            except (psycopg.Error, PoolTimeout) as exc:
                log.info("could not prune checkpoints: %s", type(exc).__name__)

    def find_lead(self, key: str) -> dict[str, Any] | None:
        with querier(self.pool) as q:
            lead = q.get_lead_by_session_key(session_key=key)
        return None if lead is None else self.lead_json(lead)

    def readiness(self) -> str | None:
        """None when the database answers and its schema is current; else what is wrong
        (on a connection of its own: see `service.readiness`)."""
        if self._probe is None:
            info = self.pool.conninfo
            self._probe = ReadinessProbe(info() if callable(info) else info)
        return self._probe.problem()

    def close_probe(self) -> None:
        if self._probe is not None:
            self._probe.close()
