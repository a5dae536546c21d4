"""Index a documents folder into Postgres, idempotently.

A file whose bytes hash as before costs one comparison. A changed file is chunked again
and its chunks compared by content hash: unchanged chunks keep their rows (and their
embeddings), new ones are inserted, vanished ones deleted. A file no longer in the
folder is deleted with its chunks. Each chunk is stored with its words' lemmas too
(`lemma_text`: the form a question's words are compared in). All of it runs in one
transaction under an advisory lock, so two processes indexing at once take turns and a
reader never sees half a document. `folder_fingerprint` (names, sizes, modification
times) is the cheap check `chat` makes at start-up to know whether indexing is needed at
all.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from psycopg import Connection
from psycopg.rows import DictRow

from homer_agent.db.queries import Querier
from homer_agent.kb.chunking import DOCUMENT_SUFFIXES, chunk_document
from homer_agent.kb.embeddings import Embedder
from homer_agent.ptbr.text import lemma_text

__all__ = [
    "DocumentChange",
    "IndexReport",
    "KbError",
    "document_files",
    "embed_missing",
    "folder_fingerprint",
    "index_folder",
    "needs_indexing",
    "refresh",
]


class KbError(ValueError):
    """A documents folder or file that cannot be indexed, as one line a person can act on."""


@dataclass(frozen=True, slots=True)
class DocumentChange:
    """What indexing did to one document."""

    path: str
    action: str
    """`added`, `updated` or `removed`."""
    chunks_added: int = 0
    chunks_removed: int = 0
    chunks_kept: int = 0
    dropped: int = 0
    """Sentences left out because they address the agent (documents are data)."""


@dataclass(slots=True)
class IndexReport:
    """What one `index_folder` run changed."""

    folder: Path
    changes: list[DocumentChange] = field(default_factory=list)
    unchanged: int = 0
    embedded: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.embedded > 0

    def lines(self) -> list[str]:
        """One line per change, then a summary; for people."""
        out = []
        for change in self.changes:
            if change.dropped:
                out.append(
                    f"warning  {change.path}: {change.dropped} sentence(s) addressed to the agent "
                    "left out (documents are data, not instructions)"
                )
            if change.action == "added":
                out.append(f"added    {change.path} ({change.chunks_added} chunks)")
            elif change.action == "removed":
                out.append(f"removed  {change.path} ({change.chunks_removed} chunks)")
            else:
                out.append(
                    f"updated  {change.path} (+{change.chunks_added} -{change.chunks_removed} "
                    f"chunks, {change.chunks_kept} unchanged)"
                )
        if self.embedded:
            out.append(f"embedded {self.embedded} chunks")
        summary = (
            f"{len(self.changes)} document(s) changed, {self.unchanged} unchanged"
            if self.changes
            else f"Nothing changed: {self.unchanged} document(s) up to date"
        )
        out.append(f"{summary} in {self.folder}.")
        return out


def document_files(folder: Path) -> list[Path]:
    """The indexable files under `folder`, sorted; hidden files and `README*` are skipped."""
    if not folder.is_dir():
        raise KbError(
            f"documents folder {folder} does not exist or is not a folder; "
            "set HOMER_KB_DIR or `documents` in the profile"
        )
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.name.upper().startswith("README") or path.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        if path.is_file():
            found.append(path)
    return sorted(found)


def folder_fingerprint(folder: Path) -> str:
    """A hash of the folder's path and its files' names, sizes and modification times."""
    digest = hashlib.sha256(str(folder.resolve()).encode())
    for path in document_files(folder):
        stat = path.stat()
        digest.update(f"\0{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def needs_indexing(conn: Connection[DictRow], folder: Path) -> bool:
    """Whether the folder changed since it was last indexed (a stat per file, one query)."""
    saved = Querier(conn).get_folder()
    return saved is None or saved.fingerprint != folder_fingerprint(folder)


def _read(path: Path, relative: str) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KbError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError:
        raise KbError(f"{relative} is not UTF-8 text: convert it or remove it") from None


def _sync_document(
    q: Querier, document_id: int, chunks: list[tuple[str, str, str]]
) -> tuple[int, int, int]:
    """Make a document's chunks these (heading path, body, hash); return added, removed, kept."""
    existing = {row.content_hash: row.id for row in q.list_chunk_hashes(document_id=document_id)}
    wanted = {digest for _, _, digest in chunks}
    stale = [chunk_id for digest, chunk_id in existing.items() if digest not in wanted]
    if stale:
        q.delete_chunks(ids=stale)
    added = kept = 0
    seen: set[str] = set()
    for ordinal, (heading_path, body, digest) in enumerate(chunks):
        if digest in seen:  # the same passage twice in one document: index it once
            continue
        seen.add(digest)
        heading_lemmas, body_lemmas = lemma_text(heading_path), lemma_text(body)
        if digest in existing:
            q.move_chunk(
                id=existing[digest],
                ordinal=ordinal,
                heading_lemmas=heading_lemmas,
                body_lemmas=body_lemmas,
            )
            kept += 1
        else:
            q.insert_chunk(
                document_id=document_id,
                ordinal=ordinal,
                heading_path=heading_path,
                body=body,
                content_hash=digest,
                heading_lemmas=heading_lemmas,
                body_lemmas=body_lemmas,
            )
            added += 1
    return added, len(stale), kept


