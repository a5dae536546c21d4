"""The kinds the first-sight set facts_2026-12-08p (and the replies of the question sets
08o/08p) found for names, a moved call and precision leftovers, by new sentences.

None of these sentences is in those sets: a full name alone opening the message, then a
first-person statement, is the lead's; a name repeated fuller after "aqui" wins; a verb
of moving the call names the time wanted, and a day taken whole is never booked; "é o
seguinte" names nobody; a platform a home is put on is no place; a programme's limit is
no budget; "aqui na X" is where the lead is; a listed place inside a longer name
("Jardim X") is not that place.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.ptbr.facts import accepted_part, refuses_time
from tests.support.reading import extract


# 1. A full name opening the message, then a first-person statement
@pytest.mark.parametrize(
    ("text", "pending", "name"),
    [
        ("Boa tarde, Helena Castro Maia, gostaria de saber das casas", None, "Helena Castro Maia"),
        ("Olá. Rogério Tavares. Vi o anúncio no jornal", None, "Rogério Tavares"),
        ("Edvaldo Pinheiro, eu moro no Montese e quero sair", None, "Edvaldo Pinheiro"),
        (
            "Bom dia, Maria do Socorro Lima, tenho dúvidas sobre as casas",
            None,
            "Maria do Socorro Lima",
        ),
        ("Cleiton Araújo, sou motorista de aplicativo", "name", "Cleiton Araújo"),
        ("Oi. Tânia Moura Reis. Procuro casa pra minha família", "name", "Tânia Moura Reis"),
    ],
)
def test_a_full_name_opening_a_statement_is_the_leads(
    text: str, pending: str | None, name: str
) -> None:
    assert extract(text, pending=pending).get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "Bom dia, Carla, tenho interesse nas casas",  # one name: may greet the reader
        "Bom dia, Ana Paula, vocês têm casa de 3 quartos?",  # speaks to someone
        "Boa tarde, Caixa Econômica, tenho conta aí",  # words of the language
        "Bom dia, Vila Carnaúba, tenho interesse",  # a place's name
        "Marcos Vinícius me indicou vocês, tenho interesse",  # someone who did something
        "Bom dia, Roberto Farias, o corretor, me passou o contato",  # no first person
        "Oi, Homer Simpson, tenho interesse",  # the agent's name
    ],
)
def test_no_full_name_opening_where_it_may_be_someone_else(text: str) -> None:
    assert "name" not in extract(text)


# 2. A name repeated fuller after a trailing cue
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("boa tarde, Renata aqui, Renata Albuquerque", "Renata Albuquerque"),
        ("Cícero falando, Cícero Nogueira Lopes. quero 3 quartos", "Cícero Nogueira Lopes"),
        ("oi, Marta aqui, Marta Siqueira", "Marta Siqueira"),
        ("sou a Ana, Ana Paula Lima e quero 3 quartos", "Ana Paula Lima"),
    ],
)
def test_the_fuller_repetition_wins(text: str, name: str) -> None:
    assert extract(text).get("name") == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana aqui, Ana Maria é minha irmã", "Ana"),
        ("Diego aqui, Diego é meu primo", "Diego"),
        ("Lúcia aqui, Lúcia Helena vai ligar depois", "Lúcia"),
    ],
)
def test_someone_else_after_the_comma_keeps_the_first_reading(text: str, name: str) -> None:
    assert extract(text).get("name") == name


# 3. A call moved; a day taken whole
@pytest.mark.parametrize(
    ("text", "weekday", "hour"),
    [
        ("amanhã vou estar no fórum o dia inteiro, passa pra quarta às 9h", 2, "09:00"),
        ("quinta tenho plantão o dia todo. troca pra sexta, 3 e meia da tarde", 4, "15:30"),
        ("vixe, sexta tenho reunião o dia todo, muda pra terça às 11h", 1, "11:00"),
        ("segunda às 10h, não, passa pra 15h", 0, "15:00"),
        ("remarca pra quinta 16h por favor", 3, "16:00"),
    ],
)
def test_a_verb_of_moving_names_the_call_wanted(text: str, weekday: int, hour: str) -> None:
    call = str(extract(text, pending="call_at").get("call_at"))
    assert call[11:16] == hour
    assert datetime.fromisoformat(call).weekday() == weekday


@pytest.mark.parametrize(
    "text",
    [
        "quinta tenho audiência o dia todo",
        "sexta vou estar em obra o dia inteiro",
        "amanhã to de plantão o dia todo",
    ],
)
def test_a_day_taken_whole_is_refused(text: str) -> None:
    assert "call_at" not in extract(text, pending="call_at")
    assert refuses_time(text)


@pytest.mark.parametrize(
    "text",
    [
        "sexta to livre o dia todo, pode ser às 10h",
        "terça tenho o dia todo livre, pode ser 14h",
        "quinta to de boa o dia todo, pode ser às 16h",
        "quarta to em casa o dia inteiro, pode ligar 11h",
    ],
)
def test_a_day_free_all_day_still_books(text: str) -> None:
    assert "call_at" in extract(text, pending="call_at")
    assert not refuses_time(text)


@pytest.mark.parametrize(
    "text",
    ["passa pra mim o valor da casa", "quero mudar pra Messejana", "troca pra casa de 3 quartos"],
)
def test_moving_words_without_a_time_change_nothing(text: str) -> None:
    assert accepted_part(text) == text
    assert "call_at" not in extract(text)


# 4. "é o seguinte" names nobody; a platform a home is put on is no place
@pytest.mark.parametrize(
    "text",
    [
        "é o seguinte: quero 3 quartos",
        "boa tarde, é a questão do financiamento",
        "olá, é o caso de uma casa pro meu pai",
        "oi, é o lance da casa de praia",
    ],
)
def test_a_discourse_filler_after_e_o_is_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")


@pytest.mark.parametrize(("text", "name"), [("É o Lucas", "Lucas"), ("é o joão", "João")])
def test_a_name_after_e_o_still_is(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name


@pytest.mark.parametrize(
    "text",
    [
        "vou anunciar a casa na Hostfy quando não estiver usando",
        "a ideia é botar no Temporadalivre nas férias",
        "quero alugar ela no Staycation de vez em quando",
        "dá pra colocar a casa no Airbnb?",
    ],
)
def test_a_platform_a_home_is_put_on_is_no_place(text: str) -> None:
    assert "neighborhood" not in extract(text)


def test_a_listed_place_beside_a_platform_is_still_read() -> None:
    text = "quero 3 quartos no Cocó, vou colocar a casa antiga no Zapimóveis"
    assert extract(text).get("neighborhood") == "Cocó"


# 5. Leftovers: another's limit, where the lead is now, a longer place name
@pytest.mark.parametrize(
    "text",
    [
        "li que o limite da Caixa pro financiamento é 350 mil",
        "o teto do MCMV é 264 mil né",
        "me falaram que o máximo do programa é 270 mil",
    ],
)
def test_someone_elses_limit_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("o teto do meu orçamento é 400 mil", 400000),
        ("meu teto é 350 mil", 350000),
        ("o teto do MCMV é 264 mil, mas meu orçamento é 300 mil", 300000),
    ],
)
def test_the_leads_own_limit_is_the_budget(text: str, budget: int) -> None:
    assert extract(text).get("budget_brl") == budget


@pytest.mark.parametrize(
    "text",
    [
        "Renata aqui no Benfica, queria saber das casas",
        "to aqui no Centro resolvendo umas coisas, depois falo",
        "oi, Paulo aqui da Parangaba",
    ],
)
def test_here_now_is_no_wish(text: str) -> None:
    assert "neighborhood" not in extract(text)


@pytest.mark.parametrize(
    ("text", "pending", "place"),
    [
        ("quero ficar aqui na Varjota mesmo", None, "Varjota"),
        ("gostaria de continuar aqui no Montese", None, "Montese"),
        ("aqui na Messejana mesmo", "neighborhood", "Messejana"),
    ],
)
def test_staying_here_is_the_wish(text: str, pending: str | None, place: str) -> None:
    assert extract(text, pending=pending).get("neighborhood") == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("quero morar no Residencial Cambeba", "Residencial Cambeba"),
        ("quero no Conjunto Messejana", "Conjunto Messejana"),
        ("procuro casa no Jardim Parangaba", "Jardim Parangaba"),
    ],
)
def test_a_listed_place_inside_a_longer_name_is_not_cut_short(text: str, place: str) -> None:
    assert extract(text).get("neighborhood") == place


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero no jardim castelão", None),  # lower case: neither the short nor the long
        ("quero casa com jardim no Cocó", "Cocó"),
        ("quero no conjunto ceará", "Conjunto Ceará"),  # a listed name with its noun
        ("quero no Jardim Iracema", "Jardim Iracema"),
    ],
)
def test_place_nouns_keep_listed_names(text: str, want: str | None) -> None:
    assert extract(text).get("neighborhood") == want
