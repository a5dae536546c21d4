"""The facts kinds the last session left open (branch fx), each a general rule tested on
new sentences that must and must not change; none is a sentence the kinds were seen in."""

from __future__ import annotations

from datetime import datetime

import pytest

from homer_agent.ptbr.intents import names_the_call
from homer_agent.ptbr.questions import asking_clauses
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import NOW, TZ, booking_run, chat_run, extract


def _at(day: int, hour: int) -> str:
    return datetime(2026, 12, day, hour, 0, tzinfo=TZ).isoformat()


# 1. "X aqui" names the lead only when X may be a person's name: an article and a word of
# the language typed in lower case name a thing here.


@pytest.mark.parametrize("text", ["o barulho aqui", "a internet aqui", "o calor aqui"])
def test_a_thing_here_is_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Marina aqui", "Marina"),
        ("a joana aqui", "Joana"),
        ("o joão aqui", "João"),
        ("a Luz aqui", "Luz"),
    ],
)
def test_a_person_here_is_still_named(text: str, want: str) -> None:
    assert extract(text, "name").get("name") == want


# 2. A place judged dear, far or unsafe in its own clause is turned down, not wished.


@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("2 quartos no Mucuripe é caro", None, {"bedrooms": 2}),
        ("a Barra do Ceará é perigosa", "neighborhood", {}),
        ("Aldeota tá salgado demais", "neighborhood", {}),
        ("o Eusébio fica muito longe pra mim", "neighborhood", {}),
        ("a Maraponga é cara, prefiro o Mondubim", None, {"neighborhood": "Mondubim"}),
    ],
)
def test_a_place_judged_unfit_is_no_wish(
    text: str, pending: str | None, want: dict[str, object]
) -> None:
    assert extract(text, pending) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("prefiro o Benfica, é pertinho do trabalho", "Benfica"),
        ("o Montese é ótimo", "Montese"),
        ("a Parangaba não é longe", "Parangaba"),
    ],
)
def test_a_place_approved_is_still_the_wish(text: str, want: str) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == want


# 3. An amount turned down, then a bare one named as the ceiling after it.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("600 mil é caro demais, 450 no máximo", 450_000),
        ("700 tá salgado, 520 no máximo", 520_000),
        ("530 de teto", 530_000),
        ("uns 380 no máximo", 380_000),
    ],
)
def test_a_ceiling_after_the_number(text: str, want: int) -> None:
    assert extract(text) == {"budget_brl": want}


@pytest.mark.parametrize(
    ("text", "pending", "want"),
    [
        ("400 no máximo de entrada", None, {}),
        ("3 quartos no máximo", None, {"bedrooms": 3}),
        ("2 no máximo", "budget_brl", {}),
        ("moro no 450 no máximo", None, {}),
    ],
)
def test_a_ceiling_of_something_else_is_no_budget(
    text: str, pending: str | None, want: dict[str, object]
) -> None:
    assert extract(text, pending) == want


# 4. Where the lead came to (to study, to work) is where they are, not the wish.


@pytest.mark.parametrize(
    "text",
    [
        "vim de Iguatu estudar na Parangaba",
        "viemos pra Caucaia trabalhar",
        "vim pra Fortaleza trabalhar num hospital",
    ],
)
def test_where_the_lead_came_to_is_no_wish(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("vim pra Fortaleza estudar, quero comprar no Montese", "Montese"),
        ("eu vim do Crato pra trabalhar no Centro, procuro casa na Messejana", "Messejana"),
        ("cheguei em Fortaleza ano passado, quero comprar no Montese", "Montese"),
    ],
)
def test_the_wish_after_where_the_lead_came_to(text: str, want: str) -> None:
    assert extract(text).get("neighborhood") == want


# 5. A place after the lead and a relative the home is for ("pra mim e meu esposo").


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pra mim e minha esposa no Montese", "Montese"),
        ("para nós e a minha sogra na Parangaba", "Parangaba"),
        ("pra gente e meu filho no Benfica", "Benfica"),
    ],
)
def test_a_place_for_the_lead_and_a_relative(text: str, want: str) -> None:
    assert extract(text).get("neighborhood") == want


@pytest.mark.parametrize(
    "text",
    [
        "pra mim e minha mãe, que mora no Cocó",
        "eu e meu marido moramos no Montese",
        "pra mim e meu esposo, ele trabalha na Aldeota",
        "minha irmã e meu cunhado no Cocó",
    ],
)
def test_a_relatives_place_stays_theirs(text: str) -> None:
    assert "neighborhood" not in extract(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("minha mãe mora no Benfica e quer comprar no Montese", {}),
        ("meu filho trabalha no Centro e prefere o Cocó", {}),
        ("minha sogra mora no Montese e procura algo na Parangaba", {}),
        ("minha mãe mora no Benfica e eu quero no Montese", {"neighborhood": "Montese"}),
        ("moro no Benfica e quero comprar no Montese", {"neighborhood": "Montese"}),
    ],
)
def test_a_relatives_wish_after_e_is_theirs(text: str, want: dict[str, object]) -> None:
    assert extract(text) == want


# 6. A bare answer to the place question must look like a place: typed in lower case, an
# unlisted phrase of words of the language (accents left out too) is a thing.


@pytest.mark.parametrize("text", ["pe de serra", "cafe com leite", "bolo de rolo"])
def test_a_common_noun_phrase_is_no_place(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("sapiranga", "Sapiranga"),
        ("vila pery", "Vila Pery"),
        ("parque dois irmaos", "Parque Dois Irmãos"),
    ],
)
def test_a_place_typed_in_lower_case_is_still_read(text: str, want: str) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == want