def index_folder(
    conn: Connection[DictRow], folder: Path, *, embedder: Embedder | None = None
) -> IndexReport:
    """Bring the knowledge base in line with `folder`; embed new chunks when configured."""
    folder = folder.resolve()
    files = document_files(folder)
    fingerprint = folder_fingerprint(folder)
    report = IndexReport(folder=folder)
    with conn.transaction():
        q = Querier(conn)
        q.lock_knowledge_base_index()
        known = {doc.path: doc for doc in q.list_documents()}
        present: set[str] = set()
        for path in files:
            relative = path.relative_to(folder).as_posix()
            present.add(relative)
            data, text = _read(path, relative)
            digest = hashlib.sha256(data).hexdigest()
            doc = known.get(relative)
            if doc is not None and doc.content_hash == digest:
                report.unchanged += 1
                continue
            chunked = chunk_document(text, path)
            rows = [(c.heading_path, c.body, c.content_hash) for c in chunked.chunks]
            title, dropped = chunked.title, len(chunked.dropped)
            if doc is None:
                inserted = q.insert_document(path=relative, title=title, content_hash=digest)
                assert inserted is not None
                added, removed, kept = _sync_document(q, inserted.id, rows)
                change = DocumentChange(relative, "added", added, dropped=dropped)
            else:
                q.update_document(id=doc.id, title=title, content_hash=digest)
                added, removed, kept = _sync_document(q, doc.id, rows)
                change = DocumentChange(relative, "updated", added, removed, kept, dropped)
            report.changes.append(change)
        for relative, doc in known.items():
            if relative not in present:
                q.delete_document(id=doc.id)
                report.changes.append(
                    DocumentChange(relative, "removed", chunks_removed=doc.chunks)
                )
        if embedder is not None:
            report.embedded = embed_missing(conn, embedder)
        q.save_folder(path=str(folder), fingerprint=fingerprint)
    return report


def embed_missing(conn: Connection[DictRow], embedder: Embedder) -> int:
    """Embed every chunk that has no vector from this model yet; return how many."""
    q = Querier(conn)
    missing = q.chunks_without_embedding(model=embedder.model)
    if not missing:
        return 0
    if not q.has_pgvector():
        raise KbError(
            "HOMER_EMBEDDINGS_MODEL is set but this database has no pgvector: "
            "have a superuser enable the extension `vector` in it, or unset HOMER_EMBEDDINGS_MODEL"
        )
    vectors = embedder.embed([f"{row.heading_path}\n\n{row.body}" for row in missing])
    for row, vector in zip(missing, vectors, strict=True):
        q.insert_embedding(chunk_id=row.id, model=embedder.model, embedding=vector)
    return len(missing)


def refresh(
    conn: Connection[DictRow], folder: Path, *, embedder: Embedder | None = None
) -> IndexReport | None:
    """Index `folder` only if it changed since it was indexed (or lacks embeddings): the
    cheap check `chat` makes at start-up. None when nothing needed doing."""
    stale = needs_indexing(conn, folder)
    if not stale and embedder is not None:
        stale = bool(Querier(conn).chunks_without_embedding(model=embedder.model))
    return index_folder(conn, folder, embedder=embedder) if stale else None
