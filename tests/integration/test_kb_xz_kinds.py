"""Kinds of held-out sets 07x and 07z through the real lookup (tests/data/kb on the
embedded PostgreSQL): questions beside the lead's own words."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, index_documents


def test_questions_beside_the_leads_own_words(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "alem da parcela quanto vou pagar de condominio por mes? muda se for a casa menor?",
            "R$ 690",
            figures=True,
        )
        answers(conn, "ele vai poder andar solto pelo condominio ou tem regra?", "com guia")
        answers(
            conn,
            "sou o lucas, moro num apartamento pequeno no meireles e tenho labrador rs. "
            "ele vai poder andar solto pelo condominio ou tem regra?",
            "com guia",
        )
        answers(
            conn,
            "se eu precisar comprar um pao ou um leite de madrugada tem alguma coisa "
            "dentro do condominio mesmo?",
            "24 horas",
        )
        answers(conn, "na garagem cabem os 2 ou vou ter que deixar um na rua?", "dois carros")
        # Dropping by names nothing: the visit is asked, not the price line "são passados".
        answers(conn, "da pra passar ai pra conhecer no domingo a tarde tipo 15h?", "das 9h às 13h")
        # The instalment itself stays the broker's.
        brokers(conn, "quanto fica a parcela alem do condominio?", "price_to_broker")
        # A floor is still a floor.
        answers(conn, "da pra fazer mais um andar na casa?", "dois pavimentos")
