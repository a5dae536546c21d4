"""Chat model factory: the built-in offline pt-BR model or an OpenAI-compatible server."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from homer_agent.config import Settings


def make_chat_model(settings: Settings) -> BaseChatModel:
    """The model named by the settings; imports only what that model needs."""
    if settings.offline:
        from homer_agent.models.offline import OfflineChatModel

        return OfflineChatModel()

    from langchain_openai import ChatOpenAI

    key = settings.openai_api_key
    return ChatOpenAI(
        model=settings.model_name,
        # Local servers (Ollama, vLLM) ignore the key but the client insists on one.
        api_key=key if key is not None else "not-needed",
        base_url=str(settings.openai_base_url) if settings.openai_base_url else None,
        timeout=settings.homer_model_timeout,
        max_retries=settings.homer_model_retries,
        streaming=True,
        stream_usage=True,
    )
