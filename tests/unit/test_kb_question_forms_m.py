"""Question forms found by the first-sight sets kb_questions_2026-12-07l and 07m (issue
24), each tried on new sentences.

Everyday words name documented things (nature and trees are the green area, a route to
walk is the walking track, wires of light are the electrical wiring, under the ground is
underground, any time is 24 hours, a place to buy things is a shop); words that only say
how furniture comes ("montado") or who the lead lives with ("meu pai") name nothing
asked; the clause that asks decides whether it is a price (an instalment told in a
statement before it makes none); a call told of ("o corretor vai me ligar") asks for no
booking."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import build_query, synonyms
from homer_agent.kb.query import words as query_words
from homer_agent.ptbr.intents import announces_call
from homer_agent.ptbr.questions import asking_clauses, normalise, read_question


@pytest.mark.parametrize(
    ("question", "concept"),
    [
        ("o condominio tem bastante arvore?", "verde"),
        ("tem muito mato preservado la?", "verde"),
        ("quero viver no meio da natureza, tem bosque?", "verde"),
        ("qual o tamanho do percurso pra correr?", "pista"),
        ("a trilha tem quantos km?", "pista"),
        ("a fiacao da rua e aerea?", "subterranea"),
        ("os fios vao enterrados?", "subterranea"),
        ("os cabos de energia ficam no poste?", "eletrica"),
    ],
)
def test_everyday_words_reach_the_documents_words(question: str, concept: str) -> None:
    terms = build_query(" ".join(read_question(question).topic)).terms
    assert any(concept in synonyms(term.strip("()").split(" | ")[0]) for term in terms), terms


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("os fios de luz sao de poste?", "fiacao eletrica"),
        ("a rede de energia passa por baixo da terra?", "subterranea"),
        ("a fiacao vai embaixo da terra?", "subterranea"),
        ("a portaria funciona a qualquer hora?", "24 horas"),
        ("da pra entrar qualquer horario?", "24 horas"),
        ("tem algum lugar pra comprar coisas basicas?", "tem mercado"),
        ("existe um canto pra fazer compras aqui dentro?", "existe mercado"),
        ("ha alguma lojinha pra comprar?", "ha mercado"),
    ],
)
def test_phrases_leads_use_are_read_as_the_documents_say(question: str, said: str) -> None:
    assert said in normalise(question), normalise(question)


def test_what_is_bought_stays_asked() -> None:
    """A shop asked after by what it sells: the thing sold is what a document must name
    ("remédio" is no mini market's)."""
    topic = read_question("tem algum lugar pra comprar remedio?").topic
    assert "remedio" in topic and "mercado" in topic
    assert "remedio" not in read_question("tem algum lugar pra comprar remedio?").context


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        ("o armario da cozinha ja vem montado?", "montado"),
        ("os gabinetes vem montados no banheiro?", "montados"),
        ("meu pai gosta de pescar, tem lago?", "pai"),
        ("minha sogra vai morar com a gente, tem casa terrea?", "sogra"),
        ("o corretor vai me ligar amanha, tem piscina?", "amanha"),
        ("tem mta area verde de verdade?", "verdade"),
        ("essas casas tem quintal?", "essas"),
    ],
)
def test_words_that_name_nothing_asked_leave_the_topic(question: str, gone: str) -> None:
    asked = read_question(question)
    assert gone not in query_words(" ".join(asked.topic)), asked.topic


def test_a_time_of_the_lead_s_life_names_nothing() -> None:
    topic = read_question("mudei de cidade ano passado, tem escola perto?").topic
    assert "passado" not in topic
    topic = read_question("caso no mes que vem, a casa fica pronta quando?").topic
    assert "vem" not in topic and "pronta" in topic


@pytest.mark.parametrize(
    "question",
    [
        "o salao aguenta quantas pessoas?",
        "a churrasqueira suporta quantos convidados?",
    ],
)
def test_holding_people_asks_a_capacity(question: str) -> None:
    asked = read_question(question)
    assert asked.measure == "capacity"
    assert not {"aguenta", "suporta"} & set(asked.topic)


