"""What a model says is cleaned before a lead sees it or it is stored.

Small or badly templated models leak their chat template into replies: ``Olá, meu nome é
Luiz <|im_start|>``, a reply opened by ``<|im_start|>assistant`` or closed by
``<end_of_turn>``, or one that goes on to write the lead's next turn. Every provider's
reply goes through :func:`clean_model_reply` where it enters the conversation (the agent
node), and every streamed token through a :class:`StreamCleaner` (the session's token
relay), so neither the lead nor the stored history ever holds a template token.

The rules, in order:

- template tokens and the role names they carry (``<|im_start|>assistant``,
  ``<start_of_turn>model``) that open a reply are dropped;
- the first template token after the reply began ends it: what follows is another turn
  the model made up (the lead's, usually);
- so does a line holding only a role name (``user``) once the reply began;
- a reply left empty, or with no letter or digit (``...``, ``**``), is replaced by
  :data:`SAFE_REPLY`, unless it carries tool calls (then its text is just emptied).

Each cleaned reply is counted once in ``homer_model_replies_cleaned_total{reason}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage

from homer_agent import metrics
from homer_agent.metrics import CleanReason
from homer_agent.ptbr.replies import SAFE_REPLY

"""Said instead of a reply that had nothing to say (empty, or only template or symbols)."""

ROLES = ("system", "user", "assistant", "model", "tool", "human")

# `<|im_start|>`, `<|eot_id|>`, `<|endoftext|>`…; DeepSeek's full-width `<｜…｜>`; Gemma's
# `<start_of_turn>`, `<end_of_turn>`, `<start_of_image>`…; SentencePiece's `<s>`, `</s>`;
# Llama 2's `[INST]`, `<<SYS>>`.
_TOKEN = (
    r"<\|[^|<>\s]{1,48}\|>"
    r"|<｜[^｜<>]{1,48}｜>"
    r"|<(?:start|end)_of_[a-z_]{1,24}>"
    r"|</?(?:s|bos|eos|pad|unk)>"
    r"|\[/?INST\]"
    r"|<</?SYS>>"
)
_ROLE = "|".join(ROLES)
# Tokens (each with the role name it may carry) opening the text.
_LEADING = re.compile(
    rf"^(?:\s*(?:{_TOKEN})(?:[ \t]*(?:{_ROLE})\b(?=[ \t]*(?:\n|$|{_TOKEN}))[ \t]*)?)+\s*",
    re.IGNORECASE,
)
# A bare role line opening the text: `model\nOlá`, as a server that hides special tokens
# leaves Gemma's `<start_of_turn>model\n`.
_LEADING_ROLE_LINE = re.compile(rf"^\s*(?:{_ROLE})[ \t]*:?[ \t]*(?:\n|$)\s*", re.IGNORECASE)
# Where the reply ends: a token, or a line of only a role name, after the reply began.
_END = re.compile(rf"{_TOKEN}|\n[ \t]*(?:{_ROLE})[ \t]*:?[ \t]*(?:\n|$)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    reason: CleanReason | None
    """Why the text was changed, beyond trimming whitespace; None when it was not."""


def _strip_leading(text: str) -> str:
    """`text` without the tokens and role names that open it."""
    while True:
        stripped = _LEADING_ROLE_LINE.sub("", _LEADING.sub("", text, count=1), count=1)
        if stripped == text:
            return text
        text = stripped


def clean_text(raw: str) -> CleanText:
    """`raw` without template tokens, role prefixes and made-up turns; empty or junk text
    becomes "" with the reason (the caller decides what to say instead)."""
    text = _strip_leading(raw)
    end = _END.search(text)
    if end is not None:
        text = text[: end.start()]
    text = text.strip()
    if not text:
        return CleanText("", "empty")
    if not any(ch.isalnum() for ch in text):
        return CleanText("", "junk")
    return CleanText(text, "template_token" if text != raw.strip() else None)


def clean_model_reply(response: Any) -> Any:
    """The model's message as it may enter the conversation: cleaned text (see the module),
    :data:`SAFE_REPLY` for an empty or junk reply without tool calls; counted when changed.
    Anything that is not an AIMessage is returned as it came."""
    if not isinstance(response, AIMessage):
        return response
    content = response.content
    raw = content if isinstance(content, str) else response.text
    if response.tool_calls and not raw.strip():
        return response  # the usual tool-call message: nothing to say, nothing to clean
    cleaned = clean_text(raw)
    if cleaned.reason is None and (not isinstance(content, str) or content == cleaned.text):
        return response
    text = cleaned.text or ("" if response.tool_calls else SAFE_REPLY)
    if cleaned.reason is not None:
        metrics.record_cleaned_reply(cleaned.reason)
    return response.model_copy(update={"content": text})


class StreamCleaner:
    """Cleans a reply token by token, as it streams: `feed` returns what may be shown now.

    It shows the cleaned text of what came so far, less what a later token could still
    change: a tail that may be the start of a template token (``<|im_``), a last line that
    may be a role name (``assis``), trailing whitespace, and anything at all until the
    reply has a letter or digit (so a junk reply shows nothing, and its replacement is said
    whole). What it shows is always the start of what :func:`clean_text` gives for the
    whole reply; `rest` returns the remainder once the cleaned reply is known.
    """

    _HOLD_TAIL = 48
    """Longest template token held back while it may still be completing."""

    def __init__(self) -> None:
        self.raw = ""
        self.shown = ""

    def reset(self) -> None:
        self.raw = ""
        self.shown = ""

    def feed(self, token: str) -> str:
        self.raw += token
        visible = self._visible()
        if len(visible) <= len(self.shown) or not visible.startswith(self.shown):
            return ""
        piece = visible[len(self.shown) :]
        self.shown = visible
        return piece

    def rest(self, final: str) -> str:
        """What remains to show of `final`, the reply as cleaned whole: all of it when
        nothing was shown; nothing when what was shown is not its start."""
        if not final.startswith(self.shown):
            return ""
        rest = final[len(self.shown) :]
        self.shown = final
        return rest

    def _visible(self) -> str:
        raw = self.raw
        if _END.search(_strip_leading(raw)) is not None:
            return clean_text(raw).text  # the reply has ended: nothing more will change it
        cut = max(raw.rfind("<"), raw.rfind("["))
        if cut >= 0:
            tail = raw[cut:]
            closer = "]" if tail.startswith("[") else ">"
            if (
                len(tail) <= self._HOLD_TAIL
                and closer not in tail[1:]
                and not any(ch.isspace() for ch in tail)
            ):
                raw = raw[:cut]
        text = clean_text(raw).text
        last = text.rsplit("\n", 1)[-1]
        word = last.strip().lower().rstrip(":")
        if word and any(role.startswith(word) for role in ROLES):
            text = text[: len(text) - len(last)].rstrip()
            if not any(ch.isalnum() for ch in text):
                return ""
        return text
