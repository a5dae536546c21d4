"""The knowledge base on the real PostgreSQL: indexing, full-text search, the kb commands."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest
from psycopg.rows import dict_row

from homer_agent.db.pool import Pool
from homer_agent.kb import index_folder, lookup, needs_indexing, search
from homer_agent.kb.index import KbError, document_files
from tests.conftest import run_cli
from tests.support.kb_scoring import TOPICS
from tests.support.paths import DATA

KB = DATA / "kb"
OVERVIEW = "Residencial Mirante das Dunas — visão geral"


def _chunk_ids(db_url: str) -> dict[str, int]:
    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        rows = conn.execute("SELECT id, content_hash FROM kb_chunks").fetchall()
    return {row["content_hash"]: row["id"] for row in rows}


def test_indexing_is_idempotent_and_follows_changes(pool: Pool, db_url: str, docs: Path) -> None:
    with pool.connection() as conn:
        first = index_folder(conn, docs)
        assert [c.action for c in first.changes] == ["added"] * 6  # README.md is not indexed
        assert sum(c.chunks_added for c in first.changes) == 26
        before = _chunk_ids(db_url)

        again = index_folder(conn, docs)
        assert again.changes == [] and again.unchanged == 6
        assert _chunk_ids(db_url) == before
        assert not needs_indexing(conn, docs)

        # One section edited, one file deleted, one added.
        casas = docs / "02-casas-e-plantas.md"
        casas.write_text(
            casas.read_text(encoding="utf-8").replace("78 m²", "80 m²"), encoding="utf-8"
        )
        (docs / "04-localizacao.md").unlink()
        (docs / "07-novo.md").write_text("# Novo\n\n## Heliponto\n\nHá um heliponto.\n")
        assert needs_indexing(conn, docs)
        report = index_folder(conn, docs)
    changes = {c.path: c for c in report.changes}
    assert set(changes) == {"02-casas-e-plantas.md", "04-localizacao.md", "07-novo.md"}
    updated = changes["02-casas-e-plantas.md"]
    assert (updated.action, updated.chunks_added, updated.chunks_removed, updated.chunks_kept) == (
        "updated",
        1,
        1,
        5,
    )
    assert changes["04-localizacao.md"].action == "removed"
    assert changes["04-localizacao.md"].chunks_removed == 4
    assert changes["07-novo.md"].action == "added"
    after = _chunk_ids(db_url)
    # Unchanged passages keep their rows (and so their embeddings).
    kept = set(before) & set(after)
    assert len(kept) == 26 - 1 - 4
    assert all(before[h] == after[h] for h in kept)
    assert len(after) == 26 - 1 - 4 + 1 + 1


def test_search_is_accent_insensitive_and_speaks_like_leads(pool: Pool, docs: Path) -> None:
    with pool.connection() as conn:
        index_folder(conn, docs)
        for question, heading in [
            ("PISCÍNA", "Lazer e serviços > Clube"),
            ("piscina", "Lazer e serviços > Clube"),
            ("posso ter cachorro?", "Regras e condomínio > Animais de estimação"),
            ("qual o tamanho da casa de 2 quartos?", "Casas e plantas > Casa Brisa — 2 quartos"),
            ("fica longe da praia?", "Localização > Distâncias"),
            ("quando fica pronto?", f"{OVERVIEW} > Andamento da obra"),
            ("quanto é o condominio", "Regras e condomínio > Taxa de condomínio"),
            ("aceita FGTS?", "Pagamento e documentos > Financiamento e FGTS"),
        ]:
            result = search(conn, question, k=3)
            assert result.passages, question
            assert result.passages[0].heading_path == heading, question
            # More of the question's concepts first; among passages with as many, the one
            # stating the figure asked for or named by its heading (kb.search._rerank).
            order = [p.terms_matched for p in result.passages]
            assert order == sorted(order, reverse=True)
        assert search(conn, "Olá, tudo bem?").passages == []
        assert search(conn, "heliponto").absent == ["heliponto"]


def test_lookup_answers_from_sentences_or_leaves_it_to_a_broker(pool: Pool, docs: Path) -> None:
    with pool.connection() as conn:
        index_folder(conn, docs)
        fee = lookup(conn, "Quanto é o condomínio?", broker_topics=TOPICS)
        assert fee.verdict == "answer"
        assert fee.sentences == [
            "A taxa de condomínio estimada é de R$ 690 por mês para todas as casas, cobrada "
            "a partir da entrega das chaves."
        ]
        price = lookup(conn, "Quanto custa a casa de 3 quartos?", broker_topics=TOPICS)
        assert (price.verdict, price.reason) == ("broker", "broker topic: preços das casas")
        golf = lookup(conn, "O condomínio tem campo de golfe?", broker_topics=TOPICS)
        assert (golf.verdict, golf.reason) == ("broker", "not in the documents: golfe")


def _env(db_url: str, **extra: str) -> dict[str, str]:
    return {"DATABASE_URL": db_url, **extra}


def test_kb_commands(db_url: str, docs: Path) -> None:
    env = _env(db_url, HOMER_KB_DIR=str(docs))
    first = run_cli("kb", "index", env=env)
    assert first.returncode == 0, first.stderr
    assert "added    02-casas-e-plantas.md (6 chunks)" in first.stdout
    assert "6 document(s) changed, 0 unchanged" in first.stdout

    again = run_cli("kb", "index", env=env)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == f"Nothing changed: 6 document(s) up to date in {docs.resolve()}."

    found = run_cli("kb", "search", "tem piscina?", "-k", "2", "--json", env=env)
    assert found.returncode == 0, found.stderr
    rows = json.loads(found.stdout)
    assert [r["rank"] for r in rows] == [1, 2]
    assert rows[0]["document"] == "03-lazer-e-servicos.md"
    assert rows[0]["heading_path"] == "Lazer e serviços > Clube"
    assert "piscina adulto" in rows[0]["text"] and rows[0]["score"] > rows[1]["score"] > 0

    text = run_cli("kb", "search", "tem piscina?", env=env)
    assert text.stdout.startswith("1. [")
    assert "03-lazer-e-servicos.md · Lazer e serviços > Clube" in text.stdout.splitlines()[0]

    listed = run_cli("kb", "list", "--json", env=env)
    documents = json.loads(listed.stdout)
    assert [d["document"] for d in documents] == sorted(p.name for p in docs.glob("0*.md"))
    assert sum(d["chunks"] for d in documents) == 26
    table = run_cli("kb", "list", env=env)
    assert "6 document(s), 26 chunk(s)" in table.stdout


def test_kb_index_of_the_bundled_profile_and_of_a_folder_argument(db_url: str) -> None:
    env = _env(db_url)
    bundled = run_cli("kb", "index", env=env)
    assert bundled.returncode == 0, bundled.stderr
    assert "added    vila-carnauba.md" in bundled.stdout
    answer = run_cli("kb", "search", "kitesurf", "--json", env=env)
    assert "escola de kitesurf" in json.loads(answer.stdout)[0]["text"]
    other = run_cli("kb", "index", str(KB), env=env)
    assert "removed  vila-carnauba.md" in other.stdout


@pytest.mark.parametrize(
    ("args", "setup", "message"),
    [
        (("kb", "index", "/nonexistent/docs"), None, "documents folder /nonexistent/docs does not"),
        (("kb", "index"), "latin1", "bad.md is not UTF-8 text"),
        (("kb", "search", "piscina", "-k", "0"), None, "Invalid value for '-k'"),
    ],
)
def test_kb_bad_input_is_one_line(
    db_url: str, docs: Path, args: tuple[str, ...], setup: str | None, message: str
) -> None:
    if setup == "latin1":
        (docs / "bad.md").write_bytes("# Preço\n\nAção".encode("latin-1"))
    result = run_cli(*args, env=_env(db_url, HOMER_KB_DIR=str(docs)))
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_folder_is_a_kb_error(tmp_path: Path) -> None:
    with pytest.raises(KbError, match="does not exist"):
        document_files(tmp_path / "missing")


def test_kb_index_of_another_folder_says_what_chat_will_index_instead(
    db_url: str, tmp_path: Path
) -> None:
    (tmp_path / "faq.md").write_text("# Perguntas\n\nTem piscina aquecida no clube.\n")
    other = run_cli("kb", "index", str(tmp_path), env=_env(db_url))
    assert other.returncode == 0, other.stderr
    # The bundled profile's documents are what `chat` and `serve` index at start.
    assert "chat" in other.stderr and f"HOMER_KB_DIR={tmp_path}" in other.stderr
    assert other.stderr.count("\n") == 1, other.stderr
    kept = run_cli("kb", "index", str(tmp_path), env=_env(db_url, HOMER_KB_DIR=str(tmp_path)))
    assert kept.returncode == 0 and "HOMER_KB_DIR" not in kept.stderr, kept.stderr
