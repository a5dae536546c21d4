"""`homer_agent.ptbr.replies`: every pt-BR line said to a lead lives there, and renders.

The offline model keeps only the policy: a grep-like check over its string literals finds
no sentence in pt-BR (its folded cue words, regexes and identifiers are allowed); the fact
labels are one definition shared by the prompt and the lead card.
"""

from __future__ import annotations

import ast
import inspect
import re
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_type_hints

import pytest

from homer_agent import console, prompts
from homer_agent.facts import FACT_ORDER
from homer_agent.ptbr import replies

SRC = Path(__file__).resolve().parents[2] / "src" / "homer_agent"

_ACCENTED = re.compile(r"[à-úÀ-Ú“”]")
_SENTENCE_END = re.compile(r"[a-zà-ú0-9)][.!?](?:\s|$)")
_CAPITALISED_WORDS = re.compile(r"^[A-ZÀ-Ú][a-zà-ú]+,?\s+[a-zà-ú]")
ALLOWED: frozenset[str] = frozenset({"America/Fortaleza", "UTC"})
"""Literals of models/offline.py that are no reply (a time zone name)."""


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))
    return found


def reply_literals(source: str) -> list[str]:
    """String literals (f-string pieces included) that read like a pt-BR sentence."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = node.value
        if id(node) in docs or text in ALLOWED:
            continue
        if _ACCENTED.search(text) or _SENTENCE_END.search(text) or _CAPITALISED_WORDS.match(text):
            found.append(text)
    return found


def test_the_offline_model_holds_no_reply_text() -> None:
    source = (SRC / "models" / "offline.py").read_text(encoding="utf-8")
    assert reply_literals(source) == []


def test_the_check_sees_a_reply() -> None:
    sample = '''
def reply(name):
    """A docstring is no reply."""
    cues = ("me liga", "quanto e", r"\\b(?:ligar|horario)\\b")
    return f"Olá, {name}! " + "Qual bairro ou região você prefere?" + "Tudo certo"
'''
    assert sorted(reply_literals(sample)) == [
        "Olá, ",
        "Qual bairro ou região você prefere?",
        "Tudo certo",
    ]


def test_fact_labels_are_defined_once() -> None:
    assert list(replies.FACT_LABELS) == list(FACT_ORDER)
    assert list(replies.FACT_NOUNS) == list(FACT_ORDER)
    assert list(replies.ASK) == list(FACT_ORDER) == list(replies.HINT)
    assert prompts.FACT_LABELS is replies.FACT_LABELS
    assert console.CARD_LABELS is replies.CARD_LABELS
    for fact in ("name", "bedrooms", "neighborhood", "budget_brl"):
        assert replies.CARD_LABELS[fact] == replies.FACT_LABELS[fact]
    # The prompt's order of facts is written with the same labels.
    assert " → ".join(replies.FACT_LABELS[fact] for fact in FACT_ORDER) in prompts._RULES


def test_no_other_module_writes_the_labels() -> None:
    """The labels' literal map (`"budget_brl": "orçamento"`) is written in ptbr/ only."""
    pattern = re.compile(r"""["']budget_brl["']\s*:\s*["']orçamento["']""")
    writers = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert writers == ["ptbr/replies.py"]


_SAMPLES: dict[object, object] = {
    str: "Ana",
    int: 3,
    str | None: "Vila Carnaúba",
}


def _sample(kind: object, name: str) -> object:
    if name in ("weekday",):
        return 4
    if kind in _SAMPLES:
        return _SAMPLES[kind]
    return ["10h", "11h", "14h"]  # Sequence[str]


def _templates() -> list[tuple[str, Callable[..., str]]]:
    return [
        (name, value)
        for name, value in vars(replies).items()
        if isinstance(value, types.FunctionType)
        and value.__module__ == replies.__name__
        and not name.startswith("_")
    ]


@pytest.mark.parametrize(("name", "template"), _templates())
def test_every_template_renders(name: str, template: Callable[..., str]) -> None:
    hints = get_type_hints(template)
    args: dict[str, Any] = {
        param: _sample(hints[param], param) for param in inspect.signature(template).parameters
    }
    text = template(**args)
    assert isinstance(text, str) and text.strip(), name
    assert not re.search(r"[{}]|None|\[|\]", text), text


def test_every_constant_is_text() -> None:
    for name, value in vars(replies).items():
        if name.isupper() and isinstance(value, str):
            assert value.strip() and "{" not in value, name


@pytest.mark.parametrize(
    ("rendered", "expected"),
    [
        (
            replies.addressed("Ana", "Quantos quartos você procura?"),
            "Ana, quantos quartos você procura?",
        ),
        (replies.noted(["3 quartos", "bairro Aldeota"]), "Anotei: 3 quartos e bairro Aldeota."),
        (replies.bedrooms_count(1), "1 quarto"),
        (replies.bedrooms_count(3), "3 quartos"),
        (replies.bedrooms_refused(0), "0 quartos"),
        (replies.you_are_welcome(None), "Por nada! Até breve."),
        (replies.in_place("Ceará"), "no Ceará"),
        (replies.in_place("Pernambuco"), "em Pernambuco"),
        (replies.list_pt("piscina, quadra, sauna"), "piscina, quadra e sauna"),
        (replies.can_book([]), replies.OTHER_TIME),
        (replies.holiday("25/12", ""), "25/12 é feriado"),
        (replies.weekday_article(5), "no"),
        (replies.weekday_article(4), "na"),
        (
            replies.greeting(None, None, "Como posso te chamar?"),
            "Olá! Eu sou o assistente virtual. Vou te ajudar a encontrar sua casa. "
            "Como posso te chamar?",
        ),
        (replies.welcome_back(None), "Que bom te ver de volta! Em que posso ajudar?"),
        (
            replies.DATE_INVALID,
            "Essa data não existe. Pode me dizer o dia e o horário? Por exemplo: amanhã às 15h.",
        ),
    ],
)
def test_templates_say_what_they_said(rendered: str, expected: str) -> None:
    assert rendered == expected
