"""The scored decision of `homer_agent.kb.search.lookup` on questions no earlier set asks,
on the real PostgreSQL with the example development's documents (tests/data/kb).

A question is weighed, not vetoed: its terms weigh their rarity across the passages, a word
no document has weighs little in the lead's own statements and much in the question
itself. Half of these messages carry words of the lead's life no document contains and
must still be answered with the fact; the other half ask about a thing no document names,
or a price, and must get the broker line with its reason.
"""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, index_documents

ANSWERED = [
    (
        "minha esposa é dentista e trabalha no centro, qnts km sao daí até o centro de fortaleza?",
        "28 km",
    ),
    ("meu marido joga futevolei toda semana, tem quadra de beach tennis ai?", "beach tennis"),
    ("sou enfermeira e faço plantão noturno, tem mercadinho aberto 24h no condominio?", "24 horas"),
    ("minha sogra vai passar uns meses com a gente, quantos quartos tem a casa Duna?", "4 quartos"),
    ("tenho uma moto e um fusca, a garagem cabe quantos carros?", "dois carros"),
    (
        "minha filha treina natação no clube do bairro, a piscina tem raia de quantos metros?",
        "25 metros",
    ),
]
BROKER = [
    ("tem quadra de padel?", "kb_no_passage"),
    ("o condominio tem spa?", "kb_no_passage"),
    ("a casa tem lareira?", "kb_no_passage"),
    ("tem pista de skate pros meninos?", "kb_no_passage"),
    ("quanto custa a casa Maré?", "price_to_broker"),
    ("vcs fazem desconto pra servidor publico?", "price_to_broker"),
]


def test_stray_words_of_the_lead_do_not_veto_an_answer(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question, fact in ANSWERED:
            answers(conn, question, fact, figures=True)


def test_a_question_about_an_unknown_thing_or_a_price_gets_the_broker(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question, code in BROKER:
            assert brokers(conn, question, code).sentences == [], question
