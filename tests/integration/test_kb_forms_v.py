"""The 2026-12-07v set's kinds in sentences no set asks, each the first message of a new
session on the offline model, the real PostgreSQL and the example development's documents
(tests/data/kb).

Dictated or hurried messages, no punctuation, the question after the lead's story: the
story's words are context, the question is answered (or, for a price or a thing the
documents do not state, gets the broker line)."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import BROKER, first_message

CASES = [
    (
        "boa tarde minha esposa trabalha no aeroporto e pega cedo toda semana tipo as seis"
        " quanto tempo ela vai levar de carro ate o aeroporto",
        "40 minutos",
        "kb_answered",
    ),
    (
        "oi meu pai tem setenta e cinco anos e toma remedio de pressao entao qual a distancia"
        " ate o hospital",
        "12 km",
        "kb_answered",
    ),
    (
        "a gente tem dois filhos pequenos que vao entrar na escola no ano que vem tem escola"
        " bilingue perto",
        "Escola Bilíngue Ventos",
        "kb_answered",
    ),
    (
        "bom dia eu vendi meu carro mes passado entao agora ando so de onibus ate que horas"
        " passa onibus na portaria",
        "22h",
        "kb_answered",
    ),
    (
        "eu trabalho de casa o dia inteiro com reuniao por video tipo umas seis por dia tem"
        " algum espaco de coworking la dentro",
        "coworking",
        "kb_answered",
    ),
    (
        "minha sogra vai morar com a gente e ela caminha todo dia cedo tipo uma hora entao"
        " qual o tamanho da pista de caminhada",
        "2,4 km",
        "kb_answered",
    ),
    # The documents' words for what a lead says in everyday words.
    (
        "a gente gasta muito com luz no verao por causa do ventilador ligado direto entao"
        " queria saber se a casa vem preparada pra energia do sol",
        "placas solares",
        "kb_answered",
    ),
    (
        "eu tenho um dinheiro do fgts parado faz anos e queria saber se da pra usar ele pra"
        " abater o saldo depois",
        "amortizar",
        "kb_answered",
    ),
    (
        "minha mae vai fazer setenta anos e vem a familia toda tipo umas oitenta pessoas o"
        " salao de festas aguenta esse povo",
        "120 pessoas",
        "kb_answered",
    ),
    # A vehicle that comes by, a thing pointed at: a new clause in a run-on message.
    (
        "eu trabalho no shopping de caucaia e volto tarde da noite passa onibus na frente do"
        " condominio ate que horas",
        "22h",
        "kb_answered",
    ),
    (
        "ja paguei financiamento com juros que subiam todo ano essas parcelas com a construtora"
        " sobem por algum indice",
        "INCC",
        "kb_answered",
    ),
    (
        "moro sozinha e tenho medo de assalto porque meu predio ja foi invadido como que"
        " funciona a entrada la é com senha ou com porteiro",
        "reconhecimento facial",
        "kb_answered",
    ),
    # A permission asked after a story; a question ending in "de quanto" is one clause.
    (
        "minha vizinha comprou la no ano passado e disse que gostou muito posso visitar a casa"
        " decorada no domingo",
        "13h",
        "kb_answered",
    ),
    (
        "a casa da minha sogra e grande e tem piscina entao a de dois quartos tem area de quanto",
        "78 m²",
        "kb_answered",
    ),
    # A time told by what will happen is the lead's plan, not a second question.
    (
        "o plano e comprar a terrea de tres quartos agora e quando as criancas crescerem"
        " construir mais um andar tem algum limite de altura",
        "dois pavimentos",
        "kb_answered",
    ),
    # A statement put for confirmation with a tag "né" asks.
    (
        "eu moro de aluguel hoje e se eu assinar agora vou ter que pagar condominio antes de"
        " receber a chave ne",
        "entrega das chaves",
        "kb_answered",
    ),
    # "mais ou menos" is roughly, no second thing asked.
    ("o condominio sai mais ou menos quanto por mes", "R$ 690", "kb_answered"),
    (
        "o iptu da terrea de dois quartos fica mais ou menos quanto por ano",
        BROKER,
        "kb_no_passage",
    ),
    # Rooms counted in words are the documents' "3 quartos"; a place to plant is the garden.
    (
        "oi eu to gravida do segundo filho e a gente precisa de mais espaco entao quantas"
        " suites tem a casa de tres quartos",
        "2 suítes",
        "kb_answered",
    ),
    (
        "bom dia entao eu sou aposentado e gosto muito de mexer com terra tem algum espaco pra"
        " plantar la dentro",
        "horta comunitária",
        "kb_answered",
    ),
    # What a house comes with is answered by the passage naming it, not the house's own.
    (
        "bom dia a casa de tres quartos vem com ar condicionado ou tenho que comprar",
        "ar-condicionado",
        "kb_answered",
    ),
    ("o sobrado de 4 quartos vem com ar condicionado?", "ar-condicionado", "kb_answered"),
    ("o sobrado tem piscina?", "piscina privativa", "kb_answered"),
    ("a casa de 2 quartos tem suite?", "1 suíte", "kb_answered"),
    # Prices and what the documents do not state keep the broker line after a story.
    (
        "eu recebo uns oito mil por mes entao quanto ta custando o sobrado de quatro quartos",
        BROKER,
        "price_to_broker",
    ),
    (
        "a gente ta juntando dinheiro faz uns dois anos entao se eu der metade a vista voces"
        " fazem algum desconto",
        BROKER,
        "price_to_broker",
    ),
    (
        "minha filha faz natacao todo dia de manha entao queria saber se a piscina do clube"
        " é aquecida",
        BROKER,
        "kb_no_passage",
    ),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_the_07v_kinds_in_new_sentences(pool: Pool, message: str, fact: str, reason: str) -> None:
    turn = first_message(
        pool, f"kb-forms-v-{CASES.index((message, fact, reason))}", message, fact, reason
    )
    if "as criancas crescerem" in message:
        assert BROKER not in turn.reply, turn.reply
