"""Names put right across messages (the kinds the held-out sets facts_2026-12-08m/08n and
the untouched seed 20261219 found), by new sentences.

None of these sentences is in those sets: a full name beside a cue putting it right
replaces the saved one; the same first name said again fuller or with its accents is the
name; a surname sent alone right after a bare first name completes it; the lead's name
after who they are to someone else ("sou a mãe dele, X") is theirs; a name read in lower
case stops before a word that opens an amount.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import name_put_right
from tests.support.reading import chat_run, extract

IGNORE = ("Homer", "Vila Carnaúba")


# 1. A full name beside a cue putting it right, with a name already saved
@pytest.mark.parametrize(
    ("text", "pending", "name"),
    [
        ("Fabiana Lacerda na verdade rsrs", "bedrooms", "Fabiana Lacerda"),
        ("na vdd, Otávio Bastos", "budget_brl", "Otávio Bastos"),
        ("quer dizer: é Lígia Prado", "bedrooms", "Lígia Prado"),
        ("Heloísa Campos, na real", "call_at", "Heloísa Campos"),
        ("Vinícius Duarte com acento", "bedrooms", "Vinícius Duarte"),
    ],
)
def test_a_full_name_beside_a_correction_cue_replaces_the_saved_one(
    text: str, pending: str, name: str
) -> None:
    assert extract(text, pending=pending, known=("name",)).get("name") == name


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("na verdade Ana Lúcia decide", "bedrooms"),  # more in the message: someone's say
        ("pensando bem, Marcos Lima", "bedrooms"),  # a change of mind, no name put right
        ("na verdade Lagoa Redonda", "bedrooms"),  # a listed place
        ("na verdade, Otávio Bastos", "neighborhood"),  # the place was asked
        ("Renata na verdade", "bedrooms"),  # one word: may be something else
    ],
)
def test_no_name_beside_a_cue_where_it_may_be_something_else(text: str, pending: str) -> None:
    assert "name" not in extract(text, pending=pending, known=("name",))


# 2. The same first name again, fuller or spelled right
@pytest.mark.parametrize(
    ("saved", "text", "name"),
    [
        ("Jeferson", "jeferson cavalcante", "Jeferson Cavalcante"),
        ("Ines", "inês carvalho com acento", "Inês Carvalho"),
        ("Joao Pedro", "João Pedro", "João Pedro"),
        ("Mônica", "monica freitas", "Mônica Freitas"),  # the saved accent kept
        ("Caua", "na verdade é Cauã Rocha", "Cauã Rocha"),
    ],
)
def test_the_same_first_name_fuller_or_spelled_right(saved: str, text: str, name: str) -> None:
    assert name_put_right(None, text, saved, ignore=IGNORE) == name


@pytest.mark.parametrize(
    ("saved", "text"),
    [
        ("Mônica", "monica"),  # the same, fewer accents
        ("Mônica", "Mônica"),  # the same
        ("Ana", "Ana Maria é minha irmã"),  # someone else after it
        ("Ana", "ana linda"),  # a word of the language
        ("Pedro", "pedro 3 quartos"),  # another fact
        ("Pedro", "pedro aldeota"),  # a place
        ("Pedro", "pedro?"),  # asked
        ("Ana Paula", "Ana Souza"),  # not the saved name again
    ],
)
def test_no_fuller_name_where_nothing_is_put_right(saved: str, text: str) -> None:
    assert name_put_right(None, text, saved, ignore=IGNORE) is None


# 3. A surname alone right after a bare first name
@pytest.mark.parametrize(
    ("previous", "text", "name"),
    [
        ("Gilberto", "Sampaio", "Gilberto Sampaio"),
        ("tá bom, Larissa", "mendes", "Larissa Mendes"),
        ("Tânia", "de Moura", "Tânia de Moura"),
        ("Wesley", "Costa Bezerra", "Wesley Costa Bezerra"),
    ],
)
def test_a_surname_alone_completes_a_bare_first_name(previous: str, text: str, name: str) -> None:
    saved = previous.rsplit(maxsplit=1)[-1]
    assert name_put_right(previous, text, saved, pending="bedrooms", ignore=IGNORE) == name


@pytest.mark.parametrize(
    ("previous", "text", "pending"),
    [
        ("Gilberto", "Cumbuco", "bedrooms"),  # a listed place
        ("Gilberto", "ok", "bedrooms"),
        ("Gilberto", "3", "bedrooms"),
        ("Gilberto", "massa", "bedrooms"),  # a word of the language
        ("Gilberto", "Beleza", "bedrooms"),
        ("Gilberto", "Clara", "bedrooms"),  # a given name: maybe someone else
        ("Gilberto", "Homer", "bedrooms"),  # the agent's name
        ("Gilberto", "Sampaio", "neighborhood"),  # the place was asked: maybe a place
        ("sou o Gilberto", "Sampaio", "bedrooms"),  # the first name was not alone
        ("Gilberto", "sampaio?", "bedrooms"),  # asked
    ],
)
def test_no_surname_from_a_word_that_may_be_something_else(
    previous: str, text: str, pending: str
) -> None:
    assert name_put_right(previous, text, "Gilberto", pending=pending, ignore=IGNORE) is None


def test_names_put_right_are_saved_in_a_chat() -> None:
    run = chat_run("oi", "Gilberto", "Sampaio", "3 quartos")
    assert run.facts["name"] == "Gilberto Sampaio" and run.facts["bedrooms"] == 3
    run = chat_run("oi", "Gilberto", "ok", "3 quartos")
    assert run.facts["name"] == "Gilberto"
    run = chat_run("oi", "Jeferson", "jeferson cavalcante kkk", "3 quartos")
    assert run.facts["name"] == "Jeferson Cavalcante"
    run = chat_run("oi", "fabi", "Fabiana Lacerda na verdade", "3 quartos")
    assert run.facts["name"] == "Fabiana Lacerda"


# 4. The lead's name after who they are to someone else
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("aqui é o pai da Júlia, Roberto Lima", "Roberto Lima"),
        ("sou o tio do Caio - Wilson Prado", "Wilson Prado"),
        ("oi, eu sou a avó dela: dona Lurdes", "Lurdes"),
        ("sou a esposa dele, Carla, e a gente quer 3 quartos", "Carla"),
    ],
)
def test_the_leads_name_after_who_they_are_to_someone(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "o comprador é o pai dela, Roberto",  # not the first person: the father's name
        "sou a tia dele, Gabriel quer 2 quartos",  # the nephew's name, more after it
        "sou a mãe do Gabriel, Cumbuco",  # a place
        "sou a mãe dele, tá?",  # asked, no name
        "sou a mãe dele, beleza",  # a word of the language
        "sou o irmão da Ana",  # the sister's name only
    ],
)
def test_no_name_after_kin_where_it_is_someone_elses(text: str) -> None:
    assert "name" not in extract(text, pending="name")


@pytest.mark.parametrize(
    "text",
    [
        "aqui é o marido dela, Célio, ela foi ao mercado",
        "sou a filha dele, Priscila",
        "oi, sou o irmão dela: Wagner Lopes",
    ],
)
def test_no_name_after_kin_once_the_leads_name_is_saved(text: str) -> None:
    # someone else on the lead's phone: the saved name stays
    assert "name" not in extract(text, pending="bedrooms", known=("name",))
    assert chat_run("oi, sou a Marta", text).facts["name"] == "Marta"


# 5. A name in lower case stops before a word opening an amount
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("aqui quem fala é o edvaldo entre 250 e 300 mil", {"name": "Edvaldo"}),
        ("sou a carla cerca de 400 mil", {"name": "Carla"}),
        ("é o pedro henrique aproximadamente 3 quartos", {"name": "Pedro Henrique"}),
        ("quem fala é a telma na faixa de 350 mil", {"name": "Telma"}),
    ],
)
def test_a_name_stops_before_an_amount(text: str, want: dict[str, object]) -> None:
    got = extract(text, pending="name")
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("text", ["entre", "Cerca", "aproximadamente"])
def test_an_amount_opener_alone_is_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")
