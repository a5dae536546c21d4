"""The agent one service process shares across requests, and the once-only turn."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

import psycopg
from psycopg import Connection, Cursor
from psycopg.rows import DictRow, class_row

from homer_agent.agent import Agent
from homer_agent.brief import notes_of
from homer_agent.config import Settings
from homer_agent.db import queries
from homer_agent.db.models import Lead, LeadNote, MessageReceipt
from homer_agent.db.pool import Pool
from homer_agent.db.queries import GetMessageReceiptParams, Querier
from homer_agent.leads import LeadForgottenError, lead_json, querier
from homer_agent.metrics import ErrorKind
from homer_agent.notify import Courier
from homer_agent.profile import Profile
from homer_agent.service.readiness import ReadinessProbe
from homer_agent.session import TurnResult

log = logging.getLogger(__name__)

Channel = Literal["api", "whatsapp"]
MESSAGE_ID_MAX = 256


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a request gets back: the reply, the lead as `lead show --json` prints it (empty
    when the turn failed, or when it was not asked for)."""

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
    conflict: bool = False
    """The id was seen with another text (set by `seen`, which then says True)."""
    with_notes: bool = False
    """Whether `complete` also reads the lead's notes (for the reply's lead)."""
    _receipt: Cursor[MessageReceipt] | None = None
    _notes: Cursor[LeadNote] | None = None

    def check(self, conn: Connection[DictRow], lead_id: int) -> None:
        # Queued, not fetched: it goes in the turn's first pipeline, with the lock (`seen`
        # reads it once that has been sent).
        params = GetMessageReceiptParams(
            lead_id=lead_id, channel=self.channel, message_id=self.message_id
        )
        self._receipt = psycopg.RawCursor(conn, row_factory=class_row(MessageReceipt))
        self._receipt.execute(
            queries.GET_MESSAGE_RECEIPT, (params.lead_id, params.channel, params.message_id)
        )

    def seen(self) -> bool:
        assert self._receipt is not None, "seen() after check()"
        row = self._receipt.fetchone()
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
        if self.with_notes:
            # Queued, not fetched: it goes in the turn's last pipeline, after the tools'
            # writes, and is read once that has been sent (`notes`): no round trip of its own.
            self._notes = psycopg.RawCursor(q.conn, row_factory=class_row(LeadNote))
            self._notes.execute(queries.LIST_LEAD_NOTES, (lead.id,))

    def notes(self) -> list[LeadNote] | None:
        """The notes `complete` read in the turn's transaction; None if it read none."""
        return None if self._notes is None else self._notes.fetchall()


LEADS_KEPT: Final = 10_000
"""Session keys whose lead row a process keeps between requests (see `Homer.turn`)."""


@dataclass(slots=True)
class Homer:
    """One process's service: the settings and the agent every request shares."""

    settings: Settings
    agent: Agent
    _probe: ReadinessProbe | None = None
    _leads: dict[str, Lead] = field(default_factory=dict)
    """The lead each recent session key had as its last turn here left it: a turn re-reads
    the row under its lock anyway, so this only spares the look-up by key."""
    _leads_lock: threading.Lock = field(default_factory=threading.Lock)
    _courier: Courier | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        # The brokers' notifications go on a thread of their own, woken after each turn,
        # instead of in the turn's request (see notify.Courier).
        webhook = self.agent.webhook
        if webhook is not None:
            self._courier = Courier(self.pool, webhook, self.profile.tz)
            self.agent = replace(self.agent, webhook=None)

    @property
    def pool(self) -> Pool:
        return self.agent.pool

    @property
    def profile(self) -> Profile:
        return self.agent.profile

    def lead_json(self, lead: Lead, notes: list[LeadNote] | None = None) -> dict[str, Any]:
        """The lead as `lead show --json` prints it, notes included (read unless given)."""
        if notes is None:
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
        with_lead: bool = True,
    ) -> Outcome:
        """Run one turn for a message; with a message id, at most once across replicas.

        Raises psycopg / pool errors only when the lead cannot even be read, and
        `MessageIdConflictError` when the message id was used before for another text; a
        turn's own faults come back as `Outcome.error` (never stored as the message's reply).
        The lead in the outcome is the row the turn read under its lock, as the turn left
        it: it is not read again. It is left empty when the turn failed (the API answers an
        error instead) or `with_lead` is false (a WhatsApp reply is only text).

        The key's lead is looked up once per process: later requests start from the row
        the last turn left (the turn locks and re-reads it by id). A lead forgotten since,
        here or in another process, is seen under the lock and the message starts a new
        lead, as when it is forgotten between the look-up and the lock.
        """
        receipt = (
            Receipt(channel, message_id, text, with_notes=with_lead)
            if message_id is not None
            else None
        )
        session = self.agent.session(key, self._leads.get(key))
        try:
            result = session.turn_once(text, receipt, on_token)
        except LeadForgottenError:
            # Forgotten between reading the lead and locking it: this message is a new
            # lead's first (nothing was written for the old one).
            session = self.agent.session(key)
            result = session.turn_once(text, receipt, on_token)
        finally:
            if self._courier is not None:
                self._courier.wake()  # the turn has committed (or written nothing)
        self._keep(key, session.lead)
        if receipt is not None and result is None:
            assert receipt.reply is not None
            if receipt.conflict:
                raise MessageIdConflictError(message_id)
            if on_token is not None:
                on_token(receipt.reply)
            lead = self.lead_json(session.lead) if with_lead else {}
            return Outcome(receipt.reply, lead, duplicate=True)
        assert result is not None
        if result.error is not None:
            return Outcome(result.reply, {}, error=result.error)
        if not with_lead:
            return Outcome(result.reply, {})
        notes = None if receipt is None else receipt.notes()
        return Outcome(result.reply, self.lead_json(session.lead, notes))

    def _keep(self, key: str, lead: Lead) -> None:
        with self._leads_lock:
            if key not in self._leads and len(self._leads) >= LEADS_KEPT:
                del self._leads[next(iter(self._leads))]  # the oldest key
            self._leads[key] = lead

    def find_lead(self, key: str) -> dict[str, Any] | None:
        with querier(self.pool) as q:
            lead = q.get_lead_by_session_key(session_key=key)
        return None if lead is None else self.lead_json(lead)

    def release_lead(self, key: str) -> dict[str, Any] | None:
        """Hand the lead's conversation back to Homer; the lead as JSON, None if unknown."""
        with querier(self.pool) as q:
            lead = q.get_lead_by_session_key(session_key=key)
            if lead is None:
                return None
            lead = q.release_handoff(id=lead.id) or lead
            return lead_json(lead, self.profile.tz, notes_of(q, lead.id))

    def readiness(self) -> str | None:
        """None when the database answers and its schema is current; else what is wrong
        (on a connection of its own: see `service.readiness`)."""
        if self._probe is None:
            info = self.pool.conninfo
            self._probe = ReadinessProbe(info() if callable(info) else info)
        return self._probe.problem()

    def close(self) -> None:
        """Stop what the service runs beside the requests: the readiness probe's
        connection, and the brokers' sender after a last pass (before the pool closes)."""
        if self._probe is not None:
            self._probe.close()
        if self._courier is not None:
            self._courier.close()
