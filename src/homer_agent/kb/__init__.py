"""The development's knowledge base: documents → chunks → Postgres full text (+ pgvector).

- `chunking`: heading-aware passages of about 400–800 characters.
- `query`: a lead's question as a full-text query, through the pt-BR synonym layer.
- `index`: idempotent indexing of a documents folder (content hash per file and chunk).
- `search`: ranking (full text, or hybrid with embeddings) and the answering policy.
- `embeddings`: the OpenAI-compatible `/v1/embeddings` client.
"""

from __future__ import annotations

from pathlib import Path

from homer_agent.config import Settings
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
    "refresh",
    "search",
]


def documents_folder(settings: Settings, profile: Profile) -> Path | None:
    """The documents folder in use: `HOMER_KB_DIR`, else the profile's `documents`."""
    return settings.homer_kb_dir or profile.documents
