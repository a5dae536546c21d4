"""The model's replies are cleaned of chat-template tokens, whole and as they stream."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage, ToolMessage

from homer_agent import metrics
from homer_agent.model_replies import SAFE_REPLY, StreamCleaner, clean_model_reply, clean_text

# (what the model said, what the lead may see: "" for nothing worth saying)
CASES = [
    ("Olá, meu nome é Luiz <|im_start|>", "Olá, meu nome é Luiz"),
    ("<|im_start|>assistant\nOlá! Como posso ajudar?<|im_end|>", "Olá! Como posso ajudar?"),
    ("Olá!<|im_end|>\n<|im_start|>user\nQuero um apartamento", "Olá!"),
    ("<start_of_turn>model\nBom dia!<end_of_turn>", "Bom dia!"),
    ("Bom dia!<end_of_turn>\n<start_of_turn>user\nOi", "Bom dia!"),
    ("<|start_header_id|>assistant<|end_header_id|>\n\nTudo bem?<|eot_id|>", "Tudo bem?"),
    ("<s> Qual é o seu nome?</s>", "Qual é o seu nome?"),
    ("Qual o seu orçamento?<|endoftext|>", "Qual o seu orçamento?"),
    ("[INST] Oi [/INST]", "Oi"),
    ("model\nPrazer em falar com você!", "Prazer em falar com você!"),
    ("Prazer!\nuser\nSou a Ana", "Prazer!"),
    ("<｜begin▁of▁sentence｜>Oi!", "Oi!"),
    # Nothing a lead could use.
    ("", ""),
    ("   \n", ""),
    ("<|im_start|>assistant\n<|im_end|>", ""),
    ("<end_of_turn>", ""),
    ("...", ""),
    ("** --", ""),
    # Left alone: text that merely looks technical, and ordinary replies.
    ("Use a tecla <Enter> ou o link [aqui].", "Use a tecla <Enter> ou o link [aqui]."),
    ("Entendi: 3 quartos, até R$ 500 mil.", "Entendi: 3 quartos, até R$ 500 mil."),
    ("O modelo decorado fica no 2º andar.", "O modelo decorado fica no 2º andar."),
]


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw).text == clean


def test_reasons() -> None:
    assert clean_text("Oi!").reason is None
    assert clean_text("  Oi!\n").reason is None
    assert clean_text("Oi! <|im_end|>").reason == "template_token"
    assert clean_text("Oi!\nuser\nE aí").reason == "template_token"
    assert clean_text("<|im_end|>").reason == "empty"
    assert clean_text("?!").reason == "junk"


def _count(reason: str) -> float:
    return metrics.MODEL_REPLIES_CLEANED.labels(reason=reason)._value.get()


def test_reply_cleaned_and_counted() -> None:
    before = _count("template_token")
    message = AIMessage("Olá, meu nome é Luiz <|im_start|>", id="m1")
    cleaned = clean_model_reply(message)
    assert cleaned.content == "Olá, meu nome é Luiz"
    assert cleaned.id == "m1"
    assert _count("template_token") == before + 1


@pytest.mark.parametrize(("raw", "reason"), [("", "empty"), ("<|im_end|>", "empty"), ("…", "junk")])
def test_empty_or_junk_reply_gets_the_safe_line(raw: str, reason: str) -> None:
    before = _count(reason)
    assert clean_model_reply(AIMessage(raw)).content == SAFE_REPLY
    assert _count(reason) == before + 1


def test_clean_reply_untouched() -> None:
    message = AIMessage("Qual é o seu nome?")
    assert clean_model_reply(message) is message


def test_tool_calls_keep_their_calls_and_lose_the_tokens() -> None:
    calls = [{"name": "update_lead_name", "args": {"name": "Ana"}, "id": "c1"}]
    plain = AIMessage("", tool_calls=calls)
    assert clean_model_reply(plain) is plain
    cleaned = clean_model_reply(AIMessage("<|im_start|>assistant\n", tool_calls=calls))
    assert cleaned.content == ""  # no safe line: the tools' round comes next
    assert cleaned.tool_calls == plain.tool_calls


def test_other_messages_pass() -> None:
    message = ToolMessage("ok <|im_end|>", tool_call_id="c1")
    assert clean_model_reply(message) is message


def _stream(raw: str, pieces: list[str]) -> str:
    """What a stream of `pieces` (joined: `raw`) shows, checked piece by piece."""
    cleaner = StreamCleaner()
    shown = ""
    final = clean_text(raw).text
    for piece in pieces:
        shown += cleaner.feed(piece)
        # What streamed is always the start of the final reply, and never a token.
        assert final.startswith(shown), (shown, final)
        assert "<|" not in shown and "<start" not in shown and "<end" not in shown
    shown += cleaner.rest(final or SAFE_REPLY)
    return shown


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_stream_by_character(raw: str, clean: str) -> None:
    assert _stream(raw, list(raw)) == (clean or SAFE_REPLY)


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_stream_by_word(raw: str, clean: str) -> None:
    pieces = [w for w in raw.replace(" ", " \0").split("\0") if w]
    assert _stream(raw, pieces) == (clean or SAFE_REPLY)


def test_stream_shows_words_as_they_come() -> None:
    cleaner = StreamCleaner()
    shown = [
        cleaner.feed(piece) for piece in ("<|im_start|>", "assistant\n", "Olá,", " tudo", " bem?")
    ]
    assert shown == ["", "", "Olá,", " tudo", " bem?"]


def test_stream_stops_at_a_made_up_turn() -> None:
    cleaner = StreamCleaner()
    pieces = ["Prazer!", "<|im_end|>", "\n<|im_start|>", "user\n", "Sou", " a", " Ana"]
    assert "".join(cleaner.feed(p) for p in pieces) == "Prazer!"
