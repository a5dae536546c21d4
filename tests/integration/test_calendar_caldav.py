"""The brokers' calendar over real CalDAV: Radicale with htpasswd auth
(tests/support/radicale_server).

Turns run through the real Session, graph, offline model and Postgres; the calendar is
read back with the `caldav` client; the CLI runs as a subprocess.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from homer_agent.calendar.caldav_sync import BrokerCalendar
from homer_agent.db.pool import Pool
from homer_agent.leads import querier
from homer_agent.profile import load_profile
from homer_agent.ptbr.lexicon import WEEKDAY_NAMES
from homer_agent.session import Session
from tests.conftest import run_cli
from tests.support.cli import piped_chat
from tests.support.fake_openai import FakeOpenAI, Text, ToolCalls, call
from tests.support.radicale_server import USER, Gate, Radicale
from tests.support.sessions import offline_session, say

PROFILE = load_profile()
TZ = PROFILE.tz
QUALIFIED = "Sou a Ana, quero 3 quartos na Aldeota, orçamento de 800 mil"


def next_weekday(weekday: int) -> date:
    """The date "segunda" (0), "terça" (1)... means today: strictly after today."""
    today = datetime.now(TZ).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def dm(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}"


MONDAY = next_weekday(0)
BookWhileDown = Callable[[str], tuple[dict[str, str], Session]]


@pytest.fixture
def calendar_url(radicale: Radicale) -> str:
    return radicale.new_calendar()


def broker_calendar(radicale: Radicale, url: str) -> BrokerCalendar:
    return BrokerCalendar(url, username=USER, password=radicale.password, timeout=5)


def caldav_env(radicale: Radicale, url: str) -> dict[str, str]:
    return {
        "HOMER_CALDAV_URL": url,
        "HOMER_CALDAV_USERNAME": USER,
        "HOMER_CALDAV_PASSWORD": radicale.password,
    }


@pytest.fixture
def open_session(pool: Pool) -> Callable[..., Session]:
    def open_(key: str, calendar: BrokerCalendar | None) -> Session:
        return offline_session(pool, key, calendar=calendar)

    return open_


@pytest.fixture
def on_calendar(
    radicale: Radicale, calendar_url: str, open_session: Callable[..., Session]
) -> Callable[[str], Session]:
    """The offline session of a key, booking on this test's calendar."""
    return lambda key: open_session(key, broker_calendar(radicale, calendar_url))


@pytest.fixture
def booked_monday(on_calendar: Callable[[str], Session]) -> Callable[[str], Session]:
    """The offline session of a key whose qualified lead booked Monday at 10h."""

    def book(key: str) -> Session:
        session = on_calendar(key)
        say(session, QUALIFIED, "segunda às 10h")
        return session

    return book


def booked_anyway(
    pool: Pool, open_session: Callable[..., Session], key: str, calendar: BrokerCalendar
) -> dict[str, Any]:
    """Ana books Monday 10h on `calendar`, which fails her: the booking stands all the
    same; the call's one row."""
    replies = say(open_session(key, calendar), QUALIFIED, "segunda às 10h")
    assert replies[-1].startswith("Tudo certo, Ana!")
    [row] = call_rows(pool)
    return row


def call_rows(pool: Pool) -> list[dict[str, Any]]:
    with pool.connection() as conn:
        return list(conn.execute("SELECT * FROM call_events ORDER BY id").fetchall())


def only_event(radicale: Radicale, url: str) -> Any:
    events = radicale.events(url)
    assert len(events) == 1, events
    return events[0]


def test_booking_creates_one_event_with_the_lead_card(
    radicale: Radicale, calendar_url: str, pool: Pool, on_calendar: Callable[[str], Session]
) -> None:
    session = on_calendar("ana-card")
    replies = say(session, QUALIFIED, "segunda às 10h")
    assert f"segunda-feira, {dm(MONDAY)} às 10h" in replies[-1]

    event = only_event(radicale, calendar_url)
    [row] = call_rows(pool)
    assert str(event["uid"]) == row["uid"]
    assert row["version"] == row["pushed_version"] == 1
    assert str(event["summary"]) == "Ligação: Ana"
    start = event.decoded("dtstart")
    assert start == local(MONDAY, 10)
    assert str(start.tzinfo) == "America/Fortaleza"  # DTSTART;TZID=America/Fortaleza
    assert event.decoded("dtend") - start == timedelta(minutes=30)
    description = str(event["description"])
    for line in ("Nome: Ana", "Quartos: 3", "Bairro: Aldeota", "R$ 800.000", "ana-card"):
        assert line in description
    # The broker reads pt-BR: the temperature too (never "hot").
    temperature = next(li for li in description.splitlines() if li.startswith("Temperatura: "))
    assert temperature.removeprefix("Temperatura: ") in {"frio", "morno", "quente"}, temperature
    assert str(event["status"]) == "CONFIRMED"


