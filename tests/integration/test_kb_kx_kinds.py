"""Kinds left open by the sixth session (brief kx) through the real lookup (tests/data/kb on
the embedded PostgreSQL) and the offline model, on wordings of their own: which house types
have a thing, renting the house out, a block named by its letter, slips with two readings,
and a question after the lead's story."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, first_message, index_documents


def test_which_houses_have_a_thing_names_every_one(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        found = answers(conn, "quais modelos vem com piscina privativa?", "Casa Maré")
        assert any("Casa Duna" in s for s in found.sentences), found.sentences
        found = answers(conn, "qual das casas tem suite?", "Casa Brisa")
        assert sum("Casa " in s and "—" in s for s in found.sentences) == 3, found.sentences
        found = answers(conn, "em qual casa vem escritorio?", "Casa Duna")
        assert not any("Maré" in s or "Brisa" in s for s in found.sentences), found.sentences


def test_which_houses_have_so_many_of_a_thing(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        found = answers(conn, "qual das casas vem com duas suites?", "2 suítes")
        assert not any("Brisa" in s or "Duna" in s for s in found.sentences), found.sentences
        found = answers(conn, "quais casas tem pelo menos 2 suites?", "Casa Maré")
        assert any("Casa Duna" in s for s in found.sentences), found.sentences
        assert not any("Brisa" in s for s in found.sentences), found.sentences
        found = answers(conn, "qual modelo tem 4 quartos?", "Casa Duna")
        assert len(found.sentences) == 1, found.sentences
        # No house states the count asked: the broker's, never the nearest one.
        brokers(conn, "quais casas tem 3 suites?", "kb_no_passage")
        brokers(conn, "qual das casas tem cinco quartos?", "kb_no_passage")
        # A thing no house has stays the broker's too.
        brokers(conn, "qual modelo tem sauna?")


def test_renting_the_house_out(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "posso deixar a casa alugada enquanto moro fora?", "temporada")
        answers(conn, "da pra deixar o imovel alugado pra turista?", "temporada")
        answers(conn, "a casa pode ficar alugada o ano todo?", "temporada")
        # A thing no document names, left in a state, stays the broker's.
        brokers(conn, "posso deixar o barco guardado na garagem?")


def test_a_block_named_by_its_letter_is_its_stage(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "a quadra F fica pronta quando?", "junho de 2029")
        answers(conn, "qual a previsao de entrega da quadra B?", "dezembro de 2028")
        # Its price stays the broker's.
        brokers(conn, "quanto custa uma casa na quadra G?", "price_to_broker")


def test_a_slip_with_two_readings(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "quanto eu precso dar de sinal?", "10%")
        answers(conn, "a gente precsa levar quais documentos?", "comprovantes de renda")
        answers(conn, "quantos km ate a praa?", "4 km")
        answers(conn, "e longe da praa?", "4 km")
        # Read as a price, a price question stays the broker's.
        brokers(conn, "qual o precso da casa de 3 quartos?", "price_to_broker")
        # A slip nothing before it decides stays a word no passage holds.
        brokers(conn, "precso saber se tem sauna")


def test_a_question_after_the_leads_story(pool: Pool) -> None:
    first_message(
        pool,
        "kx-story-pool",
        "a gente ta guardando dinheiro faz tempo é que a casa de tres quartos pode ter piscina",
        "piscina privativa",
        "kb_answered",
    )
    first_message(
        pool,
        "kx-story-fee",
        "eu nao aguento mais pagar aluguel e a gente quer sair do centro sabe quando "
        "começo a pagar o condomínio",
        "entrega das chaves",
        "kb_answered",
    )
    first_message(
        pool,
        "kx-story-count",
        "oi a gente nao aguenta mais o barulho da rua. a casa de 3 quartos tem qnts suites?",
        "2 suítes",
        "kb_answered",
    )
