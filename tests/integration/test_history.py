"""The checkpoint keeps a bounded window; older messages are archived; nothing is lost."""

from __future__ import annotations

from datetime import timedelta

from langchain_core.messages import HumanMessage

from homer_agent.db.pool import Pool
from homer_agent.history import ARCHIVE_AFTER
from homer_agent.leads import lead_id_of, thread_id
from homer_agent.privacy import export_lead, forget_lead, prune_idle_conversations
from homer_agent.session import Session
from tests.support.sessions import offline_session

WINDOW = 4
MESSAGES = [
    "Oi, sou a Marina",
    "Quero 3 quartos",
    "Na Aldeota",
    "Até 800 mil",
    "Amanhã às 15h",
    *(f"Tem academia? pergunta {n}" for n in range(12)),
]


def _session(pool: Pool, key: str) -> Session:
    return offline_session(pool, key, history_window=WINDOW)


def _checkpointed(session: Session) -> list[object]:
    return list(session.app.get_state(session.config).values.get("messages", []))


def test_state_stays_bounded_while_the_whole_history_stays_readable(pool: Pool) -> None:
    session = _session(pool, "long-talk")
    most = 0
    for text in MESSAGES:
        assert session.turn(text).error is None
        most = max(most, len(_checkpointed(session)))
    # At most ARCHIVE_AFTER windows, plus the turn that crossed the line.
    assert most <= ARCHIVE_AFTER * WINDOW + 4

    history = session.history()
    said = [m.text for m in history if isinstance(m, HumanMessage)]
    assert said == MESSAGES
    assert len({m.id for m in history}) == len(history)
    with pool.connection() as conn:
        archived = conn.execute(
            "SELECT count(*) AS n FROM lead_messages WHERE lead_id = %s", (session.lead.id,)
        ).fetchone()
    assert archived is not None and archived["n"] > 0
    exported = export_lead(pool, session.lead)["messages"]
    assert [m["content"] for m in exported if m["type"] == "human"] == MESSAGES

    # The lead's facts, given in the archived part, still drive the agent.
    assert session.refresh_lead().name == "Marina"


def test_forget_and_prune_remove_archived_messages(pool: Pool) -> None:
    kept, gone = _session(pool, "keeps"), _session(pool, "goes")
    for text in MESSAGES:
        kept.turn(text)
        gone.turn(text)
    gone.close()
    forget_lead(pool, gone.lead)
    with pool.connection() as conn:
        conn.execute(
            "UPDATE checkpoints SET checkpoint = jsonb_set(checkpoint, '{ts}', "
            "to_jsonb((now() - interval '40 days')::text)) WHERE thread_id = %s",
            (thread_id(kept.lead),),
        )
    assert prune_idle_conversations(pool, timedelta(days=30)) == (1, 0)
    with pool.connection() as conn:
        left = conn.execute("SELECT count(*) AS n FROM lead_messages").fetchone()
        leads = conn.execute("SELECT count(*) AS n FROM leads").fetchone()
    assert left is not None and left["n"] == 0
    assert leads is not None and leads["n"] == 1  # the pruned lead's row stays


def test_thread_ids_map_back_to_leads() -> None:
    assert lead_id_of("lead-42") == 42
    assert lead_id_of("studio-thread") is None
    assert lead_id_of("lead-") is None
