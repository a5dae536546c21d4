"""Questions answered with the wrong passage (helper kb2, sets 08o/08p): the pt-BR reading
of house types described, a stage's date, concepts in the leads' words and a measure asked
of the thing named before. New questions of our own, with negatives."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import build_query, is_filler, words
from homer_agent.ptbr.questions import asking_clauses, described, read_question


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a casa de dois andares tem quintal", "sobrado"),
        ("gostei daquela de 2 pavimentos", "sobrado"),
        ("uma de dois andares cabe minha familia", "sobrado"),
    ],
)
def test_a_house_of_two_storeys_is_the_sobrado(text: str, want: str) -> None:
    assert want in described(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "da pra subir mais dois andares depois",  # a floor built later, no house type
        "o limite e de dois pavimentos",
        "quantos andares pode ter a casa",
    ],
)
def test_floors_asked_are_no_house_type(text: str) -> None:
    assert "sobrado" not in described(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "quantos quartos tem banheiro dentro",
        "o quarto do casal tem banheiro proprio",
        "a minha filha quer banheiro so dela",
        "os quartos vem com banheiro privativo",
    ],
)
def test_a_bedrooms_own_bathroom_is_a_suite(text: str) -> None:
    assert "suite" in described(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "tem banheiro na area da piscina",  # a bathroom of the club, no bedroom's
        "quantos banheiros tem a casa",
        "o banheiro social tem box",
    ],
)
def test_other_bathrooms_stay(text: str) -> None:
    assert "suite" not in described(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "preciso montar minha mesa de trabalho num canto",
        "tem lugar pra uma mesa pra trabalhar",
        "quero um canto de trabalho longe da sala",
    ],
)
def test_a_desk_to_work_at_is_a_place_to_work(text: str) -> None:
    terms = build_query(text).terms
    assert any("escritorio" in term for term in terms), terms


def test_a_table_is_no_slip_and_a_dining_table_no_office() -> None:
    assert not any("escritorio" in t for t in build_query("cabe uma mesa de jantar").terms)
    assert "mesa" in words("a mesa de jantar cabe na sala")


@pytest.mark.parametrize(
    "text",
    [
        "vou alugar na alta estacao",
        "na baixa temporada da pra alugar por dia",
        "quero botar no airbnb na alta temporada",
    ],
)
def test_the_high_season_is_the_season_of_renting(text: str) -> None:
    assert "temporada" in described(text).split()
    assert "estacao" not in words(text)


@pytest.mark.parametrize(
    "text",
    [
        "quando voces entregam as chaves?",
        "pego a chave quando?",
        "qual a previsao das chaves?",
    ],
)
def test_the_keys_are_the_handover(text: str) -> None:
    assert any("entrega" in term and "chave" in term for term in build_query(text).terms)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("da pra usar o fgts na compra da casa?", "compra"),
        ("posso abater o saldo com o fgts na compra do imovel?", "compra"),
        ("consigo colocar minha reserva na compra?", "compra"),
    ],
)
def test_money_put_into_the_purchase_names_no_section(text: str, gone: str) -> None:
    assert gone not in described(text).replace("?", " ").split()


@pytest.mark.parametrize(
    "text",
    [
        "como funciona a compra da casa?",
        "quais documentos para a compra?",
        "a compra e feita direto com a construtora?",
    ],
)
def test_the_purchase_asked_stays(text: str) -> None:
    assert "compra" in described(text).replace("?", " ").split()


@pytest.mark.parametrize(
    "text",
    [
        "e o seguinte, tem piscina?",
        "pretendo me mudar, tem escola?",
        "to avaliando como investimento, tem academia?",
        "tenho dinheiro parado, tem desconto?",
    ],
)
def test_the_leads_way_of_telling_is_filler(text: str) -> None:
    for word in ("seguinte", "pretendo", "avaliando", "investimento", "parado"):
        assert word not in words(text)


@pytest.mark.parametrize(
    "word", ["seguinte", "pretendo", "conseguir", "providenciar", "avaliando", "investimento"]
)
def test_filler_words(word: str) -> None:
    assert is_filler(word)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("na casa de 3 quartos, quantas suites tem?", "casa de 3 quartos"),
        ("no sobrado, o lote e de quantos metros?", "sobrado"),
        ("e na de 2 quartos, tem vaga pra dois carros?", "2 quartos"),
    ],
)
def test_the_house_type_named_before_the_question_is_asked(text: str, asked: str) -> None:
    (clause,) = asking_clauses(text)
    assert asked in clause


def test_a_wish_before_a_question_is_not_carried() -> None:
    # "quero casa de 3 quartos" is the lead's wish, not the place of the question.
    (clause,) = asking_clauses("quero uma casa de 3 quartos, tem piscina?")
    assert "3 quartos" not in clause


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("tem escola particular perto dai. fica a quantos quilometros?", "escola"),
        ("tem hospital por perto, fica a quantos km mais ou menos", "hospital"),
        ("o shopping e perto. fica a quantos minutos?", "shopping"),
    ],
)
def test_a_measure_by_its_unit_measures_the_thing_before(text: str, thing: str) -> None:
    assert any(thing in clause for clause in asking_clauses(text))


def test_a_measure_naming_its_thing_stands_alone() -> None:
    clauses = asking_clauses("tenho dois filhos. a praia fica a quantos km?")
    assert all("filhos" not in clause for clause in clauses)


@pytest.mark.parametrize(
    "text",
    [
        "em que mes e ano fica pronta a primeira etapa?",
        "em que ano sai a entrega da segunda etapa?",
        "em que epoca do ano a obra termina?",
    ],
)
def test_how_a_date_is_told_is_no_topic(text: str) -> None:
    asked = read_question(text)
    assert asked.measure == "date"
    assert not {"mes", "ano", "epoca"} & set(asked.topic)


def test_a_month_of_a_fee_stays_a_topic() -> None:
    assert "mes" in read_question("quanto e o condominio por mes?").topic


@pytest.mark.parametrize(
    "text",
    [
        "estou comprando como investimento e quero entender a obra.",
        "pensei em comprar como moradia. a piscina e aquecida?",
        "vejo a casa como segunda casa, e ela tem churrasqueira?",
    ],
)
def test_what_the_home_is_for_is_no_question(text: str) -> None:
    assert not any("como" in clause.split()[:1] for clause in asking_clauses(text))
    assert not any("investimento" in c or "moradia" in c for c in asking_clauses(text))


def test_como_that_asks_still_asks() -> None:
    assert asking_clauses("como funciona a portaria")


@pytest.mark.parametrize(
    ("text", "fee"),
    [
        ("da pra usar o fgts na entrada?", False),
        ("posso dar o carro na entrada?", True),  # "dar": an amount given
        ("qual o valor da entrada?", True),
        ("quanto e o sinal?", True),
        ("o fgts entra no sinal ou so depois?", False),
    ],
)
def test_the_down_payment_is_a_fee_when_its_amount_is_asked(text: str, fee: bool) -> None:
    assert read_question(text).fee is fee


@pytest.mark.parametrize(
    "text",
    [
        "o que preciso providenciar antes do hospede chegar?",
        "o que tenho que providenciar pros inquilinos?",
        "o que eu devo separar pros convidados entrarem?",
    ],
)
def test_what_is_prepared_for_a_guest_is_no_paper(text: str) -> None:
    assert "documentos" not in " ".join(asking_clauses(text))


def test_what_is_prepared_for_the_call_is_the_papers() -> None:
    assert "documentos" in " ".join(asking_clauses("o que eu preciso providenciar pra ligacao?"))
