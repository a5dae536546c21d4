"""A conversation survives its process: SIGKILL between two messages, start again, go on.

Drives a real `homer-agent chat --session KEY` through a standard-input pipe, one
message at a time, kills it with SIGKILL right after a reply, starts a new process with
the same key and sends the next message. `homer-agent lead export KEY` shows what the
checkpoints hold.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import run_cli
from tests.support.reliability_support import ChatProcess, chat_process

TZ = ZoneInfo("America/Fortaleza")
WEEKDAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")
REPLY_TIMEOUT = 60.0
# How the offline model asks for each fact (homer_agent.models.offline): none of these
# may come back once the fact is known.
ASKS_NAME = ("como posso te chamar", "qual é o seu nome", "seu nome")
ASKS_BEDROOMS = ("quantos quartos", "de quantos quartos", "número de quartos")

pytestmark = pytest.mark.timeout(300)


def killed(chat: ChatProcess) -> None:
    """SIGKILL: no clean-up of any kind runs in the process."""
    chat.kill()
    assert chat.proc.returncode == -signal.SIGKILL


def export(key: str, env: dict[str, str]) -> dict[str, Any]:
    result = run_cli("lead", "export", key, env=env)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def asks_any(reply: str, phrases: tuple[str, ...]) -> bool:
    low = reply.lower()
    return any(phrase in low for phrase in phrases)


def test_killed_chat_resumes_with_its_history_and_known_facts(db_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": db_url}
    with chat_process("resume-ana", env, tmp_path) as first:
        greeting = first.ask("Oi, me chamo Ana Souza", REPLY_TIMEOUT)
        bedrooms = first.ask("Quero 3 quartos", REPLY_TIMEOUT)
        killed(first)

    with chat_process("resume-ana", env, tmp_path) as second:
        reply = second.ask("Oi, voltei", REPLY_TIMEOUT)
        assert second.close(60)[0] == 0

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


def test_call_time_split_across_a_kill_is_joined_from_the_checkpoint(
    db_url: str, tmp_path: Path
) -> None:
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
    with chat_process("resume-bia", env, tmp_path) as first:
        first.ask("Sou a Bia, quero 3 quartos na Aldeota, orçamento de 800 mil", REPLY_TIMEOUT)
        half = first.ask(f"pode ser {WEEKDAYS[day.weekday()]}", REPLY_TIMEOUT)
        killed(first)
    assert export("resume-bia", env)["lead"]["call_at"] is None, half

    with chat_process("resume-bia", env, tmp_path) as second:
        second.ask("às 10h", REPLY_TIMEOUT)
        assert second.close(60)[0] == 0

    call_at = export("resume-bia", env)["lead"]["call_at"]
    assert call_at is not None
    local = dt.datetime.fromisoformat(call_at).astimezone(TZ)
    assert (local.date(), local.strftime("%H:%M")) == (day, "10:00")
