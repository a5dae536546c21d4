"""The asked thing and the lead's context (the 2026-12-07i set's kinds), on the real
PostgreSQL with the example development's documents (tests/data/kb), in sentences no set
asks.

A time told by the lead's routine ("depois do almoço", "o resto do ano", "enquanto não
fica pronta"), a statement before the question ("tenho um vira-lata bem grande, ..."),
the lead's own condition ("se a gente comprar pra investir") and the words of asking about
rules ("tem alguma regra") name no thing the documents must hold; "isso" asks about the
last thing the lead stated. Each message is looked up as a model's tool call passes it
(the message) and as the offline model passes it (its asking clauses joined): both must
answer with the fact, and the questions about a thing no document names or a price must
still get the broker line.
"""

from __future__ import annotations

from homer_agent.db.pool import Pool
from homer_agent.ptbr.questions import asking_clauses
from tests.support.kb_scoring import answers, brokers, index_documents

ANSWERED = [
    (
        "sou professora e so saio da escola as 17h, da pra visitar a casa decorada sabado"
        " depois do almoço?",
        "18h",
    ),
    ("tenho um vira-lata bem grande, ele pode ficar solto pelas ruas do condominio?", "guia"),
    (
        "quero comprar a casa Maré e depois aumentar a casa pra cima. pode fazer isso ou tem"
        " regra?",
        "dois pavimentos",
    ),
    (
        "a gente quer usar a casa so no verao e alugar pra turista no resto do ano. pode? tem"
        " alguma regra pros hospedes?",
        "cadastro prévio",
    ),
    (
        "se a gente comprar agora ja paga a taxa de condominio enquanto nao fica pronta?",
        "entrega das chaves",
    ),
    ("se a gente comprar pra investir da pra alugar por temporada?", "temporada"),
]
BROKER = [
    ("quero comprar a casa Duna e depois construir um heliponto. pode fazer isso?", None),
    ("trabalho de noite, da pra ir na sauna depois do trabalho?", "kb_no_passage"),
    ("o plano e alugar no airbnb. tem piscina aquecida?", "kb_no_passage"),
    ("se eu fechar agora vcs dao desconto?", "price_to_broker"),
]


def _forms(message: str) -> list[str]:
    """The message as a tool call passes it, and as the offline model does."""
    return [message, " ".join(asking_clauses(message))]


def test_the_leads_context_does_not_hide_what_is_asked(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for message, fact in ANSWERED:
            for form in _forms(message):
                answers(conn, form, fact, figures=True)


def test_a_thing_no_document_names_stays_the_brokers(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for message, code in BROKER:
            for form in _forms(message):
                assert brokers(conn, form, code).sentences == [], form
