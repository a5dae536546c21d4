"""Question forms found by the first-sight sets kb_questions_2026-12-08o and 08p (brief
kb1: answerable questions that got the broker line), each tried on new sentences.

A time told by the lead's own act before a question ("no dia em que eu assinar, ...") is
the question's; a clause that only says how a figure is put ("em porcentagem?") belongs
to the question before it; the first payment is the down payment; receiving the house is
its handover; the works a builder finished are what it delivered; a school year is a
stage of school; "fica muito longe?" names nothing and asks about the place told before
it; what the lead would rather not need to do ("sem precisar ir ...") is the lead's
context; the household's condition ("se a família crescer") stays a condition; "comprar
como investimento" asks nothing; modal and formal verbs, a copy of a paper and how a
share is put are filler. The units left to sell are the broker's like a price, and the
condominium's price is its fee."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import build_query, is_filler
from homer_agent.ptbr.questions import asking_clauses, read_question


def _terms(question: str) -> tuple[str, ...]:
    return build_query(" ".join(read_question(question).topic)).terms


@pytest.mark.parametrize(
    ("message", "clause"),
    [
        (
            "No dia em que a gente assinar, quanto precisa pagar na hora?",
            "no dia em que a gente assinar, quanto precisa pagar na hora?",
        ),
        (
            "quando eu assinar, quanto eu dou de sinal?",
            "quando eu assinar, quanto eu dou de sinal?",
        ),
        (
            "Sou autonomo. Assim que eu assinar, qual a entrada?",
            "assim que eu assinar, qual a entrada?",
        ),
    ],
)
def test_a_time_told_by_the_lead_opens_the_question_after_it(message: str, clause: str) -> None:
    assert asking_clauses(message) == [clause]


def test_a_time_clause_that_asks_is_its_own_question() -> None:
    """ "depois que eu receber dá pra subir?" asks itself: it is not only a time."""
    message = "depois que eu receber da pra subir, ficando com 2 andares?"
    assert f"{message[:-1]}?" not in asking_clauses(message)
    assert asking_clauses("quando eu for ai, qual o horario do stand?") == [
        "quando eu for ai, qual o horario do stand?"
    ]


@pytest.mark.parametrize(
    ("message", "measure"),
    [
        ("quanto se paga no contrato, em porcentagem?", "share"),
        ("qual o sinal da compra? em percentual?", "share"),
        ("quanto eu dou na assinatura? quantos por cento?", "share"),
    ],
)
def test_how_a_figure_is_put_belongs_to_the_question_before_it(message: str, measure: str) -> None:
    clauses = asking_clauses(message)
    assert len(clauses) == 1, clauses
    assert read_question(clauses[0]).measure == measure


@pytest.mark.parametrize(
    "question",
    [
        "tem algum pagamento inicial?",
        "qual o valor inicial pra fechar?",
        "quanto eu pago logo de cara?",
    ],
)
def test_the_first_payment_is_the_down_payment(question: str) -> None:
    assert "entrada" in read_question(question).topic
    assert not read_question(question).price


@pytest.mark.parametrize(
    "question",
    [
        "depois de receber a casa posso reformar?",
        "quando eu recebo as chaves?",
        "quando vamos receber o imovel?",
    ],
)
def test_receiving_the_house_is_its_handover(question: str) -> None:
    assert "entrega" in read_question(question).topic


def test_receiving_what_is_no_house_is_no_handover() -> None:
    assert "entrega" not in read_question("da pra receber visita no clube?").topic


@pytest.mark.parametrize(
    "question",
    [
        "a construtora ja concluiu quantos condominios?",
        "essa empresa ja finalizou outras obras?",
        "eles ja terminaram varios empreendimentos?",
    ],
)
def test_the_works_a_builder_finished_are_what_it_delivered(question: str) -> None:
    assert "entregou" in read_question(question).topic


def test_a_work_finished_once_is_no_builder_record() -> None:
    assert "entregou" not in read_question("quando terminou a infraestrutura?").topic


@pytest.mark.parametrize(
    "question",
    [
        "tem colegio que vai ate o terceiro ano?",
        "meu filho esta no 7o ano, tem escola perto?",
        "a escola atende ate a oitava serie?",
    ],
)
def test_a_school_year_is_a_stage_of_school(question: str) -> None:
    assert "ensino" in read_question(question).topic


@pytest.mark.parametrize(
    "question",
    [
        "no primeiro ano de obra eu pago parcela?",
        "daqui uns 2 anos a casa fica pronta?",
        "o terceiro ano de condominio tem reajuste?",
    ],
)
def test_a_year_without_school_is_no_school_year(question: str) -> None:
    assert "ensino" not in read_question(question).topic


@pytest.mark.parametrize(
    ("message", "carried"),
    [
        ("Moro no centro de Fortaleza. Fica muito longe?", "fortaleza"),
        ("Trabalho no aeroporto, e muito longe dai?", "aeroporto"),
        ("minha mae faz tratamento no hospital. fica longe?", "hospital"),
    ],
)
def test_how_far_asks_about_the_place_told_before(message: str, carried: str) -> None:
    assert any(carried in clause for clause in asking_clauses(message)), asking_clauses(message)


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("tem pista pra correr sem precisar sair do condominio?", "sair"),
        ("tem mercado la dentro sem ter que pegar o carro?", "carro"),
        ("tem lugar pra caminhar, sem precisar ir ate a praia?", "praia"),
    ],
)
def test_what_the_lead_would_rather_not_do_is_context(question: str, context: str) -> None:
    assert context in read_question(question).context


@pytest.mark.parametrize(
    "message",
    [
        "mas se a familia crescer da pra subir um andar?",
        "se os filhos vierem morar junto da pra ampliar?",
        "caso a minha familia aumente posso construir mais um quarto?",
    ],
)
def test_the_households_condition_stays_a_condition(message: str) -> None:
    (clause,) = asking_clauses(message)
    assert clause.startswith(("se ", "caso ")), clause


@pytest.mark.parametrize(
    "message",
    [
        "penso em comprar como investimento e alugar. o condominio deixa?",
        "vou usar como casa de praia. tem piscina?",
        "quero pegar como segunda casa, aceita pet?",
    ],
)
def test_what_a_thing_is_bought_as_asks_nothing(message: str) -> None:
    """The statement is no question of its own: one question is asked."""
    clauses = asking_clauses(message)
    assert len(clauses) == 1 and clauses[0].endswith("?"), clauses


def test_how_it_works_still_asks() -> None:
    assert asking_clauses("como funciona a portaria.") == ["como funciona a portaria."]


@pytest.mark.parametrize(
    "word",
    ["devo", "efetuar", "necessario", "foto", "copia", "porcentagem", "prezados", "precisar"],
)
def test_modal_and_formal_verbs_and_copies_are_filler(word: str) -> None:
    assert is_filler(word)


@pytest.mark.parametrize(
    "question",
    [
        "quantos lotes ainda estao disponiveis na quadra C?",
        "ja venderam muitas casas da segunda etapa?",
        "sobrou alguma unidade na primeira etapa?",
        "ainda tem casa a venda na quadra B?",
    ],
)
def test_the_units_left_to_sell_are_the_brokers(question: str) -> None:
    assert read_question(question).price


@pytest.mark.parametrize(
    "question",
    [
        "quantas casas tem o condominio?",
        "o clube fica disponivel de madrugada?",
        "a van escolar esta disponivel pra todos?",
        "a casa duna tem escritorio disponivel?",
    ],
)
def test_what_is_available_to_use_is_no_stock(question: str) -> None:
    assert not read_question(question).price


@pytest.mark.parametrize(
    "question",
    [
        "qual o preço do condominio?",
        "quanto é o preço da taxa de condominio?",
        "preço do condominio por mes?",
    ],
)
def test_the_condominiums_price_is_its_fee(question: str) -> None:
    asked = read_question(question)
    assert asked.fee and not asked.price


@pytest.mark.parametrize(
    "question",
    [
        "qual o preço das casas do condominio?",
        "qual o preço do condominio da casa duna?",
        "qual o preço da casa de 3 quartos?",
    ],
)
def test_a_houses_price_stays_a_price(question: str) -> None:
    assert read_question(question).price
