"""Broker notifications: one signed POST per event to a real HTTP receiver, exactly once,
also when the receiver is down for a while and when two senders run at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from homer_agent.db.pool import Pool
from homer_agent.notify import BrokerWebhook, deliver
from homer_agent.notify.webhook import MAX_ATTEMPTS
from homer_agent.profile import load_profile
from homer_agent.session import Session
from tests.conftest import run_cli
from tests.support.broker_webhook import Receiver, running_receiver
from tests.support.sessions import offline_session, say

PROFILE = load_profile()
TZ = PROFILE.tz
SECRET = "s3cret-for-tests"
QUALIFIED = "Sou a Ana, quero 3 quartos na Aldeota, orçamento de 800 mil"


def next_weekday(weekday: int) -> date:
    today = datetime.now(TZ).date()
    day = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    while PROFILE.calls.is_holiday(day):
        day += timedelta(days=7)
    return day


def dm(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


def webhook_of(receiver: Receiver, *, include_contact: bool = False) -> BrokerWebhook:
    return BrokerWebhook(
        url=receiver.url, secret=SECRET, include_contact=include_contact, timeout=5
    )


@pytest.fixture
def open_session(pool: Pool) -> Callable[..., Session]:
    def open_(key: str, webhook: BrokerWebhook | None) -> Session:
        return offline_session(pool, key, webhook=webhook)

    return open_


def outbox(pool: Pool) -> list[dict[str, Any]]:
    with pool.connection() as conn:
        return list(conn.execute("SELECT * FROM broker_notifications ORDER BY id").fetchall())


def bodies(receiver: Receiver) -> dict[str, dict[str, Any]]:
    """Each event's body by event name; an event posted twice fails here."""
    events = receiver.events()
    assert len(events) == len(set(events)), events
    return {d.json["event"]: d.json for d in receiver.deliveries}


def test_each_event_is_one_signed_post(
    receiver: Receiver, pool: Pool, open_session: Callable[..., Session]
) -> None:
    monday, tuesday = next_weekday(0), next_weekday(1)
    session = open_session("+5585999990001", webhook_of(receiver))
    say(session, QUALIFIED, f"{dm(monday)} às 10h")
    assert sorted(receiver.events()) == ["call_booked", "lead_hot"]
    say(session, f"{dm(tuesday)} às 11h")
    say(session, f"{dm(tuesday)} às 11h")  # the same time again: no change, no event
    say(session, "Quero falar com um corretor")
    assert sorted(receiver.events()) == sorted(
        ["call_booked", "lead_hot", "call_moved", "handoff", "call_cancelled"]
    )
    assert all(d.signed_by(SECRET) for d in receiver.deliveries)
    for delivery in receiver.deliveries:
        assert delivery.headers["content-type"].startswith("application/json")
    sent = bodies(receiver)
    assert sent["call_booked"]["text"].startswith("Ligação agendada com Ana para segunda-feira, ")
    assert sent["call_booked"]["call_at"] == f"{monday.isoformat()}T10:00:00-03:00"
    assert sent["call_moved"]["previous_call_at"] == f"{monday.isoformat()}T10:00:00-03:00"
    assert sent["call_moved"]["call_at"] == f"{tuesday.isoformat()}T11:00:00-03:00"
    assert sent["handoff"]["reason"] == "human"
    assert sent["handoff"]["text"].startswith("Ana pediu para falar com um corretor.\n")
    assert sent["call_cancelled"]["call_at"] == f"{tuesday.isoformat()}T11:00:00-03:00"
    card = sent["lead_hot"]["lead"]
    assert (card["name"], card["bedrooms"], card["neighborhood"]) == ("Ana", 3, "Aldeota")
    # The session key (a phone number) stays out unless asked for.
    for body in sent.values():
        assert "session_key" not in body["lead"]
        assert "+5585999990001" not in json.dumps(body)
        assert set(body) >= {"text", "event", "event_id", "lead", "reason", "call_at"}
    # Every row is marked sent; nothing is left to deliver.
    assert all(row["sent_at"] is not None for row in outbox(pool))
    assert deliver(pool, webhook_of(receiver), TZ, due_only=False).sent == 0
    assert len(receiver.deliveries) == 5


def test_the_contact_is_sent_when_asked_for(
    receiver: Receiver, open_session: Callable[..., Session]
) -> None:
    session = open_session("+5585999990002", webhook_of(receiver, include_contact=True))
    say(session, "Sou o Rui. Quero falar com um atendente humano")
    (body,) = [d.json for d in receiver.deliveries]
    assert body["lead"]["session_key"] == "+5585999990002"
    assert "+5585999990002" in body["text"]


def test_the_notification_carries_the_brokers_notes(
    receiver: Receiver, open_session: Callable[..., Session]
) -> None:
    session = open_session("+5585999990005", webhook_of(receiver))
    say(session, "Sou a Lia. Tenho 2 filhos e um cachorro", "Quero falar com um corretor")
    (body,) = [d.json for d in receiver.deliveries if d.json["event"] == "handoff"]
    assert body["lead"]["notes"] == [
        {"category": "family", "text": "2 filhos"},
        {"category": "pets", "text": "tem cachorro"},
    ]
    assert body["text"].endswith("\nNotas: 2 filhos · tem cachorro")


