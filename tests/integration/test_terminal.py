"""The interactive chat on a real pseudo-terminal (pexpect): commands, Ctrl-C, Ctrl-D, the
database going away, a lead forgotten while its chat is open, a huge paste.

Every test talks to the session's one PostgreSQL (a database of its own) and reads what a
person would see. Timeouts are generous: they bound a hang, they measure nothing.
"""

from __future__ import annotations

import io
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import psycopg
import pytest

from homer_agent.terminal import CANCELLED, DATABASE_DOWN, FORGOTTEN, HELP
from tests.conftest import run_cli
from tests.support.fake_openai import Error, FakeOpenAI, Text
from tests.support.reliability_support import EXE, cli_env, lead_row, refuse, traces

PROMPT = "você>"
# prompt_toolkit turns bracketed paste on as a prompt starts (and off as it ends): the
# prompt text alone also appears when the line typed is drawn again on Enter.
PROMPT_STARTS = "\x1b[?2004h"
WAIT = 90


class Chat:
    """`homer-agent chat` on a pty; `seen` is everything it printed (escapes included)."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.seen = io.StringIO()
        self.child = pexpect.spawn(
            str(EXE),
            ["chat", *args],
            env=cli_env(env | {"TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}),
            encoding="utf-8",
            codec_errors="replace",
            timeout=WAIT,
            dimensions=(50, 200),
        )
        self.child.logfile_read = self.seen

    def expect(self, pattern: str | list[str]) -> int:
        return self.child.expect(pattern)

    def expect_text(self, text: str) -> None:
        self.child.expect_exact(text)

    def prompt(self) -> str:
        """Wait for the next chat prompt; what was printed before it."""
        self.child.expect_exact(PROMPT_STARTS)
        before = str(self.child.before)
        self.child.expect_exact(PROMPT)
        return before

    def line(self, text: str) -> None:
        """Type a line and press Enter."""
        self.child.send(text)
        self.child.send("\r")

    def ask(self, text: str) -> str:
        """Type a line, wait for the next prompt; what was printed in between."""
        self.line(text)
        return self.prompt()

    def close(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert "Traceback" not in self.seen.getvalue(), self.seen.getvalue()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def chats() -> Iterator[list[Chat]]:
    started: list[Chat] = []
    yield started
    for chat in started:
        chat.kill()


def start(chats: list[Chat], key: str, env: dict[str, str]) -> Chat:
    chat = Chat(["--session", key], env)
    chats.append(chat)
    chat.prompt()
    return chat


def test_commands_history_and_ctrl_d(db_url: str, tmp_path: Path, chats: list[Chat]) -> None:
    env = {"DATABASE_URL": db_url, "HOMER_DATA_DIR": str(tmp_path)}
    (tmp_path / "chat_history").write_text("an old line of another lead\n")
    chat = start(chats, "hist-ana", env)
    assert not (tmp_path / "chat_history").exists()  # the old shared history is gone

    assert HELP.splitlines()[1] in chat.ask("/help")
    assert "Ana" in chat.ask("Oi, meu nome é Ana")
    card = chat.ask("/lead")
    assert re.search(r"nome\s+Ana", card) and "temperatura" in card
    # Times in the development's time zone (America/Fortaleza, UTC-3), labelled.
    assert re.search(r"criado em\s+\d{4}-\d\d-\d\d \d\d:\d\d -03", card), card
    assert "notas" not in card
    chat.ask("tenho 2 filhos e vou usar o FGTS")
    card = chat.ask("/lead")
    assert re.search(r"notas\s+família: 2 filhos\s+pagamento: vai usar FGTS", card), card

    assert "Olá!" in chat.ask("/new hist-bia")
    # Up-arrow on a new key: nothing typed for the previous lead comes back.
    chat.child.send("\x1b[A")
    chat.child.send("\r")
    assert "meu nome é Ana" not in chat.prompt()
    # Off by default: no input history file at all.
    assert not (tmp_path / "input_history").exists()

    chat.child.sendcontrol("d")
    assert chat.close() == 0
    assert lead_row(db_url, "hist-bia") is not None


def _database_down(server_url: str, db_url: str, down: bool) -> None:
    """Refuse (or allow again) new connections to the test's database and end the current ones."""
    name = str(psycopg.conninfo.conninfo_to_dict(db_url)["dbname"])
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"false" if down else "true"}')
        if down:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )


