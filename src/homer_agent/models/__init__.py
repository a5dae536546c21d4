"""Chat model factory: the built-in offline pt-BR model or an OpenAI-compatible server,
and the offline model as the fallback when that server cannot answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from langchain_core.language_models import BaseChatModel

from homer_agent.config import OFFLINE_MODEL, Settings

if TYPE_CHECKING:
    from homer_agent.models.fallback import Fallback


def make_chat_model(
    settings: Settings, *, retries: int | None = None, whole_replies: bool = False
) -> BaseChatModel:
    """The model named by the settings; imports only what that model needs.

    `retries` overrides HOMER_MODEL_RETRIES (the circuit breaker's probe tries once). An
    OpenAI-compatible model streams every reply, unless `whole_replies`: then it asks for
    each reply whole (one JSON body to parse instead of one per token, and a connection
    kept for the next call) and streams only a call that asks (`stream=True`), which is
    how the service answers whoever does not read tokens as they come.
    """
    if settings.offline:
        from homer_agent.models.offline import OfflineChatModel

        return OfflineChatModel()

    from langchain_openai import ChatOpenAI

    from homer_agent.models.openai_body import AsGiven

    key = settings.openai_api_key
    model = ChatOpenAI(
        model=settings.model_name,
        # Local servers (Ollama, vLLM) ignore the key but the client insists on one.
        api_key=key if key is not None else "not-needed",
        base_url=str(settings.openai_base_url) if settings.openai_base_url else None,
        timeout=settings.homer_model_timeout,
        max_retries=settings.homer_model_retries if retries is None else retries,
        # Left unset (not False) for whole replies, so a call's `stream=True` still streams.
        **({} if whole_replies else {"streaming": True}),
        stream_usage=True,
    )
    # The messages and tools go as given, not walked by openai-python (see openai_body).
    if model.client is not None:
        model.client = AsGiven(model.client)
    return model


def make_fallback(
    settings: Settings,
    notify: Callable[[str], None] | None = None,
    *,
    whole_replies: bool = False,
) -> Fallback | None:
    """The offline model behind a circuit breaker, unless HOMER_FALLBACK=none or the
    configured model is the offline one already. `notify` tells the developer;
    `whole_replies` is the provider's probe's (see `make_chat_model`)."""
    if settings.fallback == "none":
        return None
    from homer_agent import metrics
    from homer_agent.models.fallback import CircuitBreaker, Fallback
    from homer_agent.models.offline import OfflineChatModel

    breaker = CircuitBreaker(
        settings.homer_circuit_failures,
        settings.homer_circuit_cooldown,
        on_change=metrics.set_circuit_state,
    )
    probe = (
        make_chat_model(settings, retries=0, whole_replies=whole_replies)
        if settings.homer_model_retries
        else None
    )
    fallback = Fallback(
        model=OfflineChatModel(),
        breaker=breaker,
        provider=settings.model_name,
        probe=probe,
        name=OFFLINE_MODEL,
    )
    return fallback if notify is None else replace(fallback, notify=notify)
