"""The development's knowledge base: documents → chunks → Postgres full text (+ pgvector).

- `chunking`: heading-aware passages of about 400–800 characters.
- `query`: a lead's question as a full-text query, through the pt-BR synonym layer.
- `index`: idempotent indexing of a documents folder (content hash per file and chunk).
- `search`: ranking (full text, or hybrid with embeddings) and the answering policy.
- `embeddings`: the OpenAI-compatible `/v1/embeddings` client.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.kb.embeddings import EmbeddingsError, make_embedder
from homer_agent.kb.index import IndexReport, KbError, index_folder, needs_indexing, refresh
from homer_agent.kb.search import Lookup, Passage, SearchOptions, SearchResult, lookup, search
from homer_agent.profile import Profile

__all__ = [
    "IndexReport",
    "KbError",
    "Lookup",
    "Passage",
    "SearchOptions",
    "SearchResult",
    "documents_folder",
    "index_folder",
    "lookup",
    "needs_indexing",
    "prepare",
    "refresh",
    "search",
]


def documents_folder(settings: Settings, profile: Profile) -> Path | None:
    """The documents folder in use: `HOMER_KB_DIR`, else the profile's `documents`."""
    return settings.homer_kb_dir or profile.documents


def prepare(
    settings: Settings, profile: Profile, pool: Pool, notice: Callable[[str], None]
) -> SearchOptions:
    """What `chat` and `serve` do at start: re-index the documents folder if it changed (a
    stat per file and one query when it did not) and return how to search. A folder that
    cannot be indexed is reported through `notice` and the agent goes on."""
    embedder = make_embedder(settings)
    options = SearchOptions(embedder=embedder, min_similarity=settings.homer_kb_min_similarity)
    folder = documents_folder(settings, profile)
    if folder is None:
        return options
    try:
        with pool.connection() as conn:
            report = refresh(conn, folder, embedder=embedder)
    except (KbError, EmbeddingsError) as exc:
        notice(f"Documents not indexed: {exc}")
        return options
    if report is not None and report.changed:
        notice(f"Documents: {report.lines()[-1]}")
    return options
