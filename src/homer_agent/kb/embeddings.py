"""Embeddings through an OpenAI-compatible `/v1/embeddings` endpoint.

Used only when `HOMER_EMBEDDINGS_MODEL` is set, with the chat model's `OPENAI_BASE_URL`
and `OPENAI_API_KEY`. The `openai` client (already a dependency of langchain-openai)
does the HTTP, retries and time-outs; nothing is tokenised or downloaded locally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from homer_agent.config import Settings

if TYPE_CHECKING:
    from openai import OpenAI

__all__ = ["BATCH", "Embedder", "EmbeddingsError", "make_embedder"]

BATCH: Final = 64
"""Texts per request when indexing."""


class EmbeddingsError(RuntimeError):
    """The embeddings endpoint failed or answered something unusable (one line)."""


@dataclass(slots=True)
class Embedder:
    """One embeddings model on one OpenAI-compatible server."""

    model: str
    client: OpenAI = field(repr=False)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order."""
        import openai

        vectors: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            batch = list(texts[start : start + BATCH])
            try:
                response = self.client.embeddings.create(model=self.model, input=batch)
            except openai.OpenAIError as exc:
                message = " ".join(str(exc).split())[:200]
                raise EmbeddingsError(
                    f"the embeddings endpoint failed for model {self.model!r}: {message}"
                ) from None
            data = sorted(response.data, key=lambda item: item.index)
            if len(data) != len(batch) or any(not item.embedding for item in data):
                raise EmbeddingsError(
                    f"the embeddings endpoint returned {len(data)} vectors for {len(batch)} texts"
                )
            vectors.extend([float(x) for x in item.embedding] for item in data)
        return vectors


def make_embedder(settings: Settings) -> Embedder | None:
    """The configured embeddings model, or None when `HOMER_EMBEDDINGS_MODEL` is unset."""
    if settings.homer_embeddings_model is None:
        return None
    from openai import OpenAI

    key = settings.openai_api_key
    client = OpenAI(
        api_key=key.get_secret_value() if key is not None else "not-needed",
        base_url=str(settings.openai_base_url) if settings.openai_base_url else None,
        timeout=settings.homer_model_timeout,
        max_retries=settings.homer_model_retries,
    )
    return Embedder(model=settings.homer_embeddings_model, client=client)
