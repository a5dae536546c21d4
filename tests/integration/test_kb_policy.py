"""The answering policy (`homer_agent.kb.search.lookup`) on questions of each kind, on the
real PostgreSQL with the example development's documents (tests/data/kb).

What a question asks is read first: a purpose or a reason no document names does not
send an answerable question to the broker; a message of several questions answers the
ones the documents answer and leaves the rest to a broker; the passage answering a size
is the one naming the thing measured or counted; a unit offered in payment is a negotiation.
"""

from __future__ import annotations

from homer_agent.db.pool import Pool
from homer_agent.kb import lookup
from homer_agent.models.offline import OfflineChatModel
from tests.support.kb_scoring import TOPICS, answers, brokers, index_documents
from tests.support.sessions import session_for


def test_a_purpose_no_document_names_does_not_hide_the_answer(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "tem academia no clube pra eu treinar cedo?", "academia equipada")
        # The thing asked about is itself absent: still the broker's.
        for question in (
            "tem lugar pra guardar barco?",
            "tem espaco pra guardar jet ski?",
            "tem quadra pra jogar squash?",
            "tem area pra quando a gente fizer festa junina?",
        ):
            found = lookup(conn, question, broker_topics=TOPICS)
            assert found.code == "kb_no_passage", question
        lights = lookup(conn, "a quadra de tenis tem iluminacao noturna?", broker_topics=TOPICS)
        assert lights.code == "kb_no_passage"


def test_a_message_of_two_questions_answers_the_one_the_documents_answer(pool: Pool) -> None:
    index_documents(pool)
    message = "onde fica o stand de vendas? vcs servem cafezinho la?"
    with pool.connection() as conn:
        found = lookup(conn, message, broker_topics=TOPICS)
        assert found.code == "kb_answered"
        assert any("CE-085" in sentence for sentence in found.sentences)
        assert found.unanswered == ["voces servem cafezinho la?"]
        assert "unanswered" in found.as_tool_result()
        # A price beside it is left to the broker, the rest answered (issue 24, set 07q).
        both = lookup(conn, "onde fica o stand? e qnto custa a casa brisa?", broker_topics=TOPICS)
        assert both.code == "kb_answered"
        assert any("CE-085" in sentence for sentence in both.sentences)
        assert both.unanswered == ["quanto custa a casa brisa?"]
        # "e a de 2?" after a price asks the same price: the whole message is the broker's.
        same = lookup(conn, "qnto custa a casa de 3 quartos? e a de 2?", broker_topics=TOPICS)
        assert same.code == "price_to_broker"
    reply = session_for(pool, "kb-policy-two", OfflineChatModel(), "offline").turn(message).reply
    assert "CE-085" in reply
    assert "corretor confirma" in reply


