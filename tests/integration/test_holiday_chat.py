"""A call asked for on a holiday, through the real CLI with the offline model."""

from __future__ import annotations

import json

from tests.conftest import run_cli

QUALIFIED = "Sou a Ana\n3 quartos\nNo Cumbuco\nAté 500 mil\n"


def test_christmas_is_refused_with_free_slots_in_piped_chat(db_url: str) -> None:
    env = {"DATABASE_URL": db_url}
    chat = run_cli("chat", "--session", "ana-natal", env=env, stdin=QUALIFIED + "25/12 às 10h\n")
    assert chat.returncode == 0, chat.stderr
    assert "é feriado: Natal). Posso agendar " in chat.stdout
    shown = json.loads(run_cli("lead", "show", "ana-natal", "--json", env=env).stdout)
    assert shown["call_at"] is None
