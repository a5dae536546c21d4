"""A worry stated as the reason for a question is no complaint about us: its whole sentence
("essas coisas costumam sair caro, é isso que me preocupa") is left out of the hostility
score when the message asks something, unless the sentence names us."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.intents import handoff_reason


@pytest.mark.parametrize(
    "text",
    [
        "Condomínio com academia e quadra costuma ficar pesado no fim do mês, é isso que me "
        "preocupa. Quanto sai a taxa?",
        "Já ouvi dizer que obra na planta atrasa demais e fica uma confusão horrível, tenho "
        "medo disso. Qual a previsão de entrega?",
        "Casa perto de praia dá muita maresia e estraga tudo, fico preocupado com isso. O "
        "acabamento aguenta?",
        "Sou aposentado e conta de luz alta é um pesadelo terrível, isso me preocupa muito. "
        "Vocês têm energia solar nas casas?",
    ],
)
def test_worry_as_reason_for_a_question_is_no_complaint(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the worried sentence names us
        "O atendimento de vocês é péssimo, isso me preocupa. Vão me responder?",
        "Vocês são horríveis e péssimos, isso me preocupa muito, vocês nunca respondem?",
        # no question: the worry does not excuse the rest
        "Atendimento horrível, péssimo, ridículo. Me preocupa.",
        # the complaint about us is in another sentence than the worry
        "Tenho medo de atrasar a obra. Vocês são péssimos e ridículos, ninguém responde?",
    ],
)
def test_complaints_about_us_still_go_to_a_person(text: str) -> None:
    assert handoff_reason(text) == "hostile"
