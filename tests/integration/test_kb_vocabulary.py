"""The typo correction's vocabulary, kept per process, follows the index.

`lookup` reads the documents' words once per process and database (a `ts_stat` over every
passage) and checks them against the index's stamp its own search returns: a second
lookup reads no vocabulary, and a re-index by another process (`homer-agent kb index`) is
seen by the next lookup, misspelt words included. Round trips are counted by the bench's
relay, not timed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.roundtrips import RoundTripRelay
from homer_agent.db.pool import open_pool
from homer_agent.kb import index_folder, lookup
from tests.conftest import run_cli
from tests.support.paths import DATA

QUESTION = "O condomínio tem helipotno?"
"""Misspelt ("heliponto" with two letters swapped): only a vocabulary with the word puts
it right."""
ANSWERED_ROUND_TRIPS = 2
"""An answered question whose every word a passage has: the search (AND query) and the
choice of sentences."""


def test_the_vocabulary_is_read_once_and_follows_a_reindex(db_url: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DATA / "kb", docs)
    with RoundTripRelay(db_url) as relay:
        pool = open_pool(relay.url, max_size=1)
        try:
            with pool.connection() as conn:
                index_folder(conn, docs)
                conn.commit()
                first = lookup(conn, "Quanto é o condomínio?")
                assert first.verdict == "answer"
                before = relay.count
                again = lookup(conn, "Quanto é o condomínio?")
                assert relay.count - before == ANSWERED_ROUND_TRIPS
                assert again == first

                missing = lookup(conn, QUESTION)
                assert (missing.verdict, missing.code) == ("broker", "kb_no_passage")
                conn.commit()

                (docs / "07-novo.md").write_text(
                    "# Novidades\n\n## Heliponto\n\nO condomínio tem um heliponto ao lado do "
                    "clube, para moradores e visitantes.\n",
                    encoding="utf-8",
                )
                indexed = run_cli(
                    "kb", "index", env={"DATABASE_URL": db_url, "HOMER_KB_DIR": str(docs)}
                )
                assert indexed.returncode == 0, indexed.stderr
                assert "added    07-novo.md" in indexed.stdout

                found = lookup(conn, QUESTION)
                assert found.verdict == "answer", found
                assert any("heliponto" in s for s in found.sentences)
                conn.commit()

                # Read again once after the change, then kept.
                before = relay.count
                lookup(conn, "Quanto é o condomínio?")
                assert relay.count - before == ANSWERED_ROUND_TRIPS
        finally:
            pool.close()
