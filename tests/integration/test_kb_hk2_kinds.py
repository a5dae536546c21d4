"""Bare greetings and a merge regression (helper hk2: set 07w, seed 21, set 08n), through
the real lookup and a first message to the offline model on the example development's
documents (tests/data/kb on the embedded PostgreSQL): new questions, with negatives."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, first_message, index_documents


def test_who_gets_in_is_the_access_control(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "minha esposa trabalha a noite e eu viajo muito. a entrada de visitantes ai e por"
            " tag ou tem algo mais seguro?",
            "reconhecimento facial",
        )
        answers(conn, "como é a entrada de moradores, tem cartao?", "reconhecimento facial")
        answers(conn, "a entrada de carros no condominio e controlada?", "reconhecimento facial")
        # The down payment stays the broker's.
        brokers(conn, "quanto é a entrada da casa de 3 quartos?", "price_to_broker")


def test_terse_questions_in_shorthand(pool: Pool) -> None:
    first_message(
        pool, "hk2-a", "varanda vem c/ churrasqueira ou nao", "varanda gourmet", "kb_answered"
    )
    first_message(pool, "hk2-b", "clube tem piscina ou nao", "piscina adulto", "kb_answered")
    first_message(pool, "hk2-c", "a cozinha e entregue c/ armario?", "sem armários", "kb_answered")


def test_a_point_names_only_where_a_thing_is_fitted(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "vem com ponto pra ar nos quartos?", "ar-condicionado")
        answers(conn, "tem pontos de ar condicionado na sala?", "ar-condicionado")
        brokers(conn, "vem com ponto pra maquina de lavar?", "kb_no_passage")
        brokers(conn, "tem ponto p/ carregar carro eletrico na garagem?", "kb_no_passage")
        brokers(conn, "tem ponto de tomada pra carro eletrico?", "kb_no_passage")


def test_a_question_joined_by_e_after_a_story(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "sou professora e dou aula de manha e a obra ja comecou", "alvenaria")
        answers(conn, "meu marido trabalha embarcado e em que fase esta a obra", "alvenaria")
        answers(
            conn,
            "meu genro dirige uma caminhonete grande e cabe quantos carros na garagem",
            "dois carros",
        )
        answers(
            conn,
            "a gente trabalha no centro faz tempo e de quanto em quanto tempo passa o onibus",
            "30 minutos",
        )
        answers(
            conn,
            "minha sogra vai morar com a gente e o sobrado de 4 quartos tem quantas suites",
            "todos suítes",
        )
    first_message(
        pool,
        "hk2-e",
        "a gente mora de aluguel faz tempo sabe que documentos preciso separar",
        "comprovantes de renda",
        "kb_answered",
    )
    first_message(
        pool,
        "hk2-d",
        "minha filha entrou na faculdade e vai morar com a gente e aceita financiamento",
        "Caixa",
        "kb_answered",
    )


def test_a_slip_in_the_thing_asked_is_put_right_first(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "as parcelas tem corecao?", "INCC")
        answers(conn, "a prestação da obra tem correao?", "INCC")
        answers(conn, "o clube tem piscna?", "piscina")
