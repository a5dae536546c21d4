"""Kinds of held-out set 08t through the real lookup (tests/data/kb on the embedded
PostgreSQL): the lead's way of addressing the agent, "libera", a furnished house, a covering
of the wall, a figure of the lead's story a question points back to, a monthly fee asked
with a time, and short-term letting by its platform."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, index_documents


def test_questions_of_the_08t_kinds(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # "o senhor" / "a senhora" is the agent, no thing of the development's.
        answers(conn, "a senhora sabe me dizer quando fica pronta a primeira etapa?", "2028")
        answers(conn, "o senhor sabe se eles aceitam cachorro la dentro?", "permitidos")
        answers(conn, "a senhora poderia me dizer se tem academia no clube?", "academia")
        # "libera" asks whether a thing is allowed.
        answers(conn, "o condominio libera alugar pra turista por uns dias?", "por temporada")
        answers(
            conn,
            "a ideia é botar no airbnb no carnaval e no natal. o condominio libera?",
            "por temporada",
        )
        answers(conn, "a administração libera cachorro andar nas areas comuns?", "com guia")
        answers(
            conn,
            "vou seguir morando em Quixada uns anos. daria pra botar a casa no airbnb pra "
            "turista que vem pro Cumbuco?",
            "por temporada",
        )
        # A furnished house or kitchen asks about its furniture.
        answers(conn, "a cozinha ja vem mobiliada?", "sem armários")
        answers(conn, "as casas sao entregues com a cozinha mobiliada ou vazia?", "sem armários")
        # A covering "da parede" is the covering the documents name.
        answers(conn, "ate quando posso escolher o azulejo da parede?", "90 dias")
        answers(conn, "da pra escolher o revestimento das paredes?", "revestimento")
        # A figure of the lead's story is not what the question points back to.
        answers(
            conn,
            "juntei uns 9 anos de fgts. depois de pegar a casa posso usar ele pra abater o saldo?",
            "amortizar",
        )
        answers(
            conn,
            "tenho fgts de uns 15 anos. da pra usar ele na entrada?",
            "FGTS",
        )
        # A monthly fee asked with a time: the fee's own passage, not the works' payments.
        answers(
            conn,
            "tenho que pagar a taxa de condominio enquanto a obra nao termina?",
            "entrega das chaves",
        )
        answers(
            conn,
            "o condominio eu ja pago durante a obra ou so depois?",
            "entrega das chaves",
        )
        # Negatives: a bank's rate in the lead's story is no monthly fee asked; a time no
        # document states stays the broker's; the instalment stays the broker's.
        found = answers(
            conn,
            "tenho conta no bradesco e o gerente me da uma taxa boa. da pra financiar por la?",
            "Caixa",
        )
        assert not any("690" in sentence for sentence in found.sentences), found.sentences
        brokers(conn, "da pra alugar no carnaval?")
        brokers(conn, "quanto fica a parcela durante a obra?", "price_to_broker")
        brokers(conn, "o condominio libera festa com som alto ate de madrugada?")
