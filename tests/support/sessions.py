"""A session on the built-in offline model (or on the model some settings name), with the
agent options a test needs, a helper that says several messages in it, and what a lead's
export holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homer_agent.agent import build_agent
from homer_agent.config import Settings
from homer_agent.db.pool import Pool
from homer_agent.leads import querier
from homer_agent.models import make_chat_model, make_fallback
from homer_agent.models.offline import OfflineChatModel
from homer_agent.privacy import export_lead
from homer_agent.profile import load_profile
from homer_agent.session import Session


def offline_session(pool: Pool, key: str, **options: Any) -> Session:
    """The session of `key` on an agent built with the offline model and the bundled
    profile; `options` go to `build_agent` (calendar, webhook, …)."""
    return build_agent(
        pool=pool,
        model=OfflineChatModel(),
        model_name="offline",
        profile=load_profile(),
        **options,
    ).session(key)


def session_on(
    pool: Pool, key: str, settings: Settings, notify: Callable[[str], None] | None = None
) -> Session:
    """The session of `key` with the chat model and the fallback `settings` name, made as
    `load_agent` makes them, on the bundled profile (no documents, calendar or webhook);
    `notify` gets the developer's notices (None: the log)."""
    return build_agent(
        pool=pool,
        model=make_chat_model(settings),
        model_name=settings.model_name,
        profile=load_profile(),
        fallback=make_fallback(settings, notify=notify),
    ).session(key)


def say(session: Session, *texts: str) -> list[str]:
    """Each message's reply, in order; a turn that fails fails the test."""
    replies = []
    for text in texts:
        result = session.turn(text)
        assert result.error is None, result
        replies.append(result.reply)
    return replies


def exported(pool: Pool, key: str) -> dict[str, Any]:
    """What `homer-agent lead export KEY` prints (row, messages, turns), in process."""
    with querier(pool) as q:
        lead = q.get_lead_by_session_key(session_key=key)
    assert lead is not None
    return export_lead(pool, lead)
