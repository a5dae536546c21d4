"""Deliver the outbox to HOMER_BROKER_WEBHOOK_URL: once per event, after commit.

A sender locks a batch of unsent rows (FOR UPDATE SKIP LOCKED), posts each and marks it
sent in the same transaction, so a concurrent sender (another replica, `notify sync`)
skips what is being sent and never sees it unsent again. A refused or failed post is
retried with exponential backoff; after `MAX_ATTEMPTS` the event counts as failed and
only `homer-agent notify sync` sends it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

import httpx
import psycopg
from psycopg_pool import PoolTimeout

from homer_agent import metrics
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.notify.message import body_of

if TYPE_CHECKING:
    from homer_agent.config import Settings

__all__ = [
    "MAX_ATTEMPTS",
    "SIGNATURE_HEADER",
    "BrokerWebhook",
    "Courier",
    "DeliveryReport",
    "deliver",
    "deliver_quietly",
    "sign",
]

log = logging.getLogger(__name__)

SIGNATURE_HEADER: Final = "X-Homer-Signature"
MAX_ATTEMPTS: Final = 8
"""Automatic deliveries of one event (about an hour and a quarter of backoff)."""
BATCH: Final = 20
_ERROR_CHARS: Final = 300
RETRY_SECONDS: Final = 30.0
"""How often a `Courier` sends what is due when no turn woke it."""


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: `sha256=` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class DeliveryError(RuntimeError):
    """The receiver could not be reached, or did not accept the event (not 2xx)."""


@dataclass(frozen=True, slots=True)
class BrokerWebhook:
    """Where broker notifications go, and how they are signed."""

    url: str
    secret: str | None = None
    include_contact: bool = False
    timeout: float = 5.0

    @classmethod
    def from_settings(cls, settings: Settings) -> BrokerWebhook | None:
        """The webhook of HOMER_BROKER_WEBHOOK_URL; None when it is not set."""
        if settings.homer_broker_webhook_url is None:
            return None
        secret = settings.homer_broker_webhook_secret
        return cls(
            url=settings.homer_broker_webhook_url,
            secret=secret.get_secret_value() if secret is not None else None,
            include_contact=settings.homer_broker_webhook_include_contact,
            timeout=settings.homer_broker_webhook_timeout,
        )

    def post(self, body: bytes, *, event: str, event_id: str) -> None:
        """POST one event; DeliveryError unless the receiver answers 2xx."""
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "homer-agent",
            "X-Homer-Event": event,
            "X-Homer-Event-Id": event_id,
        }
        if self.secret:
            headers[SIGNATURE_HEADER] = sign(self.secret, body)
        try:
            response = httpx.post(self.url, content=body, headers=headers, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}"[:_ERROR_CHARS]) from None
        if not response.is_success:
            raise DeliveryError(f"HTTP {response.status_code}"[:_ERROR_CHARS])


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int
    pending: int
    failed: int
    error: str | None = None


def deliver(
    pool: Pool, webhook: BrokerWebhook, tz: ZoneInfo, *, due_only: bool = True
) -> DeliveryReport:
    """Send unsent events, oldest first, until none is left or the receiver fails.

    `due_only` (after a turn) skips events waiting for their backoff or given up on;
    `notify sync` sends every unsent one. Never raises for the receiver; a database
    error propagates.
    """
    sent = 0
    error: str | None = None
    with pool.connection() as conn:
        q = Querier(conn)
        while error is None:
            with conn.transaction():
                rows = q.lock_unsent_notifications(
                    due_only=due_only, max_attempts=MAX_ATTEMPTS, max_rows=BATCH
                )
                if not rows:
                    break
                now = datetime.now(tz)
                for row in rows:
                    body = body_of(row, tz=tz, now=now, include_contact=webhook.include_contact)
                    data = json.dumps(body, ensure_ascii=False).encode()
                    try:
                        webhook.post(data, event=row.event, event_id=str(row.event_id))
                    except DeliveryError as exc:
                        error = str(exc)
                        q.mark_notification_failed(id=row.id, last_error=error)
                        break
                    q.mark_notification_sent(id=row.id)
                    sent += 1
        counts = q.count_unsent_notifications(max_attempts=MAX_ATTEMPTS)
    pending, failed = (counts.pending, counts.failed) if counts is not None else (0, 0)
    metrics.set_broker_notifications(pending=pending, failed=failed)
    if error is not None:
        log.info("broker webhook failed: %s", error)
    return DeliveryReport(sent=sent, pending=pending, failed=failed, error=error)


def deliver_quietly(pool: Pool, webhook: BrokerWebhook | None, tz: ZoneInfo) -> None:
    """After a turn: send what is due. Nothing raises here: the turn has committed and
    its reply stands; what is not sent stays in the outbox for the next pass."""
    if webhook is None:
        return
    try:
        deliver(pool, webhook, tz)
    except (psycopg.Error, PoolTimeout) as exc:
        log.warning("could not deliver broker notifications: %s", type(exc).__name__)
    except Exception:
        log.exception("broker notifications not delivered")


class Courier:
    """The service's sender: delivers the outbox on a thread of its own, so a request never
    waits for the brokers' receiver (nor for the outbox's queries when nothing is due).

    `wake()` after a turn commits starts a pass at once (wakes during a pass make one
    more); with no wake, a pass every `every` seconds sends events whose backoff ended
    even when no lead writes. `close()` makes a last pass and stops.
    """

    def __init__(
        self, pool: Pool, webhook: BrokerWebhook, tz: ZoneInfo, *, every: float = RETRY_SECONDS
    ) -> None:
        self.pool = pool
        self.webhook = webhook
        self.tz = tz
        self.every = every
        self._woken = threading.Event()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="homer-courier", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._woken.set()

    def close(self, timeout: float = 15.0) -> None:
        self._closing = True
        self._woken.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            self._woken.wait(self.every)
            self._woken.clear()
            deliver_quietly(self.pool, self.webhook, self.tz)
            if self._closing:
                return