def test_a_slot_overlapping_an_event_is_refused_with_free_alternatives(
    radicale: Radicale, calendar_url: str, pool: Pool, on_calendar: Callable[[str], Session]
) -> None:
    radicale.add_busy(calendar_url, local(MONDAY, 10), local(MONDAY, 11), "Reunião de equipe")
    session = on_calendar("ana-busy")
    replies = say(session, QUALIFIED, "segunda às 10h30")
    assert replies[-1] == (
        "Esse horário já está ocupado na agenda dos corretores. "
        f"Posso agendar segunda-feira, {dm(MONDAY)} às 9h30, às 11h ou às 11h30?"
    )
    assert session.refresh_lead().call_at is None
    assert len(radicale.events(calendar_url)) == 1

    # The lead picks one of the offered slots in their own words.
    say(session, "às 11h")
    assert session.refresh_lead().call_at == local(MONDAY, 11)
    ours = [e for e in radicale.events(calendar_url) if str(e["summary"]) == "Ligação: Ana"]
    assert [e.decoded("dtstart") for e in ours] == [local(MONDAY, 11)]


def test_reschedule_moves_the_same_event(
    radicale: Radicale, calendar_url: str, booked_monday: Callable[[str], Session]
) -> None:
    session = booked_monday("ana-move")
    first = only_event(radicale, calendar_url)
    # An hour alone keeps the booked day; the booked call's own event is not "busy".
    replies = say(session, "Pode ser às 10h30 então")
    assert f"segunda-feira, {dm(MONDAY)} às 10h30" in replies[-1]
    moved = only_event(radicale, calendar_url)
    assert str(moved["uid"]) == str(first["uid"])
    assert moved.decoded("dtstart") == local(MONDAY, 10, 30)
    assert int(moved["sequence"]) > int(first["sequence"])


def test_forget_deletes_the_event(
    radicale: Radicale,
    calendar_url: str,
    pool: Pool,
    db_url: str,
    booked_monday: Callable[[str], Session],
) -> None:
    booked_monday("ana-forget")
    assert len(radicale.events(calendar_url)) == 1

    result = run_cli(
        "lead",
        "forget",
        "ana-forget",
        "--yes",
        env={"DATABASE_URL": db_url} | caldav_env(radicale, calendar_url),
    )
    assert result.returncode == 0, result.stderr
    assert "Its call was deleted from the brokers' calendar." in result.stderr
    assert radicale.events(calendar_url) == []
    assert call_rows(pool) == []


def test_handoff_after_booking_cancels_the_event(
    radicale: Radicale, calendar_url: str, db_url: str, booked_monday: Callable[[str], Session]
) -> None:
    session = booked_monday("ana-optout")
    result = session.turn("Não quero mais receber mensagens, pare de me mandar mensagem")
    assert result.route == "handoff"
    event = only_event(radicale, calendar_url)
    assert str(event["status"]) == "CANCELLED"
    listed = run_cli("calls", "--json", env={"DATABASE_URL": db_url})
    assert json.loads(listed.stdout) == []


@pytest.fixture
def gate(radicale: Radicale) -> Iterator[Gate]:
    door = Gate(radicale.port).open()
    yield door
    door.close()


def through(gate: Gate, url: str) -> str:
    return url.replace(f":{url.split(':')[2].split('/', maxsplit=1)[0]}/", f":{gate.port}/", 1)


def test_calendar_down_keeps_the_booking_and_pushes_it_once_on_the_next_turn(
    *,
    radicale: Radicale,
    calendar_url: str,
    pool: Pool,
    db_url: str,
    gate: Gate,
    open_session: Callable[..., Session],
) -> None:
    url = through(gate, calendar_url)
    session = open_session("ana-down", broker_calendar(radicale, url))
    say(session, QUALIFIED)
    gate.close()  # the calendar is unreachable: connections are refused
    replies = say(session, "segunda às 10h")
    assert replies[-1].startswith("Tudo certo, Ana! Um corretor vai te ligar")
    assert session.refresh_lead().call_at == local(MONDAY, 10)
    [row] = call_rows(pool)
    assert (row["version"], row["pushed_version"], row["attempts"]) == (1, 0, 1)
    assert "calendar" in row["last_error"]
    assert radicale.events(calendar_url) == []
    listed = run_cli("calls", "--json", env={"DATABASE_URL": db_url} | caldav_env(radicale, url))
    assert [c["calendar"] for c in json.loads(listed.stdout)] == ["pending"]

    gate.open()  # back, on the same URL
    say(session, "Obrigada!")
    event = only_event(radicale, calendar_url)
    [row] = call_rows(pool)
    assert (row["version"], row["pushed_version"], row["attempts"]) == (1, 1, 0)

    # Nothing is pushed twice: neither by the sync command nor by later turns.
    synced = run_cli("calls", "sync", env={"DATABASE_URL": db_url} | caldav_env(radicale, url))
    assert synced.returncode == 0, synced.stderr
    assert "Pushed 0 change(s)" in synced.stderr
    say(session, "Tem academia?")
    again = only_event(radicale, calendar_url)
    assert again.decoded("dtstamp") == event.decoded("dtstamp")


