"""Keys, forgetting, pruning, start-up checks and the embedded server's handles, through the
real console script and a real PostgreSQL."""

from __future__ import annotations

import json
import signal
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from homer_agent.db.pool import Pool
from homer_agent.leads import LeadForgottenError
from homer_agent.models.offline import OfflineChatModel
from homer_agent.privacy import forget_lead
from tests.conftest import run_cli
from tests.support.reliability_support import chat_process, lead_row, rows_about, traces
from tests.support.sessions import session_for

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


# ---------------------------------------------------------------- start-up and db commands


def test_an_llm_without_credentials_is_refused_at_start(db_url: str) -> None:
    result = run_cli(
        "chat", "--session", "k", env={"DATABASE_URL": db_url, "HOMER_MODEL": "gpt-4o-mini"}
    )
    assert result.returncode == 1
    assert "OPENAI_API_KEY" in result.stderr and "HOMER_MODEL=offline" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert lead_row(db_url, "k") is None


@pytest.mark.parametrize("value", ["99999999999d", "99999999999999999999w", "36700d"])
def test_prune_refuses_a_duration_too_long_in_one_line(db_url: str, value: str) -> None:
    result = run_cli("db", "prune", "--older-than", value, env={"DATABASE_URL": db_url})
    assert result.returncode == 1
    assert "too long" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_prune_below_a_day_wants_yes(pool: Pool, db_url: str) -> None:
    session = session_for(pool, "open-now", OfflineChatModel(), "offline")
    assert session.turn("Oi, meu nome é Ana").error is None
    before = rows_about(db_url, session.lead.id)
    refused = run_cli("db", "prune", "--older-than", "0d", env={"DATABASE_URL": db_url})
    assert refused.returncode == 1
    assert "--yes" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert rows_about(db_url, session.lead.id) == before
    done = run_cli("db", "prune", "--older-than", "0d", "--yes", env={"DATABASE_URL": db_url})
    assert done.returncode == 0, done.stderr
    assert "Deleted 1 conversation(s)" in done.stderr
    assert rows_about(db_url, session.lead.id)["checkpoints"] == 0


def test_leads_and_the_card_show_local_times_and_the_call(pool: Pool, db_url: str) -> None:
    session = session_for(pool, "call-me", OfflineChatModel(), "offline")
    with pool.connection() as conn:
        conn.execute(
            "UPDATE leads SET name = 'Ana', call_at = '2026-12-04 18:00+00' WHERE id = %s",
            (session.lead.id,),
        )
    env = {"DATABASE_URL": db_url}
    listing = run_cli("leads", env=env)
    assert listing.returncode == 0, listing.stderr
    header, row = listing.stdout.splitlines()
    assert "CALL AT" in header
    assert "2026-12-04 15:00 -03" in row  # Fortaleza, the profile's time zone
    card = run_cli("lead", "show", "call-me", env=env).stdout
    assert "call_at       2026-12-04 15:00 -03" in card
    assert " -03" in card.split("created_at", 1)[1].splitlines()[0]
    # The JSON contract is unchanged: ISO 8601, call_at with its local offset.
    shown = json.loads(run_cli("lead", "show", "call-me", "--json", env=env).stdout)
    assert shown["call_at"] == "2026-12-04T15:00:00-03:00"


def _server_running(pgdata: Path) -> int | None:
    """The embedded postmaster's PID while it runs."""
    try:
        pid = int((pgdata / "postmaster.pid").read_text().split()[0])
    except (FileNotFoundError, IndexError, ValueError):
        return None
    return pid if psutil.pid_exists(pid) else None


@pytest.fixture
def embedded_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("homer-embedded")
    home.chmod(0o755)
    yield home
    pid = _server_running(home / "pgdata")
    if pid is not None:  # never leave a server behind, whatever the test found
        psutil.Process(pid).terminate()


def test_a_killed_chat_no_longer_keeps_the_embedded_server_up(
    embedded_home: Path, tmp_path: Path
) -> None:
    env = {"HOMER_DATA_DIR": str(embedded_home)}
    pgdata = embedded_home / "pgdata"
    with chat_process("killed", env, tmp_path) as chat:
        chat.wait_ready()
        chat.proc.send_signal(signal.SIGKILL)
        chat.proc.wait(30)
        killed = chat.proc.pid
    assert killed in json.loads((pgdata / ".handle_pids.json").read_text())
    assert _server_running(pgdata) is not None

    # The next command drops the dead handle; as the last user it stops the server.
    listed = run_cli("leads", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert killed not in json.loads((pgdata / ".handle_pids.json").read_text())
    assert _server_running(pgdata) is None

    # `db shell`: psql on the embedded server, up while psql runs, stopped after.
    url = run_cli("db", "url", env=env)
    assert "db shell" in url.stderr
    shell = run_cli(
        "db", "shell", env=env, stdin="SELECT 'applied-' || count(*) FROM schema_migrations;\n"
    )
    assert shell.returncode == 0, shell.stderr
    assert "applied-" in shell.stdout and "applied-0" not in shell.stdout
    assert _server_running(pgdata) is None