def test_a_receiver_down_for_a_while_gets_each_event_once_after_it_returns(
    receiver: Receiver, pool: Pool, db_url: str, open_session: Callable[..., Session]
) -> None:
    env = {
        "DATABASE_URL": db_url,
        "HOMER_BROKER_WEBHOOK_URL": receiver.url,
        "HOMER_BROKER_WEBHOOK_SECRET": SECRET,
    }
    receiver.down()
    session = open_session("+5585999990003", webhook_of(receiver))
    say(session, QUALIFIED, f"{dm(next_weekday(2))} às 15h", "Quero falar com um corretor")
    rows = outbox(pool)
    assert sorted(r["event"] for r in rows) == sorted(
        ["lead_hot", "call_booked", "handoff", "call_cancelled"]
    )
    assert all(r["sent_at"] is None for r in rows)
    assert any(r["attempts"] >= 1 and r["last_error"] for r in rows)
    failed = run_cli("notify", "sync", env=env)
    assert failed.returncode == 1
    assert "still unsent" in failed.stderr and "Traceback" not in failed.stderr
    receiver.up()
    synced = run_cli("notify", "sync", env=env)
    assert synced.returncode == 0, synced.stderr
    assert "Sent 4 notification(s)" in synced.stderr
    assert sorted(receiver.events()) == sorted(r["event"] for r in rows)
    assert all(d.signed_by(SECRET) for d in receiver.deliveries)
    again = run_cli("notify", "sync", env=env)
    assert again.returncode == 0 and "Sent 0 notification(s)" in again.stderr
    # A later turn sends nothing already accepted either.
    say(session, "Oi")
    assert len(receiver.event_ids()) == len(set(receiver.event_ids()))
    assert set(receiver.event_ids()) >= {str(r["event_id"]) for r in rows}


def test_given_up_events_count_as_failed_and_sync_still_sends_them(
    receiver: Receiver, pool: Pool, open_session: Callable[..., Session]
) -> None:
    receiver.down()
    session = open_session("+5585999990004", webhook_of(receiver))
    say(session, "Quero falar com um corretor")
    with pool.connection() as conn:
        conn.execute("UPDATE broker_notifications SET attempts = %s", (MAX_ATTEMPTS,))
    report = deliver(pool, webhook_of(receiver), TZ)  # after a turn: due ones only
    assert (report.sent, report.pending, report.failed) == (0, 0, 1)
    receiver.up()
    report = deliver(pool, webhook_of(receiver), TZ, due_only=False)
    assert (report.sent, report.pending, report.failed) == (1, 0, 0)
    assert receiver.events() == ["handoff"]


def test_two_senders_at_once_post_each_event_once(
    pool: Pool, db_url: str, open_session: Callable[..., Session]
) -> None:
    # Events written with no webhook set: they wait in the outbox.
    for n in range(6):
        say(open_session(f"+55859999901{n:02d}", None), "Quero falar com um corretor")
    assert len(outbox(pool)) == 6
    gate = threading.Event()  # requests wait until it opens: the senders overlap
    with running_receiver(gate=gate) as receiver:
        hook = webhook_of(receiver)
        reports: list[Any] = []
        senders = [
            threading.Thread(target=lambda: reports.append(deliver(pool, hook, TZ, due_only=False)))
            for _ in range(2)
        ]
        for sender in senders:
            sender.start()
        # Two replicas too: two `notify sync` processes alongside the two threads.
        env = os.environ | {
            "DATABASE_URL": db_url,
            "HOMER_BROKER_WEBHOOK_URL": receiver.url,
            "HOMER_METRICS_PORT": "0",
        }
        exe = Path(sys.executable).with_name("homer-agent")
        procs = [
            subprocess.Popen([str(exe), "notify", "sync"], env=env, stderr=subprocess.DEVNULL)
            for _ in range(2)
        ]
        gate.set()
        for sender in senders:
            sender.join(30)
        for proc in procs:
            proc.wait(60)
        ids = receiver.event_ids()
    assert sorted(ids) == sorted(str(r["event_id"]) for r in outbox(pool))
    assert len(ids) == len(set(ids)) == 6
    assert all(r["sent_at"] is not None for r in outbox(pool))


def test_without_a_webhook_leads_handoff_lists_who_waits_for_a_person(
    db_url: str, open_session: Callable[..., Session]
) -> None:
    env = {"DATABASE_URL": db_url}
    assert "No lead is waiting" in run_cli("leads", "--handoff", env=env).stderr
    # The conversations run in process (the chat command has tests of its own); the
    # listing is the CLI's.
    say(open_session("+5585999990201", None), "Sou a Ana", "Quero falar com um corretor")
    say(open_session("+5585999990202", None), "Pare de me mandar mensagem")
    say(open_session("+5585999990203", None), "Quero 3 quartos")
    table = run_cli("leads", "--handoff", env=env)
    assert table.returncode == 0, table.stderr
    assert "+5585999990201" in table.stdout and "human" in table.stdout
    # An opt-out is no one waiting for a person; a lead still qualifying neither.
    assert "+5585999990202" not in table.stdout and "+5585999990203" not in table.stdout
    shown = json.loads(run_cli("leads", "--handoff", "--json", env=env).stdout)
    assert [row["session_key"] for row in shown] == ["+5585999990201"]
    (lead,) = shown
    assert lead == json.loads(run_cli("lead", "show", "+5585999990201", "--json", env=env).stdout)
    # The events still wait in the outbox for a webhook.
    with psycopg.connect(db_url) as conn:
        events = [r[0] for r in conn.execute("SELECT event FROM broker_notifications ORDER BY id")]
    assert events.count("handoff") == 2
