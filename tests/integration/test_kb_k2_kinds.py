"""Kinds of first-sight sets 08q/08m through the real lookup and a first message (tests/data/kb
on the embedded PostgreSQL): questions that were answered with the wrong passage."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, first_message, index_documents


def test_much_ground_asks_a_distance(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "meu pai faz hemodialise no hospital de caucaia, é muito chão?", "12 km")
        answers(conn, "trabalho no shopping iguatemi, daqui até lá é bastante chão?", "9 km")
        # The floor stays the finishes' floor.
        answers(conn, "o chão da sala é de porcelanato?", "porcelanato")


def test_a_place_to_stroll_is_the_walking_track(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "meu marido gosta de correr, tem onde dar umas voltas aí dentro?", "2,4 km")
        answers(conn, "tem um cantinho bom pra minha mãe dar suas voltinhas?", "caminhada")
        # A visit is no stroll.
        brokers(conn, "posso dar uma volta aí pra conhecer no sábado?")


def test_a_change_asked_as_a_possibility(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "não gosto de banheira, existe a possibilidade de trocar?", "box ampliado")
        answers(conn, "a suíte principal vem com banheira né? tem como tirar e pôr box?", "box")
        # A change no document offers stays the broker's.
        brokers(conn, "existe a possibilidade de mudar a cor da fachada?")


def test_a_house_type_named_before_the_question(pool: Pool) -> None:
    first_message(
        pool,
        "k2-sobrado",
        "Somos cinco aqui em casa. Tô de olho no sobrado de vocês. Queria saber se todos os"
        " quartos têm banheiro próprio",
        "todos suítes",
        "kb_answered",
    )
    first_message(
        pool,
        "k2-terreo",
        "Gostei da casa de dois quartos. O lote é de quantos metros?",
        "250 m²",
        "kb_answered",
    )
    first_message(
        pool,
        "k2-walk",
        "Tenho 70 anos e preciso caminhar todo dia. Tem um lugar bom aí dentro pra eu dar"
        " minhas voltinhas? É comprido?",
        "2,4 km",
        "kb_answered",
    )
