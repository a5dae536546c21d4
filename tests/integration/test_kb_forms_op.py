"""The 2026-12-07o and 07p sets' kinds in sentences no set asks, each the first message of
a new session on the offline model, the real PostgreSQL and the example development's
documents (tests/data/kb).

A question pointing back ("desse modelo", "nessa planta") is asked of the house the lead
named before it; windows and the noise they keep out reach the glass; "pra ela andar"
asks the walking track; what else to gather asks the documents; telling the gatehouse
asks the guests' registration; "queria entender" opens a question with no "?"; the
blocks at the back and a "while the works go on" clause name nothing asked; and things
the documents do not state (a heated pool, a party room's soundproofing, a window's
screen) or a price keep the broker line. A clause about the lead's own home ("aqui em
casa a luz cai quando venta") asks nothing by its "quando"."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import BROKER, first_message

CASES = [
    (
        "Tenho interesse na casa de 4 quartos. Qual o tamanho minimo do lote desse modelo?",
        "360 m²",
        "kb_answered",
    ),
    ("Gostei da casa de 2 quartos. Quantas suites tem nessa planta?", "1 suíte", "kb_answered"),
    (
        "moro perto de uma avenida movimentada. as janelas abafam o barulho da rua?",
        "vidro duplo",
        "kb_answered",
    ),
    ("minha esposa gosta de correr cedo, tem onde ela andar la dentro?", "2,4 km", "kb_answered"),
    (
        "fora rg e cpf, o que mais a gente precisa juntar pra analise de credito?",
        "comprovantes de renda",
        "kb_answered",
    ),
    (
        "se eu alugar por temporada tenho que avisar a portaria sobre os hospedes?",
        "cadastro prévio",
        "kb_answered",
    ),
    (
        "a gente curte natureza queria entender quanto do condominio e area verde",
        "40%",
        "kb_answered",
    ),
    (
        "quando os lotes do fundo ficam prontos? meu aluguel vence e eu preciso planejar",
        "2029",
        "kb_answered",
    ),
    (
        "enquanto a obra ta sendo feita eu ja pago a taxa de condominio?",
        "entrega das chaves",
        "kb_answered",
    ),
    (
        "aqui em casa a luz cai quando venta forte. no condominio os fios de energia sao de"
        " poste ou enterrados?",
        "subterrânea",
        "kb_answered",
    ),
    # The room only places the thing asked: the finishes answer, not a house type.
    ("a esquadria do quarto é de vidro comum?", "vidro duplo", "kb_answered"),
    ("as janelas do quarto sao de vidro duplo?", "vidro duplo", "kb_answered"),
    ("a piscina é aquecida?", BROKER, "kb_no_passage"),
    ("o salao de festas tem isolamento acustico?", BROKER, "kb_no_passage"),
    ("a janela tem tela mosquiteiro?", BROKER, "kb_no_passage"),
    ("quanto custa a casa desse modelo de 3 quartos?", "corretor", "price_to_broker"),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_the_07o_and_07p_kinds_in_new_sentences(
    pool: Pool, message: str, fact: str, reason: str
) -> None:
    first_message(
        pool, f"kb-forms-op-{CASES.index((message, fact, reason))}", message, fact, reason
    )
