"""Helpers of the reliability, isolation and LGPD tests: a scripted chat model, a long-running
`homer-agent chat` subprocess, and direct looks at what the database holds for a lead."""

from __future__ import annotations

import queue
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

import psycopg
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolCall, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from psycopg import sql
from psycopg.rows import dict_row
from pydantic import Field

from tests.support.cli import EXE, cli_env

__all__ = ["EXE", "cli_env"]  # re-exported: the chat runners' users import them from here


# Every table the app writes, and how each one names a lead's rows.
LEAD_TABLES = {
    "leads": "id",
    "turns": "lead_id",
    "lead_messages": "lead_id",
    "message_receipts": "lead_id",
    "lead_notes": "lead_id",
}
CHECKPOINT_TABLES = ("checkpoints", "checkpoint_blobs", "checkpoint_writes")


# ---------------------------------------------------------------- a scripted model

Script = Callable[[Sequence[BaseMessage]], AIMessage]


def tool_call(name: str, args: dict[str, Any], call_id: str = "call_0") -> ToolCall:
    return ToolCall(name=name, args=args, id=call_id, type="tool_call")


def calls_then_reply(calls: Sequence[ToolCall], reply: str = "Anotado.") -> Script:
    """A model that answers a human message with `calls`, and its tool results with `reply`."""

    def script(messages: Sequence[BaseMessage]) -> AIMessage:
        if isinstance(messages[-1], ToolMessage) or not calls:
            return AIMessage(reply)
        return AIMessage("", tool_calls=list(calls))

    return script


class ScriptedChatModel(BaseChatModel):
    """A chat model whose every answer comes from `script`; it keeps what it was sent."""

    script: Script
    seen: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedChatModel:  # type: ignore[override]
        return self

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.seen.append(list(messages))
        return ChatResult(generations=[ChatGeneration(message=self.script(messages))])


# ---------------------------------------------------------------- the console script


class ChatProcess:
    """A long-running `homer-agent chat --session KEY` with its standard input on a pipe.

    Each message is one line in; the offline model and the error replies answer with one
    line out, which `reply` returns.
    """

    def __init__(
        self, key: str, env: dict[str, str], *, stderr_path: Path, cwd: Path | None = None
    ) -> None:
        self._stderr_file = stderr_path.open("wb")
        self.stderr_path = stderr_path
        self.proc = subprocess.Popen(
            [str(EXE), "chat", "--session", key],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr_file,
            env=cli_env(env),
            cwd=cwd,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        assert self.proc.stdout is not None
        threading.Thread(target=self._pump, args=(self.proc.stdout,), daemon=True).start()

    def _pump(self, stream: IO[bytes]) -> None:
        for raw in stream:
            self._lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self._lines.put(None)

    def wait_ready(self, timeout: float = 60) -> None:
        """Wait until the chat has opened the database and reads its input."""
        deadline = time.monotonic() + timeout
        while "Homer ·" not in self.stderr():
            if self.proc.poll() is not None:
                raise AssertionError(f"the chat exited ({self.proc.poll()}):\n{self.stderr()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the chat was not ready in {timeout} s:\n{self.stderr()}")
            time.sleep(0.05)

    def send(self, text: str | bytes) -> None:
        assert self.proc.stdin is not None
        data = text if isinstance(text, bytes) else text.encode()
        self.proc.stdin.write(data + b"\n")
        self.proc.stdin.flush()

    def reply(self, timeout: float = 30) -> str:
        """The next line of standard output."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(
                f"no reply within {timeout} s; stderr so far:\n{self.stderr()}"
            ) from None
        if line is None:
            raise AssertionError(f"the chat exited ({self.proc.poll()}); stderr:\n{self.stderr()}")
        return line

    def ask(self, text: str, timeout: float = 30) -> str:
        self.send(text)
        return self.reply(timeout)

    def stderr(self) -> str:
        if not self._stderr_file.closed:
            self._stderr_file.flush()
        return self.stderr_path.read_text("utf-8", "replace")

    def close(self, timeout: float = 30) -> tuple[int, str]:
        """End the input, wait for the exit; return the exit code and the remaining output."""
        assert self.proc.stdin is not None
        if not self.proc.stdin.closed:
            self.proc.stdin.close()
        code = self.proc.wait(timeout)
        rest: list[str] = []
        while (line := self._lines.get(timeout=5)) is not None:
            rest.append(line)
        self._stderr_file.close()
        return code, "\n".join(rest)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        if not self._stderr_file.closed:
            self._stderr_file.close()


@contextmanager
def chat_process(
    key: str, env: dict[str, str], tmp_path: Path, *, cwd: Path | None = None
) -> Iterator[ChatProcess]:
    name = f"chat-stderr-{len(list(tmp_path.glob('chat-stderr-*')))}.txt"
    chat = ChatProcess(key, env, stderr_path=tmp_path / name, cwd=cwd)
    try:
        yield chat
    finally:
        chat.kill()


# ---------------------------------------------------------------- what the database holds


def lead_row(db_url: str | psycopg.Connection[dict[str, Any]], key: str) -> dict[str, Any] | None:
    """The lead row of `key`, read on a connection of its own, or on `reader` (see
    `row_reader`) when a test reads after every turn."""
    if not isinstance(db_url, str):
        return db_url.execute("SELECT * FROM leads WHERE session_key = %s", (key,)).fetchone()
    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        return conn.execute("SELECT * FROM leads WHERE session_key = %s", (key,)).fetchone()


@contextmanager
def row_reader(db_url: str) -> Iterator[psycopg.Connection[dict[str, Any]]]:
    """One autocommit connection for a test's many reads (each read sees every commit
    before it, as a new connection would): a connection per read costs a server process,
    some 3 ms of the server's CPU and 7-9 ms of wall time."""
    with psycopg.connect(db_url, row_factory=dict_row, autocommit=True) as conn:
        yield conn