def test_database_down_during_each_command(
    server_url: str, db_url: str, tmp_path: Path, chats: list[Chat]
) -> None:
    env = {"DATABASE_URL": db_url, "HOMER_DATA_DIR": str(tmp_path), "HOMER_CONNECT_TIMEOUT": "1"}
    chat = start(chats, "down-ana", env)
    assert "Ana" in chat.ask("Oi, meu nome é Ana")
    _database_down(server_url, db_url, True)
    try:
        assert DATABASE_DOWN in chat.ask("/lead")
        assert DATABASE_DOWN in chat.ask("/new down-bia")
        assert "perdi a conexão" in chat.ask("quero 3 quartos")
        assert HELP.splitlines()[1] in chat.ask("/help")
    finally:
        _database_down(server_url, db_url, False)
    # Back up: the same chat, the same lead (the failed /new changed nothing).
    assert re.search(r"nome\s+Ana", chat.ask("/lead"))
    assert "quartos" in chat.ask("quero 3 quartos").lower()
    chat.line("/quit")
    assert chat.close() == 0
    assert lead_row(db_url, "down-bia") is None


def test_forget_while_the_chat_is_open(db_url: str, tmp_path: Path, chats: list[Chat]) -> None:
    key = "forget-open@example.com"
    env = {"DATABASE_URL": db_url, "HOMER_DATA_DIR": str(tmp_path), "HOMER_INPUT_HISTORY": "true"}
    chat = start(chats, key, env)
    chat.ask("Oi, meu nome é Ana Beatriz")
    chat.ask("quero 3 quartos")
    row = lead_row(db_url, key)
    assert row is not None
    history = tmp_path / "input_history" / f"lead-{row['id']}"
    assert "Ana Beatriz" in history.read_text()
    assert stat.S_IMODE(history.stat().st_mode) == 0o600

    forgot = run_cli("lead", "forget", key, "--yes", env=env)
    assert forgot.returncode == 0, forgot.stderr
    assert not history.exists()

    # The next message: told in pt-BR, offered a fresh start, nothing written.
    chat.line("prefiro o bairro Aldeota")
    chat.expect_text(FORGOTTEN)
    chat.expect_text("Começar uma nova conversa")
    chat.line("n")
    chat.prompt()
    chat.line("/lead")
    chat.expect_text(FORGOTTEN)
    chat.line("n")
    chat.prompt()
    needles = [key, "Ana Beatriz", "Aldeota", f"lead-{row['id']}"]
    assert traces(db_url, needles) == {}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [n for n in needles if n.encode() in data], path

    # Starting over: a new lead for the same key, and the chat goes on.
    chat.line("oi de novo")
    chat.expect_text("Começar uma nova conversa")
    chat.line("s")
    chat.expect_text("Olá!")
    chat.prompt()
    assert "Bia" in chat.ask("Meu nome é Bia")
    chat.line("/quit")
    assert chat.close() == 0
    again = lead_row(db_url, key)
    assert again is not None and again["id"] != row["id"] and again["name"] == "Bia"


def _advisory_locks(db_url: str, lead_id: int) -> int:
    with psycopg.connect(db_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s",
            (lead_id,),
        ).fetchone()
    return int(row[0]) if row else -1


