"""The WhatsApp Cloud API channel: the webhook in, each text message a turn, the reply out.

The webhook is acknowledged at once and the turns run in the background (Meta retries a
webhook that is not answered quickly). The sender's `wa_id` is the session key and the
message id the idempotency key, so a retried webhook is processed once on any replica.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, Final

import httpx
import psycopg
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from psycopg_pool import PoolTimeout

from homer_agent.config import Settings
from homer_agent.inputs import UserError, check_session_key
from homer_agent.leads import querier
from homer_agent.ptbr.replies import ONLY_TEXT_REPLY, TOO_LONG_REPLY
from homer_agent.service.bodies import read_body
from homer_agent.service.deps import RuntimeDep, SettingsDep
from homer_agent.service.homer import MESSAGE_ID_MAX, Homer, MessageIdConflictError
from homer_agent.service.runtime import Runtime

log = logging.getLogger(__name__)

PATH: Final = "/webhooks/whatsapp"
# Meta batches at most a few messages per webhook; a megabyte is far above any of them.
MAX_BODY_BYTES: Final = 1 << 20
SEND_ATTEMPTS: Final = 5
BACKOFF_SECONDS: Final = 0.5
MAX_BACKOFF_SECONDS: Final = 8.0
# E.164 numbers have at most 15 digits; a little room for what Meta may send.
WA_ID_MAX_DIGITS: Final = 20


@dataclass(frozen=True, slots=True)
class Incoming:
    """One message from a webhook payload."""

    phone_number_id: str
    wa_id: str
    message_id: str
    kind: str
    text: str | None


def incoming_messages(payload: Any) -> Iterator[Incoming]:
    """The messages of a webhook payload, in order; status callbacks and junk are skipped."""
    if not isinstance(payload, dict):
        return
    for entry in _dicts(payload.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            metadata = value.get("metadata")
            if not isinstance(metadata, dict):
                continue
            phone_number_id = metadata.get("phone_number_id")
            for message in _dicts(value.get("messages")):
                sender, message_id = message.get("from"), message.get("id")
                if not (
                    isinstance(phone_number_id, str)
                    and isinstance(sender, str)
                    and isinstance(message_id, str)
                ):
                    continue
                kind = str(message.get("type", ""))
                body = message.get("text")
                text = body.get("body") if kind == "text" and isinstance(body, dict) else None
                yield Incoming(
                    phone_number_id,
                    sender,
                    message_id,
                    kind,
                    text if isinstance(text, str) else None,
                )


def is_wa_id(value: str) -> bool:
    """A WhatsApp user id: the sender's phone number in ASCII digits (country code first)."""
    return 5 <= len(value) <= WA_ID_MAX_DIGITS and value.isascii() and value.isdigit()


def refusal(incoming: Incoming) -> str | None:
    """Why a message cannot be a lead's turn (logged, never echoed), or None."""
    if not is_wa_id(incoming.wa_id):
        return "'from' is not a WhatsApp wa_id (digits only)"
    try:
        check_session_key(incoming.wa_id)
    except UserError as exc:
        return str(exc)
    if not 0 < len(incoming.message_id) <= MESSAGE_ID_MAX:
        return f"the message id is empty or over {MESSAGE_ID_MAX} characters"
    return None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def signature_ok(secret: str, body: bytes, header: str | None) -> bool:
    """X-Hub-Signature-256: "sha256=" + HMAC-SHA256 of the raw body, compared in constant time."""
    if not header:
        return False
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(header.strip().encode(), expected.encode())


