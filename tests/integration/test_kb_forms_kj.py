"""Kinds of first-sight sets 08j, 08k and 08l through the real lookup and the offline
model (tests/data/kb on the embedded PostgreSQL), each on new questions, with negatives."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, first_message, index_documents


def test_bedrooms_in_shorthand_and_the_built_area(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "qual a metragem da de 4q?", "168 m²")
        answers(conn, "a de 3q tem qnts m2?", "112 m²")
        answers(conn, "quantos metros quadrados de construcao tem o sobrado?", "168 m²")
        answers(conn, "e a area de construcao da casa de 2 quartos?", "78 m²")
        # The works asked stay the works.
        answers(conn, "em que fase esta a construcao?", "alvenaria")
        # A price in shorthand stays the broker's.
        brokers(conn, "qnto ta a de 4q?", "price_to_broker")


def test_a_trade_in_is_the_brokers_and_a_change_of_the_house_is_not(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        brokers(conn, "voces pegam moto na troca?", "price_to_broker")
        brokers(conn, "da pra dar meu carro de entrada?", "price_to_broker")
        brokers(conn, "meu ape entra na troca pela casa?", "price_to_broker")
        answers(conn, "ate quando posso pedir a troca da banheira?", "90 dias")
        answers(conn, "tem vaga pra quantos carros?", "dois carros")


def test_questions_that_each_name_the_same_section(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # Each question alone is the builder's; their words together meet in the works'.
        answers(
            conn,
            "a empresa e confiavel? ja entregou outros condominios ou e a primeira obra?",
            "11 condomínios",
        )
        answers(
            conn,
            "qual a construtora? ela ja entregou outros condominios ou e a primeira obra?",
            "11 condomínios",
        )
        # Questions answered by different sections keep both answers.
        found = answers(conn, "tem piscina? e academia?", "piscina adulto")
        assert any("academia" in s for s in found.sentences), found.sentences


def test_formal_and_described_words(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "ate quando posso solicitar a substituicao do piso?", "90 dias")
        answers(conn, "e possivel pedir a alteracao do revestimento?", "revestimento")
        answers(conn, "voces tem quadra pra tenis de praia?", "beach tennis")
        answers(
            conn,
            "o regimento do condominio permite locacao por temporada?",
            "temporada",
        )
        answers(conn, "pergunta besta, mas tem academia no clube?", "academia equipada")
        answers(conn, "o condominio proibe alugar por diaria?", "temporada")
        # Moving house is no change the buyer asks for.
        brokers(conn, "a mudanca pra la pode ser feita em qualquer dia?")


def test_modesty_is_no_attack_and_a_relayed_question_is_answered(pool: Pool) -> None:
    first_message(
        pool,
        "kj-modesty",
        "desculpa a ignorancia, mas a entrada e quanto em porcentagem?",
        "10%",
        "kb_answered",
    )
    first_message(
        pool,
        "kj-relayed",
        "boa noite! meu esposo ta perguntando se o sobrado ja vem com escritorio",
        "escritório",
        "kb_answered",
    )
    first_message(
        pool,
        "kj-tradesman",
        "oi, a casa ja vem com ar condicionado ou a gente tem que chamar um tecnico depois?",
        "pontos de ar-condicionado",
        "kb_answered",
    )
