"""Precision probes (issue 21): how leads revise and whose facts they are.

Short conversations written for this test (none copied from tests/data), run through the
offline model and the real tools in memory (`chat_run`). Each lists every fact a careful
human would save after the whole conversation; a fact saved that is not listed, or saved
with another value, is a wrong fact. The kinds: a spouse's or relative's count, place,
budget or name beside the lead's; "a gente fechou em", "ele queria X mas"; "não quero X";
"X tá fora do orçamento"; corrections of a name, place, count, amount or call time; a
town then a place inside it; the current home's facts; amounts that are not budgets
(rent, salary, FGTS, down payment, instalment, savings for something else); a call time
taken back.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.reading import TZ, chat_run

QUALIFIED = "3 quartos no Cocó até 500 mil"
Q = {"bedrooms": 3, "neighborhood": "Cocó", "budget_brl": 500_000}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A call time in December 2026 in the development's time zone (NOW is Monday 7th)."""
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


CASES: list[tuple[str, tuple[str, ...], dict[str, object]]] = [
    # whose fact: a relative's beside the lead's
    (
        "spouse-count",
        ("oi, sou a Carla", "meu marido queria 4 quartos mas eu prefiro 3"),
        {"name": "Carla", "bedrooms": 3},
    ),
    (
        "spouse-name",
        ("sou o Rui", "minha esposa se chama Lúcia, ela que vai decidir"),
        {"name": "Rui"},
    ),
    ("wife-of", ("oi", "aqui é a esposa do Marcos, me chamo Tânia"), {"name": "Tânia"}),
    (
        "mother-place",
        ("oi, Bruno aqui", "minha mãe mora no Montese, eu quero na Messejana"),
        {"name": "Bruno", "neighborhood": "Messejana"},
    ),
    (
        "brother-count",
        ("sou a Vera", "meu irmão comprou um de 2 quartos, eu quero de 3"),
        {"name": "Vera", "bedrooms": 3},
    ),
    (
        "father-in-law-amount",
        ("Olá, sou Pedro", "meu sogro tem 600 mil pra investir, mas o meu limite é 350 mil"),
        {"name": "Pedro", "budget_brl": 350_000},
    ),
    (
        "sister-rent",
        ("oi sou a Dani", "minha irmã mora no Cocó e paga 2 mil de aluguel"),
        {"name": "Dani"},
    ),
    (
        "father-place",
        (
            "sou o Igor",
            "3 quartos",
            "meu pai quer que eu more na Aldeota, mas eu gosto mesmo é do Benfica",
        ),
        {"name": "Igor", "bedrooms": 3, "neighborhood": "Benfica"},
    ),
    ("daughter-buys", ("oi", "quem vai comprar é minha filha, a Renata"), {}),
    (
        "we-closed-on",
        ("me chamo Sílvia", "a gente fechou em 3 quartos, eu e meu marido"),
        {"name": "Sílvia", "bedrooms": 3},
    ),
    (
        "he-wanted-but",
        ("oi, sou o Caio", "ele queria 4 quartos mas a gente fechou em 2"),
        {"name": "Caio", "bedrooms": 2},
    ),
    (
        "son-place-but",
        ("sou a Tereza", "meu filho mora na Messejana, mas eu quero no Cocó"),
        {"name": "Tereza", "neighborhood": "Cocó"},
    ),
    (
        "brother-in-law-name",
        ("sou o Raul", "meu cunhado se chama Fábio e tá procurando também"),
        {"name": "Raul"},
    ),
    ("speaker-in-law", ("oi", "quem fala é o Fábio, cunhado do Raul"), {"name": "Fábio"}),
    (
        "friend-paid",
        ("sou a Helena", "minha amiga pagou 350 mil numa casa de 3 quartos lá"),
        {"name": "Helena"},
    ),
    (
        "she-wanted-we-decided",
        ("sou o Breno", "ela queria Aldeota mas a gente decidiu pelo Cocó"),
        {"name": "Breno", "neighborhood": "Cocó"},
    ),
    (
        "boyfriend-name",
        ("sou a Gabi", "meu namorado é o Tiago, ele que vai falar com o corretor"),
        {"name": "Gabi"},
    ),
    (
        "neighbour-bought",
        ("sou a Márcia", "2 quartos", "minha vizinha comprou no Passaré por 280 mil"),
        {"name": "Márcia", "bedrooms": 2},
    ),
    (
        "mother-in-law-house",
        ("sou o Jonas", "a casa da minha sogra tem 4 quartos"),
        {"name": "Jonas"},
    ),
    (
        "husband-salary-budget",
        ("sou a Luana", "meu marido ganha 9 mil, a gente pode até 420 mil"),
        {"name": "Luana", "budget_brl": 420_000},
    ),
    # "não quero X", "X tá fora do orçamento", refusals
    (
        "not-place",
        ("sou a Bia", "não quero Messejana, quero Parangaba"),
        {"name": "Bia", "neighborhood": "Parangaba"},
    ),
    (
        "not-count-then",
        ("sou o Tiago", "não quero 2 quartos", "3 tá ótimo"),
        {"name": "Tiago", "bedrooms": 3},
    ),
    (
        "out-of-budget-amount",
        ("oi sou a Joana", "3 quartos", "600 mil tá fora do orçamento, no máximo 450"),
        {"name": "Joana", "bedrooms": 3, "budget_brl": 450_000},
    ),
    ("out-of-budget-place", ("sou o Leo", "Aldeota tá fora do orçamento"), {"name": "Leo"}),
    (
        "four-no-way",
        ("sou o Vini", "4 quartos nem pensar, quero 3"),
        {"name": "Vini", "bedrooms": 3},
    ),
    (
        "two-too-few",
        ("sou a Tati", "3 quartos", "2 quartos é pouco pra gente"),
        {"name": "Tati", "bedrooms": 3},
    ),
    (
        "not-needed-there",
        ("sou o Wagner", "não precisa ser no Cocó, pode ser Messejana"),
        {"name": "Wagner", "neighborhood": "Messejana"},
    ),
    (
        "wanted-four-cannot",
        ("sou a Íris", "3 quartos", "eu queria 4 mas não cabe no bolso"),
        {"name": "Íris", "bedrooms": 3},
    ),
    (
        "broker-price",
        ("sou o Murilo", "o corretor falou em 450 mil, mas eu só consigo 400"),
        {"name": "Murilo", "budget_brl": 400_000},
    ),
    (
        "advert-price",
        ("sou a Clara", "o preço de 500 mil que vi no anúncio tá alto pra mim, meu teto é 420"),
        {"name": "Clara", "budget_brl": 420_000},
    ),
    ("between-counts", ("sou a Érica", "a gente tá entre 2 e 3 quartos"), {"name": "Érica"}),
    # corrections
    ("name-call-me", ("me chamo Roberto", "quer dizer, pode me chamar de Beto"), {"name": "Beto"}),
    (
        "place-pensando-bem",
        ("sou o Davi", "quero no Cocó", "pensando bem, Fátima é melhor"),
        {"name": "Davi", "neighborhood": "Fátima"},
    ),
    (
        "place-na-verdade",
        ("sou a Lia", "3 quartos no Montese", "na verdade prefiro Parquelândia"),
        {"name": "Lia", "bedrooms": 3, "neighborhood": "Parquelândia"},
    ),
    (
        "count-corrigindo",
        ("sou o Hugo", "2 quartos", "corrigindo, são 3 quartos"),
        {"name": "Hugo", "bedrooms": 3},
    ),
    (
        "count-quer-dizer",
        ("sou a Nina", "4 quartos", "quer dizer, 3, o de 4 fica caro"),
        {"name": "Nina", "bedrooms": 3},
    ),
    (
        "amount-errei",
        ("sou o Otávio", "até 500 mil", "errei, é 550 mil"),
        {"name": "Otávio", "budget_brl": 550_000},
    ),
    (
        "amount-na-verdade",
        ("sou a Rita", "uns 300 mil", "na verdade consigo 320"),
        {"name": "Rita", "budget_brl": 320_000},
    ),
    (
        "count-me-enganei",
        ("sou o Heitor", "quero 3 quartos", "opa, me enganei, 2 quartos"),
        {"name": "Heitor", "bedrooms": 2},
    ),
    (
        "place-quis-dizer",
        ("sou a Lara", "no Cocó", "errei, quis dizer Cambeba"),
        {"name": "Lara", "neighborhood": "Cambeba"},
    ),
    (
        "amount-thought-then",
        ("sou o Zeca", "eu tinha pensado em 350, mas na real dá pra ir até 400"),
        {"name": "Zeca", "budget_brl": 400_000},
    ),
    (
        "count-mother-moves",
        ("sou o Diego", "3 quartos no Cocó", "minha mãe vai morar com a gente, então 4 quartos"),
        {"name": "Diego", "bedrooms": 4, "neighborhood": "Cocó"},
    ),
    # call times: corrected, taken back, a schedule that is no request
    (
        "call-pensando-bem",
        ("sou o Saulo", QUALIFIED, "pode ligar terça 10h", "pensando bem, quarta 15h é melhor"),
        {"name": "Saulo", **Q, "call_at": at(9, 15)},
    ),
    (
        "call-same-message",
        ("sou a Cris", QUALIFIED, "pode ligar amanhã 9h... não, amanhã não dá, melhor quinta 14h"),
        {"name": "Cris", **Q, "call_at": at(10, 14)},
    ),
    (
        "call-today-no",
        ("sou o Ivo", QUALIFIED, "me liga hoje 16h, não, hoje não dá, amanhã 16h"),
        {"name": "Ivo", **Q, "call_at": at(8, 16)},
    ),
    (
        "call-other-day",
        (
            "sou a Nádia",
            QUALIFIED,
            "liga amanhã às 10h",
            "opa, amanhã não posso, pode ser quinta às 10h",
        ),
        {"name": "Nádia", **Q, "call_at": at(10, 10)},
    ),
    (
        "call-hour-only",
        ("sou o Lucas", QUALIFIED, "liga sexta 14h", "na verdade 15h"),
        {"name": "Lucas", **Q, "call_at": at(11, 15)},
    ),
    (
        "schedule-not-call",
        ("sou a Lúcia", QUALIFIED, "saio do trabalho às 18h"),
        {"name": "Lúcia", **Q},
    ),
    (
        "call-withdrawn",
        ("sou o Gustavo", QUALIFIED, "me liga depois das 16h? não, melhor não, eu te aviso"),
        {"name": "Gustavo", **Q},
    ),
    # a town then a place inside it
    (
        "town-then-place",
        ("sou a Gil", "quero em Caucaia, no Icaraí"),
        {"name": "Gil", "neighborhood": "Icaraí"},
    ),
    (
        "city-preference",
        ("sou a Olga", "em Fortaleza, de preferência no Montese"),
        {"name": "Olga", "neighborhood": "Montese"},
    ),
    (
        "works-there-lives",
        ("sou o Pablo", "trabalho no Centro, mas quero morar no Benfica"),
        {"name": "Pablo", "neighborhood": "Benfica"},
    ),
    # the current home
    (
        "current-home",
        ("sou o Paulo", "moro num 2 quartos no Montese, quero um de 3"),
        {"name": "Paulo", "bedrooms": 3},
    ),
    (
        "renting-now",
        ("sou a Keila", "hoje moro de aluguel na Parangaba, pago 1.500"),
        {"name": "Keila"},
    ),
    (
        "current-flat",
        ("sou o Fred", "o apartamento que eu moro tem 2 quartos e fica na Aldeota"),
        {"name": "Fred"},
    ),
    (
        "current-house-wanted",
        ("sou a Yara", "2 quartos", "moro hoje numa casa de 3 quartos no Montese"),
        {"name": "Yara", "bedrooms": 2},
    ),
    # amounts that are not budgets
    ("salary", ("sou o Rafa", "meu salário é 8 mil", "3 quartos"), {"name": "Rafa", "bedrooms": 3}),
    ("fgts", ("sou a Mirela", "tenho 60 mil de FGTS"), {"name": "Mirela"}),
    (
        "down-payment-and-budget",
        ("sou o Nestor", "tenho 50 mil de entrada e o imóvel até 300 mil"),
        {"name": "Nestor", "budget_brl": 300_000},
    ),
    ("instalment", ("sou a Paula", "a parcela tem que ficar em uns 2 mil"), {"name": "Paula"}),
    (
        "furniture-savings",
        ("sou o Vitor", "guardei 20 mil pros móveis", "orçamento de 380 mil"),
        {"name": "Vitor", "budget_brl": 380_000},
    ),
    ("incomes", ("sou o Téo", "ganho 12 mil por mês, minha esposa 5 mil"), {"name": "Téo"}),
    ("rent-now", ("sou a Sara", "o aluguel aqui é 1800, quero sair disso"), {"name": "Sara"}),
    ("saved-for-entry", ("sou o Alan", "tenho 80 mil guardado pra entrada"), {"name": "Alan"}),
    ("car-value", ("oi sou o Edu", "meu carro vale uns 40 mil"), {"name": "Edu"}),
    ("car-instalment", ("sou a Mel", "a prestação do meu carro é 1.200"), {"name": "Mel"}),
    (
        "renovation-reserve",
        ("sou o Otto", "tenho uma reserva de 30 mil pra reforma"),
        {"name": "Otto"},
    ),
    (
        "father-may-help",
        ("sou a Júlia", "até 400 mil. se meu pai ajudar talvez 500"),
        {"name": "Júlia", "budget_brl": 400_000},
    ),
]

