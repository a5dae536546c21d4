"""Keys, forgetting, pruning, start-up checks and the embedded server's handles, through the
real console script and a real PostgreSQL."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
from homer_agent.privacy import forget_lead
from homer_agent.session import LeadForgottenError
from tests.conftest import run_cli
from tests.reliability_support import chat_process, lead_row, rows_about, session_for, traces

# ---------------------------------------------------------------- session keys


def test_a_key_in_nfd_is_the_same_lead_as_in_nfc(db_url: str) -> None:
    env = {"DATABASE_URL": db_url}
    nfc, nfd = unicodedata.normalize("NFC", "josé"), unicodedata.normalize("NFD", "josé")
    assert nfc != nfd
    first = run_cli("chat", "--session", nfd, env=env, stdin="Oi, meu nome é José\n")
    assert first.returncode == 0, first.stderr
    assert lead_row(db_url, nfc) is not None and lead_row(db_url, nfd) is None
    shown = run_cli("lead", "show", nfd, "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["session_key"] == nfc
    listed = json.loads(run_cli("leads", "--json", env=env).stdout)
    assert [lead["session_key"] for lead in listed] == [nfc]


@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\u2066", "\ufeff", "\u00a0", "\u2028"])
def test_invisible_and_bidi_characters_in_a_key_are_refused(db_url: str, char: str) -> None:
    result = run_cli("chat", "--session", f"ana{char}x", env={"DATABASE_URL": db_url}, stdin="Oi\n")
    assert result.returncode == 1
    assert f"U+{ord(char):04X}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert run_cli("leads", "--json", env={"DATABASE_URL": db_url}).stdout.strip() == "[]"


# ---------------------------------------------------------------- forgetting is final


def test_a_turn_after_forget_writes_nothing_and_says_so(pool: Pool, db_url: str) -> None:
    session = session_for(pool, "gone@example.com", OfflineChatModel(), "offline")
    assert session.turn("Oi, meu nome é Ana Beatriz").error is None
    lead = session.lead
    forget_lead(pool, lead)
    with pytest.raises(LeadForgottenError):
        session.turn("prefiro o bairro Aldeota")
    with pytest.raises(LeadForgottenError):
        session.refresh_lead()
    session.close()
    assert rows_about(db_url, lead.id) == dict.fromkeys(rows_about(db_url, lead.id), 0)
    assert traces(db_url, ["gone@example.com", "Aldeota", f"lead-{lead.id}"]) == {}


def test_a_piped_chat_after_forget_says_so_in_ptbr(db_url: str, tmp_path: Path) -> None:
    """The piped chat reads its next line after the forget: one pt-BR line, nothing stored."""
    env = {"DATABASE_URL": db_url}
    first = run_cli("chat", "--session", "piped-gone", env=env, stdin="Oi, meu nome é Ana\n")
    assert first.returncode == 0, first.stderr
    row = lead_row(db_url, "piped-gone")
    assert row is not None
    # A chat opened before the forget and still reading.
    with chat_process("piped-gone", env, tmp_path) as chat:
        chat.wait_ready()
        assert "quartos" in chat.ask("quero 3 quartos", timeout=60)
        forgot = run_cli("lead", "forget", "piped-gone", "--yes", env=env)
        assert forgot.returncode == 0, forgot.stderr
        answer = chat.ask("prefiro o bairro Aldeota", timeout=60)
        assert "foram apagados" in answer
        code, _ = chat.close()
        assert code == 0
        assert "Traceback" not in chat.stderr() and "WARNING" not in chat.stderr()
    assert traces(db_url, ["piped-gone", "Aldeota", f"lead-{row['id']}"]) == {}
