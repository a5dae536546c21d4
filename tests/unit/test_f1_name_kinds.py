"""Names the first-sight sets facts_2026-12-08q/08r missed or saved wrong, by new sentences.

None of these sentences is in those sets: a word said twice in a row in a dictated name
is said once; the first name said again fuller right after "falando"/"aqui" or after
another name denied ("não é X não") is the name; the agent's question echoed before a
surname and the whole name ("sobrenome? X, Nome X") puts the saved first name right; a
full name opening the message, then "sou a filha" or "pode cadastrar no meu nome", is the
writer's; someone else's name (a client, a relative, a broker who referred) never is.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import name_put_right
from tests.support.reading import chat_run, extract

IGNORE = ("Homer", "Vila Carnaúba")


# 1. A word said twice in a row in a name (a stutter, a restart) is said once
@pytest.mark.parametrize(
    ("text", "pending", "name"),
    [
        ("meu nome e joana joana ribeiro e eu moro em caucaia", "name", "Joana Ribeiro"),
        ("oi eu sou o otavio otavio prado", "name", "Otavio Prado"),
        ("aqui é o Valdir Valdir Moura, quero 3 quartos", None, "Valdir Moura"),
        ("me chamo rosana rosana de lima", "name", "Rosana de Lima"),
        ("sou a Marta, minha filha Ana Ana quer 3 quartos", None, "Marta"),
    ],
)
def test_a_word_said_twice_in_a_name_is_said_once(
    text: str, pending: str | None, name: str
) -> None:
    assert extract(text, pending=pending).get("name") == name


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("minha filha Ana Ana quer 3 quartos", "name"),  # the daughter's name
        ("o corretor João Pedro me indicou", "name"),  # the broker's name
        ("o corretor joão joão pedro me indicou vcs", None),
    ],
)
def test_no_name_from_someone_elses_stutter(text: str, pending: str | None) -> None:
    assert "name" not in extract(text, pending=pending)


# 2. The first name said again fuller after "falando"/"aqui" or after a name denied
@pytest.mark.parametrize(
    ("text", "pending", "name"),
    [
        ("é o wellington falando wellington souza", "name", "Wellington Souza"),
        ("Jairo falando Jairo Menezes", None, "Jairo Menezes"),
        ("meu nome é Rebeca não é Renata não Rebeca Sales", None, "Rebeca Sales"),
        ("sou o tadeu, nao o mateus, tadeu ramos", "name", "Tadeu Ramos"),
    ],
)
def test_the_first_name_said_again_fuller(text: str, pending: str | None, name: str) -> None:
    assert extract(text, pending=pending).get("name") == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana falando Ana Maria é minha irmã", "Ana"),  # someone else after it
        ("meu nome é Rebeca não Renata", "Rebeca"),  # nothing said again
        ("meu nome é Rebeca não, Rebeca Sales é minha mãe", "Rebeca"),
        ("Leda falando Leda", "Leda"),  # the same, nothing added
    ],
)
def test_the_first_reading_stays_where_nothing_fuller_is_the_lead(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


def test_a_fuller_name_after_a_denied_one_puts_a_saved_name_right_in_a_chat() -> None:
    run = chat_run(
        "bom dia aqui e o caio", "errou meu nome e otavio nao e caio nao otavio prado", "3 quartos"
    )
    assert run.facts["name"] == "Otavio Prado"


# 3. The question echoed, then a surname and the whole name
@pytest.mark.parametrize(
    ("text", "saved", "name"),
    [
        ("sobrenome? Pacheco, Wagner Pacheco", "Wagner", "Wagner Pacheco"),
        ("nome completo? Helena Duarte", "Helena", "Helena Duarte"),
        ("Torres... Ivan Torres", "Ivan", "Ivan Torres"),
    ],
)
def test_a_surname_then_the_whole_name_puts_it_right(text: str, saved: str, name: str) -> None:
    assert name_put_right(saved, text, saved, pending="bedrooms", ignore=IGNORE) == name


@pytest.mark.parametrize(
    "text",
    [
        "Pacheco, Ana Pacheco",  # another first name
        "sobrenome? não tenho",
        "Pacheco é meu primo, Wagner Pacheco",  # more than the surname before it
        "sobrenome? Pacheco?",  # asked
    ],
)
def test_no_name_put_right_from_a_surname_that_may_be_someone_elses(text: str) -> None:
    assert name_put_right("Wagner", text, "Wagner", pending="bedrooms", ignore=IGNORE) is None


def test_surname_asked_back_in_a_chat() -> None:
    run = chat_run("oi, quero 3 quartos", "Wagner", "sobrenome? Pacheco, Wagner Pacheco", "ok")
    assert run.facts["name"] == "Wagner Pacheco"


# 4. A full name opening the message, then who the writer is or "no meu nome"
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Juliana Prates, sou a nora", "Juliana Prates"),
        ("Roberto Dantas, pode anotar no meu nome que eu represento o comprador", "Roberto Dantas"),
        (
            "Guilherme Farias, pode registrar em meu nome. O comprador é o Sr. Nilo Paes",
            "Guilherme Farias",
        ),
    ],
)
def test_a_full_name_then_a_first_person_clause_is_the_writers(text: str, name: str) -> None:
    assert extract(text, pending="bedrooms").get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "Heitor Brandão, pode cadastrar no nome dele",  # someone else's name
        "O cliente é o Sr. Heitor Brandão, mora em São Paulo",
        "Camila, minha filha, quer 3 quartos",
        "minha mãe, Dona Rosa Lima, pode cadastrar no nome dela",
    ],
)
def test_no_name_from_a_clause_about_someone_else(text: str) -> None:
    assert "name" not in extract(text, pending="bedrooms")


# 5. A name put right is acknowledged once, with no greeting again and no broker line
@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (("oi", "Lívia", "quero 2 quartos", "Lívia Andrade na vdd"), "Lívia Andrade"),
        (
            ("oi aqui e o caio", "errou, meu nome e otavio nao e caio nao otavio prado"),
            "Otavio Prado",
        ),
        (("oi, quero 3 quartos", "Wagner", "sobrenome? Pacheco, Wagner Pacheco"), "Wagner Pacheco"),
    ],
)
def test_a_name_put_right_is_acknowledged_once(texts: tuple[str, ...], name: str) -> None:
    run = chat_run(*texts)
    last = run.replies[-1]
    assert run.facts["name"] == name
    assert name in last and "Prazer" not in last and "corretor confirma" not in last


def test_the_first_name_given_is_still_greeted() -> None:
    run = chat_run("oi", "Lívia Andrade")
    assert run.replies[-1].startswith("Prazer, Lívia!")
    run = chat_run("oi, sou a Lívia, vocês têm piscina?")
    assert "Prazer, Lívia!" in run.replies[-1]