class Sender:
    """Posts replies to the Graph API, retrying 429, 5xx and transport errors with backoff."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient) -> None:
        self.base = str(settings.homer_whatsapp_api_url).rstrip("/")
        token = settings.homer_whatsapp_token
        self.token = None if token is None else token.get_secret_value()
        self.client = client

    async def send(self, phone_number_id: str, to: str, text: str) -> bool:
        """True when the Graph API accepted the message."""
        if self.token is None:
            log.warning("cannot reply on WhatsApp: HOMER_WHATSAPP_TOKEN is not set")
            return False
        body = {"messaging_product": "whatsapp", "to": to, "type": "text", "text": {"body": text}}
        url = f"{self.base}/{phone_number_id}/messages"
        headers = {"Authorization": f"Bearer {self.token}"}
        delay = BACKOFF_SECONDS
        for attempt in range(1, SEND_ATTEMPTS + 1):
            wait = delay
            try:
                response = await self.client.post(url, json=body, headers=headers)
            except httpx.TransportError as exc:
                problem = type(exc).__name__
            else:
                if response.is_success:
                    return True
                if response.status_code != 429 and response.status_code < 500:
                    log.warning("WhatsApp refused a reply: HTTP %s", response.status_code)
                    return False
                problem = f"HTTP {response.status_code}"
                wait = _retry_after(response, delay)
            if attempt < SEND_ATTEMPTS:
                log.info("WhatsApp send failed (%s); retrying in %.1f s", problem, wait)
                await asyncio.sleep(wait)
                delay = min(delay * 2, MAX_BACKOFF_SECONDS)
        log.warning("WhatsApp reply not delivered after %d attempts", SEND_ATTEMPTS)
        return False


def _retry_after(response: httpx.Response, default: float) -> float:
    raw = response.headers.get("retry-after", "")
    try:
        return min(max(float(raw), 0.0), MAX_BACKOFF_SECONDS)
    except ValueError:
        return default


def claim_without_turn(homer: Homer, incoming: Incoming) -> bool:
    """Record a message that runs no turn (media): True the first time its id is seen."""
    with querier(homer.pool) as q:
        lead = q.get_or_create_lead(session_key=incoming.wa_id)
        assert lead is not None
        try:
            q.insert_message_receipt(
                lead_id=lead.id,
                channel="whatsapp",
                message_id=incoming.message_id,
                reply=ONLY_TEXT_REPLY,
                text_sha256=None,
            )
        except psycopg.errors.UniqueViolation:
            return False
    return True


async def handle(runtime: Runtime, sender: Sender, messages: list[Incoming]) -> None:
    """Run the webhook's messages in order and send each reply (in the background)."""
    homer = runtime.homer
    limit = homer.settings.homer_max_message_chars
    for incoming in messages:
        try:
            reply = await _answer(runtime, homer, incoming, limit)
        except (psycopg.Error, PoolTimeout) as exc:
            # Nothing was stored: when Meta retries the webhook the message runs then.
            log.warning("WhatsApp message not processed: database %s", type(exc).__name__)
            continue
        except MessageIdConflictError:
            log.warning("WhatsApp message not processed: its id was used for another text")
            continue
        except Exception:
            log.exception("WhatsApp message not processed")
            continue
        if reply is not None:
            await sender.send(incoming.phone_number_id, incoming.wa_id, reply)


async def _answer(runtime: Runtime, homer: Homer, incoming: Incoming, limit: int) -> str | None:
    """The reply to send, or None when the message was already answered."""
    if incoming.text is None:
        first = await runtime.blocking(partial(claim_without_turn, homer, incoming))
        return ONLY_TEXT_REPLY if first else None
    text = incoming.text.strip()
    if not text:
        return None
    if len(text) > limit:
        return TOO_LONG_REPLY
    outcome = await runtime.blocking(
        partial(
            homer.turn,
            incoming.wa_id,
            text,
            channel="whatsapp",
            message_id=incoming.message_id,
            with_lead=False,
        )
    )
    if outcome.duplicate:
        return None
    # On a fault, the session's polite pt-BR error reply; nothing at all while a person has
    # the conversation and Homer has already said so (an empty reply).
    return outcome.reply or None


router = APIRouter()


@router.get(PATH, summary="WhatsApp webhook verification (hub.challenge echo)")
async def verify(request: Request, settings: SettingsDep) -> Response:
    verify_token = settings.homer_whatsapp_verify_token
    if verify_token is None:
        return _error(503, "the WhatsApp channel is off: set HOMER_WHATSAPP_VERIFY_TOKEN")
    params = request.query_params
    given = params.get("hub.verify_token", "")
    if params.get("hub.mode") == "subscribe" and hmac.compare_digest(
        given.encode(), verify_token.get_secret_value().encode()
    ):
        return PlainTextResponse(params.get("hub.challenge", ""))
    return _error(403, "verification refused: hub.mode or hub.verify_token is wrong")


@router.post(PATH, summary="WhatsApp webhook: signed messages, answered in the background")
async def receive(request: Request, settings: SettingsDep, runtime: RuntimeDep) -> Response:
    app_secret = settings.homer_whatsapp_app_secret
    if app_secret is None:
        return _error(503, "the WhatsApp channel is off: set HOMER_WHATSAPP_APP_SECRET")
    body = await read_body(request, MAX_BODY_BYTES)
    if body is None:
        return _error(413, f"the body is over {MAX_BODY_BYTES} bytes")
    if not signature_ok(
        app_secret.get_secret_value(), body, request.headers.get("x-hub-signature-256")
    ):
        return _error(401, "missing or wrong X-Hub-Signature-256")
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: nested past Python's limit
        return _error(400, "the body is not JSON (or is nested too deeply)")
    messages: list[Incoming] = []
    rejected = 0
    for incoming in incoming_messages(payload):
        problem = refusal(incoming)
        if problem is None:
            messages.append(incoming)
        else:
            rejected += 1
            log.warning("WhatsApp message refused: %s", problem)
    if messages:
        runtime.spawn(handle(runtime, Sender(settings, runtime.http), messages))
    # 200 even when some are refused: Meta would retry a failed webhook forever.
    return JSONResponse({"status": "accepted", "messages": len(messages), "rejected": rejected})


def _error(status: int, message: str) -> Response:
    return JSONResponse({"error": message}, status_code=status)
