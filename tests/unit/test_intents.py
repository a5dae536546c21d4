"""What a message asks for: hand-offs (opt-out, a person, hostility), thanks, yes, questions."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.intents import (
    handoff_reason,
    is_greeting,
    is_question,
    is_thanks,
    is_yes,
)


@pytest.mark.parametrize(
    "text",
    [
        "pare de me mandar mensagem",
        "PARE DE ME MANDAR MENSAGEM!!!",
        "para de me ligar",
        "parem de insistir",
        "não quero mais",
        "Chega, não quero mais receber mensagens",
        "nao quero mais, obrigado",
        "não me mande mais mensagens",
        "não tenho interesse",
        "Não tenho mais interesse",
        "perdi o interesse",
        "me tira da lista",
        "remove meu número",
        "chega de mensagem",
        "me deixa em paz",
        "desisti",
        "stop",
    ],
)
def test_opt_out(text: str) -> None:
    assert handoff_reason(text) == "opt_out"


@pytest.mark.parametrize(
    "text",
    [
        "quero falar com um corretor",
        "Quero falar com um corretor",
        "queria falar com a corretora",
        "me passa pra um atendente",
        "me passa para um atendente por favor",
        "falar com uma pessoa de verdade",
        "posso falar com alguém?",
        "tem como falar com um humano?",
        "gostaria de falar com um consultor",
        "atendimento humano",
        "atendente",
        "não quero falar com robô",
    ],
)
def test_human_request(text: str) -> None:
    assert handoff_reason(text) == "human"


@pytest.mark.parametrize(
    "text",
    [
        "vocês são uns idiotas",
        "que lixo de atendimento",
        "vai se ferrar",
        "péssimo atendimento, vocês são uma vergonha",
        "Horrível, péssimo, ridículo",
        "vocês são uns picaretas",
        "seus pilantras",
        "construtora de caloteiros",
    ],
)
def test_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"


@pytest.mark.parametrize(
    "text",
    [
        # lookalikes of an opt-out
        "não quero mais de 3 quartos",
        "Não quero mais que 600 mil",
        "não quero mais do que isso de entrada",
        "não quero mais esse bairro, prefiro a Aldeota",
        "não tenho interesse em piscina",
        "não me interessa o andar",
        "pode ser para de manhã",
        "o portão para de funcionar sem energia?",
        "não me liga, pode ser por aqui",
        "desisti do bairro, quero outro",
        "quando chega a chave?",
        # lookalikes of a human request
        "quero falar com minha esposa antes",
        "já falei com o corretor",
        "não quero falar com corretor, só quero o preço",
        "o corretor vai me ligar?",
        # complaints that are not hostile
        "achei caro",
        "achei meio caro",
        "não gostei da localização",
        "que demora",
        # plain facts
        "Quero 3 quartos no Leblon",
        "Meu orçamento é 600 mil",
        "",
    ],
)
def test_not_a_handoff(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "pode me passar pro corretor?",
        "me passa pro corretor",
        "quero falar com uma pessoa",
        "tem alguém aí de verdade?",
        "Tem alguem ai de verdade???",
        "transfere pra um atendente",
        "me passa o contato do corretor",
        "pode chamar um corretor pra mim?",
    ],
)
def test_the_ways_people_ask_for_a_person(text: str) -> None:
    assert handoff_reason(text) == "human"


@pytest.mark.parametrize(
    "text",
    [
        "que merda de trânsito hoje, mas vamos lá: 3 quartos",
        "o banco é uma merda, mas tenho 500 mil",
        "porra, esqueci: meu nome é Carlos",
        "a vida tá uma merda",
        "esse trânsito está horrível, péssimo",
        "caramba, que calor hoje",
    ],
)
def test_swearing_about_something_else_is_not_hostility_towards_us(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "vocês são uma merda",
        "que merda de atendimento",
        "esse robô é um lixo",
        "vtnc",
        "que merda",
        "caralho, que demora",
    ],
)
def test_swearing_at_us_is_hostile(text: str) -> None:
    assert handoff_reason(text) == "hostile"


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("sim", True),
        ("Sim, isso mesmo!", True),
        ("é isso", True),
        ("exato", True),
        ("isso, pode anotar", True),
        ("não", False),
        ("sim, mas são 500 mil", False),
        ("na verdade 800 mil", False),
    ],
)
def test_is_yes(text: str, yes: bool) -> None:
    assert is_yes(text) is yes


def test_thanks_greetings_questions() -> None:
    assert is_thanks("Muito obrigada!") and is_thanks("valeu") and not is_thanks("ok")
    assert is_greeting("Bom dia, tudo bem?") and is_greeting("olá? ninguém?x") is not False
    assert is_question("Qual o preço") and is_question("tem piscina?")
    assert not is_question("Quero 3 quartos")
