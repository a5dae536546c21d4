"""A conversation survives its process: SIGKILL between two messages, start again, go on.

Drives a real `homer-agent chat --session KEY` through a standard-input pipe, one
message at a time, kills it with SIGKILL right after a reply, starts a new process with
the same key and sends the next message. `homer-agent lead export KEY` shows what the
checkpoints hold.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import run_cli

TZ = ZoneInfo("America/Fortaleza")
WEEKDAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")
REPLY_TIMEOUT = 60.0
# How the offline model asks for each fact (homer_agent.models.offline): none of these
# may come back once the fact is known.
ASKS_NAME = ("como posso te chamar", "qual é o seu nome", "seu nome")
ASKS_BEDROOMS = ("quantos quartos", "de quantos quartos", "número de quartos")

pytestmark = pytest.mark.timeout(300)


class Chat:
    """A running `homer-agent chat` whose standard input is a pipe, read line by line."""

    def __init__(self, key: str, env: dict[str, str]) -> None:
        full_env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("OPENAI_", "HOMER_", "DATABASE_URL"))
        }
        full_env |= {"HOMER_METRICS_PORT": "0", "HOMER_MODEL": "offline"} | env
        exe = Path(sys.executable).with_name("homer-agent")
        self.proc = subprocess.Popen(
            [str(exe), "chat", "--session", key],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=full_env,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self._lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self._lines.put(None)

    def say(self, text: str) -> str:
        """Send one message and wait for its reply line."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(text.encode() + b"\n")
        self.proc.stdin.flush()
        try:
            line = self._lines.get(timeout=REPLY_TIMEOUT)
        except queue.Empty:
            self.kill()
            raise AssertionError(f"no reply to {text!r} within {REPLY_TIMEOUT}s") from None
        if line is None:
            stderr = self.proc.stderr.read().decode() if self.proc.stderr else ""
            raise AssertionError(f"chat exited before replying to {text!r}: {stderr}")
        return line

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind runs in the process."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode == -signal.SIGKILL

    def close(self) -> int:
        """End of input: the chat exits on its own."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        return self.proc.wait(timeout=60)


def export(key: str, env: dict[str, str]) -> dict[str, Any]:
    result = run_cli("lead", "export", key, env=env)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def asks_any(reply: str, phrases: tuple[str, ...]) -> bool:
    low = reply.lower()
    return any(phrase in low for phrase in phrases)


def test_killed_chat_resumes_with_its_history_and_known_facts(db_url: str) -> None:
    env = {"DATABASE_URL": db_url}
    first = Chat("resume-ana", env)
    greeting = first.say("Oi, me chamo Ana Souza")
    bedrooms = first.say("Quero 3 quartos")
    first.kill()

    second = Chat("resume-ana", env)
    reply = second.say("Oi, voltei")
    assert second.close() == 0

    assert not asks_any(reply, ASKS_NAME), reply
    assert not asks_any(reply, ASKS_BEDROOMS), reply
    assert "Ana" in reply and "bairro" in reply, reply  # greets her and asks the next fact
    data = export("resume-ana", env)
    assert data["lead"]["name"] == "Ana Souza"
    assert data["lead"]["bedrooms"] == 3
    said = [(m["type"], m["content"]) for m in data["messages"] if m["type"] in ("human", "ai")]
    said = [(kind, text) for kind, text in said if text]  # tool-call-only AI messages say nothing
    assert said == [
        ("human", "Oi, me chamo Ana Souza"),
        ("ai", greeting),
        ("human", "Quero 3 quartos"),
        ("ai", bedrooms),
        ("human", "Oi, voltei"),
        ("ai", reply),
    ]
    assert len(data["turns"]) == 3


def test_call_time_split_across_a_kill_is_joined_from_the_checkpoint(db_url: str) -> None:
    """A weekday before the kill and "às 10h" after: only the checkpointed history joins them.

    The day is three to seven days ahead, so "às 10h" alone (today or tomorrow) cannot pass
    for it, and a weekday, so 10h is inside call hours.
    """
    env = {"DATABASE_URL": db_url}
    today = dt.datetime.now(TZ).date()
    day = next(
        today + dt.timedelta(days=n)
        for n in range(3, 8)
        if (today + dt.timedelta(days=n)).weekday() < 5
    )
    first = Chat("resume-bia", env)
    first.say("Sou a Bia, quero 3 quartos na Aldeota, orçamento de 800 mil")
    half = first.say(f"pode ser {WEEKDAYS[day.weekday()]}")
    first.kill()
    assert export("resume-bia", env)["lead"]["call_at"] is None, half

    second = Chat("resume-bia", env)
    second.say("às 10h")
    assert second.close() == 0

    call_at = export("resume-bia", env)["lead"]["call_at"]
    assert call_at is not None
    local = dt.datetime.fromisoformat(call_at).astimezone(TZ)
    assert (local.date(), local.strftime("%H:%M")) == (day, "10:00")
