"""Leftovers of the generated question seed 22 (helper x1): a slip in the verb a question
opens with, a thing's opening hours asked after a story, and a slip of a question verb
opening a message taken for the lead's name. New sentences, with negatives."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.clauses import clauses
from homer_agent.ptbr.questions import asking_parts, asking_slip, normalise
from tests.support.reading import extract


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("aecita moto na troca?", "aceita moto na troca?"),  # two letters swapped
        ("aceitta cartao de credito", "aceita cartao de credito"),  # a letter doubled
        ("acieta permuta com terreno", "aceita permuta com terreno"),
        ("pdoe fazer churrasco na varanda", "pode fazer churrasco na varanda"),
        ("tme quadra de tenis", "tem quadra de tenis"),
        ("fcia perto da lagoa?", "fica perto da lagoa?"),
        ("podee levar o cachorro", "pode levar o cachorro"),  # a letter doubled
    ],
)
def test_a_slip_in_a_question_verb_is_read_as_the_verb(text: str, want: str) -> None:
    assert normalise(text) == want
    assert asking_parts(text)


@pytest.mark.parametrize(
    "text",
    [
        "ele poe a mesa cedo",  # "põe" typed without its accent
        "volto dia 5 de abr",  # "abr" is April, no "abre"
        "o poder publico aprovou",  # a word as typed
        "tenho pet",
    ],
)
def test_words_as_typed_are_no_slip_of_a_question_verb(text: str) -> None:
    assert normalise(text) == text


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "bom dia minha esposa trabalha de plantao e a farmacia abre de madrugada",
            "e a farmacia abre de madrugada",
        ),
        (
            "boa noite eu chego tarde do servico e o mercadinho funciona ate tarde",
            "e o mercadinho funciona ate tarde",
        ),
        (
            "meu filho joga bola todo dia e a quadra abre no domingo",
            "e a quadra abre no domingo",
        ),
    ],
)
def test_opening_hours_asked_after_a_story_are_a_question(text: str, asked: str) -> None:
    found = clauses(text)
    assert found[-1].text == asked
    assert found[-1].asks


@pytest.mark.parametrize(
    "text",
    [
        # the story's own thing, or someone's, opens when it opens: told, not asked
        "meu irmao abriu uma loja no centro e a loja abre domingo",
        "minha esposa trabalha muito e a clinica dela funciona de madrugada",
        "meu pai mora sozinho e o vizinho abre a porta cedo",
    ],
)
def test_someones_hours_are_told(text: str) -> None:
    assert not any(c.asks for c in clauses(text))


@pytest.mark.parametrize(
    "text",
    [
        "aceitta pagamento em pix",
        "pdoe colocar piscina",
        "tme salao de festas",
        "acieta cachorro grande",
    ],
)
def test_a_slip_of_a_question_verb_opening_the_message_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("meu nome é Aceli", "Aceli"),
        ("sou a Marta", "Marta"),
        ("aceli", "Aceli"),  # a bare name when asked for, as typed
        ("tales", "Tales"),
    ],
)
def test_names_near_words_are_still_read(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


@pytest.mark.parametrize("word", ["aceli", "marta", "tales", "pedro", "tiago", "abel"])
def test_names_are_no_asking_slip(word: str) -> None:
    assert not asking_slip(word)
