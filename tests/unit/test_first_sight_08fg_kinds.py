"""The kinds the first-sight sets facts_2026-12-08f and 08g found, each by new sentences.

None of these sentences is in those sets: each kind (a neighbourhood and the town it is
in, either order, listed or not; where the lead came to work; the place of a home the
lead owns or sells; a name signed after a dash; a house type picked after "ah entendi")
has examples that must be read and examples that must not. Pure extraction
(`extract_facts`) and the offline policy in memory (`tests/support/reading.py`).
"""

from __future__ import annotations

import pytest

from tests.support.reading import booking_run, chat_run, extract


# 1. A neighbourhood and its town, in either order: the place inside the town is the wish
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero morar na Vila Nova, em Pacatuba", "Vila Nova"),
        ("procuro casa no bairro Tabapuá, em Caucaia", "Tabapuá"),
        ("uma casa no Jaçanaú, lá em Maracanaú", "Jaçanaú"),
        ("quero em Maranguape mesmo, no Novo Maranguape", "Novo Maranguape"),
        ("em Aquiraz, bairro Justiniano de Serpa", "Justiniano de Serpa"),
        ("casa de 3 quartos no Coaçu, em Eusébio", "Coaçu"),  # a bairro of both towns
        ("quero no Eusébio mesmo, no Coaçu", "Coaçu"),
        ("no Icaraí, lá em Caucaia", "Icaraí"),
    ],
)
def test_a_place_with_its_town_saves_the_place(text: str, want: str) -> None:
    assert extract(text).get("neighborhood") == want
    assert extract(text, pending="neighborhood").get("neighborhood") == want


@pytest.mark.parametrize(
    "text",
    [
        "quero no Cocó, no Eusébio ou no Centro",  # a list of three
        "na Vila Nova, em Pacatuba ou no Eusébio",  # the town among alternatives
        "em Maranguape, no Novo Maranguape ou na Aldeota",
        "no Cumbuco, no Eusébio",  # a beach of another town: contradictory, asked
        "casa no Coaçu, em Aquiraz",  # Coaçu is in Fortaleza and Eusébio, not Aquiraz
        "em Itaitinga, no Coaçu",
    ],
)
def test_a_place_and_town_on_a_list_stay_open(text: str) -> None:
    assert "neighborhood" not in extract(text, pending="neighborhood")


@pytest.mark.parametrize(
    "text",
    [
        "trabalho na Caixa, em Caucaia",  # a word of the language, where the lead works
        "moro no Tabapuá, em Caucaia",  # where the lead lives now
        "passou na UFC, em Fortaleza",
    ],
)
def test_an_unlisted_word_before_a_town_is_not_the_wish(text: str) -> None:
    assert extract(text).get("neighborhood") not in ("Caixa", "Tabapuá", "UFC")


def test_the_town_alone_is_still_the_wish() -> None:
    assert extract("quero em Maracanaú, perto do centro").get("neighborhood") == "Maracanaú"


# 1b. A place of origin or of work is not the wish; "perto do serviço, no X" names it
@pytest.mark.parametrize(
    "text",
    [
        "sou o Cícero, vim de Sobral trabalhar numa fábrica em Maracanaú",
        "vim do interior estudar numa faculdade em Caucaia",
        "vim pra cá trabalhar num hospital no Eusébio",
    ],
)
def test_where_the_lead_came_to_work_is_not_the_wish(text: str) -> None:
    assert "neighborhood" not in extract(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("queria uma casa perto do serviço, no Piratininga", "Piratininga"),
        ("quero perto do trabalho, no Jereissati", "Jereissati"),
        ("quero morar no Cocó e trabalhar em casa", "Cocó"),
        ("vou trabalhar no Centro, quero morar na Aldeota", "Aldeota"),
    ],
)
def test_near_work_names_the_wish(text: str, want: str) -> None:
    assert extract(text).get("neighborhood") == want


