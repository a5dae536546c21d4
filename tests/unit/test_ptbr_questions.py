"""ptbr/questions.py: what a question asks, before anyone answers it."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import synonyms
from homer_agent.ptbr.questions import asking_clauses, correct, normalise, read_question


@pytest.mark.parametrize(
    "question",
    [
        "Quanto custa a casa de 3 quartos?",
        "qnto ta a casa duna? tem desconto a vista?",
        "se eu fechar esse mes vcs fazem um precinho melhor?",
        "aceitam proposta de 500 mil na casa mare?",
        "aceita meu carro de entrada?",
        "qual o valor do lote?",
        "a Brisa sai por quanto?",
    ],
)
def test_prices_discounts_and_offers_are_the_brokers(question: str) -> None:
    assert read_question(question).price


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("qnto mede a pista de caminhada?", "size"),
        ("o salao de festa cabe qnts pessoas", "capacity"),
        ("qnta distancia ate o centro de fortaleza?", "distance"),
        ("qnto tempo leva ate o aeroporto", "time"),
        ("o stand abre sabado ate que horas?", "hours"),
        ("qnto vou pagar de condominio por mes?", "money"),
        ("Quantas casas vão ter no condomínio?", "count"),
        ("desde quando a construtora atua?", "date"),
    ],
)
def test_how_much_of_a_stated_thing_is_no_price(question: str, measure: str) -> None:
    asked = read_question(question)
    assert not asked.price
    assert asked.measure == measure


def test_a_fee_asked_with_paying_words_is_the_fee() -> None:
    asked = read_question("qual o valor do condomínio?")
    assert not asked.price and asked.fee and "taxa" in asked.topic
    assert read_question("quanto custa o condominio?").price is False


@pytest.mark.parametrize(
    ("message", "clauses"),
    [
        ("Meu nome é Rita, queria saber se tem van pra escola", ["tem van para escola"]),
        (
            "oi, da pra fazer um segundo andar na casa depois?",
            ["da para fazer um segundo andar na casa depois?"],
        ),
        (
            "E o condomínio, sai por quanto mais ou menos?",
            ["o condominio, sai por quanto mais ou menos?"],
        ),
        ("minha esposa pediu pra perguntar: tem energia solar?", ["tem placas solares?"]),
        ("o salao de festa cabe qnts pessoas", ["o salao de festas cabe quantos pessoas"]),
        ("Oi, tudo bem?", []),
        ("Meu nome é Rita", []),
        ("tenho 2 filhos pequenos.", []),
    ],
)
def test_the_parts_of_a_message_that_ask(message: str, clauses: list[str]) -> None:
    assert asking_clauses(message) == clauses


def test_shorthand_and_slips_in_asking_words() -> None:
    assert normalise("Qnto eh o cond?") == "quanto e o condominio?"
    assert normalise("Quantoos km") == "quantos km"
    assert normalise("quants metros") == "quantos metros"
    assert normalise("pode ser semana que vem") == "pode ser semana que vem"
    assert asking_clauses("pode ser semana que vem") == []
    assert normalise("quero 2 quartos") == "quero 2 quartos"
    assert asking_clauses("quano tempo ate a praia")  # quanto or quando: it asks either way


def test_misspellings_are_put_right_only_when_one_word_is_near() -> None:
    vocabulary = {"tamanho", "clube", "casa", "casas", "particulares", "cabe", "coworking"}
    assert correct("tamaho", vocabulary) == "tamanho"
    assert correct("clbe", vocabulary) == "clube"
    assert correct("caas", vocabulary) == "casa"
    assert correct("coworkiing", vocabulary) == "coworking"
    assert correct("particular", vocabulary) == "particular"
    assert correct("heliponto", vocabulary) == "heliponto"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("qnd fica pronta a primeira etapa?", "etapa"),
        ("Qnd entrega a segunda etapa?", "segunda"),
        ("qdn termina a obra", "obra"),
        ("qndo começa a obra?", "obra"),
        ("qd a casa decorada abre pra visita?", "decorada"),
    ],
)
def test_when_in_shorthand_asks_a_date(question: str, topic: str) -> None:
    asked = read_question(question)
    assert asked.measure in ("date", "hours")
    assert topic in asked.topic
    assert not {"qnd", "qdn", "qndo", "qd"} & set(asked.topic)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("queria saber qnto tempo leva dai ate o aeroporto", "aeroporto"),
        ("quanto tempo de carro daqui ate a praia?", "praia"),
        ("demora quantos minutos dali pro centro?", "centro"),
        ("qto tempo leva daí pro hospital", "hospital"),
        ("em quantos minutos chego no shopping?", "shopping"),
    ],
)
def test_time_to_a_place_asks_the_time_from_the_development(question: str, place: str) -> None:
    asked = read_question(question)
    assert asked.measure == "time"
    assert place in asked.topic
    # "from there" names the development, which no document calls so.
    assert not {"dai", "daqui", "dali"} & set(asked.topic)


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("a cozinha ja vem com armario planejado?", "armario"),
        ("os moveis planejados vem inclusos?", "moveis"),
        ("tem armário embutido nos quartos?", "armario"),
        ("a cozinha vem com armarios sob medida?", "armarios"),
        ("a cozinha é planejada?", "cozinha"),
    ],
)
def test_furniture_made_to_measure_is_the_furniture(question: str, thing: str) -> None:
    topic = read_question(question).topic
    assert thing in topic
    assert not {"planejado", "planejados", "planejada", "embutido", "sob", "medida"} & set(topic)


def test_furniture_words_search_each_other() -> None:
    assert "armario" in synonyms("moveis") and synonyms("armarios") == synonyms("moveis")
    assert "armario" in synonyms("marcenaria")


@pytest.mark.parametrize(
    "question",
    [
        "qnto ta custando o sobrado de 4 quartos?",
        "da pra dar meu apto como parte do pagamento?",
        "vcs aceitam apartamento em fortaleza na negociacao?",
    ],
)
def test_what_a_unit_costs_or_a_unit_given_in_payment_is_the_brokers(question: str) -> None:
    assert read_question(question).price


def test_bedrooms_in_shorthand_after_a_number_are_bedrooms() -> None:
    assert normalise("a de 4 qts tem escritorio?") == "a de 4 quartos tem escritorio?"
    assert read_question("casa de 2 qtos tem suite?").measure is None
    assert read_question("qtos quartos tem a duna?").measure == "count"


def test_laughter_ends_what_came_before_it() -> None:
    message = "minha esposa adora churrasco rsrs tem churrasqueira no clube?"
    assert asking_clauses(message) == ["tem churrasqueira no clube?"]
    assert asking_clauses("kkkkk o clube abre que horas") == ["o clube abre que horas"]


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("tem academia no clube pra eu treinar cedo?", ("eu", "treinar", "cedo")),
        ("preciso de van escolar porque trabalho longe", ("trabalho",)),
        # The lead's own condition ("se eu ...") is context as well.
        (
            "se eu quiser morar la pra sempre posso ter cachorro?",
            ("quiser", "morar", "la", "para", "sempre"),
        ),
        ("da pra visitar a casa decorada no sabado?", ()),
        ("tem como ir de onibus?", ()),
        # What the thing must serve is asked about: not context.
        ("tem quadra pra jogar squash?", ()),
        ("tem espaco pra guardar barco?", ()),
    ],
)
def test_a_purpose_or_a_reason_is_context(question: str, context: tuple[str, ...]) -> None:
    asked = read_question(question)
    assert asked.context == context
    assert set(asked.context) <= set(asked.topic)


@pytest.mark.parametrize(
    ("lead", "document"),
    [
        ("cartao", "acesso"),
        ("assalto", "portaria"),
        ("assinar", "assinatura"),
        ("limite", "maxima"),
        ("documentacao", "documento"),
    ],
)
def test_how_leads_name_it_finds_how_documents_say_it(lead: str, document: str) -> None:
    assert document in synonyms(lead)


def test_a_destination_after_a_verb_of_going_is_no_purpose() -> None:
    assert "escola" not in read_question("como eles iam pra escola morando ai?").context
    assert "escola" in read_question("tem van pra escola?").topic