# 7a. Courtesy shorthand after a bare hour ("sabado as 9 pfv").


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quinta as 10 pfv", _at(10, 10)),
        ("sexta as 11 obg", _at(11, 11)),
        ("sabado as 10 pf", _at(12, 10)),
    ],
)
def test_courtesy_after_a_bare_hour(text: str, want: str) -> None:
    assert extract(text, "call_at") == {"call_at": want}


def test_a_bare_number_before_a_noun_is_still_no_hour() -> None:
    assert extract("quero ver as 3 casas pfv", "call_at") == {}


# 7b. A day turned down with no mark before another ("domingo nao segunda 10h", dictated).


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("sabado nao segunda 11h", _at(14, 11)),
        ("amanha nao quinta 14h", _at(10, 14)),
        ("hoje nao amanha 15h", _at(8, 15)),
        ("segunda nao tenho, quarta 10h", _at(9, 10)),
    ],
)
def test_a_day_turned_down_then_another(text: str, want: str) -> None:
    assert extract(text, "call_at") == {"call_at": want}


@pytest.mark.parametrize(
    ("text", "want"),
    [("domingo nao", {}), ("sexta 10h", {"call_at": _at(11, 10)})],
)
def test_a_day_alone_is_read_as_before(text: str, want: dict[str, object]) -> None:
    assert extract(text, "call_at") == want


def test_a_refused_sunday_then_monday_books_monday() -> None:
    run = booking_run("domingo nao segunda 10h")
    assert run.facts.get("call_at") == datetime(2026, 12, 14, 10, 0, tzinfo=TZ)


# 7c. Renting now, then the wish: the rented place is no wish, the wished one is, listed
# or not, with or without a comma.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("moro de aluguel no Benfica quero comprar no Vila Manoel Sátiro", "Vila Manoel Sátiro"),
        ("pago aluguel no Montese, quero comprar no Parque Genibaú", "Parque Genibaú"),
        ("hoje moro de aluguel na Aldeota e quero comprar no Jardim América", "Jardim América"),
    ],
)
def test_the_wish_after_the_rented_home(text: str, want: str) -> None:
    assert extract(text).get("neighborhood") == want


@pytest.mark.parametrize(
    "text",
    [
        "moro de aluguel no Benfica",
        "pago aluguel no Montese",
        "não quero no Centro",
        "hoje moro de aluguel numa casa de 2 quartos na Parquelândia, pago 1.300",
    ],
)
def test_the_rented_home_alone_is_no_wish(text: str) -> None:
    assert "neighborhood" not in extract(text)


# 8a. A budget before a condition that has a stretch of its own ("... se vender o carro
# estico um pouco") stays the budget; a condition with no consequence governs the amount.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("meu teto é 650 mil se vender a moto consigo mais", 650_000),
        ("ate 380 mil se o banco aprovar estico um pouco", 380_000),
        ("posso até 470 mil caso venda o carro dá pra subir", 470_000),
        ("meu limite é 400 mil se vender o carro chego a 450", 400_000),
    ],
)
def test_a_budget_before_a_stretching_condition(text: str, want: int) -> None:
    assert extract(text) == {"budget_brl": want}


@pytest.mark.parametrize(
    "text",
    [
        "chego a 600 mil se vender o carro",
        "consigo 520 mil caso venda a moto",
        "tenho 50 mil se precisar de entrada, consigo mais",
    ],
)
def test_an_amount_under_its_condition_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text)


# 8b. "pelo menos" after a name typed in lower case is no complement of it.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("aqui é a renata pelo menos 3 quartos", "Renata"),
        ("sou o caio pelo menos 2 quartos", "Caio"),
        ("quem fala é o otavio pelo menos 4 quartos", "Otavio"),
    ],
)
def test_a_name_before_at_least(text: str, want: str) -> None:
    assert extract(text, "name").get("name") == want


@pytest.mark.parametrize("text", ["sou louco por praia", "sou leigo em financiamento"])
def test_a_description_is_still_no_name(text: str) -> None:
    assert "name" not in extract(text, "name")


# 8c. Statements get no broker line: "até" before a figure opens a ceiling, not "até
# quando"; a time turned down is about the call.


@pytest.mark.parametrize(
    "text",
    [
        "prefiro o Benfica, e até 620, forçando uns 660 mil",
        "até 720, no máximo 760 mil",
        "até 480 mil reais, à tarde não dá, mas quinta 10h pode",
        "posso pagar até 530 mil. de manhã não dá, mas sexta 14h pode",
    ],
)
def test_a_ceiling_or_a_refused_time_gets_no_broker_line(text: str) -> None:
    run = chat_run("oi, sou a Marta", "quero 3 quartos no Cocó", text)
    assert BROKER_CONFIRMS not in run.replies[-1]
    assert "budget_brl" in run.facts


@pytest.mark.parametrize(
    "text",
    ["até quando fica pronta a obra", "até que horas abre o plantão", "até 2027 entrega?"],
)
def test_until_when_still_asks(text: str) -> None:
    assert asking_clauses(text)


# 9. What is about the call is read in ptbr/ (`intents.names_the_call`).


@pytest.mark.parametrize(
    ("folded", "want"),
    [
        ("pode passar pra sexta as 10h", True),
        ("sabado 9h pode", True),
        ("quero falar com o corretor", True),
        ("3 quartos no coco", False),
        ("passo no banco sexta 10h", False),
    ],
)
def test_names_the_call(folded: str, want: bool) -> None:
    assert names_the_call(folded) is want


def test_now_is_a_monday() -> None:
    assert NOW.weekday() == 0