def test_a_common_word_of_the_gazetteer_is_read_only_capitalised() -> None:
    assert "neighborhood" not in extract("tem uma lagoinha perto de casa", pending="neighborhood")


# 2. The place of a home the lead owns, sells or rents out is never the wish
@pytest.mark.parametrize(
    "text",
    [
        "tenho 300 mil e vou vender meu ap no Montese, posso ir até 500 mil",
        "preciso vender o apartamento na Parangaba primeiro",
        "minha casa atual na Messejana ficou pequena",
        "vou alugar minha casa no Benfica e comprar outra",
    ],
)
def test_the_place_of_a_home_of_the_lead_is_not_the_wish(text: str) -> None:
    assert "neighborhood" not in extract(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero minha casa no Cocó", "Cocó"),
        ("vendo meu ap no Cocó, quero no Eusébio", "Eusébio"),
        ("quero vender meu apê no Benfica e comprar no Eusébio", "Eusébio"),
    ],
)
def test_the_wish_beside_a_home_of_the_lead_is_read(text: str, want: str) -> None:
    assert extract(text).get("neighborhood") == want


# 4. A name signed under the message, on a line of its own after a dash, title dropped
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Queria uma casa de 3 quartos.\n– Seu Raimundo Nonato", "Raimundo Nonato"),
        ("quero 2 quartos no Cocó\n- Marcos Vinícius", "Marcos Vinícius"),
        ("boa tarde, tem casa de 4 quartos?\n— Dona Francisca", "Francisca"),
    ],
)
def test_a_name_signed_after_a_dash_is_read(text: str, want: str) -> None:
    assert extract(text).get("name") == want


@pytest.mark.parametrize(
    "text",
    [
        "quero 3 quartos - Marcos",  # no line of its own
        "quero 3 quartos\n- Aldeota",  # a place on its own line
        "quero 3 quartos\n- até 400 mil",
    ],
)
def test_no_signature_without_a_name_on_its_own_line(text: str) -> None:
    assert extract(text).get("name") in (None,)


# 4b. A house type picked by its count after a clause that only takes in our answer
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("hmm ok, vou querer a de 4", 4),
        ("entendi. fico com a de 2 mesmo", 2),
        ("ah certo, então quero a de 3", 3),
    ],
)
def test_a_house_type_picked_after_an_acknowledgement(text: str, want: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "minha irmã tem, quero a de 3",  # the clause before says something else
        "ah entendi, a de 3 é cara",  # no pick
        "ah entendi, a de 3 tem suíte?",
    ],
)
def test_no_pick_without_a_bare_acknowledgement(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="bedrooms")


def test_bedrooms_after_asking_about_the_model_house() -> None:
    run = chat_run(
        "Oi, sou a Lia", "quantos quartos tem a casa de vocês?", "hmm ok, vou querer a de 2"
    )
    assert run.facts.get("bedrooms") == 2


# 3. A day turned down for another ("quarta tenho plantão. melhor quinta"), then the hour
# messages later: the hour joins the day put in its place
@pytest.mark.parametrize(
    ("messages", "weekday", "hour"),
    [
        (("sexta pode ser", "sexta tenho aula. melhor terça", "tem piscina?", "10h"), 1, 10),
        (("quinta", "ah não, quinta eu trabalho. melhor sexta", "às 15h"), 4, 15),
    ],
)
def test_an_hour_joins_the_day_put_in_place_of_a_turned_down_one(
    messages: tuple[str, ...], weekday: int, hour: int
) -> None:
    call_at = booking_run(*messages).facts.get("call_at")
    assert call_at is not None
    assert (call_at.weekday(), call_at.hour) == (weekday, hour)


@pytest.mark.parametrize(
    "messages", [("terça", "terça tenho plantão"), ("quinta", "quinta eu trabalho até tarde")]
)
def test_a_routine_alone_books_nothing(messages: tuple[str, ...]) -> None:
    assert booking_run(*messages).facts.get("call_at") is None
