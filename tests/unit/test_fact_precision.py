"""Facts you can trust: no fact is saved that the lead did not give.

Every wrong-fact case reported in issue 10 is here, at the level where it was wrong:
the extraction (pure functions), the tools (plausibility from the profile, on a real
Postgres, tests/integration/test_fact_precision_turns.py) and whole turns with the offline
model (there too). This file holds the extraction cases.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import extract_facts
from tests.support.clock import NOW, TZ


def extract(
    text: str, pending: str | None = None, known: tuple[str, ...] = ()
) -> dict[str, object]:
    return extract_facts(
        text, pending=pending, now=NOW, tz=TZ, ignore=["Vila Carnaúba", "Homer"], known=known
    )


# ---------------------------------------------------------------------------
# Extraction: what a message does not say is never read into it


@pytest.mark.parametrize("pending", [None, "name", "bedrooms", "neighborhood", "budget_brl"])
def test_tenho_1_real_is_neither_bedrooms_nor_a_budget(pending: str | None) -> None:
    assert extract("tenho 1 real", pending) == {}


@pytest.mark.parametrize(
    "text",
    ["orçamento de -500 mil", "meu orçamento é -R$ 300.000", "-800 mil", "uns -2 milhões"],
)
def test_negative_amounts_are_never_budgets(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pode me chamar de Dr. Carlos", "Carlos"),
        ("Sou a Dra. Helena Souza", "Helena Souza"),
        ("meu nome é Sr. João", "João"),
        ("Dona Maria aqui", "Maria"),
        ("Prof. Ana", "Ana"),
        ("meu nome é Teste", "Teste"),
        ("tá bom, é Marcos", "Marcos"),
        ("ok, Marcos", "Marcos"),
    ],
)
def test_names_without_titles_and_reluctant_answers(text: str, name: str) -> None:
    assert extract(text, "name").get("name") == name


def test_swearing_about_traffic_keeps_the_bedrooms() -> None:
    assert extract("que merda de trânsito hoje, mas vamos lá: 3 quartos", "bedrooms") == {
        "bedrooms": 3
    }


@pytest.mark.parametrize(
    "text",
    [
        "ganho 15 mil por mês",
        "minha renda é de 20 mil",
        "recebo uns 12 mil mensais",
        "posso dar 100 mil de entrada",
        "a parcela pode ser de até 3 mil",
        "pago 2 mil de aluguel",
        "meu vizinho pagou 800 mil na casa dele",
        "a casa custa 500 mil?",
    ],
)
def test_income_down_payments_and_other_prices_are_not_budgets(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("moro no Centro, mas quero no Cumbuco", "Cumbuco"),
        # Where the lead lives is no place wanted; where they want to go is (issue 21).
        ("hoje eu moro aqui na Aldeota e quero ir para o Eusébio", "Eusébio"),
        ("eu moro aqui no Centro", None),
        ("trabalho no Meireles", None),
        ("meu irmão comprou no Cumbuco", None),
        ("vi vocês no OLX", None),
        ("quero 3 quartos mas não no Centro", None),
        ("tem casa no Cumbuco?", None),
    ],
)
def test_where_the_lead_lives_is_not_where_they_want_to_live(text: str, place: str | None) -> None:
    assert extract(text, "neighborhood").get("neighborhood") == place


@pytest.mark.parametrize(
    ("text", "pending"),
    [
        ("tenho 2 filhos", "bedrooms"),
        ("meus 3 filhos estudam no Centro", None),
        ("minha filha se chama Ana", "name"),
        ("Sou amigo do Carlos", "name"),
        ("sou a mãe da Júlia", "name"),
        ("meu marido é o Pedro", "name"),
        ("minha casa atual tem 2 quartos", "bedrooms"),
        ("3 ou 4 quartos", "bedrooms"),
        ("a casa de 5 quartos tem quintal?", "bedrooms"),
        ("quero um quarto pra cada filho, tenho 3", "bedrooms"),
        ("não quero 2 quartos", "bedrooms"),
        ("3 quartos é pouco", "bedrooms"),
    ],
)
def test_children_relatives_and_the_current_home_are_not_the_leads_facts(
    text: str, pending: str | None
) -> None:
    found = extract(text, pending)
    assert "bedrooms" not in found and "name" not in found, found


def test_suites_do_not_override_bedrooms() -> None:
    assert extract("3 quartos sendo 2 suítes") == {"bedrooms": 3}


def test_hedged_corrections_are_facts() -> None:
    assert extract("pensando bem, melhor 3", "neighborhood", known=("bedrooms",)) == {"bedrooms": 3}
    assert extract("pensando bem, melhor 3", "neighborhood") == {}  # nothing to correct
    assert extract("na verdade são 4 quartos", "budget_brl") == {"bedrooms": 4}


@pytest.mark.parametrize(
    "text",
    [
        "\ufffd\ufffd10h\ufffd 3 quartos amanhã às 15h",
        "abc\x07 R$ 500 mil",
        "#$%&*@!#$%&*@!#$% 3 quartos #$%&*@!#$%&*@!",
    ],
)
def test_garbled_input_gives_no_facts(text: str) -> None:
    assert extract(text, "bedrooms") == {}


@pytest.mark.parametrize("pending", ["name", "neighborhood"])
@pytest.mark.parametrize(
    "text",
    [
        "kkkkk",
        "rsrs",
        "Nossa",
        "Caramba",
        "Eita",
        "Legal, obrigado",
        "Whatsapp",
        "Aff",
        "Legal",
        "Interessante",
        "Anônimo",
    ],
)
def test_laughter_and_interjections_are_neither_names_nor_places(text: str, pending: str) -> None:
    assert extract(text, pending) == {}


@pytest.mark.parametrize(
    "text", ["Centro", "centro", "Zona Sul", "Praia do Futuro", "perto da praia", "Litoral"]
)
def test_a_place_given_when_the_name_was_asked_is_no_name(text: str) -> None:
    # "Como posso te chamar?" — "Centro": the lead answered another question.
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "aceita financiamento",
        "financiamento",
        "aceita FGTS",
        "tem piscina",
        "e a entrada",
        "parcela em quantas vezes",
        "quando fica pronta",
    ],
)
def test_a_question_given_when_the_place_was_asked_is_no_place(text: str) -> None:
    # "Em qual bairro?" — "aceita financiamento": the lead asked something else.
    assert "neighborhood" not in extract(text, "neighborhood")


@pytest.mark.parametrize("pending", [None, "name"])
@pytest.mark.parametrize(
    "text",
    [
        "E o condomínio?",
        "E o condomínio, sai por quanto mais ou menos?",
        "E a piscina, é aquecida?",
        "E o Centro, fica longe?",
        "E o Cumbuco, é perto?",
    ],
)
def test_and_the_x_asks_about_x_and_names_nobody(text: str, pending: str | None) -> None:
    # "e o X?" folds like "é o X" ("it's X"): in a question it is "and what about X?".
    assert "name" not in extract(text, pending)


@pytest.mark.parametrize("text", ["É o Lucas", "é o Lucas.", "Oi, é a Ana"])
def test_it_is_x_still_gives_the_name(text: str) -> None:
    assert "name" in extract(text, "name")


@pytest.mark.parametrize(
    "text",
    [
        "O apartamento custa quanto? Vi 450 mil no site",
        "vi 450 mil no anúncio",
        "a casa custa 500 mil?",
        "estão cobrando 600 mil na de 3 quartos",
    ],
)
def test_a_price_seen_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


def test_a_city_of_a_saint_is_no_name_but_may_be_the_place() -> None:
    assert extract("São Paulo", "name") == {}
    assert extract("São Paulo", "neighborhood") == {"neighborhood": "São Paulo"}


@pytest.mark.parametrize(
    "text",
    ["A casa da minha mãe tem 4 quartos", "o apartamento do meu irmão possui 3 quartos"],
)
def test_somebody_elses_home_gives_no_bedrooms(text: str) -> None:
    assert "bedrooms" not in extract(text, "bedrooms")


def test_a_home_described_then_the_home_wanted() -> None:
    said = "a casa do meu irmão possui 3 quartos e eu quero 2 quartos"
    assert extract(said, "bedrooms") == {"bedrooms": 2}


@pytest.mark.parametrize("text", ["Me chamo Silva", "Sr. João", "Dra. Ana", "Aí mesmo", "Ali"])
def test_a_name_given_when_the_place_was_asked_is_no_place(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")


def test_incomes_joined_by_and_are_no_budget() -> None:
    assert "budget_brl" not in extract("Eu ganho 8 mil e minha esposa 6 mil", "budget_brl")
    said = "ganho 15 mil por mês e meu orçamento é 500 mil"
    assert extract(said, "budget_brl") == {"budget_brl": 500_000}


@pytest.mark.parametrize("text", ["Tiago, 35 anos, engenheiro", "Tiago, aposentado"])
def test_an_introduction_given_when_the_place_was_asked_is_no_place(text: str) -> None:
    assert "neighborhood" not in extract(text, "neighborhood")