@pytest.mark.parametrize(
    "message",
    [
        "ja pago a prestacao do carro. e o condominio, qnto fica por mes?",
        "alem das parcelas da obra tenho que pensar no condominio. quanto sai mensalmente?",
        "tenho a prestacao do financiamento, a taxa de condominio fica em quanto?",
    ],
)
def test_an_instalment_told_before_the_question_makes_no_price(message: str) -> None:
    asked = read_question(" ".join(asking_clauses(message)))
    assert not asked.price, asked
    assert asked.fee, asked


@pytest.mark.parametrize(
    "message",
    [
        "o condominio e bom. qnto fica a parcela da casa de 3 quartos?",
        "a prestacao do sobrado sai por quanto?",
    ],
)
def test_the_asked_instalment_stays_a_price(message: str) -> None:
    assert read_question(" ".join(asking_clauses(message))).price


def test_quanto_fica_carries_the_thing_named_before_it() -> None:
    """ "quanto fica por mês?" names nothing: it asks about the statement before it; "onde
    fica?" names the location, and asks on its own."""
    (clause,) = asking_clauses("pensei no condominio. qnto fica por mes?")
    assert "condominio" in clause
    (clause,) = asking_clauses("tenho dois filhos. onde fica o condominio?")
    assert "filhos" not in clause


@pytest.mark.parametrize(
    ("question", "fee"),
    [
        ("os fios de luz sao enterrados?", False),
        ("as casas tem agua de poco?", False),
        ("quanto fica a conta de luz?", True),
        ("quanto vou pagar de agua?", True),
    ],
)
def test_utilities_are_a_fee_only_when_paid(question: str, fee: bool) -> None:
    assert read_question(question).fee is fee


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("a gente ta saindo do aluguel e quase nao tem movel, a cozinha vem com armario?", 1),
        ("aqui onde eu moro falta mercado. tem mercadinho ai?", 1),
        ("la onde trabalho tem academia, e ai tem?", 1),
    ],
)
def test_the_lead_s_own_statements_do_not_ask(message: str, asks: int) -> None:
    assert len(asking_clauses(message)) == asks, asking_clauses(message)


@pytest.mark.parametrize(
    "question",
    [
        "tem lugar pra ele caminhar de manha?",
        "tem espaco pra ela pedalar?",
    ],
)
def test_a_place_for_an_activity_asks_the_activity_s_place(question: str) -> None:
    asked = read_question(question)
    assert not {"caminhar", "pedalar"} & set(asked.context), asked


@pytest.mark.parametrize(
    "message",
    [
        "o corretor vai me ligar amanha a tarde",
        "a corretora ficou de me ligar sexta",
        "ele vai me ligar hoje, tem piscina?",
        "o pessoal de voces vai me retornar amanha",
    ],
)
def test_a_call_told_of_is_announced(message: str) -> None:
    assert announces_call(message)


@pytest.mark.parametrize(
    "message",
    [
        "pode me ligar amanha as 10h",
        "me liga sexta de manha",
        "quero que voces me liguem amanha",
        "liga pra mim depois das 18h",
    ],
)
def test_a_call_asked_for_is_not_announced(message: str) -> None:
    assert not announces_call(message)


def test_what_to_set_aside_asks_the_documents() -> None:
    assert "documentos" in normalise("o q eu preciso deixar separado pra ligacao?")
    assert "documentos" in normalise("o que a gente tem que juntar de papelada?")
    assert "documentos" not in normalise("qnts comprovantes eu deixo separado?")


def test_a_length_asked_as_extensao_is_a_size() -> None:
    asked = read_question("qual a extensao da trilha?")
    assert asked.measure == "size"
    assert "extensao" not in asked.topic


def test_the_call_s_words_name_nothing_asked() -> None:
    """ "o corretor ficou de me retornar amanhã, a casa Duna tem suíte?": the call told of
    leaves nothing to search for; the suite is asked."""
    query = build_query(" ".join(asking_clauses("o corretor ficou de me retornar amanha")))
    assert not query
    assert not build_query("e o retorno?")