def test_ctrl_c_cancels_the_turn_for_real(db_url: str, tmp_path: Path, chats: list[Chat]) -> None:
    slow = " ".join(f"palavra{i}" for i in range(200))
    with FakeOpenAI() as server:
        server.script(Text(slow, chunk_delay=0.2), Text("Certo, Ana. Quantos quartos?"))
        env = server.env() | {
            "DATABASE_URL": db_url,
            "HOMER_DATA_DIR": str(tmp_path),
            "HOMER_MODEL_RETRIES": "0",
        }
        chat = start(chats, "cancel-ana", env)
        row = lead_row(db_url, "cancel-ana")
        assert row is not None
        chat.line("Oi, sou a Ana")
        chat.expect_text("palavra2 ")  # the reply is streaming
        chat.child.sendintr()
        chat.expect_text(CANCELLED)
        chat.prompt()
        # The lock is free the moment the prompt is back, and the next message runs.
        assert _advisory_locks(db_url, row["id"]) == 0
        assert "Quantos quartos?" in chat.ask("Meu nome é Ana")

        # A log line (here: the turn record refused) never lands on a reply's line.
        refuse(db_url, "INSERT", "turns")
        server.script(Error(500, "boom"))
        chat.line("tudo bem?")
        chat.expect_text("homer-agent: WARNING: could not record the turn")
        assert str(chat.child.before).endswith(("\n", "\r")), chat.child.before
        chat.prompt()
        chat.line("/quit")
        assert chat.close() == 0

    # The abandoned reply is nowhere, not even the words already shown; the message that
    # asked for it stays, as after any failed turn. The next turn is stored.
    assert traces(db_url, ["palavra1"]) == {}
    assert traces(db_url, ["Quantos quartos?"])


def _peak_memory_mib(pid: int) -> float:
    """The process's peak resident memory so far (Linux: VmHWM)."""
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    assert match is not None, status
    return int(match.group(1)) / 1024


def test_a_huge_paste_is_cut_before_the_editor_holds_it(
    db_url: str, tmp_path: Path, chats: list[Chat]
) -> None:
    env = {"DATABASE_URL": db_url, "HOMER_DATA_DIR": str(tmp_path)}
    chat = start(chats, "paste-ana", env)
    # A terminal without bracketed paste: 100,000 characters arrive as typed keys.
    chat.child.send("y" * 100_000)
    chat.child.send("\r")
    chat.expect_text("Mensagem longa demais")
    chat.prompt()
    # A bracketed paste: the whole text arrives as one key press.
    chat.child.send("\x1b[200~" + ("x" * 99 + "\n") * 1000 + "\x1b[201~")
    chat.child.send("\r")
    chat.expect_text("Mensagem longa demais")
    chat.prompt()
    # The editor only ever held the first 4,000 characters: a 100,000-character line in
    # prompt_toolkit's buffer costs gigabytes of memory (and minutes of CPU).
    assert _peak_memory_mib(chat.child.pid) < 1024
    assert "Ana" in chat.ask("Oi, meu nome é Ana")
    chat.line("/quit")
    assert chat.close() == 0


# Run as `python -c` on a pty: records which thread imports LangChain or LangGraph, and
# prints the main thread's imports when the first `você>` prompt is about to be read.
_WATCH_IMPORTS = """
import sys, threading
import homer_agent.terminal as terminal
from homer_agent.cli import main
main_imports = []
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("langchain_core", "langgraph", "openai", "langchain_openai"):
            if threading.current_thread() is threading.main_thread():
                main_imports.append(name)
        return None
sys.meta_path.insert(0, Watch())
def loop(self):
    print("MAIN-THREAD-IMPORTS", sorted(set(main_imports)), flush=True)
    return 0
terminal._Terminal._loop = loop
sys.argv = ["homer-agent", "chat", "--session", "import-watch"]
main()
"""


def test_the_first_prompt_waits_for_no_langchain_import(db_url: str) -> None:
    # LangChain and LangGraph load on a background thread while the person reads the
    # greeting. Were the main thread to import them (or a module that does) on its way to
    # the first prompt, it would wait on the import lock for that whole load: an error
    # boundary importing `homer_agent.session` made start-up 1.1 → 2.5 s.
    child = pexpect.spawn(
        sys.executable,
        ["-c", _WATCH_IMPORTS],
        env=cli_env({"DATABASE_URL": db_url, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}),
        encoding="utf-8",
        timeout=WAIT,
    )
    child.expect(r"MAIN-THREAD-IMPORTS (\[.*\])")
    imported = child.match.group(1)
    child.expect(pexpect.EOF)
    assert imported == "[]", imported
