"""A dictated first message with no "?" whose question comes at the end, after a story
joined by "e" (issue 24, generated seed 16): a permission ("e é permitido X"), a distance
from a named place ("e é muito longe da praia"), what a buyer checks of the land ("e o
loteamento é murado"), "é que é aprovado/financiado", and "queria sber" typed with a slip.
Each is asked alone; a story that only tells (the lead's own lot, a distance with no
place, a judgement such as "caro") asks nothing. Sentences of their own."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.clauses import clauses
from homer_agent.ptbr.questions import asking_clauses


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # a permission ending the message, whoever the story was about
        (
            "meu sogro mora com a gente e trabalha no centro e é permitido cachorro grande",
            "permitido cachorro grande",
        ),
        (
            "minha filha faz faculdade de manha e trabalha a tarde e é permitido ter horta",
            "permitido ter horta",
        ),
        (
            "eu vendo bolo por encomenda e faço entrega de moto e é permitido moto na garagem",
            "permitido moto na garagem",
        ),
        # a distance from a named place
        (
            "eu trabalho de motorista e moro no centro faz tempo e é muito longe da praia",
            "muito longe da praia",
        ),
        (
            "minha irma mora em caucaia e vem sempre me visitar e é perto do shopping",
            "perto do shopping",
        ),
        # what a buyer checks of the land, not named before in the story
        (
            "eu me aposentei em maio e quero plantar umas arvores e o lote é plano",
            "o lote e plano",
        ),
        (
            "a gente tem dois filhos pequenos e um cachorro e o condominio é murado",
            "o condominio e murado",
        ),
        (
            "eu sou professor e dou aula de manha e de tarde e o loteamento é todo asfaltado",
            "o loteamento e todo asfaltado",
        ),
    ],
)
def test_the_question_ending_a_story_after_e_is_asked_alone(message: str, asked: str) -> None:
    assert [c.asks for c in clauses(message)] == [False, True]
    assert asking_clauses(message) == [asked]


@pytest.mark.parametrize(
    "story",
    [
        # the lead's own lot, named before; someone else's story
        "minha mae comprou um lote em aquiraz e o lote é plano e bem grande",
        "eu comprei um terreno la no eusebio faz dois anos e o terreno é plano",
        # a judgement, not what one checks
        "meu pai mora sozinho e o condominio é murado",
        "eu moro de aluguel com meu marido e o condominio é caro",
        # a distance with no place named
        "meu filho estuda na federal e pega dois onibus e é muito longe",
        # a distance after a place the lead points at: why there, told
        "to pensando no eusebio porque meu pai mora la e é perto do shopping",
        "minha sogra trabalha ali no centro e é muito longe da praia",
        # a plain story
        "meu filho passou no vestibular e vai estudar a noite na federal",
        "meu cunhado comprou casa ai perto e gostou muito da vizinhanca",
    ],
)
def test_a_story_joined_by_e_with_no_question_asks_nothing(story: str) -> None:
    assert asking_clauses(story) == []


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("queria sber voces tem piscina aquecida", "voces tem piscina aquecida"),
        ("oi queria sber se tem academia no condominio", "tem academia no condominio"),
        ("boa tarde eu queria sabr se aceita fgts", "aceita fgts"),
    ],
)
def test_saber_typed_with_a_slip_is_still_a_request(message: str, asked: str) -> None:
    assert asking_clauses(message) == [asked]


@pytest.mark.parametrize(
    "message",
    [
        "eu vendo roupa pela internet e trabalho de casa é que é aprovado pra financiar",
        "a gente mora de aluguel faz uns anos com as criancas é que é aprovado pela caixa",
        "meu marido trabalha no porto e sai cedo todo dia é que é liberado pra financiamento",
    ],
)
def test_e_que_before_an_approval_opens_the_question(message: str) -> None:
    found = clauses(message)
    assert len(found) == 2 and found[1].text.startswith("é que é")
    assert len(asking_clauses(message)) == 1


@pytest.mark.parametrize(
    "story",
    [
        "eu fui aprovado pra financiar pela caixa ano passado mas desisti",
        "meu marido trabalha no porto e o credito dele foi aprovado pela caixa",
        "a gente juntou dinheiro e o financiamento ja foi liberado pelo banco",
    ],
)
def test_the_lead_s_own_approval_asks_nothing(story: str) -> None:
    assert asking_clauses(story) == []
