"""Kinds of first-sight set 08d through the real lookup (tests/data/kb on the embedded
PostgreSQL): everyday words that never repeat the documents' words."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, index_documents


def test_a_price_of_a_house_named_by_its_rooms(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        brokers(conn, "e quanto fica o de 4 qtos com escritorio?", "price_to_broker")
        brokers(conn, "quanto sai a com dois quartos?", "price_to_broker")
        # Its size is stated.
        answers(conn, "quanto mede a de 3 quartos?", "112 m²")
        # Lowering what one costs is the price too.
        brokers(conn, "se eu der metade a vista voces baixam o valor da de 4 quartos?")


def test_a_size_or_fit_of_a_thing_no_document_measures(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # The house's own figures answer another question than the kitchen's size.
        brokers(conn, "sera q um fogao de 6 bocas cabe na cozinha do sobrado?", "kb_no_passage")
        brokers(conn, "o quintal da casa de 3 quartos e grande?", "kb_no_passage")
        # Things the documents measure, or count what a place holds, still answer.
        answers(conn, "a garagem da casa de 2 quartos cabe quantos carros?", "dois carros")
        answers(conn, "o salao de festa do clube cabe quantas pessoas?", "120 pessoas")
        answers(conn, "o terreno do sobrado e grande?", "360 m²")
        # A house named by its heading alone: its own section measures it.
        answers(conn, "qual a metragem da casa brisa?", "78 m²")
        # A size asked by "a área de"; "área" naming a place asks no size.
        brokers(conn, "e qual a area da cozinha da terrea de 3 quartos?", "kb_no_passage")
        answers(conn, "vcs tem area de lazer pras criancas?", "brinquedoteca")


def test_the_keys_and_an_emoji_between_sentences(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # The keys asked with a date: the stage's handover, dated.
        answers(conn, "quando eu pego a chave da casa na quadra B?", "dezembro de 2028")
        # The keys as the time of a payment: the payment's passage.
        answers(conn, "o saldo eu pago quando pegar a chave?", "Saldo na entrega das chaves")
        # The lead's story before an emoji is not part of the question.
        answers(
            conn,
            "acabei de casar e vou ter q equipar tudo 🙈 a cozinha vem com armario embutido?",
            "sem armários",
        )


def test_everyday_words_for_the_documents_things(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "queria saber ate quando da pra trocar os azulejo e o estilo da cozinha",
            "90 dias",
        )
        answers(conn, "a prestacao q eu pago durante a obra e fixa ou sobe todo ano?", "INCC")
        answers(conn, "q documento eu levo pra mostrar meu salario?", "comprovantes de renda")
        # Sending papers before the call: the sentence saying nothing needs sending.
        answers(conn, "tiro foto da cnh e envio pelo whats pra adiantar, precisa?", "enviar nada")


def test_a_room_to_work_in_is_the_office(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "qual das casas tem um quartinho a parte so pra trabalhar de casa?",
            "escritório no térreo",
        )
        answers(conn, "o sobrado vem com escritorio?", "escritório no térreo")
        # The shared place to work stays the coworking.
        answers(conn, "tem lugar pra trabalhar no condominio?", "coworking")
