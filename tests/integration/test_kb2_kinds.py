"""Questions answered with the wrong passage (helper kb2, sets 08o/08p), through the real
lookup on the example development's documents (tests/data/kb on the embedded PostgreSQL)
and as a new lead's first message: new questions of our own, with negatives."""

from __future__ import annotations

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import answers, brokers, first_message, index_documents


def test_a_house_type_described_selects_its_passage(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "a casa de dois andares vem em lote de quantos metros?", "360 m²")
        answers(conn, "aquela de 2 pavimentos, qual a area construida dela?", "168 m²")
        answers(conn, "na casa de 2 quartos, quantas suites tem?", "1 suíte")
        answers(conn, "no sobrado, o lote minimo e de quantos metros?", "360 m²")
        # A floor built later is the rules' limit, not the sobrado.
        answers(conn, "depois da entrega posso construir mais dois andares?", "dois pavimentos")


def test_a_house_types_passage_answers_with_its_name(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "quero 3 quartos com piscina so minha no fundo, tem como?", "Casa Maré")
        answers(conn, "preciso de 4 quartos e todos com suite, existe?", "Casa Duna")
        answers(conn, "uma casa pequena, de 2 quartos, tem?", "Casa Brisa")
        # A passage of no house type keeps its own sentences, and a question describing no
        # house type gets none of their names.
        found = answers(conn, "a academia e equipada?", "academia")
        assert not any("Casa " in s for s in found.sentences)
        found = answers(conn, "alguma casa tem piscina privativa?", "piscina privativa")
        assert not any("Casa Maré" in s or "Casa Duna" in s for s in found.sentences)


def test_a_bedrooms_own_bathroom_is_a_suite(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "na casa de 3 quartos, quantos tem banheiro dentro?", "2 suítes")
        answers(conn, "na de 2 quartos, algum quarto tem banheiro proprio?", "1 suíte")
        answers(conn, "no sobrado, os quartos tem banheiro privativo?", "todos suítes")


def test_a_desk_to_work_at_is_the_office(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "alguma casa tem um canto separado pra eu montar a mesa de trabalho?",
            "escritório",
        )
        answers(conn, "qual casa tem lugar pra mesa de trabalho fora do quarto?", "escritório")
        answers(conn, "tem alguma casa com comodo pra mesa de trabalho?", "escritório")


def test_the_keys_are_the_stages_handover(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "quando voces entregam as chaves?", "dezembro de 2028")
        answers(conn, "qual a previsao pra pegar as chaves?", "2028")
        answers(conn, "a chave sai quando mais ou menos?", "2028")
        # Paying on the keys is still the payment.
        answers(conn, "o saldo eu pago quando?", "Saldo na entrega das chaves")


def test_a_stage_named_by_its_block_is_dated(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "comprei na quadra C como investimento e preciso planejar meu fluxo de caixa. em"
            " que mes e ano fica pronta essa parte?",
            "dezembro de 2028",
        )
        answers(
            conn,
            "estou avaliando um lote na quadra G. em que ano termina essa parte do condominio?",
            "junho de 2029",
        )
        answers(conn, "em que mes e ano a primeira etapa fica pronta?", "dezembro de 2028")


def test_money_from_the_fgts_put_into_the_purchase(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(conn, "posso usar o fgts na compra da casa?", "FGTS")
        answers(
            conn,
            "tenho um saldo parado no fgts. da pra usar ele na compra ou so no sinal?",
            "amortizar o saldo",
        )
        answers(conn, "o fgts serve so pra entrada ou da pra abater o saldo?", "amortizar")
        # The purchase asked about itself is the payment section.
        answers(conn, "como funciona a compra?", "Sinal de 10%")


def test_a_guests_entry_is_the_gatehouse_list(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "pretendo alugar por temporada. o que preciso providenciar pro hospede entrar?",
            "cadastro prévio",
        )
        answers(
            conn,
            "vou botar no airbnb na alta estacao, o hospede consegue entrar direto?",
            "cadastro prévio",
        )
        answers(conn, "da pra alugar na baixa estacao tambem?", "temporada")
        # The papers for the call stay the papers.
        answers(conn, "o que preciso providenciar pra ligacao?", "RG")


def test_a_measure_by_its_unit_measures_the_thing_before(pool: Pool) -> None:
    index_documents(pool)
    with pool.connection() as conn:
        answers(
            conn,
            "minha filha tem 10 anos tem escola particular perto dai fica a quantos km",
            "menos de 5 km",
        )
        answers(conn, "tem hospital por perto? fica a quantos quilometros?", "12 km")
        answers(conn, "o aeroporto e longe? da quantos minutos?", "40 minutos")
        # A place of the lead's no document measures stays the broker's.
        brokers(conn, "tenho um sitio em maranguape, fica a quantos km?")


def test_first_messages(pool: Pool) -> None:
    first_message(
        pool,
        "kb2-banheiro",
        "somos quatro e meu filho quer banheiro so dele. na casa de 3 quartos, quantos"
        " quartos vem com banheiro dentro?",
        "2 suítes",
        "kb_answered",
    )
    first_message(
        pool,
        "kb2-escola",
        "tenho um filho de 8 anos tem colegio particular perto dai fica a quantos km mais ou menos",
        "menos de 5 km",
        "kb_answered",
    )
    first_message(
        pool,
        "kb2-fgts",
        "tenho um dinheiro parado no fundo de garantia, da pra usar ele na compra?",
        "FGTS",
        "kb_answered",
    )
    first_message(
        pool, "kb2-chaves", "qnd vcs entregam as chaves?", "dezembro de 2028", "kb_answered"
    )
