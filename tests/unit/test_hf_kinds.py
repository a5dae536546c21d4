"""The held-out facts sets' kinds (branch hf), each a general rule tested on new
sentences that must and must not change; none is a sentence the kinds were seen in."""

from __future__ import annotations

import pytest

from tests.support.reading import extract

# 1. The name said again at once after a comma with more of it: the fuller repetition is
# the name ("Cícero, Cícero Nogueira").


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("me chamo Ana, Ana Paula Lima", "Ana Paula Lima"),
        ("sou o Jorge, Jorge Bastos, motorista", "Jorge Bastos"),
        ("meu nome é Rita, Rita de Cássia", "Rita de Cássia"),
        ("meu nome é tiago, tiago moura", "Tiago Moura"),
    ],
)
def test_the_fuller_repetition_is_the_name(text: str, want: str) -> None:
    assert extract(text, None).get("name") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("meu nome é Ana, Pedro é meu marido", "Ana"),
        ("meu nome é Ana, Ana mesmo", "Ana"),
        ("me chamo Caio, Caio da Caixa", "Caio"),
        ("aqui é o Beto, Beto e a Lia moram comigo", "Beto"),
    ],
)
def test_another_word_after_the_comma_keeps_the_name(text: str, want: str) -> None:
    assert extract(text, None).get("name") == want