def turn_rows(db_url: str, lead_id: int) -> list[dict[str, Any]]:
    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        return conn.execute(
            "SELECT * FROM turns WHERE lead_id = %s ORDER BY id", (lead_id,)
        ).fetchall()


def rows_about(db_url: str, lead_id: int) -> dict[str, int]:
    """How many rows of every app table belong to the lead (checkpoints by its thread)."""
    counts: dict[str, int] = {}
    with psycopg.connect(db_url) as conn:
        for table, column in LEAD_TABLES.items():
            row = conn.execute(
                f"SELECT count(*) FROM {table} WHERE {column} = %s",
                (lead_id,),
            ).fetchone()
            counts[table] = row[0] if row else -1
        for table in CHECKPOINT_TABLES:
            row = conn.execute(
                f"SELECT count(*) FROM {table} WHERE thread_id = %s",
                (f"lead-{lead_id}",),
            ).fetchone()
            counts[table] = row[0] if row else -1
    return counts


def refuse(db_url: str, operation: Literal["INSERT", "UPDATE", "DELETE"], table: str) -> None:
    """Make Postgres refuse every `operation` on `table` from now on: a trigger raises
    'refused by the test'."""
    statements = sql.SQL(
        """
        CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'refused by the test'; END; $$;
        CREATE TRIGGER refuse BEFORE {operation} ON {table}
        FOR EACH ROW EXECUTE FUNCTION refuse();
        """
    ).format(operation=sql.SQL(operation), table=sql.Identifier(table))
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(statements)


def public_tables(db_url: str) -> set[str]:
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    return {r[0] for r in rows}


def traces(db_url: str, needles: list[str]) -> dict[str, int]:
    """Rows of every table in the database whose text, or bytes, contain one of `needles`."""
    found: dict[str, int] = {}
    with psycopg.connect(db_url) as conn:
        tables = [
            (schema, table)
            for schema, table in conn.execute(
                "SELECT table_schema, table_name FROM information_schema.tables "
                "WHERE table_type = 'BASE TABLE' "
                "AND table_schema NOT IN ('pg_catalog', 'information_schema')"
            )
        ]
        assert ("public", "checkpoint_blobs") in tables
        for schema, table in tables:
            ident = sql.Identifier(schema, table)
            bytea = [
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = %s AND table_name = %s AND data_type = 'bytea'",
                    (schema, table),
                )
            ]
            for needle in needles:
                clauses = [sql.SQL("t::text LIKE {}").format(sql.Literal(f"%{needle}%"))]
                clauses += [
                    sql.SQL("position(convert_to({}, 'UTF8') in t.{}) > 0").format(
                        sql.Literal(needle), sql.Identifier(col)
                    )
                    for col in bytea
                ]
                query = sql.SQL("SELECT count(*) FROM {} AS t WHERE {}").format(
                    ident, sql.SQL(" OR ").join(clauses)
                )
                row = conn.execute(query).fetchone()
                if row and row[0]:
                    found[f"{schema}.{table}: {needle}"] = row[0]
    return found
