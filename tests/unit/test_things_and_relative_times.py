"""Two wrong facts found while merging 2026-12-07's helpers, each a general rule.

- A thing of a home or of the development is never the lead's name: a first message
  "garagem coberta" or "e o iptu" (a question on the go) was saved as the name.
- A relative time said of another act of the lead's ("se eu fechar em 30 min", "chego em
  casa em 20 min") is no call time; one said of the call, or alone, still is.
"""

from __future__ import annotations

import pytest

from tests.support.reading import chat_run, extract

THINGS = [
    "garagem coberta",
    "e o iptu",
    "iptu",
    "quadra de tênis",
    "área gourmet",
    "Salão de festas",
    "e a garagem",
    "churrasqueira",
    "Varanda gourmet",
    "lote de esquina",
    "e a taxa",
]


@pytest.mark.parametrize("text", THINGS)
def test_a_thing_of_the_home_is_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")
    assert "name" not in extract(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("joão", "João"),
        ("maria clara", "Maria Clara"),
        ("Vitória", "Vitória"),
        ("é o Pedro", "Pedro"),
        ("meu nome é Sol", "Sol"),
        ("Rosa Maria", "Rosa Maria"),
    ],
)
def test_names_stay_names(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


def test_a_question_on_the_go_as_first_message_gets_no_name() -> None:
    run = chat_run("garagem coberta")
    assert "name" not in run.facts
    assert "Prazer" not in run.replies[-1]


@pytest.mark.parametrize(
    "text",
    [
        "tem desconto se eu fechar em 30 min?",
        "se eu fechar em 30 min tem desconto",
        "to dirigindo, chego em casa em 20 min",
        "saio do trabalho em 1 hora",
        "vou buscar as crianças daqui a uma hora",
        "termino a reunião em meia hora",
        "chego em casa em 2h",
        "saio da aula dentro de meia hora",
    ],
)
def test_a_relative_time_of_another_act_is_no_call_time(text: str) -> None:
    assert "call_at" not in extract(text)
    assert "call_at" not in extract(text, pending="call_at")


@pytest.mark.parametrize(
    ("text", "hhmm"),
    [
        ("me liga em 30 min", "09:00"),
        ("daqui a 2 horas", "10:30"),
        ("pode ligar daqui a 1 hora", "09:30"),
        ("me retorna em 1 hora", "09:30"),
        ("em meia hora to livre", "09:00"),
        ("podemos conversar em 30 min?", "09:00"),
        # the short forms `times_another_act` always knew, now read by the scanner too
        ("me liga em 2h", "10:30"),
        ("dentro de meia hora pode ligar", "09:00"),
        ("me retorna daqui 20 min", "08:50"),
    ],
)
def test_a_relative_time_of_the_call_is_read(text: str, hhmm: str) -> None:
    at = extract(text, pending="call_at").get("call_at")
    assert isinstance(at, str) and at[11:16] == hhmm


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tipo é o Rogério falando", "Rogério"),
        ("aí é o Renato falando", "Renato"),
        ("assim é o Kleber falando", "Kleber"),
        ("entao tipo e o joao falando", "Joao"),
    ],
)
def test_a_filler_before_an_introduction_is_no_second_person(text: str, name: str) -> None:
    """ "é" folds to "e": a filler before it ("tipo é o Rogério") is not a first person
    of two ("o Zé e a Lúcia aqui", which gives no name)."""
    assert extract(text, pending="name").get("name") == name


@pytest.mark.parametrize(
    "text", ["o Zé e a Lúcia aqui", "o zé e a lúcia aqui", "eu e a Carla aqui"]
)
def test_two_people_still_give_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")


@pytest.mark.parametrize("text", ["trabalho no Centro", "entao tipo trabalho no centro", "três"])
def test_the_leads_own_act_or_a_count_is_no_topic_asked(text: str) -> None:
    run = chat_run("oi sou a Vera", text)
    assert "corretor confirma" not in run.replies[-1]


@pytest.mark.parametrize(
    "text",
    [
        "o de 2 quartos, quanto sai?",
        "e o de 3 quartos, tem suíte?",
        "e a de 3, tem suíte?",
        "a de 4 quartos, qual o tamanho do terreno?",
    ],
)
def test_a_house_type_asked_about_answers_no_bedroom_question(text: str) -> None:
    """A house type named with its article before a question is what the question is
    about, even when the bedrooms were just asked (mixq's note, 2026-12-07)."""
    assert "bedrooms" not in extract(text, pending="bedrooms")
    assert "bedrooms" not in extract(text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("3 quartos, a de 3 tem suíte?", 3),
        ("quero a de 3, tem suíte?", 3),
        ("prefiro a de 4 quartos, qual o tamanho?", 4),
        ("a de 3", 3),
    ],
)
def test_a_house_type_wished_still_answers(text: str, count: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    [
        "retorno do serviço às 19h",
        "quem fala é a Ana, trabalho até as 17h",
    ],
)
def test_a_routine_with_a_word_of_calling_elsewhere_books_nothing(text: str) -> None:
    # `times_another_act` counts these words as calling; `states_own_schedule` must not.
    assert "call_at" not in extract(text, pending="call_at")
