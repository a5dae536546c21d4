"""The 2026-12-08o and 08p sets' kinds (brief kb1) in sentences no set asks, each the first
message of a new session on the offline model, the real PostgreSQL and the example
development's documents (tests/data/kb).

A share of a payment step the documents state is a term, not a price ("quanto do valor
na assinatura, em porcentagem?" is the 10% down payment); "how many" of a stated count
(the builder's delivered works) and "how far" from a place the lead names are answered;
yes/no questions are answered from the rule or feature passage (walking without leaving,
sending papers before the call, building up after the handover, a school up to a year,
renting bought as an investment). Prices, discounts, negotiations and the units left to
sell keep the broker line, and what the documents do not state stays the broker's."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import BROKER, first_message

CASES = [
    (
        "Quando a gente assinar, quanto do total eu preciso pagar na hora, em porcentagem?",
        "10%",
        "kb_answered",
    ),
    ("tem algum valor inicial pra pagar na assinatura? quantos por cento?", "10%", "kb_answered"),
    ("qual o preço do condominio por mes?", "R$ 690", "kb_answered"),
    ("a construtora ja concluiu quantos empreendimentos?", "11 condomínios", "kb_answered"),
    (
        "essa incorporadora ja finalizou outras obras ou e a primeira?",
        "11 condomínios",
        "kb_answered",
    ),
    ("moro em fortaleza, no centro. fica muito longe?", "28 km", "kb_answered"),
    ("eu trabalho no aeroporto. e muito longe dai?", "35 km", "kb_answered"),
    ("preciso enviar copia do meu rg antes da ligacao?", "Não é preciso enviar", "kb_answered"),
    ("devo mandar foto do comprovante de renda pelo whatsapp?", "comprovantes", "kb_answered"),
    ("tem onde correr la dentro sem precisar sair do condominio?", "2,4 km", "kb_answered"),
    (
        "quando a gente receber a casa, da pra fazer mais um andar?",
        "dois pavimentos",
        "kb_answered",
    ),
    (
        "meu filho vai pro segundo ano do medio, tem escola particular que va ate o terceiro ano?",
        "Colégio Farol",
        "kb_answered",
    ),
    ("se a familia aumentar da pra ampliar a casa depois?", "Ampliações", "kb_answered"),
    (
        "comprei como investimento, o condominio deixa alugar por temporada?",
        "temporada",
        "kb_answered",
    ),
    # The broker's: the units left, a price, a discount, a thing no document states.
    ("quantos lotes ainda estao disponiveis na quadra C?", BROKER, "price_to_broker"),
    ("ja venderam muitas casas da segunda etapa?", BROKER, "price_to_broker"),
    ("sobrou alguma unidade na primeira etapa?", BROKER, "price_to_broker"),
    ("qual o preço das casas do condominio?", BROKER, "price_to_broker"),
    ("quanto custa a casa de 3 quartos, em reais?", "corretor", "price_to_broker"),
    ("tem desconto pra quem paga a entrada de uma vez, em porcentagem?", BROKER, "price_to_broker"),
    ("tem piscina aquecida sem precisar ir no clube?", BROKER, "kb_no_passage"),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_the_08o_and_08p_kinds_in_new_sentences(
    pool: Pool, message: str, fact: str, reason: str
) -> None:
    first_message(
        pool, f"kb-forms-kb1-{CASES.index((message, fact, reason))}", message, fact, reason
    )
