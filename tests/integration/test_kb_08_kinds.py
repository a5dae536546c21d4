"""Kinds of first-sight sets 08b and 08e through the real lookup (tests/data/kb on the
embedded PostgreSQL), on wordings of their own: a measure asked of a thing named in the
question before, a house type named by its own word, a time of the lead's plan, which
house has a thing."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, index_documents


def test_a_measure_asked_of_the_thing_named_before(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # The first question is the broker's (no document says), the second is the track's.
        found = answers(
            conn, "a pista de caminhada e iluminada? qual o comprimento dela?", "2,4 km"
        )
        assert found.unanswered
        found = answers(
            conn, "o clube tem piscina com raia pra nadar? qual o tamanho dela?", "25 metros"
        )
        # Never a house's area for "dela".
        assert not any("m²" in sentence for sentence in found.sentences), found.sentences


def test_a_house_type_named_by_its_own_word(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "quantos m2 tem o sobrado?", "168 m²")
        answers(conn, "qual a metragem do sobrado?", "168 m²")
        answers(conn, "o sobrado tem quantas suites?", "todos suítes")
        # "casa" alone still names the first house type's passage, as before.
        answers(conn, "a casa terrea de 2 quartos tem quantos metros?", "78 m²")


def test_a_time_of_the_leads_plan_names_nothing(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "queria saber se pode alugar pra turista nas ferias de janeiro, tem exigencia?",
            "cadastro prévio",
        )
        answers(
            conn,
            "minha ideia e alugar por temporada no carnaval e no natal, quais as regras?",
            "cadastro prévio",
        )
        # A time asked of itself stays the broker's: yes/no, or the hours on a holiday.
        brokers(conn, "da pra alugar por temporada no carnaval?", "kb_no_passage")
        brokers(conn, "o salao de festas abre no reveillon?", "kb_no_passage")
        brokers(conn, "a piscina abre no natal?", "kb_no_passage")


def test_which_house_is_answered_with_its_name(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "em qual das casas tem um escritorio no terreo?", "Casa Duna")
        answers(conn, "qual o modelo que vem com escritorio?", "Casa Duna")
        # A sentence that names the house already is left as it is; no "which" asked, no name.
        found = answers(conn, "tem escritorio em alguma casa?", "escritório")
        assert not any("Casa Duna" in sentence for sentence in found.sentences)


def test_a_dog_named_by_its_breed_of_two_words(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "minha filha tem um golden retriever de 35 kg, bem manso. ele pode ficar solto "
            "nas areas comuns?",
            "com guia",
        )
        answers(
            conn, "tenho uma pastora belga, cachorro de porte grande e permitido?", "permitidos"
        )


def test_the_others_of_a_kind_answer_which_ones(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        found = answers(conn, "consigo financiar pelo santander ou so em outros bancos?", "Itaú")
        # The bank named is left to the broker: the reply adds the broker line for it.
        assert found.unanswered
        # A second thing asked is still asked by itself: no passage names a helipad.
        brokers(conn, "tem heliponto ou outros espacos?")
