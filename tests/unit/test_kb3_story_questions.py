"""A dictated first message with no "?" whose question ends a story (issue 24: generated
seeds 3, 5, 6 and 7 gave it the bare greeting): which papers or kind ("e que documentos",
"é que que papelada", "e assim que tipo de piso"), what a thing comes with ("e a cozinha
vem com"), a distance from a named place after someone else's story ("e fica longe do
centro"), a ride there ("e tem van pra lá"), a thing of the home with where it is ("e tem
varanda nas casas"), whether any room of a house type is or has ("na casa de dois quartos
algum quarto é suíte") and the builder's record ("e a construtora já entregou"). Each is
asked alone; a story that only tells asks nothing. Sentences of their own."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.clauses import clauses
from homer_agent.ptbr.questions import asking_clauses

ASKED = [
    # which papers or which kind of thing, after "e", "é que (que)" or "e assim"
    (
        "minha esposa trabalha no banco faz dez anos e que documentos a gente leva na ligação",
        "que documentos a gente leva na ligacao",
    ),
    (
        "eu sou caminhoneiro e fico muito tempo fora é que que papelada vocês pedem",
        "que papelada voces pedem",
    ),
    (
        "a gente mora com a minha sogra faz tempo e assim que tipo de piso vem na sala",
        "que tipo de piso vem na sala",
    ),
    (
        "meu filho mais novo tem asma e alergia e que material é usado no telhado",
        "que material e usado no telhado",
    ),
    # what a thing of the house comes with, whoever the story was about
    (
        "meu marido vai se aposentar no fim do ano e os banheiros vem com box",
        "os banheiros vem com box",
    ),
    (
        "minha filha vai ter neném em outubro e a varanda já vem com rede de proteção",
        "a varanda ja vem com rede de protecao",
    ),
    (
        "o meu cunhado quer morar perto da gente e a lavanderia vem sem tanque",
        "a lavanderia vem sem tanque",
    ),
    # a distance from a named place after someone else's story
    (
        "meu pai tem oitenta anos e mora sozinho e fica perto do hospital",
        "fica perto do hospital",
    ),
    (
        "minha sogra vai morar com a gente e gosta de missa e fica longe da igreja matriz",
        "fica longe da igreja matriz",
    ),
    (
        "o meu filho vai estudar de noite e não dirige e fica muito longe da faculdade",
        "fica muito longe da faculdade",
    ),
    # a ride to the development
    (
        "minha filha estuda de manhã e não tem carteira e tem ônibus até aí",
        "tem onibus ate ai",
    ),
    (
        "meu sogro vai visitar a gente todo domingo e tem ônibus pra lá",
        "tem onibus para la",
    ),
    (
        "a minha esposa trabalha de noite e não dirige e tem transporte pra lá",
        "tem transporte para la",
    ),
    # a thing of the home asked for, with where it is, after the lead's own story
    (
        "a gente trabalha em casa faz uns anos e tem tomada nas salas",
        "tem tomada nas salas",
    ),
    (
        "eu moro de aluguel faz tempo e cozinho muito e tem exaustor na cozinha",
        "tem exaustor na cozinha",
    ),
    (
        "a gente mora de favor faz dois anos e tem varanda nas casas",
        "tem varanda nas casas",
    ),
    # whether any room of a house type is or has, after any story
    (
        "meu irmão vai morar comigo por um tempo e na casa duna algum quarto tem varanda",
        "na casa duna algum quarto tem varanda",
    ),
    (
        "minha mãe tem setenta anos e anda de bengala e na casa de três quartos algum"
        " banheiro é adaptado",
        "na casa de 3 quartos algum banheiro e adaptado",
    ),
    # the builder's record, after the lead's own story
    (
        "eu vendo comida congelada e faço entrega de moto e a construtora já entregou"
        " algum condomínio",
        "a construtora ja entregou algum condominio",
    ),
    (
        "a gente quer sair do aluguel logo e a incorporadora tem outros empreendimentos",
        "a incorporadora tem outros empreendimentos",
    ),
]


@pytest.mark.parametrize(("message", "asked"), ASKED)
def test_the_question_ending_a_story_is_asked_alone(message: str, asked: str) -> None:
    assert len(clauses(message)) >= 2
    assert asking_clauses(message) == [asked]


@pytest.mark.parametrize(
    "message",
    [
        "alguma casa tem quintal grande",
        "na casa brisa algum quarto é suíte",
        "que tipo de piso vem na cozinha",
    ],
)
def test_questions_without_their_mark_ask(message: str) -> None:
    assert len(asking_clauses(message)) == 1


@pytest.mark.parametrize(
    "message",
    [
        # "assim que" telling when, "que" joining a clause
        "eu trabalho no centro o dia todo e assim que eu receber o fundo eu compro",
        "eu trabalho no centro e ela disse que documentos não precisa agora",
        # the story's own thing comes with something
        "minha irmã comprou um fogão novo e o fogão vem com tampa de vidro",
        "minha irma vem no sabado e o marido dela vem com ela",
        # a place the story's person lives or works in, and where it lies
        "minha tia mora no Aquiraz e fica perto da praia",
        "meu marido trabalha no porto e fica longe do aeroporto",
        # a ride to a place the story named; a car is no ride asked for
        "minha irmã mora em Maracanaú faz anos e tem van pra lá",
        "minha irmã mora em Caucaia faz anos e tem carro pra lá",
        # someone else's home, and the lead's own
        "minha mãe mora sozinha faz tempo e tem cachorro na cozinha",
        "a gente mora de aluguel faz uns seis anos e tem dois gatos em casa",
        "minha irmã mora em Caucaia faz anos e na casa dela algum quarto é suíte",
        # another builder, told
        "meu irmão trabalhou de pedreiro muitos anos e a construtora faliu",
        # small talk after a greeting
        "olá boa tarde tudo bem por aí eu sou a Marta e moro em Fortaleza",
        "algum dia eu compro uma casa na praia",
    ],
)
def test_a_story_that_only_tells_asks_nothing(message: str) -> None:
    assert asking_clauses(message) == []


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # the reason for the question before it is not asked
        (
            "tem creche perto dai? pq eu trabalho o dia todo",
            ["tem creche perto dai?"],
        ),
        (
            "a piscina é aquecida? porque minha mae so entra em agua morna",
            ["a piscina e aquecida?"],
        ),
        (
            "tem academia no clube? pois eu treino todo dia cedo",
            ["tem academia no clube?"],
        ),
        # a reason holding a request, or put with its own "?", asks
        (
            "a cozinha vem com armario? pq queria saber se compro os moveis",
            ["a cozinha vem com armario?", "compro os moveis"],
        ),
        (
            "tem piscina? porque nao tem quadra de tenis?",
            ["tem piscina?", "porque nao tem quadra de tenis?"],
        ),
    ],
)
def test_a_reason_after_a_question_is_not_asked(message: str, asked: list[str]) -> None:
    assert asking_clauses(message) == asked
