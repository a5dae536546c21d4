"""The OpenAI-compatible client keeps one connection between streamed model calls
(homer_agent.models.keepalive), against the scripted server over real HTTP."""

from __future__ import annotations

from typing import Any

import openai
import pytest

from homer_agent.config import Settings
from homer_agent.models import make_chat_model
from tests.support.fake_openai import Error, FakeOpenAI, Text


def _connections(model: Any) -> list[Any]:
    return list(model.root_client._client._transport._pool.connections)


def test_streamed_calls_reuse_one_connection() -> None:
    with FakeOpenAI(default=Text("Oi, tudo bem com você?")) as fake:
        settings = Settings(openai_base_url=fake.base_url, openai_api_key="t", homer_model="m")
        model = make_chat_model(settings, retries=0)
        seen = []
        for _ in range(3):
            assert model.invoke("oi").content == "Oi, tudo bem com você?"
            seen.append([id(c) for c in _connections(model) if c.is_idle()])
        assert len(seen[0]) == 1 and seen == [seen[0]] * 3
        assert len(fake.chat_requests) == 3


def test_a_failed_call_leaves_the_next_one_working() -> None:
    with FakeOpenAI() as fake:
        fake.script(Error(500), Text("De novo, tudo certo."))
        settings = Settings(openai_base_url=fake.base_url, openai_api_key="t", homer_model="m")
        model = make_chat_model(settings, retries=0)
        with pytest.raises(openai.InternalServerError):
            model.invoke("oi")
        assert model.invoke("oi").content == "De novo, tudo certo."
