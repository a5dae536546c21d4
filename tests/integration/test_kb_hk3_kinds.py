"""Things a lead describes instead of naming, and a story word hiding the question (held-out
set 08h, helper hk3), through the real lookup on the example development's documents
(tests/data/kb on the embedded PostgreSQL): new questions, with negatives."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, index_documents


def test_the_builder_called_a_company_after_a_story(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "meu primo se enrolou com uma construtora ai, to desconfiado. essa empresa ja"
            " entregou outros condominios?",
            "11 condomínios",
        )
        answers(conn, "a empresa responsavel ja entregou obra antes ou é a primeira vez?", "11")
        answers(conn, "qual empresa ta construindo o condominio?", "Areia Branca")
        # What no document states of the company stays the broker's.
        brokers(conn, "essa empresa tem selo de qualidade iso?", "kb_no_passage")


def test_a_room_to_see_clients_is_the_office(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "sou psicologa e atendo paciente em casa. alguma casa tem um comodo pra isso?",
            "escritório",
        )
        answers(
            conn,
            "recebo meus alunos em casa, preciso de um canto reservado pra isso. alguma casa"
            " vem com um comodo assim?",
            "escritório",
        )
        answers(conn, "trabalho em casa, tem escritorio em alguma das casas?", "escritório")
        # A room named by its number stays the houses' rooms.
        answers(conn, "a casa de 2 quartos tem um comodo a mais?", "2 quartos")


def test_a_quiet_place_to_work_is_the_coworking(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "trabalho remoto, tem algum espaco sossegado pra reuniao no condominio?",
            "coworking",
        )
        answers(
            conn,
            "preciso de um lugar quieto pra fazer reuniao com cliente. tem algum lugar assim aí?",
            "coworking",
        )
        answers(
            conn,
            "sou home office e as vezes preciso de um lugar tranquilo pra fazer reuniao kkk tem"
            " algum espaco assim no condominio?",
            "coworking",
        )
        # A quiet place for nothing the documents name, or the place itself judged quiet.
        brokers(conn, "tem algum lugar silencioso pra ler?")
        brokers(conn, "o condominio é um lugar tranquilo?")


def test_building_up_when_the_household_grows(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "se a familia aumentar, posso construir mais um andar na casa?", "dois")
        answers(
            conn,
            "estamos de olho no sobrado, mas se os filhos crescerem da pra ampliar depois?",
            "Ampliações são permitidas",
        )
        answers(
            conn,
            "se a familia crescer, da pra construir mais um andar em cima da casa?",
            "dois pavimentos",
        )
        # A statement about a house type with a question of its own keeps that house.
        answers(
            conn, "a gente ta pensando na terrea de 3 quartos, tem piscina privativa?", "piscina"
        )
