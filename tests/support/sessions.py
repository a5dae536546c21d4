"""A session on the built-in offline model, with the agent options a test needs; a
session built from Settings the way the chat builds it (with Settings pointing at a fake
OpenAI-compatible server); a helper that says several messages in a session; and what
`lead export` prints for a key."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from langchain_core.language_models import BaseChatModel

from homer_agent.agent import Agent, build_agent
from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.leads import querier
from homer_agent.models import make_chat_model, make_fallback
from homer_agent.models.offline import OfflineChatModel
from homer_agent.privacy import export_lead
from homer_agent.profile import load_profile
from homer_agent.session import Session

if TYPE_CHECKING:
    from tests.support.fake_openai import FakeOpenAI

FAKE_MODEL = "fake-model"


def session_for(
    pool: Pool,
    key: str,
    model: BaseChatModel,
    model_name: str = "scripted",
    **options: Any,
) -> Session:
    """The session of `key` on an agent built with `model` and the bundled profile;
    `options` go to `build_agent` (history_window: a small one makes archiving start
    early; calendar, webhook, …)."""
    return build_agent(
        pool=pool, model=model, model_name=model_name, profile=load_profile(None), **options
    ).session(key)


def offline_agent(pool: Pool, **options: Any) -> Agent:
    """An agent on the offline model and the bundled profile, for the many sessions of a
    scored set: built once and shared, as the chat and the service share theirs (a build
    binds the tools and compiles the graph, about as much CPU as an offline turn);
    `options` go to `build_agent`."""
    return build_agent(
        pool=pool,
        model=OfflineChatModel(),
        model_name="offline",
        profile=load_profile(None),
        **options,
    )


def offline_session(pool: Pool, key: str, **options: Any) -> Session:
    """The session of `key` on the offline model (see `session_for`)."""
    return session_for(pool, key, OfflineChatModel(), "offline", **options)


def _silent(_: str) -> None:
    pass


def settings_agent(
    pool: Pool, settings: Settings, notify: Callable[[str], None] = _silent, **options: Any
) -> Agent:
    """The agent built the way the chat builds it: the model and the fallback of
    `settings` (none with HOMER_FALLBACK=none, or on the offline model); `notify` hears
    what the fallback tells the developer (nothing is logged by default); `options` go
    to `build_agent` (kb, …)."""
    return build_agent(
        pool=pool,
        model=make_chat_model(settings),
        model_name=settings.model_name,
        profile=load_profile(None),
        fallback=make_fallback(settings, notify=notify),
        **options,
    )


def settings_session(
    pool: Pool, key: str, settings: Settings, notify: Callable[[str], None] = _silent
) -> Session:
    """The session of `key` on `settings_agent`."""
    return settings_agent(pool, settings, notify).session(key)


def fake_settings(provider: FakeOpenAI, model: str = FAKE_MODEL, **settings: Any) -> Settings:
    """Settings for the fake OpenAI-compatible `provider` and `model`: no retries, and
    whatever `settings` adds or overrides."""
    return Settings(
        **{
            "homer_model": model,
            "openai_base_url": provider.base_url,
            "openai_api_key": "test",
            "homer_model_retries": 0,
        }
        | settings
    )


def say(session: Session, *texts: str) -> list[str]:
    """Each message's reply, in order; a turn that fails fails the test."""
    replies = []
    for text in texts:
        result = session.turn(text)
        assert result.error is None, result
        replies.append(result.reply)
    return replies


def export_of(pool: Pool, key: str) -> dict[str, Any]:
    """The export (`homer-agent lead export`) of the lead of session `key`, which must exist."""
    with querier(pool) as q:
        lead = q.get_lead_by_session_key(session_key=key)
    assert lead is not None
    return export_lead(pool, lead)
