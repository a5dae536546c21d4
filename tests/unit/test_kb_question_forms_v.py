"""Run-on questions (first-sight set kb_questions_2026-12-07v, issue 24): a message typed in
a hurry or dictated by voice has no punctuation, and its question comes after the lead's
story. `ptbr.clauses` recovers the clause boundaries, so that the story is told and only
the last clause asks; tried on new sentences, with the forms that must stay one clause."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import synonyms
from homer_agent.ptbr.clauses import clauses, punctuated
from homer_agent.ptbr.questions import alternatives, asking_clauses, normalise, read_question


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "boa tarde minha esposa trabalha no aeroporto e pega cedo toda semana tipo as seis"
            " quanto tempo leva de carro ate o aeroporto",
            "quanto tempo leva de carro ate o aeroporto",
        ),
        (
            "oi meu pai tem setenta e cinco anos e toma remedio de pressao entao qual a"
            " distancia ate o hospital",
            "qual a distancia ate o hospital",
        ),
        (
            "a gente tem dois filhos pequenos que vao entrar na escola no ano que vem tem"
            " escola bilingue perto",
            "tem escola bilingue perto",
        ),
        (
            "bom dia eu vendi meu carro mes passado entao agora ando so de onibus ate que"
            " horas passa onibus na portaria",
            "ate que horas passa onibus na portaria",
        ),
        (
            "eu trabalho de casa o dia inteiro com reuniao por video tipo umas seis por dia"
            " tem algum espaco de coworking la dentro",
            "tem algum espaco de coworking la dentro",
        ),
    ],
)
def test_the_question_after_a_story_is_asked_alone(message: str, asked: str) -> None:
    assert asking_clauses(message) == [asked]


@pytest.mark.parametrize(
    "text",
    [
        # "tem" after its subject is had, not asked.
        "minha avo mora com a gente e ela tem noventa anos e anda de bengala pela casa toda",
        # "quanto" after its verb, "de quanto em quanto", "qual tipo": one clause.
        "eu queria saber se o onibus que para na frente da portaria passa de quanto em quanto",
        "voces dao quanto de desconto se eu pagar tudo de uma vez no dia da assinatura",
        "qual tipo de piso vem na sala e nos quartos das casas de dois e de tres quartos",
        # A thing pointed at after its verb, a vehicle after its subject.
        "eu ja fui la tres vezes e quero ver essa casa decorada de novo com a minha familia",
        "meu marido trabalha longe e ele passa o dia fora de casa quase a semana inteira",
        # The lead's own place: "aqui onde eu moro".
        "minha mae mora aqui onde eu moro hoje e quer ir junto com a gente pra casa nova",
    ],
)
def test_a_clause_is_not_cut_inside(text: str) -> None:
    assert [c.text for c in clauses(text)] == [text]


@pytest.mark.parametrize(
    "text",
    [
        # A text that marks its questions, or too short to run on, is read as written.
        "meu filho nada todo dia. a casa de 3 quartos tem como ter piscina?",
        "o corretor falou um valor de condominio mas esse valor ja e fechado ou pode mudar?",
        "no sobrado de 4 quartos quantos sao suite",
    ],
)
def test_punctuated_or_short_text_is_left_as_written(text: str) -> None:
    assert punctuated(text) == text


def test_statements_end_with_a_full_stop_and_questions_with_a_question_mark() -> None:
    text = (
        "meus pais vem passar as ferias com a gente todo ano entao qual o tamanho do"
        " terreno da casa de tres quartos"
    )
    assert punctuated(text) == (
        "meus pais vem passar as ferias com a gente todo ano. entao qual o tamanho do"
        " terreno da casa de tres quartos"
    )
    request = "gostaria de saber se o sobrado tem elevador pergunto pq e importante pra gente"
    assert punctuated(request).startswith("gostaria de saber se o sobrado tem elevador?")


def test_a_price_after_a_story_stays_a_price() -> None:
    message = "eu recebo uns oito mil por mes entao quanto ta custando o sobrado de quatro quartos"
    assert read_question(message).price
    assert asking_clauses(message) == ["quanto esta custando o sobrado de 4 quartos"]


def test_everyday_words_for_documented_things() -> None:
    # The sun's energy is the documents' solar panels; paying the balance off early is
    # amortising it; a crowd is people.
    assert "placas solares" in normalise("da pra por placa de energia do sol?")
    assert "amortizar" in synonyms("abater")
    assert "pessoas" in synonyms("povo")
    # Rooms counted in words, as the documents count them.
    assert "casa de 3 quartos" in normalise("quantas suites tem a casa de tres quartos")
    assert "2 suites" in normalise("a de quatro quartos tem duas suites?")


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "meu filho estuda no centro de caucaia e volta de tarde passa onibus perto da escola",
            "passa onibus perto da escola",
        ),
        (
            "meu gato e bem calmo e fica o dia todo em casa sozinho posso ter ele la no condominio",
            "posso ter ele la no condominio",
        ),
        (
            "a parcela do meu carro subiu todo mes essas parcelas com a construtora tem reajuste",
            "essas parcelas com a construtora tem reajuste",
        ),
    ],
)
def test_a_vehicle_a_permission_or_a_thing_pointed_at_opens_a_clause(
    text: str, second: str
) -> None:
    assert [c.text for c in clauses(text)][-1] == second


def test_a_statement_put_for_confirmation_asks() -> None:
    message = (
        "se eu comprar agora ja vou ter que pagar o condominio durante a obra toda porque ai"
        " fica pesado ne"
    )
    assert asking_clauses(message) == [normalise(message)]
    # Without a tag, a modal or enough words it tells.
    assert (
        asking_clauses("eu tenho dois filhos pequenos e um cachorro e a gente mora de aluguel ne")
        == []
    )
    assert asking_clauses("vou ter que pagar tudo ne") == []


@pytest.mark.parametrize(
    "message",
    [
        # "tem uns dez anos" is how long ago; a story with no question asks nothing.
        "eu trabalho no centro de fortaleza tem uns dez anos e agora quero sair do aluguel",
        "a gente mora de aluguel tem um tempao e cansou de pagar aluguel pros outros",
        "meu nome e joao e eu moro em fortaleza com minha esposa tipo a gente quer tres quartos",
        "minha esposa passa o dia em casa com as criancas e eu trabalho fora tipo das oito as seis",
        # "ele pode" is told: its subject is said.
        "meu filho mais velho ja dirige e ele pode levar a gente de carro pra visitar o stand",
    ],
)
def test_a_story_without_a_question_asks_nothing(message: str) -> None:
    assert asking_clauses(message) == []


def test_roughly_is_no_second_thing_asked() -> None:
    assert alternatives("quanto fica o iptu mais ou menos por ano?") is None


def test_a_time_told_by_what_will_happen_asks_nothing() -> None:
    message = (
        "o plano e comprar a terrea de tres quartos agora e quando as criancas crescerem"
        " construir mais um andar tem algum limite de altura"
    )
    assert asking_clauses(message) == ["tem algum limite de altura"]
    # A "quando" that asks still does, full stop or not.
    assert asking_clauses("quando fica pronta a casa de tres quartos.") != []
