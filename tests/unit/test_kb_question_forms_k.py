"""Question forms found by the first-sight set kb_questions_2026-12-07k (issue 24), each
tried on new sentences.

What an instalment comes to is a price (the broker's); how instalments work is not. A
lead's worry about the future is no hostility. "quanto tempo até ficar pronta" asks when
the works end, not a travel time."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import is_filler
from homer_agent.kb.query import words as query_words
from homer_agent.ptbr.intents import handoff_reason, is_hostile
from homer_agent.ptbr.questions import read_question


@pytest.mark.parametrize(
    "question",
    [
        "ganho uns 6 mil por mes, qnto daria a parcela mensal do sobrado de 3 quartos?",
        "qual seria o valor das prestacoes da casa menor?",
        "a parcela mensal da Mare fica em quanto mais ou menos?",
        "quanto eu pagaria de parcela durante a obra?",
        "e a prestacao da casa de 2 quartos, sai por quanto?",
    ],
)
def test_what_an_instalment_comes_to_is_a_price(question: str) -> None:
    assert read_question(question).price, question


@pytest.mark.parametrize(
    "question",
    [
        "as prestacoes sao corrigidas por algum indice?",
        "o valor das parcelas muda com o tempo ou e fixo?",
        "quanto tempo duram as parcelas com a construtora?",
        "quantas parcelas sao durante a obra?",
        "a parcela tem reajuste depois da entrega?",
    ],
)
def test_how_instalments_work_is_no_price(question: str) -> None:
    assert not read_question(question).price, question


@pytest.mark.parametrize(
    "message",
    [
        "tenho muito medo de a parcela ficar pesada demais, voces parcelam a entrada?",
        "minha preocupacao e o barulho da obra, a construtora trabalha no fim de semana?",
        "me preocupa muito a violencia, o condominio tem camera?",
        "tenho medo de perder dinheiro, a construtora e seria?",
        "fico preocupada com assalto, a empresa tem seguranca 24h?",
    ],
)
def test_a_worry_about_the_future_is_no_hostility(message: str) -> None:
    assert not is_hostile(message), message
    assert handoff_reason(message) is None, message


@pytest.mark.parametrize(
    "message",
    [
        "voces sao pessimos, um lixo de atendimento",
        "tenho medo de voces, seus golpistas ladroes",
        "atendimento horrivel, pessimo, ridiculo, voces sao uma vergonha. tenho medo de comprar",
        "fico preocupado com essa empresa horrivel e ridicula",
        "tenho medo desse atendimento horroroso de voces",
    ],
)
def test_hostility_beside_a_worry_is_still_hostility(message: str) -> None:
    assert handoff_reason(message) == "hostile", message


@pytest.mark.parametrize(
    "question",
    [
        "minha casa e da quadra C, quanto tempo falta pra entregar?",
        "qnto tempo ainda ate terminarem as casas da segunda etapa?",
        "quantos meses faltam pra ficar pronto o sobrado?",
        "quanto tempo demora pra eu receber as chaves?",
    ],
)
def test_how_long_until_the_works_end_asks_a_date(question: str) -> None:
    asked = read_question(question)
    assert asked.measure == "date", asked
    assert not asked.context, asked
    assert not {"tempo", "meses", "falta", "faltam"} & set(asked.topic), asked


@pytest.mark.parametrize(
    "question",
    [
        "quanto tempo leva ate a praia?",
        "qnto tempo de carro pro centro de Caucaia?",
        "quanto tempo ate o aeroporto de onibus?",
    ],
)
def test_a_travel_time_names_a_place_to_go_to(question: str) -> None:
    assert read_question(question).measure == "time", question


@pytest.mark.parametrize(
    "question",
    [
        "quanto da area do condominio e mata preservada?",
        "qnts hectares tem o terreno do condominio todo?",
        "quanto do espaco do condominio fica pra lazer?",
    ],
)
def test_a_thing_of_the_development_is_no_fee(question: str) -> None:
    asked = read_question(question)
    assert not asked.fee, asked
    assert "taxa" not in asked.topic, asked


@pytest.mark.parametrize(
    "question",
    [
        "quanto eu pago de condominio por mes?",
        "qual o valor do condominio das casas?",
        "quanto vai ficar o condominio depois da entrega?",
    ],
)
def test_the_condominium_fee_is_still_a_fee(question: str) -> None:
    assert read_question(question).fee, question


@pytest.mark.parametrize("word", ["bastante", "pouca", "tantos"])
def test_a_degree_word_names_nothing(word: str) -> None:
    assert is_filler(word)
    assert word not in query_words(f"tem {word} arvore no condominio?")
