"""The kinds the first-sight set facts_2026-12-08l (leads who write badly) found, by new
sentences.

None of these sentences is in that set: a lead's complaint about where they live (its
violence, traffic, rent, noise) is no hostility towards us, while insults and curses at
us still are.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.intents import handoff_reason


# 1. A complaint about the lead's life is no hostility towards us
@pytest.mark.parametrize(
    "text",
    [
        "moro na barra do ceara e ta horrivel de violento, quero sair",
        "aqui no meu bairro tem assalto todo dia, é péssimo, pfv me ajuda a sair daqui",
        "o trânsito pra chegar no trabalho é um inferno horrível",
        "o barulho da vizinhança é insuportável, ninguém dorme",
        "o aluguel tá um absurdo, horrível, pago caro demais",
        "a rua onde eu vivo é uma merda, alaga tudo",
        "tá muito perigoso onde a gente mora, péssimo, horrível",
    ],
)
def test_a_complaint_about_where_the_lead_lives_is_no_hostility(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "moro longe e vocês são uns incompetentes",
        "seus idiotas, moro no centro",
        "esse robô é um lixo, quero me mudar mas não com vocês",
        "que atendimento horrível, moro longe e ninguém responde",
        "vai se ferrar, meu bairro é melhor",
        "Horrível, péssimo, ridículo",
    ],
)
def test_insults_at_us_beside_a_life_complaint_are_still_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"


@pytest.mark.parametrize(
    "text",
    ["moro no centro, seus idiotas", "o trânsito é horrível, vocês são péssimos"],
)
def test_a_life_complaint_running_into_us_is_still_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"
