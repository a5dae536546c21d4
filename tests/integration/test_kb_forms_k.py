"""The 2026-12-07k set's kinds in sentences no set asks, each the first message of a new
session on the offline model, the real PostgreSQL and the example development's
documents (tests/data/kb).

What an instalment comes to is the broker's (`price_to_broker`, no figure); how
instalments work is answered, and a worry told beside the question ("tenho medo de",
"me preocupa") hands nothing off; "quanto tempo falta pra ficar pronta" gets the delivery
schedule, not the distances; a degree word ("bastante") and a thing of the development
("o terreno do condomínio") beside "quanto" do not hide the green area."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from homer_agent.ptbr.replies import HANDOFF_HOSTILE
from tests.support.kb_scoring import BROKER, first_message

CASES = [
    (
        "tenho muito medo de ficar pesado no bolso, as parcelas da construtora tem reajuste?",
        "INCC",
        "kb_answered",
    ),
    (
        "me preocupa muito ficar pesado, as parcelas pagas pra construtora mudam de valor?",
        "INCC",
        "kb_answered",
    ),
    (
        "minha casa vai ser na quadra B. quanto tempo falta pra ficar pronta?",
        "dezembro de 2028",
        "kb_answered",
    ),
    (
        "moro em apartamento e sinto saudade do verde. o condominio tem bastante area verde?",
        "40%",
        "kb_answered",
    ),
    ("gosto de mato rs. quanto do espaco do condominio e area verde?", "40%", "kb_answered"),
    ("ganho uns 12 mil, quanto ficaria a prestacao mensal do sobrado?", BROKER, "price_to_broker"),
    (
        "a parcela mensal da casa de 3 quartos fica em quanto mais ou menos?",
        BROKER,
        "price_to_broker",
    ),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_the_07k_kinds_in_new_sentences(pool: Pool, message: str, fact: str, reason: str) -> None:
    turn = first_message(
        pool, f"kb-forms-k-{CASES.index((message, fact, reason))}", message, fact, reason
    )
    assert turn.reply != HANDOFF_HOSTILE
