"""Kinds of first-sight sets 08q, 08r and 08m that got the broker line although a document
answers them, through the real lookup and the offline model (tests/data/kb on the embedded
PostgreSQL), each on new questions, with negatives."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, first_message, index_documents


def test_docs_surroundings_and_a_floor_raised(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "quais docs preciso ter em maos?", "comprovantes de renda")
        answers(conn, "tem escola boa nas redondezas?", "Colégio Farol")
        answers(conn, "tem hospital nos arredores?", "Hospital Municipal")
        answers(conn, "depois da entrega posso levantar + 1 andar?", "dois pavimentos")
        answers(conn, "da pra erguer um segundo andar?", "dois pavimentos")
        # A thing no document names stays the broker's, however near.
        brokers(conn, "tem farmacia nas redondezas?", "kb_no_passage")


def test_a_monthly_running_cost_is_the_fee(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "qual o custo mensal pra morar ai?", "R$ 690")
        answers(conn, "tem ideia de quanto e o gasto fixo por mes?", "R$ 690")
        answers(conn, "quanto fica a manutencao mensal do condominio?", "R$ 690")
        brokers(conn, "qual o custo mensal do financiamento?", "price_to_broker")
        brokers(conn, "qual o custo mensal da casa de 3 quartos?", "price_to_broker")


def test_asking_whether_a_thing_may_be(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "existe a possibilidade de trocar a banheira por box?", "box ampliado")
        answers(conn, "ha possibilidade de alugar pra temporada?", "temporada")
        answers(conn, "tem chance de ter gato no condominio?", "permitidos")
        # A thing no document names stays the broker's.
        brokers(conn, "existe a possibilidade de ter heliponto?", "kb_no_passage")
        brokers(conn, "tem chance de chover muito ai?", "kb_no_passage")


def test_the_down_payment_as_where_money_goes(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "da pra usar o fgts na entrada da casa?", "possível usar o FGTS")
        brokers(conn, "qual a entrada da casa?", "price_to_broker")
        brokers(conn, "quanto e a entrada da casa de 2 quartos?", "price_to_broker")


def test_questions_after_the_leads_story(pool: Pool) -> None:
    first_message(
        pool,
        "k1-relayed",
        "oi! minha esposa ja perdeu dinheiro num predio que nunca ficou pronto, ai ela quer"
        " saber se essa construtora ja entregou outros condominios",
        "11 condomínios",
        "kb_answered",
    )
    first_message(
        pool,
        "k1-house-named",
        "boa noite, somos recem casados e a grana ta curta (uns 300 mil no maximo), entao"
        " pensamos na menor, a de 2 quartos. quantos metros ela tem de construcao?",
        "78 m²",
        "kb_answered",
    )
    first_message(
        pool,
        "k1-fgts-ele",
        "boa tarde sou vigilante faz 9 anos na mesma empresa e tenho um fgts guardado que"
        " nunca usei. da pra usar ele nessa compra?",
        "na entrada",
        "kb_answered",
    )
    first_message(
        pool,
        "k1-fgts-dinheiro",
        "oi aqui e a Marta trabalho de carteira assinada faz dez anos e tenho um dinheirinho"
        " no fundo de garantia. posso botar esse dinheiro na entrada da casa?",
        "possível usar o FGTS",
        "kb_answered",
    )
    first_message(
        pool,
        "k1-possibility",
        "Oi. Meu pai usa cadeira de rodas e vi que a suite principal vem com banheira, e ele"
        " nao entra nela de jeito nenhum. Existe a possibilidade de mudar isso antes da obra"
        " acabar?",
        "box ampliado",
        "kb_answered",
    )
    # The price of the house pointed back to stays the broker's.
    first_message(
        pool,
        "k1-price-named",
        "sou aposentado e moro sozinho, to pensando na de 2 quartos. quanto custa ela?",
        "corretor confirma",
        "price_to_broker",
    )
    # Savings no document speaks of stay the broker's.
    first_message(
        pool,
        "k1-savings",
        "tenho um dinheiro guardado na poupanca. da pra usar esse dinheiro pra quitar a casa?",
        "corretor confirma",
        "kb_no_passage",
    )
