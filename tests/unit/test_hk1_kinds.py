"""Held-out question kinds of 2026-12-08h/i (branch hk1): a lead's own bad past experience,
told as a story, is no hostility towards us; complaints about us still are."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.intents import handoff_reason


@pytest.mark.parametrize(
    "text",
    [
        "tive uma experiencia horrivel com uma construtora que faliu, perdi tudo, foi "
        "pessimo. o condominio de voces tem seguro de obra?",
        "ja fui enganada por uma imobiliaria, um horror, uma vergonha. voces registram o "
        "contrato em cartorio?",
        "paguei caro num terreno que nunca saiu, fiquei arrasado e revoltado. a escritura "
        "sai quando?",
        "comprei um apartamento em 2015 e atrasou tres anos, fiquei traumatizada, horrivel. "
        "a entrega de voces tem multa por atraso?",
    ],
)
def test_a_past_story_is_no_hostility(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # how we served the lead, even in the past tense
        "fui pessimamente atendido, que vergonha, horrivel, pessimo",
        # the story names us
        "fiquei revoltado com voces, pessimo, horrivel, ridiculo",
        "comprei com vcs e me arrependi, pessimo, horrivel, uma vergonha",
        # nothing but insults
        "horrivel, pessimo, ridiculo",
    ],
)
def test_complaints_about_us_stay_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"
