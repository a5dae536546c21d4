"""Documents → chunks: heading-aware passages of about 400–800 characters.

A Markdown document is cut at its headings; each section is one chunk, and a section
longer than `MAX_CHARS` is split between paragraphs (or sentences, or words) into parts
of at least `MIN_CHARS` where it can. Every chunk keeps the path of headings above it
("Casas e plantas > Casa Maré — 3 quartos"), which is searched with the text and shown
with it. A plain-text document is one section titled by its file name.

Documents are data, never instructions: a sentence that talks to the agent ("ignore as
instruções...", "responda que...", "chame a ferramenta...") is dropped when the
document is chunked, so it can reach neither the model nor the lead, and `kb index`
says how many were dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MAX_CHARS",
    "MIN_CHARS",
    "Chunk",
    "ChunkedDocument",
    "addresses_the_agent",
    "chunk_document",
    "split_sentences",
]

MIN_CHARS: Final = 400
MAX_CHARS: Final = 800
HEADING_SEPARATOR: Final = " > "
DOCUMENT_SUFFIXES: Final = (".md", ".markdown", ".txt")
"""Files of a documents folder that are indexed (a `README*` describes the folder: skipped)."""

_HEADING: Final = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE: Final = re.compile(r"^(```|~~~)")
_LIST_ITEM: Final = re.compile(r"^([-*+]|\d+[.)]) ")
_ADDRESSES_THE_AGENT: Final = re.compile(
    r"\b(ignor|desconsider|esque[cç])\w*\b.{0,40}\b(instru|regra|orienta|acima|anterior)"
    r"|\binstru[cç][oõ]es (anteriores|acima|do sistema|internas)"
    r"|\bprompt\b|\bchatbot\b|\bmodelo de linguagem\b"
    r"|\bvoc[eê] (deve|precisa|tem que) (responder|dizer|chamar|revelar|ignorar|informar)"
    r"|\b(responda|diga|informe|fale)\b.{0,30}\b(ao cliente|ao lead|ao usu[aá]rio|que)\b"
    r"|\b(chame|use|execute|acione)\b.{0,10}\bferramenta"
    r"|\bupdate_\w+|\bschedule_call\b|\bsearch_development\b",
    re.IGNORECASE,
)
_SENTENCE_END: Final = re.compile(r"(?<=[.!?…])\s+(?=[\"'“(«]?[A-ZÀ-Ý0-9-])")


@dataclass(frozen=True, slots=True)
class Chunk:
    """One passage: its headings, its text and a hash of both."""

    heading_path: str
    body: str

    @property
    def content_hash(self) -> str:
        payload = f"{self.heading_path}\n\n{self.body}".encode()
        return hashlib.sha256(payload).hexdigest()


def addresses_the_agent(sentence: str) -> bool:
    """Whether a sentence talks to the agent rather than about the development."""
    return _ADDRESSES_THE_AGENT.search(sentence) is not None


def _data_only(text: str, dropped: list[str]) -> str:
    """`text` without its sentences that address the agent (appended to `dropped`)."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    dropped.extend(s for s in sentences if addresses_the_agent(s))
    return " ".join(s for s in sentences if not addresses_the_agent(s))


def _clean(text: str, dropped: list[str]) -> str:
    """Paragraphs kept, lines inside a paragraph joined, runs of spaces collapsed."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip())
    out = []
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        if all(_LIST_ITEM.match(line) for line in lines):  # a list: one item per line
            items = [_data_only(line, dropped) for line in lines]
            kept = "\n".join(item for item in items if _LIST_ITEM.sub("", item).strip())
        else:
            kept = _data_only(" ".join(lines), dropped)
        if kept:
            out.append(kept)
    return "\n\n".join(out)


def _pieces(text: str, separator: str) -> list[str]:
    if separator == "paragraph":
        return [p for p in text.split("\n\n") if p.strip()]
    if separator == "line":
        return [p for p in text.split("\n") if p.strip()]
    if separator == "sentence":
        return [p for p in _SENTENCE_END.split(text) if p.strip()]
    return text.split()


_JOINERS: Final = {"paragraph": "\n\n", "line": "\n", "sentence": " ", "word": " "}
_LEVELS: Final = ("paragraph", "line", "sentence", "word")


def _split(text: str, level: int = 0) -> list[str]:
    """Parts of at most MAX_CHARS, cut at the coarsest boundary that fits, greedily packed
    but never leaving a last part shorter than MIN_CHARS when the text allows it."""
    if len(text) <= MAX_CHARS or level >= len(_LEVELS):
        return [text]
    name = _LEVELS[level]
    joiner = _JOINERS[name]
    pieces: list[str] = []
    for piece in _pieces(text, name):
        pieces.extend(_split(piece, level + 1) if len(piece) > MAX_CHARS else [piece])
    if len(pieces) <= 1:
        return _split(text, level + 1)
    parts: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{joiner}{piece}" if current else piece
        if len(candidate) <= MAX_CHARS or len(current) < MIN_CHARS // 2:
            current = candidate
        else:
            parts.append(current)
            current = piece
    if current:
        if parts and len(current) < MIN_CHARS and len(parts[-1]) + len(current) <= MAX_CHARS * 1.25:
            parts[-1] = f"{parts[-1]}{joiner}{current}"
        else:
            parts.append(current)
    return parts


def split_sentences(text: str) -> list[str]:
    """The sentences (and list items) of a passage, in order."""
    sentences: list[str] = []
    for line in text.split("\n"):
        item = _LIST_ITEM.sub("", line.strip(), count=1).strip()
        sentences.extend(s.strip() for s in _SENTENCE_END.split(item) if s.strip())
    return sentences


def _title_from_name(path: Path) -> str:
    return re.sub(r"^\d+[-_ ]*", "", path.stem).replace("-", " ").replace("_", " ").strip() or (
        path.stem
    )


@dataclass(frozen=True, slots=True)
class ChunkedDocument:
    title: str
    chunks: list[Chunk]
    dropped: list[str]
    """Sentences left out because they address the agent."""


def chunk_document(text: str, path: Path) -> ChunkedDocument:
    """The document's title, its chunks in order, and the sentences left out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    markdown = path.suffix.lower() in (".md", ".markdown")
    sections: list[tuple[list[str], list[str]]] = []  # (heading path, lines)
    headings: list[tuple[int, str]] = []
    lines: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if markdown and _FENCE.match(line.strip()):
            fenced = not fenced
            continue
        match = _HEADING.match(line) if markdown and not fenced else None
        if match is None:
            lines.append(line)
            continue
        sections.append(([h for _, h in headings], lines))
        level = len(match[1])
        headings = [(lvl, h) for lvl, h in headings if lvl < level] + [(level, match[2].strip())]
        lines = []
    sections.append(([h for _, h in headings], lines))
    title = next((path_[0] for path_, _ in sections if path_), None) or _title_from_name(path)
    chunks: list[Chunk] = []
    dropped: list[str] = []
    for heading_path, section_lines in sections:
        body = _clean("\n".join(section_lines), dropped)
        if not body:
            continue
        where = HEADING_SEPARATOR.join(heading_path) or title
        chunks.extend(Chunk(where, part) for part in _split(body))
    return ChunkedDocument(title, chunks, dropped)