# A second round, written after the first round's fixes (7 of its 38 gave a wrong fact at
# its first run: a bare amount restated after "mas"/"agora", a count settled after "mas
# fechou em", the rented home's count, a call day dropped by "esquece", "4 é exagero", a
# bare amount after "não, pera")
CASES += [
    (
        "genro-place",
        (
            "sou a Dalva",
            "meu genro mora no Passaré e acha que a gente devia ir pra lá, mas eu quero Messejana",
        ),
        {"name": "Dalva", "neighborhood": "Messejana"},
    ),
    (
        "brother-budget",
        ("sou o Mauro", "o meu orçamento é 300 mil, o do meu irmão é 500"),
        {"name": "Mauro", "budget_brl": 300_000},
    ),
    ("two-names", ("sou a Neusa", "meu marido se chama Antônio e eu Neusa"), {"name": "Neusa"}),
    (
        "place-fix-labelled",
        ("sou o Gilberto", "2 quartos no Montese", "corrigindo o bairro: Benfica"),
        {"name": "Gilberto", "bedrooms": 2, "neighborhood": "Benfica"},
    ),
    (
        "amount-pera",
        ("sou a Cíntia", "até 250 mil", "não, pera, até 280"),
        {"name": "Cíntia", "budget_brl": 280_000},
    ),
    (
        "count-exagero",
        ("sou o Ivan", "4 quartos", "pensando bem, 4 é exagero, 3 resolve"),
        {"name": "Ivan", "bedrooms": 3},
    ),
    (
        "place-out-of-budget",
        ("sou a Telma", "quero na Aldeota", "a Aldeota tá fora do orçamento, melhor Fátima"),
        {"name": "Telma", "neighborhood": "Fátima"},
    ),
    (
        "call-day-moved",
        ("sou o Osmar", QUALIFIED, "quinta 10h", "não, quinta não posso mais, sexta 10h"),
        {"name": "Osmar", **Q, "call_at": at(11, 10)},
    ),
    (
        "call-hour-errei",
        ("sou a Bruna", QUALIFIED, "amanhã às 14h", "errei, é às 16h"),
        {"name": "Bruna", **Q, "call_at": at(8, 16)},
    ),
    (
        "shift-ends",
        ("sou o Celso", QUALIFIED, "meu expediente termina às 17h"),
        {"name": "Celso", **Q},
    ),
    (
        "town-then-place2",
        ("sou o Nilo", "moro em Caucaia, mas quero Fortaleza, no Cocó"),
        {"name": "Nilo", "neighborhood": "Cocó"},
    ),
    (
        "rent-in-two-rooms",
        ("sou a Sônia", "hoje pago 1.200 de aluguel num 2 quartos", "quero 3"),
        {"name": "Sônia", "bedrooms": 3},
    ),
    (
        "income-fgts",
        ("sou o Rogério", "minha renda é 7 mil e tenho 40 mil de FGTS"),
        {"name": "Rogério"},
    ),
    (
        "entry-then-total",
        ("sou a Ingrid", "a entrada seria uns 60 mil", "o total até 350 mil"),
        {"name": "Ingrid", "budget_brl": 350_000},
    ),
    ("instalment-cap", ("sou o Tales", "consigo parcela de até 2.500"), {"name": "Tales"}),
    (
        "mother-flat",
        ("sou a Priscila", "o apê da minha mãe no Benfica tem 3 quartos"),
        {"name": "Priscila"},
    ),
    (
        "neighbour-sold",
        ("sou o Valter", "o meu vizinho vendeu a casa dele por 420 mil"),
        {"name": "Valter"},
    ),
    (
        "sister-in-law-referred",
        ("sou a Ester", "minha cunhada Patrícia indicou vocês"),
        {"name": "Ester"},
    ),
    ("husband-of", ("oi", "sou eu, o Jairo, marido da Sueli"), {"name": "Jairo"}),
    ("someone-passed", ("oi", "a Kátia me passou seu contato"), {}),
    (
        "suite-extra",
        ("sou o Wellington", "3 quartos", "na verdade 3 quartos e uma suíte"),
        {"name": "Wellington", "bedrooms": 3},
    ),
    (
        "husband-wants-i-keep",
        ("sou a Alessandra", "2 quartos", "quer dizer, meu marido quer 3, mas eu fico com 2"),
        {"name": "Alessandra", "bedrooms": 2},
    ),
    (
        "ou-melhor-place",
        ("sou o Renan", "no Cocó", "ou melhor, Papicu"),
        {"name": "Renan", "neighborhood": "Papicu"},
    ),
    (
        "grandchildren",
        ("sou a Irene", "3 quartos", "minha filha tem 2 filhos, então 4 quartos"),
        {"name": "Irene", "bedrooms": 4},
    ),
    (
        "saved-entry-house",
        ("sou a Marli", "guardamos 100 mil pra dar de entrada, a casa até 400"),
        {"name": "Marli", "budget_brl": 400_000},
    ),
    ("kids-dog", ("sou o Artur", "tenho 2 filhos e 1 cachorro"), {"name": "Artur"}),
    (
        "alone-two",
        ("sou a Gisele", "moro sozinha, 2 quartos tá bom"),
        {"name": "Gisele", "bedrooms": 2},
    ),
    (
        "family-three",
        ("sou o Leandro", "eu e minha esposa, 2 filhos, 3 quartos"),
        {"name": "Leandro", "bedrooms": 3},
    ),
    (
        "were-thinking",
        ("sou a Norma", "a gente tava pensando em 4 quartos, mas fechou em 3"),
        {"name": "Norma", "bedrooms": 3},
    ),
    (
        "call-esquece",
        ("sou o Cláudio", QUALIFIED, "pode ser sexta 9h", "esquece sexta, segunda 9h"),
        {"name": "Cláudio", **Q, "call_at": at(14, 9)},
    ),
    (
        "call-day-ou-melhor",
        ("sou a Rosana", QUALIFIED, "me liga às 15h de terça, ou melhor, de quarta"),
        {"name": "Rosana", **Q, "call_at": at(9, 15)},
    ),
    (
        "ceiling-rose",
        ("sou o Anderson", "meu teto era 400 mil, agora subiu pra 450"),
        {"name": "Anderson", "budget_brl": 450_000},
    ),
    (
        "wanted-have",
        ("sou a Viviane", "queria 500 mil mas só tenho 380"),
        {"name": "Viviane", "budget_brl": 380_000},
    ),
    (
        "lived-there",
        ("sou o Emerson", "na Parangaba não, já morei lá, quero na Maraponga"),
        {"name": "Emerson", "neighborhood": "Maraponga"},
    ),
    ("either-place", ("sou a Lorena", "Maraponga, Parangaba, tanto faz"), {"name": "Lorena"}),
    (
        "boss-name",
        ("oi", "meu chefe, o Dr. Marcos, me indicou", "pode me chamar de Lu"),
        {"name": "Lu"},
    ),
    (
        "friend-place-mine",
        ("sou a Paola", "minha amiga mora no Cambeba, eu quero na Messejana mesmo"),
        {"name": "Paola", "neighborhood": "Messejana"},
    ),
    (
        "current-rent-budget",
        ("sou o Sérgio", "pago 1.500 de aluguel", "pra comprar, até 300 mil"),
        {"name": "Sérgio", "budget_brl": 300_000},
    ),
]

