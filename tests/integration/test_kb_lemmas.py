"""Passages by their lemma (2026-12-07i), on the real PostgreSQL with the example
development's documents (tests/data/kb): a question's word meets a passage's word when
their lemmas agree though Postgres' stemmer does not ("na mão" and "tenha em mãos"); a
section whose own heading names the thing asked about comes before one that only shares
more of the question's words; an index written before passages had lemmas gets them at
its next run, its passages keeping their rows."""

from __future__ import annotations

import psycopg
from psycopg.rows import dict_row

from homer_agent.db.pool import Pool
from homer_agent.kb import index_folder, lookup, search
from homer_agent.kb.search import vocabulary
from tests.support.kb_scoring import KB, TOPICS, answers, index_documents


def test_a_question_meets_a_passage_by_its_lemma(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        found = search(conn, "mao", k=3)
        assert found.absent == []
        assert found.passages[0].heading_path.endswith("Documentos para a ligação")
        answers(conn, "preciso ter alguma coisa na mao?", "tenha em mãos")


def test_the_section_whose_heading_names_the_thing_asked_comes_first(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # The payments' passage names "construtora", "obra" and "entrega": more of the
        # question's words than the builder's own section.
        answers(conn, "A construtora já entregou outras obras?", "11 condomínios")
        # "casa" names every house type's heading: no section's topic for "quantas casas".
        found = lookup(conn, "o empreendimento tem quantas casas?", broker_topics=TOPICS)
        assert any("184 casas" in sentence for sentence in found.sentences)


def test_an_index_without_lemmas_gets_them_at_its_next_run(pool: Pool, db_url: str) -> None:
    index_documents(pool)
    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        before = {r["id"] for r in conn.execute("SELECT id FROM kb_chunks").fetchall()}
        # As migration 0017 leaves a database indexed before it: no lemmas, files unread.
        conn.execute("UPDATE kb_chunks SET heading_lemmas = '', body_lemmas = ''")
        conn.execute("UPDATE kb_documents SET content_hash = ''")
        conn.execute("UPDATE kb_folder SET fingerprint = ''")
    with pool.connection() as conn:
        assert search(conn, "mao").passages == []
        report = index_folder(conn, KB)
        assert all(change.chunks_added == 0 for change in report.changes)
        assert search(conn, "mao").passages
    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        rows = conn.execute("SELECT id, body_lemmas FROM kb_chunks").fetchall()
    assert {r["id"] for r in rows} == before
    assert all(r["body_lemmas"] for r in rows)


def test_an_aside_of_the_lead_s_does_not_veto_a_yes_no_question(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "a casa Brisa tem suíte igual a Maré?", "1 suíte")
        found = lookup(
            conn, "dá pra visitar a decorada no sábado antes do almoço?", broker_topics=TOPICS
        )
        assert any("9h às 18h" in sentence for sentence in found.sentences)
        # What is asked still vetoes: no document names a heater.
        found = lookup(conn, "a casa vem com aquecedor igual ao da decorada?", broker_topics=TOPICS)
        assert found.code == "kb_no_passage"


def test_the_spelling_vocabulary_holds_the_passages_lemmas(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        known = vocabulary(conn).words
    # "mãos" and "domingos" are the documents' words; their lemmas are known words too, so a
    # question's "mao" or "domingo" is no slip to put right.
    assert {"maos", "mao", "domingos", "domingo", "ter"} <= known


def test_the_reply_s_last_place_goes_to_the_sentence_sharing_the_question_s_words(
    pool: Pool,
) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # "mandar", "preciso", "antes" and "ligação" are no search terms (the documents'
        # word is "documentos"), yet the sentence that answers shares them.
        found = lookup(conn, "preciso mandar os documentos antes da ligação?", broker_topics=TOPICS)
        assert "Não é preciso enviar nada antes da ligação." in found.sentences
        found = lookup(conn, "tenho q enviar os comprovantes antes?", broker_topics=TOPICS)
        assert "Não é preciso enviar nada antes da ligação." in found.sentences
