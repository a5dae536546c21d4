"""Names (the kinds the held-out sets facts_2026-12-08s/08t and the "whose fact" stream of
seeds A and C found), by new sentences.

None of these sentences is in those sets: a name typed in lower case stops before a verb
of the lead's own in the past ("pensei"); a compound first name dictated twice is said
once; the saved name said again with a cue, then fuller ("é o X falando, X Y", "X Y,
esqueci o sobrenome"), completes it; a family suffix ends a bare name; a name after a
greeting's comma still greets the reader; "Chamo-me"; "aq é o" and a name no dictionary
knows in lower case; "yo" greets; a lower-case name as the first sentence of an answer;
a first name respelled with a note on its spelling keeps the surname.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import name_put_right, respelled_name
from tests.support.reading import chat_run, extract

IGNORE = ("Homer", "Vila Carnaúba")


# 1. A lower-case name stops before the lead's own verb in the past
@pytest.mark.parametrize(
    ("text", "pending", "name"),
    [
        ("meu nome e marcos achei uma casa de 3 quartos", None, "Marcos"),
        ("me chamo davi liguei ontem pra vcs", None, "Davi"),
        ("sou a rayane pensei em 2 qtos", "name", "Rayane"),
        ("me chamo maria clara pensei no cambeba", None, "Maria Clara"),
        ("kelvin aqui achei o site de vcs", "name", "Kelvin"),
    ],
)
def test_a_lower_case_name_stops_before_a_past_verb_of_the_lead(
    text: str, pending: str | None, name: str
) -> None:
    assert extract(text, pending=pending).get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "a conta aqui pensei em pagar",  # a thing here, nobody's name
        "meu marido aqui achei melhor perguntar",  # someone named by kin
        "o carro aqui pensei em vender",
    ],
)
def test_no_name_before_a_past_verb_where_a_thing_is_named(text: str) -> None:
    assert "name" not in extract(text, pending="name")


# 2. A compound first name dictated twice is said once
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("meu nome e maria eduarda maria eduarda lopes", "Maria Eduarda Lopes"),
        ("me chamo Luiz Felipe Luiz Felipe Rocha", "Luiz Felipe Rocha"),
        ("meu nome é ana julia ana julia", "Ana Julia"),
    ],
)
def test_a_compound_first_name_said_twice_is_said_once(text: str, name: str) -> None:
    assert extract(text).get("name") == name


def test_a_single_first_name_said_again_with_another_after_keeps_them_apart() -> None:
    # "Ana, Ana Maria comprou": someone else named after the comma
    assert extract("sou a Ana, Ana Maria comprou uma casa").get("name") == "Ana"


# 3. The saved name said again with a cue, then fuller
@pytest.mark.parametrize(
    ("saved", "text", "name"),
    [
        ("Gilberto", "é o gilberto falando, Gilberto Maia", "Gilberto Maia"),
        ("Rayane", "Rayane aqui, Rayane Nogueira", "Rayane Nogueira"),
        ("Otávio", "otavio bastos esqueci o sobrenome", "Otávio Bastos"),
        ("Simone", "Simone Freire, esqueci o sobrenome", "Simone Freire"),
        ("Caio", "sobrenome Prado Caio Prado", "Caio Prado"),
        ("Vilma", "e a vilma falando vilma holanda", "Vilma Holanda"),
    ],
)
def test_the_saved_name_said_again_then_fuller_completes_it(
    saved: str, text: str, name: str
) -> None:
    assert name_put_right(None, text, saved, pending="bedrooms", ignore=IGNORE) == name


@pytest.mark.parametrize(
    ("saved", "text"),
    [
        ("Gilberto", "é o gilberto falando, Gilberto Maia é meu irmão"),  # someone else
        ("Rayane", "minha filha Rayane, Rayane Nogueira"),  # kin named before it
        ("Otávio", "otavio bastos esqueci o nome"),  # no surname note
        ("Caio", "o Caio falou com o Caio Prado"),  # a verb: two people
    ],
)
def test_no_fuller_name_when_the_message_says_more(saved: str, text: str) -> None:
    assert name_put_right(None, text, saved, pending="bedrooms", ignore=IGNORE) is None


# 4. A name said again fuller ends its clause before a count or the lead's past verb
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é o heitor falando heitor campos 2 quartos", "Heitor Campos"),
        ("é a Lívia falando Lívia Andrade três quartos", "Lívia Andrade"),
        ("e a bruna falando bruna sales pensei no benfica", "Bruna Sales"),
    ],
)
def test_a_fuller_repetition_ends_before_a_count_or_a_past_verb(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


def test_a_fuller_repetition_before_another_verb_is_someone_else() -> None:
    assert extract("é a Lívia falando, Lívia Andrade comprou aqui").get("name") == "Lívia"


# 5. A family suffix ends a bare name
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tarcísio Menezes Filho", "Tarcísio Menezes Filho"),
        ("Augusto Lins Neto, às ordens", "Augusto Lins Neto"),
        ("joão batista neto", "João Batista Neto"),
    ],
)
def test_a_family_suffix_ends_a_bare_name(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


@pytest.mark.parametrize("text", ["meu filho", "Filho", "o neto"])
def test_a_kin_word_alone_is_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")


# 6. A name right after a greeting's comma, before "tudo bem?", greets the reader (a
# choice of an earlier round kept here: "oi, Gabriel Pinheiro, tudo bom?" stays unsaved)
@pytest.mark.parametrize(
    "text",
    [
        "olá, Márcio Teixeira, tudo bem?",
        "oi, Carla, tudo bem?",
        "Oi Renata, tudo bom?",
        "olá, Aldeota Centro, tudo bem?",
    ],
)
def test_a_name_after_a_greetings_comma_greets_someone(text: str) -> None:
    assert "name" not in extract(text)


# 7. "Chamo-me" (the formal order)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Boa tarde. Chamo-me Vanessa Guedes e gostaria de informações.", "Vanessa Guedes"),
        ("Chamo-me Álvaro Pires Junior.", "Álvaro Pires Junior"),
        ("Prezados, chamo-me Helena e tenho interesse.", "Helena"),
    ],
)
def test_chamo_me_introduces_the_lead(text: str, name: str) -> None:
    assert extract(text).get("name") == name


# 8. "aq é o" and a lower-case name no dictionary knows, unasked
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("eae aq é o kauan ribeiro", "Kauan Ribeiro"),
        ("aqui é a duda souza, qro 3 quartos", "Duda Souza"),
        ("aq eh o wesley", "Wesley"),
    ],
)
def test_here_is_and_an_unknown_lower_case_name(text: str, name: str) -> None:
    assert extract(text).get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "aqui é o carro da familia",  # a thing
        "aq é a vizinha",  # a word of the language
        "aqui é o kauan que indicou vcs",  # goes on: maybe someone else's say
        "aqui e a tia",
    ],
)
def test_no_lower_case_name_unasked_where_in_doubt(text: str) -> None:
    assert "name" not in extract(text)


# 9. "yo" greets
@pytest.mark.parametrize("text", ["yo, tudo certo?", "yo 🤙 tem casa de 3 quartos?", "yo"])
def test_yo_is_a_greeting_no_name(text: str) -> None:
    assert "name" not in extract(text)


# 10. A lower-case name as the first sentence of an answer to the name question
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("yuri gabriel. quero casa pra mim e minha esposa", "Yuri Gabriel"),
        ("kauane. moro com minha mae", "Kauane"),
        ("Everton. tenho dois filhos", "Everton"),
    ],
)
def test_a_lower_case_name_opening_an_answer(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


@pytest.mark.parametrize(
    "text",
    ["calma. to vendo aqui", "blz. pode ligar", "verdade sim. quero ver", "Aldeota. 3 quartos"],
)
def test_no_name_from_a_first_sentence_of_common_words(text: str) -> None:
    assert "name" not in extract(text, pending="name")


# 11. A first name respelled with a note on its spelling keeps the surname
@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (("oi", "rafaela souza", "digitei errado, é Rafaella com dois l"), "Rafaella Souza"),
        (("oi", "tainara lopes", "escrevi errado: é Thaynara com h e y kkk"), "Thaynara Lopes"),
        (("oi", "tiago melo", "ops escrevi errado, é Thiago com h"), "Thiago Melo"),
    ],
)
def test_a_respelled_first_name_keeps_the_surname(texts: tuple[str, ...], name: str) -> None:
    assert chat_run(*texts).facts.get("name") == name


@pytest.mark.parametrize(
    ("found", "saved"),
    [
        ("Camila", "Tais Moreira"),  # another first name
        ("Thaís Lima", "Tais Moreira"),  # a surname of its own: the whole name given
        ("Tais", "Tais Moreira"),  # the same spelling
    ],
)
def test_no_respelling_of_another_name(found: str, saved: str) -> None:
    assert respelled_name(found, saved) is None


def test_a_note_after_the_name_that_is_no_spelling_keeps_the_saved_name() -> None:
    run = chat_run("oi", "ana souza", "escrevi errado, é Ana com o marido")
    assert run.facts.get("name") == "Ana Souza"


# 12. The saved name made fuller while the place is asked is no place
@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (
            ("oi", "me chamo Odete", "3 quartos", "Odete Farias, esqueci o sobrenome"),
            "Odete Farias",
        ),
        (("oi", "sou o Gilson", "2 quartos", "é o gilson falando, Gilson Rego"), "Gilson Rego"),
        (("oi", "Vanda aqui", "4 quartos", "Vanda Paiva esqueci o sobrenome"), "Vanda Paiva"),
    ],
)
def test_a_name_made_fuller_while_the_place_is_asked_is_no_place(
    texts: tuple[str, ...], name: str
) -> None:
    run = chat_run(*texts)
    assert run.facts.get("name") == name
    assert run.facts.get("neighborhood") is None


def test_a_place_beside_a_name_made_fuller_later_still_counts() -> None:
    run = chat_run("oi", "me chamo Odete", "3 quartos", "quero no Cocó")
    assert run.facts.get("name") == "Odete"
    assert run.facts.get("neighborhood") == "Cocó"
