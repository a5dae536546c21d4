"""openai-python's chat completions, sending the messages and the tools as LangChain built them.

Before each request openai-python walks the whole body against its TypedDicts
(`maybe_transform`): every message against each of the six message types, every tool's
schema. That walk renames or re-encodes only what Homer never sends (aliased keys, dates,
base64 files); on Homer's plain messages and JSON-schema tools it returns the body as it
was, and costs 2 to 3 ms of CPU per model call. `AsGiven` hands the messages and the tools
to openai in `extra_body`, which it sends as given and whose keys win over the walked
body's: the JSON on the wire is the same (tests/integration/test_openai_body.py).
"""

from __future__ import annotations

from typing import Any, Final

AS_GIVEN: Final = ("messages", "tools")
"""The request's parts sent as given (the rest is small, and walked as before)."""


def as_given(params: dict[str, Any]) -> dict[str, Any]:
    """`params` for `create`, with the messages and the tools moved into `extra_body`."""
    given = {key: params[key] for key in AS_GIVEN if key in params}
    if not given:
        return params
    rest = {key: value for key, value in params.items() if key not in given}
    return {**rest, "messages": [], "extra_body": {**(rest.get("extra_body") or {}), **given}}


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