# A third round, written after the second round's fixes (2 of its 20 gave a wrong fact
# at its first run: a relative who has a home of N rooms, a former home's count)
CASES += [
    (
        "r3-wife-budget",
        (
            "sou o Hamilton",
            "minha mulher acha que dá pra pagar 500 mil, eu acho que 400 é o limite",
        ),
        {"name": "Hamilton", "budget_brl": 400_000},
    ),
    (
        "r3-son-count",
        ("sou a Judite", "meu filho tem uma casa de 4 quartos no Cambeba"),
        {"name": "Judite"},
    ),
    (
        "r3-no-more-than",
        ("sou o Abel", "3 quartos", "mais de 400 mil não dá, 380 tá bom"),
        {"name": "Abel", "bedrooms": 3, "budget_brl": 380_000},
    ),
    (
        "r3-name-fix",
        ("oi, sou o Junior", "corrigindo, meu nome é Júnior Alves"),
        {"name": "Júnior Alves"},
    ),
    (
        "r3-place-fix-errei",
        ("sou a Dulce", "quero no Montese", "errei, é Messejana"),
        {"name": "Dulce", "neighborhood": "Messejana"},
    ),
    (
        "r3-count-sorry",
        ("sou o Elias", "2 quartos", "foi mal, 3 quartos"),
        {"name": "Elias", "bedrooms": 3},
    ),
    (
        "r3-call-tomorrow-no",
        ("sou a Fabiana", QUALIFIED, "amanhã 10h", "amanhã não vou poder, melhor quarta 10h"),
        {"name": "Fabiana", **Q, "call_at": at(9, 10)},
    ),
    (
        "r3-call-night-shift",
        ("sou o Gerson", QUALIFIED, "trabalho até as 18h, me liga sexta 18h30"),
        {"name": "Gerson", **Q, "call_at": at(11, 18, 30)},
    ),
    (
        "r3-mother-helps",
        ("sou a Heloísa", "minha mãe vai me dar 50 mil de entrada", "orçamento 300 mil"),
        {"name": "Heloísa", "budget_brl": 300_000},
    ),
    ("r3-bonus", ("sou o Ítalo", "vou receber 30 mil de bônus"), {"name": "Ítalo"}),
    (
        "r3-wedding-savings",
        ("sou a Jaqueline", "tenho 15 mil guardado pro casamento", "casa de 2 quartos"),
        {"name": "Jaqueline", "bedrooms": 2},
    ),
    (
        "r3-not-two",
        ("sou o Kleber", "2 quartos não dá pra nós, 3 quartos"),
        {"name": "Kleber", "bedrooms": 3},
    ),
    (
        "r3-not-place-family",
        ("sou a Laís", "a família toda mora na Parangaba, mas não quero morar lá"),
        {"name": "Laís"},
    ),
    (
        "r3-place-pensei",
        ("sou o Moisés", "pensei no Cocó, mas tá fora do orçamento, vou de Messejana"),
        {"name": "Moisés", "neighborhood": "Messejana"},
    ),
    (
        "r3-town-inside",
        ("sou a Nair", "Eusébio, de preferência perto do centro de lá"),
        {"name": "Nair", "neighborhood": "Eusébio"},
    ),
    (
        "r3-lives-wants-same",
        ("sou o Orlando", "moro no Benfica e quero continuar aqui"),
        {"name": "Orlando", "neighborhood": "Benfica"},
    ),
    (
        "r3-ex-house",
        ("sou a Pietra", "minha ex-casa era de 3 quartos, agora quero 2"),
        {"name": "Pietra", "bedrooms": 2},
    ),
    (
        "r3-partner-name-first",
        ("oi", "meu esposo Caio e eu, Letícia, estamos procurando"),
        {"name": "Letícia"},
    ),
    (
        "r3-salary-couple",
        ("sou o Quirino", "a gente ganha 10 mil juntos, dá pra financiar até 350 mil"),
        {"name": "Quirino", "budget_brl": 350_000},
    ),
    (
        "r3-call-back",
        ("sou a Raquel", QUALIFIED, "quarta 14h", "pensando bem, quarta de manhã, 9h"),
        {"name": "Raquel", **Q, "call_at": at(9, 9)},
    ),
]

FIELDS = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")


def score(saved: dict[str, object], want: dict[str, object]) -> tuple[list[str], list[str]]:
    """The fields saved wrongly (a value not wanted) and the fields missed."""
    wrong = [f for f in FIELDS if f in saved and saved[f] != want.get(f)]
    missed = [f for f in FIELDS if f in want and f not in saved]
    return wrong, missed


@pytest.mark.parametrize(("label", "texts", "want"), CASES, ids=[c[0] for c in CASES])
def test_no_wrong_fact(label: str, texts: tuple[str, ...], want: dict[str, object]) -> None:
    saved = chat_run(*texts).facts
    wrong, _ = score(saved, want)
    assert not wrong, (label, {f: saved[f] for f in wrong})
