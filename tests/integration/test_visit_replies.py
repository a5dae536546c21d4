"""A visit plan said while the agent asks for a call time (issue 21, docs/facts.md
"Visits, names with 'aqui', day parts of the lead's life"): no call is booked for the
visit's day and hour, and the question about the stand's hours gets its answer from the
documents (tests/data/kb), on the real PostgreSQL and the offline model."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.models.offline import OfflineChatModel
from tests.support.kb_scoring import index_documents
from tests.support.sessions import session_for

VISIT = (
    "tipo eu trabalho a semana toda e sabado tambem so consigo ir no domingo depois da missa "
    "la pelas onze e meia sera que ainda da tempo de ver a casa modelo ate que horas fica "
    "aberto domingo"
)


def test_a_visit_plan_books_no_call_and_gets_the_stands_hours(pool: Pool) -> None:
    index_documents(pool)
    session = session_for(pool, "vn-visit", OfflineChatModel(), "offline")
    for message in ("oi, sou a Marta", "quero 3 quartos no Cocó até 500 mil"):
        assert session.turn(message).error is None
    turn = session.turn(VISIT)
    assert turn.error is None
    assert "13h" in turn.reply and "domingos" in turn.reply, turn.reply
    assert "Ligação marcada" not in turn.reply and "vai te ligar" not in turn.reply
    with pool.connection() as conn:
        lead = Querier(conn).get_lead(id=session.lead.id)
    assert lead is not None and lead.call_at is None


@pytest.mark.parametrize(
    ("plan", "fact"),
    [
        ("só consigo ir no domingo, lá pelas 11h", "das 9h às 13h"),
        ("vou passar aí sábado às 10h pra conhecer a casa modelo", "das 9h às 18h"),
        ("queria visitar o stand na quinta às 16h", "stand"),
    ],
)
def test_a_visit_stated_gets_the_documents_and_the_call_question(
    pool: Pool, plan: str, fact: str
) -> None:
    """A visit said as a statement, no question: the documents' sentences on the stand
    answer it, and the call question is asked again (no call booked, no broker line)."""
    index_documents(pool)
    session = session_for(pool, f"vn-plan-{hash(plan)}", OfflineChatModel(), "offline")
    for message in ("oi, sou a Marta", "quero 3 quartos no Cocó até 500 mil"):
        assert session.turn(message).error is None
    turn = session.turn(plan)
    assert turn.error is None
    assert fact in turn.reply and "te ligar" in turn.reply, turn.reply
    assert "corretor confirma" not in turn.reply and "vai te ligar" not in turn.reply