@pytest.fixture
def book_while_down(
    radicale: Radicale,
    calendar_url: str,
    db_url: str,
    gate: Gate,
    open_session: Callable[..., Session],
) -> BookWhileDown:
    """Ana books Monday 10h under `key` while the calendar cannot be reached: the call is
    pending. Gives the `calls sync` environment (through the gate, open again) and the
    session."""

    def book(key: str) -> tuple[dict[str, str], Session]:
        url = through(gate, calendar_url)
        session = open_session(key, broker_calendar(radicale, url))
        gate.close()
        say(session, QUALIFIED, "segunda às 10h")
        return {"DATABASE_URL": db_url} | caldav_env(radicale, url), session

    return book


def test_calendar_down_then_calls_sync_pushes_it_once(
    radicale: Radicale,
    calendar_url: str,
    gate: Gate,
    book_while_down: BookWhileDown,
) -> None:
    env, session = book_while_down("ana-sync")
    failed = run_cli("calls", "sync", env=env)
    assert failed.returncode == 1
    assert "1 still pending" in failed.stderr and "Traceback" not in failed.stderr
    assert radicale.events(calendar_url) == []

    gate.open()
    synced = run_cli("calls", "sync", env=env)
    assert synced.returncode == 0, synced.stderr
    assert "Pushed 1 change(s)" in synced.stderr
    event = only_event(radicale, calendar_url)
    assert run_cli("calls", "sync", env=env).stderr.count("Pushed 0 change(s)") == 1
    say(session, "Obrigada!")
    assert only_event(radicale, calendar_url).decoded("dtstamp") == event.decoded("dtstamp")


def test_a_pending_call_whose_slot_was_taken_is_reported_not_written(
    radicale: Radicale,
    calendar_url: str,
    pool: Pool,
    gate: Gate,
    book_while_down: BookWhileDown,
) -> None:
    env, _ = book_while_down("ana-clash")
    # Meanwhile a broker fills the slot.
    radicale.add_busy(calendar_url, local(MONDAY, 9, 30), local(MONDAY, 10, 30), "Visita")
    gate.open()
    synced = run_cli("calls", "sync", env=env)
    assert synced.returncode == 1, synced.stderr
    assert "conflict: the call with Ana" in synced.stderr and "reschedule" in synced.stderr
    assert "Traceback" not in synced.stderr
    [event] = radicale.events(calendar_url)  # the broker's visit alone, not overwritten
    assert str(event["summary"]) == "Visita"
    [row] = call_rows(pool)
    assert row["pushed_version"] == 0 and "conflict" in row["last_error"]
    # Said again on the next push, never written silently.
    assert "conflict" in run_cli("calls", "sync", env=env).stderr


def test_wrong_password_is_a_calendar_down_not_a_crash(
    radicale: Radicale,
    calendar_url: str,
    pool: Pool,
    db_url: str,
    open_session: Callable[..., Session],
) -> None:
    wrong = BrokerCalendar(calendar_url, username=USER, password="wrong", timeout=5)
    row = booked_anyway(pool, open_session, "ana-auth", wrong)
    assert row["pushed_version"] == 0
    # The operator is told which settings to fix, not an AuthorizationError and a URL.
    assert "HOMER_CALDAV_USERNAME" in row["last_error"], row["last_error"]
    env = {"DATABASE_URL": db_url, "HOMER_CALDAV_URL": calendar_url}
    synced = run_cli(
        "calls",
        "sync",
        env=env | {"HOMER_CALDAV_USERNAME": USER, "HOMER_CALDAV_PASSWORD": "wrong"},
    )
    assert "HOMER_CALDAV_USERNAME and HOMER_CALDAV_PASSWORD" in synced.stderr, synced.stderr
    assert "AuthorizationError" not in synced.stderr


# ---------------------------------------------------------------- without a calendar server


