"""Why a question about the development got a passage or the broker line: on the turn.

Each reason (`kb_answered`, `kb_no_passage`, `kb_low_confidence`, `price_to_broker`) is
written to `turns.kb_reason` and counted in `homer_kb_answers_total`; a turn that asks
nothing has none.
"""

from __future__ import annotations

from homer_agent import metrics
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.models.offline import OfflineChatModel
from tests.support.kb_scoring import index_documents
from tests.support.sessions import session_for


def _count(reason: str) -> float:
    value = metrics.REGISTRY.get_sample_value("homer_kb_answers_total", {"reason": reason})
    assert value is not None, reason
    return value


def test_the_turn_records_why_the_broker_line_was_given(pool: Pool) -> None:
    index_documents(pool)
    model = OfflineChatModel()
    cases = [
        ("qnto mede a pista de caminhada?", "kb_answered"),
        ("qnto ta a casa duna? tem desconto a vista?", "price_to_broker"),
        ("tem heliponto?", "kb_no_passage"),
        ("Oi, tudo bem?", None),
    ]
    for n, (message, reason) in enumerate(cases):
        before = _count(reason) if reason else 0.0
        session = session_for(pool, f"kb-reason-{n}", model, "offline")
        result = session.turn(message)
        assert result.error is None
        with pool.connection() as conn:
            turns = Querier(conn).list_turns(lead_id=session.lead.id)
        assert [turn.kb_reason for turn in turns] == [reason], message
        if reason:
            assert _count(reason) == before + 1
            assert ("corretor confirma" in result.reply) == (reason != "kb_answered")
