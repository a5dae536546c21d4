"""sqlc's copy of LangGraph's checkpoint tables matches the installed library.

`sql/external/0002_langgraph_checkpoints.sql` is schema for sqlc only: Postgres gets these
tables from `PostgresSaver.setup()`. When an upgrade of langgraph-checkpoint-postgres
changes its migrations, this fails with the statements the file should hold.
"""

from __future__ import annotations

import re
from pathlib import Path

from langgraph.checkpoint.postgres.base import BasePostgresSaver

SCHEMA = Path(__file__).resolve().parents[2] / "sql" / "external" / "0002_langgraph_checkpoints.sql"


def _statements(text: str) -> list[str]:
    """The blocks after each `-- migration N` line, whitespace-normalised, `;` dropped."""
    blocks = re.split(r"^-- migration \d+$", text, flags=re.MULTILINE)[1:]
    return [" ".join(block.split()).rstrip(";") for block in blocks]


def test_checkpoint_schema_is_the_installed_librarys_migrations() -> None:
    expected = [" ".join(m.split()).rstrip(";") for m in BasePostgresSaver.MIGRATIONS]
    found = _statements(SCHEMA.read_text(encoding="utf-8"))
    assert found == expected, (
        f"{SCHEMA.name} no longer matches LangGraph's MIGRATIONS: write them there, one "
        "`-- migration N` block each, then run `uv run sqlc generate`:\n"
        + "\n".join(f"-- migration {i}\n{m.strip()}" for i, m in enumerate(expected))
    )