def test_calls_lists_json_table_and_ics(
    db_url: str, pool: Pool, open_session: Callable[..., Session]
) -> None:
    tuesday = next_weekday(1)
    say(open_session("bia", None), "Sou a Bia, 2 quartos no Centro, 500 mil", "terça às 15h")
    say(open_session("ana", None), QUALIFIED, "segunda às 10h")
    say(open_session("caio", None), "Sou o Caio")  # no call: not listed
    env = {"DATABASE_URL": db_url}

    listed = run_cli("calls", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    calls = json.loads(listed.stdout)
    expected = sorted([(local(MONDAY, 10), "ana", "Ana"), (local(tuesday, 15), "bia", "Bia")])
    assert [(datetime.fromisoformat(c["call_at"]), c["session_key"], c["name"]) for c in calls] == (
        expected
    )
    assert {c["calendar"] for c in calls} == {"off"}
    ana = next(c for c in calls if c["name"] == "Ana")
    assert (ana["bedrooms"], ana["neighborhood"], ana["budget_brl"]) == (3, "Aldeota", 800_000)
    assert ana["call_at"].endswith("-03:00")

    table = run_cli("calls", env=env).stdout.splitlines()
    assert table[0].split()[:3] == ["WHEN", "WHO", "BR"]
    assert [line.split()[3] for line in table[1:]] == [name for _, _, name in expected]

    feed = run_cli("calls", "--ics", env=env)
    assert feed.returncode == 0, feed.stderr
    assert "DTSTART;TZID=America/Fortaleza:" in feed.stdout
    parsed = Calendar.from_ical(feed.stdout)
    events = parsed.walk("VEVENT")
    assert sorted(e.decoded("dtstart") for e in events) == [at for at, _, _ in expected]
    assert {str(e["uid"]) for e in events} == {c["uid"] for c in calls}
    assert {str(e["summary"]) for e in events} == {"Ligação: Ana", "Ligação: Bia"}
    assert parsed.walk("VTIMEZONE")

    both = run_cli("calls", "--json", "--ics", env=env)
    assert both.returncode == 1
    assert both.stderr.strip().splitlines() == [
        "homer-agent: error: choose one of --json and --ics"
    ]
    nosync = run_cli("calls", "sync", env=env)
    assert nosync.returncode == 1
    assert "HOMER_CALDAV_URL is not set" in nosync.stderr
    assert "Traceback" not in nosync.stderr


# ---------------------------------------------------------------- the LLM path


def test_the_llm_path_gets_the_alternatives_and_books_the_one_chosen(
    db_url: str, pool: Pool
) -> None:
    sunday = next_weekday(6)
    monday_after = sunday + timedelta(days=1)
    chosen = local(monday_after, 9, 30)
    with FakeOpenAI() as server:
        server.script(
            ToolCalls(call("schedule_call", when="domingo às 23h")),
            Text("Nesse horário não ligamos. Posso agendar segunda às 9h, 9h30 ou 10h?"),
            ToolCalls(call("schedule_call", when=chosen.isoformat())),
            Text("Combinado: segunda às 9h30."),
        )
        env = server.env("some-model") | {"DATABASE_URL": db_url}
        piped_chat("llm-alt", env, "Pode ser domingo às 23h", "às 9h30 então", one_each=False)
        requests = server.chat_requests
    [tool_reply] = [m for m in requests[1].messages if m.get("role") == "tool"]
    outcome = json.loads(tool_reply["content"])
    assert outcome["status"] == "outside_hours"
    assert [datetime.fromisoformat(a) for a in outcome["alternatives"]] == [
        local(monday_after, 9),
        chosen,
        local(monday_after, 10),
    ]
    assert outcome["alternatives_pt"][1] == "às 9h30"
    assert "Posso agendar segunda-feira" in outcome["message"]
    # The system prompt tells the model to relay `message` and book an ISO alternative.
    assert "alternatives" in requests[0].messages[0]["content"]
    with querier(pool) as q:
        lead = q.get_lead_by_session_key(session_key="llm-alt")
    assert lead is not None and lead.call_at == chosen
    assert WEEKDAY_NAMES[chosen.weekday()] == "segunda-feira"


def test_forget_without_a_calendar_leaves_no_call_row(
    db_url: str, pool: Pool, open_session: Callable[..., Session]
) -> None:
    say(open_session("ana-nocal", None), QUALIFIED, "segunda às 10h")
    assert len(call_rows(pool)) == 1
    result = run_cli("lead", "forget", "ana-nocal", "--yes", env={"DATABASE_URL": db_url})
    assert result.returncode == 0, result.stderr
    assert "calendar" not in result.stderr
    assert call_rows(pool) == []


def test_a_slow_calendar_counts_as_down_after_its_timeout(
    pool: Pool, open_session: Callable[..., Session]
) -> None:
    # Listens but never answers: the request waits for HOMER_CALDAV_TIMEOUT, then gives up.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/{USER}/calls/"
        slow = BrokerCalendar(url, username=USER, password="x", timeout=1)
        row = booked_anyway(pool, open_session, "ana-slow", slow)
    assert (row["pushed_version"], row["attempts"]) == (0, 1)
    assert "timed out" in row["last_error"].lower()
