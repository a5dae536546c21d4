"""openai-python's chat completions, sending the messages and the tools as LangChain built them.

Before each request openai-python walks the whole body against its TypedDicts
(`maybe_transform`): every message against each of the six message types, every tool's
schema. That walk renames or re-encodes only what Homer never sends (aliased keys, dates,
base64 files); on Homer's plain messages and JSON-schema tools it returns the body as it
was, and costs 2 to 3 ms of CPU per model call; the rest of the body costs about 0.3 ms
more (the model's name is checked against a `Literal` of every OpenAI model, hashed anew
on each call). `AsGiven` hands the whole body to openai in `extra_body`, which it sends
as given and whose keys win over the walked body's: the JSON on the wire is the same
(tests/integration/test_openai_body.py).
"""

from __future__ import annotations

from typing import Any, Final

from openai import omit

OPTIONS: Final = ("stream", "extra_headers", "extra_query", "extra_body", "timeout")
"""What `create` takes that is not sent as given: how to send (and read) the request."""


def as_given(params: dict[str, Any]) -> dict[str, Any]:
    """`params` for `create`, with the whole body (the messages, the tools, the model and the
    sampling settings) moved into `extra_body`, and `model` omitted from what openai walks.

    `stream` stays a parameter (it decides how openai reads the answer); it is sent as
    openai sends it. A key of the caller's own `extra_body` wins, as it does in openai.
    """
    body = {key: value for key, value in params.items() if key not in OPTIONS}
    if not body:
        return params
    rest: dict[str, Any] = {key: params[key] for key in OPTIONS if key in params}
    return {
        **rest,
        "model": omit,
        "messages": [],
        "extra_body": {**body, **(rest.get("extra_body") or {})},
    }


class _RawResponses:
    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def create(self, **params: Any) -> Any:
        return self._raw.create(**as_given(params))


class AsGiven:
    """Stands for `openai.OpenAI().chat.completions` where LangChain's ChatOpenAI calls it
    (`create`, `with_raw_response.create`)."""

    def __init__(self, completions: Any) -> None:
        self._completions = completions

    def create(self, **params: Any) -> Any:
        return self._completions.create(**as_given(params))

    @property
    def with_raw_response(self) -> _RawResponses:
        return _RawResponses(self._completions.with_raw_response)