def test_a_figure_is_answered_by_the_passage_naming_the_thing_measured(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question in ("a piscina do clube tem quantos metros?", "qual o tamanho da piscina?"):
            found = lookup(conn, question, broker_topics=TOPICS)
            assert found.passages[0].heading_path == "Lazer e serviços > Clube", question
            assert any("25 metros" in sentence for sentence in found.sentences), question
        # Counted by another name: "obras" delivered are "condomínios".
        found = lookup(
            conn, "qnts obras a incorporadora ja entregou ate hoje?", broker_topics=TOPICS
        )
        assert any("11 condomínios" in sentence for sentence in found.sentences)


def test_a_unit_offered_in_payment_is_a_negotiation(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question in (
            "da pra dar meu apto como parte do pagamento?",
            "qnto ta custando o sobrado de 4 quartos?",
        ):
            found = lookup(conn, question, broker_topics=TOPICS)
            assert (found.verdict, found.code) == ("broker", "price_to_broker"), question


def test_a_word_no_document_holds_is_passed_over_only_when_much_else_is_named(
    pool: Pool,
) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question, fact in (
            ("essa construtora areia branca ja entregou quantos condominios? e confiavel", "11"),
            ("o sobrado de 4 quartos tem algum comodo para escritorio?", "escritório"),
            ("quero fazer o aniversario do meu filho no salao de festa cabe quanta gente?", "120"),
        ):
            answers(conn, question, fact)
        # The absent word is what a question of the message asks, or too little is left.
        for question in (
            "tem churrasqueira dentro de casa ou so no clube? e a piscina tem aquecimento?",
            "tem quadra de tenis de saibro?",
            "o sobrado de 4 quartos tem elevador?",
            # A yes/no question asks the absent word itself, however much else it names.
            "a casa duna de 4 quartos com piscina privativa tem aquecimento na piscina?",
        ):
            found = lookup(conn, question, broker_topics=TOPICS)
            # Answered at most in part: the question naming the absent word is the broker's.
            assert found.verdict == "broker" or found.unanswered, question
            assert not any("aquec" in s for s in found.sentences)


def test_a_quoted_sentence_names_what_is_asked(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        # "onde" asks for a place, and "compra" (how the house is paid) is no shop; a place
        # to buy things ("tem onde comprar") is a shop, the documents' mini market.
        shop = lookup(conn, "tem onde comprar sem sair do condominio?", broker_topics=TOPICS)
        assert all("compra" not in p.heading_path for p in shop.passages[:1])
        assert any("mini mercado" in s for s in shop.sentences)
        assert lookup(conn, "onde compro a casa?", broker_topics=TOPICS).verdict == "broker"
        # The lead's plans and the call are context: the documents' own section answers.
        papers = lookup(
            conn,
            "o que preciso separar de documento pra quando o corretor ligar?",
            broker_topics=TOPICS,
        )
        assert any("comprovantes de renda" in s for s in papers.sentences)
        rent = lookup(conn, "minha ideia e alugar no airbnb nas ferias", broker_topics=TOPICS)
        assert any("temporada" in s for s in rent.sentences)
        # "quantos andares" counts floors ("dois pavimentos"), not the 184 houses.
        floors = lookup(
            conn,
            "posso subir mais um andar na casa terrea? ate quantos andares",
            broker_topics=TOPICS,
        )
        assert any("dois pavimentos" in s for s in floors.sentences)
        assert lookup(conn, "onde fica o condominio?", broker_topics=TOPICS).code == "kb_answered"
        # Naming only the development, a question names nothing a passage answers.
        assert lookup(conn, "posso levar para o condominio?", broker_topics=TOPICS).verdict == (
            "broker"
        )
        weekend = lookup(conn, "no fim de semana, tem churrasqueira?", broker_topics=TOPICS)
        assert weekend.code == "kb_answered"


def test_an_alternative_question_is_answered_by_its_first_half(pool: Pool) -> None:
    """ "X ou Y?": when the documents answer X, Y is X's other answer ("ou só quartos?")
    or a second thing asked, then left to a broker; a first half they do not answer is
    the broker's, whatever the second."""
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "o sobrado tem escritorio ou so quartos?", "escritório no térreo")
        answers(conn, "a casa mare vem com piscina ou tenho que construir?", "piscina privativa")
        answers(conn, "o clube tem academia ou tenho que pagar uma por fora?", "academia")
        for question in (
            "a casa brisa tem lareira ou e so aquecedor?",
            "tem piscina aquecida ou e normal?",
            "tem heliponto ou so campo de futebol?",
        ):
            brokers(conn, question)
        second = lookup(conn, "tem academia ou sauna?", broker_topics=TOPICS)
        assert second.code == "kb_answered"
        assert second.unanswered == ["sauna"]


def test_paperwork_asked_in_the_leads_words(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question in (
            "que documentos eu levo na ligacao?",
            "preciso levar contracheque?",
            "quais papeis eu separo pra conversa?",
            "quantos holerites tenho que mandar?",
        ):
            answers(conn, question, "comprovantes de renda")
        for question in (
            "que documentos eu levo pro cartorio?",
            "preciso de fiador?",
            "precisa de certidao de casamento?",
        ):
            brokers(conn, question)


def test_pets_loose_or_on_a_leash_and_the_leads_own_pets(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question in (
            "meu gato pode ficar solto?",
            "precisa usar coleira no cachorro nas areas comuns?",
            "os cachorros podem andar sem coleira?",
            "tenho 3 gatos pequenos, pode? eles podem ficar soltos?",
        ):
            answers(conn, question, "com guia")
        answers(conn, "tenho um cachorro de porte grande, aceita?", "permitidos")
        for question in (
            "tem adestrador pra cachorro?",
            "tem veterinario no condominio?",
            "da pra andar de bicicleta no condominio?",
        ):
            brokers(conn, question)
    reply = session_for(pool, "kb-policy-pets", OfflineChatModel(), "offline").turn(
        "a gente tem 2 cachorros enormes, pode? eles podem andar soltos?"
    )
    assert "com guia" in reply.reply


def test_a_generic_word_gives_way_to_the_thing_named_and_a_title_names_it(pool: Pool) -> None:
    """ "opções de lazer": "opções" (a generic word, and a synonym of the house types)
    is not searched once the question names a thing; "lazer", in no passage's text but
    the title of the document they are under ("Lazer e serviços"), is named by it."""
    index_documents(pool)
    with pool.connection() as conn:
        for question in (
            "Quais são as opções de lazer?",
            "que opcoes de lazer tem pros adultos?",
            "tem area de lazer?",
            "quais as opcoes de lazer pra criancas?",
        ):
            found = lookup(conn, question, broker_topics=TOPICS)
            assert found.passages[0].heading_path == "Lazer e serviços > Clube", question
            answers(conn, question, "piscina adulto")
        for question in (
            "tem opcao de lazer aquatico?",
            "quais opcoes de hospedagem tem?",
            "tem espaco pra cavalos?",
        ):
            brokers(conn, question)


def test_a_place_to_buy_things_is_a_shop(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        for question in (
            "tem lugar pra fazer compras la dentro?",
            "tem onde comprar as coisas do dia a dia ai dentro?",
            "tem onde fazer compras perto de casa ai dentro?",
        ):
            answers(conn, question, "mini mercado")
        for question in (
            "tem onde comprar material de construcao perto?",
            "tem onde comprar remedio?",
            "tem lugar pra comprar roupa?",
        ):
            brokers(conn, question)


def test_a_yes_no_question_is_vetoed_only_by_the_thing_it_asks(pool: Pool) -> None:
    """Set 07g's kinds in new words: a word no document has vetoes a yes/no question only
    as the object of its verb ("tem/vem com ..."); "X ou Y?" asking two things answers Y
    when the documents do not answer X; "andando" is walking."""
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "a parcela durante a obra e tabelada ou tem alguma correcao?", "INCC")
        answers(conn, "odeio marceneiro, a cozinha vem com armario?", "sem armários")
        answers(conn, "tenho duas poodles, elas podem ficar andando soltas?", "com guia")
        answers(conn, "pro aniversario do meu marido, o salao aguenta quantos convidados?", "120")
        answers(
            conn,
            "a areia branca ja entregou outros residenciais ou e a primeira obra dela?",
            "11 condomínios",
        )
        for question in (
            "tem sauna ou hidromassagem?",
            "a cozinha vem com cooktop?",
            "a piscina e aquecida?",
        ):
            brokers(conn, question)
