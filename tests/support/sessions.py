"""A session on the built-in offline model, with the agent options a test needs, and a
helper that says several messages in it."""

from __future__ import annotations

from typing import Any

from homer_agent.agent import build_agent
from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
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


def say(session: Session, *texts: str) -> list[str]:
    """Each message's reply, in order; a turn that fails fails the test."""
    replies = []
    for text in texts:
        result = session.turn(text)
        assert result.error is None, result
        replies.append(result.reply)
    return replies
