"""Dictated questions (issue 24, the question generator's dictated form): the question at
the end of an unpunctuated story of the lead's life, after a filler ("sabe", "aí", "e
assim", "é que", "mas enfim", "e"). The filler ends the story's clause, and the yes/no
question after it ("tem X", "X é 24h", "vem com X", "dá pra X") is asked alone; a story
with a filler and no question asks nothing. Sentences of their own, none of the
generator's stories."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from homer_agent.ptbr.clauses import clauses
from homer_agent.ptbr.facts import extract_facts
from homer_agent.ptbr.questions import asking_clauses, marked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "boa noite meu esposo trabalha no porto do pecem e sai de madrugada sabe tem"
            " padaria perto",
            "tem padaria perto",
        ),
        (
            "oi eu sou cabeleireira e atendo em casa ai tem espaco pra montar um salaozinho"
            " na casa",
            "tem espaco para montar um salaozinho na casa",
        ),
        (
            "a gente tem um cachorro grande e dois gatos e assim pode ter bicho no condominio",
            "pode ter bicho no condominio",
        ),
        (
            "ola eu trabalho de vigilante a noite mas enfim a guarita fica aberta de madrugada",
            "a guarita fica aberta de madrugada",
        ),
        (
            "meu pai usa cadeira de rodas e mora com a gente é que a casa térrea tem rampa na"
            " entrada",
            "a casa terrea tem rampa na entrada",
        ),
        (
            "minha esposa ta gravida do segundo e eu trabalho no centro e tem creche perto",
            "tem creche perto",
        ),
        (
            "bom dia eu faço faculdade a noite em fortaleza e assim quanto tempo leva de onibus"
            " ate o centro",
            "quanto tempo leva de onibus ate o centro",
        ),
        (
            "oi a gente mora com meus sogros faz uns dois anos sabe quantos quartos tem a casa"
            " duna",
            "quantos quartos tem a casa duna",
        ),
        (
            "eu sou professora e corrijo prova em casa e a casa de tres quartos tem escritorio",
            "a casa de 3 quartos tem escritorio",
        ),
        (
            "meu sogro é pescador e acorda cedo tipo a lancha passa ate que horas na praia",
            "a lancha passa ate que horas na praia",
        ),
        (
            "eu cuido da minha neta durante a semana então a casa brisa pode ter piscina",
            "a casa brisa pode ter piscina",
        ),
        (
            "eu moro de favor na casa da minha tia e eu trabalho no shopping e quanto é a"
            " taxa de condominio",
            "quanto e a taxa de condominio",
        ),
        (
            "meu irmao é pedreiro e vai me ajudar na mudanca mas enfim quanto fica o condominio",
            "quanto fica o condominio",
        ),
    ],
)
def test_the_question_after_a_filler_is_asked_alone(message: str, asked: str) -> None:
    assert asking_clauses(message) == [asked]


@pytest.mark.parametrize(
    "story",
    [
        "minha mae mora sozinha e tem um cachorro pequeno que late muito de noite",
        "eu trabalho de casa e meu marido sai cedo sabe a gente acorda muito cedo todo dia",
        "a gente comprou um carro novo ai perto do trabalho dele e ficou muito feliz com isso",
        "eu sou enfermeira e assim trabalho de plantao tres vezes por semana no hospital",
        "meu filho joga bola todo dia e assim ele quer muito uma quadra perto de casa",
        "oi eu moro ai perto e passo na frente do stand todo dia indo pro trabalho",
        "eu tenho dois filhos e o mais velho tem asma desde pequeno entao a gente cuida muito",
    ],
)
def test_a_story_with_fillers_and_no_question_asks_nothing(story: str) -> None:
    assert asking_clauses(story) == []


@pytest.mark.parametrize(
    "text",
    [
        # "aí" that places a thing, "você sabe", "tem" of the story's own subject.
        "meu cunhado comprou um terreno ai perto da rodovia e construiu uma casa bem grande",
        "minha sogra sabe fazer doce e vende pras vizinhas do predio toda semana de manha",
        "minha vizinha mora com a filha e tem uma loja de roupa no centro faz muitos anos",
    ],
)
def test_a_clause_is_not_cut_at_a_filler_word_that_is_no_filler(text: str) -> None:
    assert [c.text for c in clauses(text)] == [text]


_TZ = ZoneInfo("America/Fortaleza")
_NOW = datetime(2026, 12, 7, 10, tzinfo=_TZ)


@pytest.mark.parametrize(
    "message",
    [
        "eu sou professora e corrijo prova em casa ai a casa de quatro quartos tem escritorio",
        "meu marido trabalha embarcado e fica fora um mes é que da pra ter piscina na casa de"
        " tres quartos",
        "eu sou dentista e atendo em dois consultorios e a casa de quatro quartos tem escritorio",
        "a gente mora num apartamento pequeno no centro tipo quantos metros tem a casa de tres"
        " quartos",
    ],
)
def test_a_house_type_named_in_a_dictated_question_is_no_wish(message: str) -> None:
    assert "bedrooms" not in extract_facts(marked(message), pending="name", now=_NOW, tz=_TZ)


@pytest.mark.parametrize(
    ("message", "fact", "value"),
    [
        # The lead's wish before a question that names no house type.
        (
            "eu quero uma casa de quatro quartos porque a familia é grande sabe tem piscina",
            "bedrooms",
            4,
        ),
        # "dá pra ir até ..." is the lead's budget as often as a question: left as written.
        (
            "conversei aqui com a minha esposa e dá pra ir até 480 mil se precisar",
            "budget_brl",
            480000,
        ),
    ],
)
def test_what_the_lead_tells_in_a_run_on_message_is_kept(
    message: str, fact: str, value: int
) -> None:
    assert marked(message) == message
    found = extract_facts(marked(message), pending="name", now=_NOW, tz=_TZ)
    assert found.get(fact) == value


def test_text_with_its_own_question_mark_or_one_clause_is_left_as_written() -> None:
    assert marked("a casa de 3 quartos tem escritorio? eu trabalho em casa") == (
        "a casa de 3 quartos tem escritorio? eu trabalho em casa"
    )
    assert marked("quero uma casa de 3 quartos") == "quero uma casa de 3 quartos"
