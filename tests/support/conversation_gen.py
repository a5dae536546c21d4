"""A seeded generator of labelled lead conversations (issue 21).

Conversations are composed from parts: each fact in many surface forms (accents or
none, shorthand, numbers in words, typos, run-ons), placed in turn, out of turn or
several per message, corrected later, and mixed with distractors from a catalogue
(other people's names, other amounts, schedules, other places, questions about the
development). Each message records the facts it states, so replies can be scored too.

`generate(seed, count)` is deterministic: tune on one seed, report another. About one
conversation in eight is dictated (speech-to-text or typed in a hurry: no punctuation,
the call's hour in words, a value corrected inside the message, "três quartos não pera
quatro"); those choices draw from their own stream, so the rest of a seed is the same
as before they were added (2026-12-07, fourth session; first seed reported with them:
20261214).

About one conversation in eight, from a third stream of its own, haggles (2026-12-07,
fifth session): a budget as a range or a ceiling with a stretch (its top is the budget),
a condition after it with no amount ("se for à vista consigo mais um pouco") or a
hypothetical with one ("se eu vender o sítio chego a 800 mil"), neither of which is the
budget, bedrooms as a floor ("no mínimo 3") or left open ("2 ou 3 quartos tanto faz": no
bedrooms), a call time replaced later ("aquele horário não vai dar mais, pode ser sexta
10h"), and news that changes a fact at the end ("minha esposa quer 4 quartos mesmo",
"vou aumentar pra 480"). Those conversations draw from `rng` and `told` exactly as
before, so every other conversation of a seed is byte-identical.

About one conversation in eight, from a fourth stream of its own (`who`, 2026-12-08,
ninth session), says whose a fact is or says a word again: someone else's home beside
the lead's count ("minha irmã comprou uma de 4 quartos aí, pra mim 3 tá ótimo": the
lead's 3; alone, no bedrooms), a change of mind ("pensei em 3 quartos... pensando bem,
melhor 4", in the message or later), buying for someone ("tô vendo pros meus pais, eles
moram no Benfica mas querem a Aldeota": the wished place; "o dinheiro é deles, meu pai
vai até 420 mil" is the budget, "meu pai ganha 8 mil" is not), someone else's
availability beside the lead's call ("meu marido só pode depois das 17h, mas liga pra
mim amanhã 10h"; alone, no call), a name said twice or made fuller later ("meu nome é
cleide cleide lima", "sobrenome? Benevides, Rodrigo Benevides": the full name once), and
a call on a date in words ("dia quinze de dezembro às dez e meia"). Those parts replace
a fact's text after `rng`, `told` and `hag` have drawn, and the messages they add come
after every other draw, so every other conversation of a seed is byte-identical.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from homer_agent.ptbr.text import fold

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 12, 7, 8, 30, tzinfo=TZ)
"""The generated set's clock: Monday 08:30, before the brokers' hours open."""
ORDER = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")


@dataclass
class Conversation:
    id: str
    messages: list[str] = field(default_factory=list)
    stated: list[dict[str, Any]] = field(default_factory=list)
    """Per message, the facts it states (the value it gives)."""
    expect: dict[str, Any] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)

    def add(self, text: str, **facts: Any) -> None:
        self.messages.append(text)
        self.stated.append(dict(facts))


# ---------------------------------------------------------------- the catalogue

# (name, article)
NAMES = [
    ("Ana", "a"),
    ("João", "o"),
    ("Márcia", "a"),
    ("Cida", "a"),
    ("Beto", "o"),
    ("Gil", "o"),
    ("Rafaela", "a"),
    ("Tereza", "a"),
    ("Wagner", "o"),
    ("Lúcia", "a"),
    ("Sérgio", "o"),
    ("Patrícia", "a"),
    ("Edson", "o"),
    ("Natália", "a"),
    ("Thiago", "o"),
    ("Vera", "a"),
    ("Fernanda", "a"),
    ("Renato", "o"),
    ("Débora", "a"),
    ("Cláudio", "o"),
    ("Luana", "a"),
    ("Otávio", "o"),
    ("Priscila", "a"),
    ("Rogério", "o"),
    ("Kleber", "o"),
    ("Yasmin", "a"),
    ("Ítalo", "o"),
    ("Jéssica", "a"),
    ("Maria Clara", "a"),
    ("João Pedro", "o"),
    ("Ana Paula", "a"),
    ("Francisco", "o"),
    ("Raimunda", "a"),
    ("Antônio Carlos", "o"),
]
# (place, article)
PLACES = [
    ("Aldeota", "a"),
    ("Meireles", "o"),
    ("Cocó", "o"),
    ("Fátima", "a"),
    ("Benfica", "o"),
    ("Messejana", "a"),
    ("Maraponga", "a"),
    ("Passaré", "o"),
    ("Cambeba", "o"),
    ("Montese", "o"),
    ("Parquelândia", "a"),
    ("Papicu", "o"),
    ("Varjota", "a"),
    ("Parangaba", "a"),
    ("Guararapes", "o"),
    ("Mondubim", "o"),
    ("Jóquei Clube", "o"),
    ("Eusébio", "o"),
    ("Dionísio Torres", "o"),
    ("Cidade dos Funcionários", "a"),
    ("Porto das Dunas", "o"),
    ("Cumbuco", "o"),
    ("Edson Queiroz", "o"),
]
WORDS = {2: "dois", 3: "três", 4: "quatro"}
HUNDREDS = {
    200: "duzentos",
    300: "trezentos",
    400: "quatrocentos",
    500: "quinhentos",
    600: "seiscentos",
    700: "setecentos",
    800: "oitocentos",
    900: "novecentos",
}
WEEKDAYS = ["segunda", "terça", "quarta", "quinta", "sexta", "sábado"]
OTHER_PEOPLE = [
    "quem decide é meu marido, o Álvaro",
    "a Simone da imobiliária me passou seu contato",
    "minha esposa, a Carla, também vai querer ver",
    "o corretor Marcos me indicou vocês",
    "vou ver com minha mãe, Dona Zélia",
]
OTHER_AMOUNTS = [
    "tenho uns 80 mil de FGTS",
    "dou 50 mil de entrada",
    "a parcela tem que caber em 2 mil por mês",
    "minha renda é de 7 mil",
    "meu irmão pagou 1 milhão na casa dele",
    "tenho 40 mil guardados pro carro",
]
SCHEDULES = [
    "só saio do serviço às 18h",
    "saio da faculdade às 21h",
    "trabalho até as 17h",
    "de manhã eu levo as crianças na escola",
]
OTHER_PLACES = ["moro no Centro hoje", "trabalho no Centro", "hoje moro de aluguel na Serrinha"]
QUESTIONS = ["tem piscina?", "qual o valor do condomínio?", "aceita financiamento?"]
TOLD = 0.12
"""The share of conversations dictated."""
SELF_CORRECTIONS = ["não pera", "não desculpa", "quer dizer", "ou melhor", "não perdão"]
FILLERS = ["tipo", "então", "é", "assim", "aí"]
SPOKEN_HOURS = {
    9: "nove",
    10: "dez",
    11: "onze",
    13: "uma",
    14: "duas",
    15: "três",
    16: "quatro",
    17: "cinco",
}
HAGGLE = 0.125
"""The share of conversations that haggle (hedge, negotiate, reschedule)."""
CONDITIONS = [
    "se for à vista consigo mais um pouco",
    "se vender o carro estico um pouco",
    "mas se precisar dá pra esticar um pouquinho",
    "se o banco aprovar consigo um pouco mais",
    "se tiver desconto à vista fica melhor ainda",
]
GREETINGS = ["oi", "Oi, boa tarde", "olá", "bom dia!", "boa noite", "oii tudo bem?"]


WHOSE = 0.125
"""The share of conversations saying whose a fact is, or a word again (the `who` stream)."""
RELATIVES = ["minha irmã", "meu irmão", "minha prima", "meu cunhado", "minha vizinha", "meu chefe"]
PARTNERS = ["meu marido", "minha esposa", "minha mulher", "meu esposo", "minha sócia"]
SURNAMES = [
    "Benevides",
    "Lima",
    "Holanda",
    "Pinheiro",
    "Albuquerque",
    "Sampaio",
    "Bezerra",
    "Cavalcante",
    "Moreira",
    "Tavares",
    "Gurgel",
    "Feitosa",
]
DAY_WORDS = {
    8: "oito",
    9: "nove",
    10: "dez",
    11: "onze",
    14: "quatorze",
    15: "quinze",
    16: "dezesseis",
    17: "dezessete",
    18: "dezoito",
    21: "vinte e um",
    22: "vinte e dois",
    23: "vinte e três",
    28: "vinte e oito",
}
"""December 2026's weekdays (Monday to Friday) in the three weeks after NOW, in words
(24 and 25, Christmas, left out)."""


def _unaccent(rng: random.Random, text: str) -> str:
    return fold(text) if rng.random() < 0.2 else text


def _opens_with_in(text: str) -> bool:
    """Whether a part opens with a preposition of place ("na Aldeota", "no bairro X")."""
    return text.split(" ", 1)[0].lower() in ("no", "na", "nos", "nas", "em")


def name_form(rng: random.Random, name: str, art: str, bare: bool) -> str:
    first = name
    forms = [
        f"sou {art} {first}",
        f"meu nome é {first}",
        f"me chamo {first}",
        f"{first} aqui",
        f"aqui é {art} {first}",
        f"quem fala é {art} {first}",
        f"é {art} {first} falando",
        f"pode me chamar de {first}",
        f"meu nome e {fold(first).lower()}",
    ]
    if bare:
        forms += [first, first, fold(first).lower()]
    return rng.choice(forms)


def bedroom_form(rng: random.Random, n: int, bare: bool) -> str:
    word = WORDS[n]
    forms = [
        f"{n} quartos",
        f"{word} quartos",
        f"{fold(word)} quartos",
        f"{n}q",
        f"{n} qtos",
        f"{n} dormitórios",
        f"uma casa de {n} quartos",
        f"quero {n} quartos",
        f"preciso de {word} quartos",
        f"{n} quarto",
        f"casa com {n} quartos",
    ]
    if n > 2:
        forms.append(f"{n - 1} quartos é pouco, quero {n} quartos")
    if bare:
        forms += [str(n), word]
    return rng.choice(forms)


def place_form(rng: random.Random, place: str, art: str, bare: bool) -> str:
    p = _unaccent(rng, place)
    forms = [
        f"n{art} {p}",
        f"bairro {p}",
        f"lá n{art} {p}",
        f"tô olhando lá pr{art} {p}",
        f"quero morar n{art} {p}",
        f"prefiro {p}",
        f"de preferência n{art} {p}",
        f"não quero no Centro, prefiro {p}",
    ]
    if bare:
        forms += [p, p]
    return rng.choice(forms)


def amount_words(value: int, rng: random.Random) -> str:
    thousands = value // 1000
    if value >= 1_000_000:
        millions = value / 1_000_000
        shown = f"{millions:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        forms = [f"{shown} milhão" if millions < 2 else f"{shown} milhões", f"{shown}kk"]
        if value == 1_000_000:
            forms += ["um milhão", "1 milhão"]
        if value == 1_500_000:
            forms += ["um milhão e meio", "um milhão e quinhentos mil"]
        if value == 1_200_000:
            forms += ["um milhão e duzentos mil", "um milhão e duzentos"]
        forms.append(f"R$ {value:,}".replace(",", "."))
        return rng.choice(forms)
    forms = [f"{thousands} mil", f"{thousands}k", f"R$ {thousands}.000", f"{thousands} mil reais"]
    if thousands in HUNDREDS:
        forms.append(f"{HUNDREDS[thousands]} mil")
    if value == 500_000:
        forms.append("meio milhão")
    return rng.choice(forms)


def budget_form(rng: random.Random, value: int, bare: bool) -> str:
    amount = amount_words(value, rng)
    forms = [
        f"até {amount}",
        f"uns {amount}",
        f"orçamento de {amount}",
        f"tenho {amount}",
        f"posso pagar até {amount}",
        f"meu limite é {amount}",
    ]
    if rng.random() < 0.08:
        more = amount_words(value + 200_000, rng)
        return f"tenho {amount}, se eu vender o carro chego a {more}"
    if bare:
        forms += [amount, amount]
    return rng.choice(forms)


def call_form(rng: random.Random, weekday: int, hour: int, minute: int) -> str:
    day = WEEKDAYS[weekday]
    if weekday < 5 and rng.random() < 0.3:
        day = f"{day}-feira"
    clock = f"{hour}h" if not minute else rng.choice([f"{hour}h{minute}", f"{hour}:{minute}"])
    return rng.choice(
        [
            f"pode ligar {day} às {clock}",
            f"me liga {day} {clock}",
            f"{day} às {clock}",
            f"{day} {clock} fica bom",
            f"pode ser {day} às {clock}",
        ]
    )


def day_part_call(rng: random.Random, weekday: int, hour: int) -> tuple[list[str], str]:
    """A call agreed in two steps ("sexta à tarde", then "pode ser às 15h"), or a day part
    turned down ("de manhã não dá, mas quinta 15h pode"); the last message books it."""
    day = WEEKDAYS[weekday]
    part = "de manhã" if hour < 12 else "à tarde"
    if rng.random() < 0.5:
        other = "à tarde" if hour < 12 else "de manhã"
        return [], f"{other} não dá, mas {day} {hour}h pode"
    first = rng.choice([f"{day} {part}", f"pode ser {day} {part}", f"{day} {part} é melhor"])
    return [first], rng.choice([f"pode ser às {hour}h", f"às {hour}h", f"{hour}h tá bom"])


def spoken_call(rng: random.Random, weekday: int, hour: int, minute: int) -> str:
    """A call time as dictation writes it: "sexta às duas e meia da tarde"."""
    day = WEEKDAYS[weekday]
    half = " e meia" if minute == 30 else ""
    if hour == 12:
        clock = f"ao meio-dia{half}"
    else:
        part = "da manhã" if hour < 12 else "da tarde"
        digits = f"às {hour}h{'30' if minute else ''}"
        clock = rng.choice([f"às {SPOKEN_HOURS[hour]}{half} {part}", digits])
    return rng.choice(
        [f"pode ligar {day} {clock}", f"me liga na {day} {clock}", f"{day} {clock} pode ser"]
    )


def self_corrected(rng: random.Random, fact: str, values: dict[str, Any], text: str) -> str:
    """A value said wrong and put right in the same breath: "três quartos não pera <text>"."""
    if fact == "bedrooms":
        wrong = WORDS[rng.choice([n for n in (2, 3, 4) if n != values["bedrooms"]])]
        said = f"{wrong} quartos"
    elif fact == "neighborhood":
        place, art = rng.choice([p for p in PLACES if p != values["neighborhood"]])
        said = f"n{art} {place}"
    else:
        said = amount_words(values["budget_brl"] - 50_000, rng)
    return f"{said} {rng.choice(SELF_CORRECTIONS)} {text}"


def dictated(text: str) -> str:
    """What speech-to-text leaves of a message: no sentence punctuation (names keep their
    capitals, as dictation writes them)."""
    bare = re.sub(r"[,.!?;:]+(?=\s|$)", "", text)
    return re.sub(r"\s+", " ", bare).strip()


def call_value(weekday: int, hour: int, minute: int) -> datetime:
    days = (weekday - NOW.weekday()) % 7 or 7
    day: date = NOW.date() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


# ---------------------------------------------------------------- haggling


def _thousands(value: int) -> str:
    return f"{value // 1000}"


def range_budget(hag: random.Random, value: int) -> tuple[str, str]:
    """(kind, text) of a budget said as a range or a ceiling with a stretch, whose top is
    `value` (the convention: a range's top is the budget)."""
    if value >= 1_000_000:
        low = amount_words(value - 200_000, hag)
        top = amount_words(value, hag)
        return "haggle range", hag.choice(
            [f"entre {low} e {top}", f"uns {low}, no máximo {top}", f"de {low} a {top}"]
        )
    lo, hi = _thousands(value - 50_000), _thousands(value)
    kind, text = hag.choice(
        [
            ("haggle range", f"entre {lo} e {hi} mil"),
            ("haggle range", f"entre {lo} mil e {hi} mil"),
            ("haggle range", f"de {lo} a {hi} mil"),
            ("haggle range", f"na faixa de {lo} a {hi} mil"),
            ("haggle ceiling", f"até {lo}, no máximo {hi} mil"),
            ("haggle ceiling", f"uns {lo}, no máximo {hi}"),
            ("haggle stretch", f"uns {lo} mil, forçando {hi}"),
            ("haggle stretch", f"até {lo}, forçando uns {hi} mil"),
            ("haggle stretch", f"orçamento de {lo} mil, forçando {hi} mil"),
        ]
    )
    return kind, text


def conditioned_budget(hag: random.Random, value: int) -> tuple[str, str]:
    """(kind, text): the real budget, then a condition with no amount or a hypothetical
    with one; the real amount stays the budget."""
    amount = amount_words(value, hag)
    real = hag.choice(
        [f"até {amount}", f"tenho {amount}", f"meu limite é {amount}", f"posso pagar até {amount}"]
    )
    if hag.random() < 0.55:
        return "haggle condition", f"{real}, {hag.choice(CONDITIONS)}"
    more = amount_words(value + hag.choice([100_000, 200_000]), hag)
    return "haggle hypothetical", hag.choice(
        [
            f"{real}, se eu vender o sítio chego a {more}",
            f"{real}, se meu pai ajudar dá pra chegar em {more}",
            f"se eu vender o apartamento chego a {more}, mas hoje tenho {amount}",
        ]
    )


def floor_bedrooms(hag: random.Random, n: int) -> str:
    """Bedrooms as a floor: "no mínimo 3" is 3."""
    return hag.choice(
        [
            f"no mínimo {n} quartos",
            f"no minimo {n} qts",
            f"pelo menos {n} quartos",
            f"{n} quartos no mínimo",
            f"quero no mínimo {n} quartos",
            f"preciso de pelo menos {WORDS[n]} quartos",
        ]
    )


def open_bedrooms(hag: random.Random, n: int) -> str:
    """Two counts left open ("2 ou 3 quartos tanto faz"): no bedrooms."""
    a, b = (n - 1, n) if n > 2 else (n, n + 1)
    return hag.choice(
        [
            f"{a} ou {b} quartos tanto faz",
            f"{a} ou {b} tanto faz",
            f"tanto faz {a} ou {b} quartos",
            f"{a} ou {b} quartos, pra mim tanto faz",
        ]
    )


def rescheduled(
    hag: random.Random, old: tuple[int, int, int]
) -> tuple[list[str], tuple[int, int, int]]:
    """Messages that replace a booked call time, the last one giving the new time."""
    weekday = old[0]
    while True:
        day = hag.randrange(6)
        new_hour = hag.randrange(9, 13 if day == 5 else 18)
        if day != weekday:
            break
    name, old_name = WEEKDAYS[day], WEEKDAYS[weekday]
    one = [
        f"aquele horário não vai dar mais, pode ser {name} {new_hour}h",
        f"mudou meu plantão, melhor {name} às {new_hour}h",
        f"{old_name} não dá mais, pode ser {name} às {new_hour}h",
        f"surgiu um compromisso, dá pra mudar pra {name} às {new_hour}h?",
        f"preciso remarcar: {name} às {new_hour}h",
    ]
    two = [
        [
            "oi, aquele horário não vai dar mais, surgiu uma reunião no trabalho",
            f"pode ser {name} às {new_hour}h?",
        ],
        [f"{old_name} não vai dar mais", f"melhor {name} {new_hour}h"],
    ]
    texts = [hag.choice(one)] if hag.random() < 0.6 else hag.choice(two)
    return texts, (day, new_hour, 0)


def news_bedrooms(hag: random.Random, n: int) -> tuple[str, int]:
    new = hag.choice([k for k in (2, 3, 4) if k != n])
    return hag.choice(
        [
            f"minha esposa quer {new} quartos mesmo",
            f"falei com meu marido e vamos precisar de {new} quartos",
            f"minha sogra vem morar com a gente, melhor {new} quartos",
        ]
    ), new


def news_budget(hag: random.Random, value: int) -> tuple[str, int]:
    new = value + hag.choice([50_000, 100_000])
    if new >= 1_000_000:
        amount = amount_words(new, hag)
        return hag.choice(
            [f"vou aumentar pra {amount}", f"pode subir o orçamento pra {amount}"]
        ), new
    k = _thousands(new)
    return hag.choice(
        [
            f"vou aumentar pra {k}",
            f"vou aumentar pra {k} mil",
            f"pode subir o orçamento pra {k} mil",
            f"o banco aprovou {k} mil, pode considerar esse valor",
            f"conversei com minha esposa e dá pra ir até {k} mil",
        ]
    ), new


def _haggle_plan(hag: random.Random, facts: list[str], corrected: str | None) -> set[str]:
    """Which haggling forms a conversation takes (one or two), from the facts it gives."""
    options = []
    if "budget_brl" in facts and corrected != "budget_brl":
        options += ["budget range", "budget condition", "news budget"]
    if "bedrooms" in facts and corrected != "bedrooms":
        options += ["bedrooms floor", "bedrooms open", "news bedrooms"]
    if "call_at" in facts:
        options += ["rescheduled", "rescheduled"]
    if not options:
        return set()
    plan = {hag.choice(options)}
    if hag.random() < 0.3:
        plan.add(hag.choice(options))
    # One form per fact: news after a value already haggled over is another test.
    if {"budget range", "budget condition"} <= plan:
        plan.discard("budget condition")
    for fact in ("budget", "bedrooms"):
        if f"news {fact}" in plan and any(p.startswith(f"{fact} ") for p in plan):
            plan.discard(f"news {fact}")
    return plan


def _haggled(
    hag: random.Random, plan: set[str], fact: str, values: dict[str, Any]
) -> tuple[str, str, Any] | None:
    """(kind, text, value) replacing a fact's form in a haggling conversation; value None
    when the form gives no value."""
    if fact == "budget_brl" and "budget range" in plan:
        kind, text = range_budget(hag, values[fact])
        return kind, text, values[fact]
    if fact == "budget_brl" and "budget condition" in plan:
        kind, text = conditioned_budget(hag, values[fact])
        return kind, text, values[fact]
    if fact == "bedrooms" and "bedrooms floor" in plan:
        return "haggle floor bedrooms", floor_bedrooms(hag, values[fact]), values[fact]
    if fact == "bedrooms" and "bedrooms open" in plan:
        return "haggle open bedrooms", open_bedrooms(hag, values[fact]), None
    return None


# ---------------------------------------------------------------- whose fact, a word again


def _whose_plan(
    who: random.Random, facts: list[str], corrected: str | None, plan: set[str]
) -> set[str]:
    """Which "whose fact" parts a conversation takes (one or two), from the facts it gives."""
    options = ["other home", "name twice", "name later"]
    if "bedrooms" in facts and corrected != "bedrooms":
        options += ["mind bedrooms", "mind later"]
    if "neighborhood" in facts and corrected != "neighborhood":
        options += ["parents", "parents", "mind place"]
    if "call_at" in facts and "rescheduled" not in plan:
        options += ["other availability", "date words", "date words"]
    if "call_at" not in facts:
        options += ["availability only"]
    chosen = {who.choice(options)}
    if who.random() < 0.3:
        chosen.add(who.choice(options))
    # One form per fact.
    if {"name twice", "name later"} <= chosen:
        chosen.discard("name later")
    if {"other availability", "date words"} <= chosen:
        chosen.discard("date words")
    if {"mind bedrooms", "mind later"} <= chosen:
        chosen.discard("mind later")
    if {"parents", "mind place"} <= chosen:
        chosen.discard("mind place")
    return chosen


def _place_said(who: random.Random, place: str, art: str) -> str:
    return f"n{art} {_unaccent(who, place)}"


def _whose_form(
    who: random.Random, chosen: set[str], fact: str, values: dict[str, Any]
) -> tuple[str, str, Any] | None:
    """(kind, text, value) replacing a fact's plain form in a "whose fact" conversation."""
    if fact == "bedrooms" and "other home" in chosen:
        n = values[fact]
        other = who.choice([k for k in (2, 3, 4, 5) if k != n])
        rel = who.choice(RELATIVES)
        text = who.choice(
            [
                f"{rel} comprou uma de {other} quartos aí, pra mim {n} tá ótimo",
                f"{rel} tem uma de {other} quartos, mas pra mim {n} quartos já dá",
                f"a casa d{'a' if rel.startswith('minha') else 'o'} {rel.split()[-1]} tem "
                f"{other} quartos, eu quero {n}",
                f"{fold(rel)} comprou de {other} qtos, pra mim {n} ta otimo",
            ]
        )
        return "whose other home", text, n
    if fact == "bedrooms" and "mind bedrooms" in chosen:
        n = values[fact]
        first = who.choice([k for k in (2, 3, 4) if k != n])
        text = who.choice(
            [
                f"pensei em {first} quartos... pensando bem, melhor {n}",
                f"pensei em {WORDS[first]} quartos, mas pensando bem melhor {WORDS[n]}",
                f"eu tava pensando em {first} quartos, pensando melhor, {n} quartos",
                f"pensei em {first} qtos... pensando bem melhor {n}",
            ]
        )
        return "whose mind bedrooms", text, n
    if fact == "neighborhood" and "parents" in chosen:
        place, art = values[fact]
        home, home_art = who.choice([p for p in PLACES if p != values[fact]])
        a, b = _place_said(who, home, home_art), _place_said(who, place, art)
        text = who.choice(
            [
                f"tô vendo pros meus pais, eles moram {a} mas querem {b}",
                f"to vendo pros meus pais, eles moram {a} mas querem ir pr{art} {place}",
                f"é pra minha mãe, ela mora {a} mas quer morar {b}",
                f"procuro pros meus pais, hoje eles moram {a}, querem {b}",
                f"é pro meu pai, ele mora {a} e quer se mudar pr{art} {place}",
            ]
        )
        return "whose parents place", text, place
    if fact == "neighborhood" and "mind place" in chosen:
        place, art = values[fact]
        was, was_art = who.choice([p for p in PLACES if p != values[fact]])
        text = who.choice(
            [
                f"pensei {_place_said(who, was, was_art)}... pensando bem, melhor "
                f"{_place_said(who, place, art)}",
                f"eu tava pensando n{was_art} {was}, mas pensando bem prefiro {place}",
            ]
        )
        return "whose mind place", text, place
    if fact == "budget_brl" and "parents" in chosen and who.random() < 0.5:
        amount = amount_words(values[fact], who)
        text = who.choice(
            [
                f"o dinheiro é deles, meu pai vai até {amount}",
                f"quem paga é meu pai, ele vai até {amount}",
                f"o dinheiro é dos meus pais, eles podem até {amount}",
                f"o dinheiro e deles, meu pai vai ate {amount}",
            ]
        )
        return "whose parents budget", text, values[fact]
    if fact == "name" and "name twice" in chosen:
        first = values[fact][0]
        surname = who.choice(SURNAMES)
        low = fold(first).lower() if who.random() < 0.5 else first.lower()
        art = values[fact][1]
        text = who.choice(
            [
                f"meu nome é {low} {low} {surname.lower()}",
                f"meu nome e {low} {low} {fold(surname).lower()}",
                f"é {art} {first} falando, {first} {surname}",
                f"aqui é {art} {low} {low} {surname.lower()}",
            ]
        )
        return "whose name twice", text, f"{first} {surname}"
    if fact == "call_at" and "other availability" in chosen:
        weekday, hour, minute = values[fact]
        partner = who.choice(PARTNERS)
        after = who.choice([16, 17])
        if who.random() < 0.5:
            day, value = (
                "amanhã",
                datetime.combine(NOW.date() + timedelta(days=1), time(hour, minute), tzinfo=TZ),
            )
        else:
            day, value = WEEKDAYS[weekday], call_value(weekday, hour, minute)
        clock = f"{hour}h" if not minute else f"{hour}h{minute}"
        text = who.choice(
            [
                f"{partner} só pode depois das {after}h, mas liga pra mim {day} {clock}",
                f"{partner} só pode depois das {after}h, mas pode ligar pra mim {day} às {clock}",
                f"{fold(partner)} so pode depois das {after}h mas me liga {day} {clock}",
            ]
        )
        return "whose other availability", text, value
    if fact == "call_at" and "date words" in chosen:
        date_day = who.choice(sorted(DAY_WORDS))
        hour = who.choice(sorted(SPOKEN_HOURS))
        minute = who.choice([0, 0, 30])
        half = " e meia" if minute else ""
        part = "da manhã" if hour < 12 else "da tarde"
        spoken = f"{SPOKEN_HOURS[hour]}{half}"
        clock = (
            who.choice([f"{spoken} {part}", f"{spoken} {part}", spoken])
            if hour < 12
            else (f"{spoken} {part}")
        )
        dec = who.choice(["de dezembro", "de dezembro", "deste mês", ""])
        text = who.choice(
            [
                f"dia {DAY_WORDS[date_day]} {dec} às {clock}",
                f"pode ligar dia {DAY_WORDS[date_day]} {dec} às {clock}",
                f"me liga no dia {DAY_WORDS[date_day]} {dec} às {clock}",
            ]
        )
        value = datetime(2026, 12, date_day, hour, minute, tzinfo=TZ)
        return "whose date in words", re.sub(r"\s+", " ", text), value
    return None


def _whose_later(
    who: random.Random,
    chosen: set[str],
    convo: Conversation,
    values: dict[str, Any],
    *,
    spoken: bool,
    run_on: bool,
) -> None:
    """Messages the "whose fact" parts add (drawn from `who` only, after every other
    draw): someone else's home or availability alone, the parents' income, a change of
    mind later, a fuller name later."""
    asides: list[str] = []
    later: list[tuple[str, dict[str, Any]]] = []
    if "other home" in chosen and "whose other home" not in convo.kinds:
        rel = who.choice(RELATIVES)
        asides.append(
            who.choice(
                [
                    f"{rel} comprou uma de {who.choice([3, 4, 5])} quartos aí",
                    f"{rel} mora numa de {who.choice([2, 3, 4])} quartos",
                ]
            )
        )
        convo.kinds.add("whose other home only")
    if "availability only" in chosen and "call_at" not in convo.expect:
        partner = who.choice(PARTNERS)
        after = who.choice([16, 17])
        asides.append(
            who.choice(
                [
                    f"ele só pode depois das {after}h",
                    f"{partner} só pode depois das {after}h",
                    f"{partner} só pode de manhã",
                ]
            )
        )
        convo.kinds.add("whose other availability only")
    if (
        "parents" in chosen
        and "whose parents place" in convo.kinds
        and "whose parents budget" not in convo.kinds
    ):
        asides.append(
            who.choice(
                [
                    f"meu pai ganha {who.choice([5, 8, 12])} mil",
                    f"meu pai comprou a dele por {who.choice([300, 500, 650])} mil",
                    f"minha mãe ganha {who.choice([4, 6, 9])} mil de aposentadoria",
                ]
            )
        )
        convo.kinds.add("whose parents income")
    if "mind later" in chosen and "bedrooms" in convo.expect:
        new = who.choice([k for k in (2, 3, 4) if k != convo.expect["bedrooms"]])
        later.append(
            (
                who.choice(
                    [
                        f"pensando bem, melhor {new} quartos",
                        f"pensando melhor, acho que {new} quartos",
                        f"pensando bem, melhor {WORDS[new]} quartos",
                    ]
                ),
                {"bedrooms": new},
            )
        )
        convo.expect["bedrooms"] = new
        convo.kinds.add("whose mind later")
    if "name later" in chosen and "name" in convo.expect:
        first = str(convo.expect["name"])
        surname = who.choice(SURNAMES)
        full = f"{first} {surname}"
        later.append(
            (
                who.choice(
                    [
                        f"sobrenome? {surname}, {full}",
                        f"é {values['name'][1]} {fold(first).lower()} falando, {full}",
                        f"meu nome completo é {full}",
                        f"{full}, esqueci o sobrenome",
                    ]
                ),
                {"name": full},
            )
        )
        convo.expect["name"] = full
        convo.kinds.add("whose name later")

    def said(text: str) -> str:
        if spoken:
            return dictated(text)
        if run_on:
            return str(fold(text)).lower().replace(", ", " ")
        return text

    for aside in asides:
        at = who.randrange(1, len(convo.messages) + 1)
        convo.messages.insert(at, said(aside))
        convo.stated.insert(at, {})
    for text, stated in later:
        convo.add(said(text), **stated)


# ---------------------------------------------------------------- composing


def _values(rng: random.Random) -> dict[str, Any]:
    name, name_art = rng.choice(NAMES)
    place, place_art = rng.choice(PLACES)
    budget = rng.choice(
        [*range(250_000, 1_000_000, 50_000), 1_000_000, 1_200_000, 1_500_000, 1_800_000, 2_000_000]
    )
    weekday = rng.randrange(6)
    hour = rng.randrange(9, 13 if weekday == 5 else 18)
    minute = rng.choice([0, 0, 0, 30])
    return {
        "name": (name, name_art),
        "bedrooms": rng.choice([2, 3, 4]),
        "neighborhood": (place, place_art),
        "budget_brl": budget,
        "call_at": (weekday, hour, minute),
    }


def _form(rng: random.Random, fact: str, value: Any, bare: bool) -> tuple[str, Any]:
    """A surface form of a fact, and the value the lead row must then hold."""
    if fact == "name":
        return name_form(rng, value[0], value[1], bare), value[0]
    if fact == "bedrooms":
        return bedroom_form(rng, value, bare), value
    if fact == "neighborhood":
        return place_form(rng, value[0], value[1], bare), value[0]
    if fact == "budget_brl":
        return budget_form(rng, value, bare), value
    return call_form(rng, *value), call_value(*value)


def _correction(rng: random.Random, fact: str, values: dict[str, Any]) -> tuple[str, str, Any]:
    """(first form, correcting message, corrected value) for a fact that is corrected."""
    if fact == "bedrooms":
        first = rng.choice([n for n in (2, 3, 4) if n != values["bedrooms"]])
        n = values["bedrooms"]
        fix = rng.choice(
            [
                f"opa, escrevi errado, são {n} quartos",
                f"corrigindo: {n} quartos",
                f"me enganei, são {n} quartos",
                f"na verdade {n} quartos",
            ]
        )
        return bedroom_form(rng, first, False), fix, n
    if fact == "neighborhood":
        first_place, first_art = rng.choice([p for p in PLACES if p != values["neighborhood"]])
        place, art = values["neighborhood"]
        fix = rng.choice(
            [
                f"pensando melhor, {place} é melhor",
                f"na verdade prefiro {place}",
                f"mudei de ideia, quero n{art} {place}",
                f"corrigindo: n{art} {place}",
            ]
        )
        return place_form(rng, first_place, first_art, False), fix, place
    first_budget = values["budget_brl"] - 50_000
    k = values["budget_brl"] // 1000
    fix = rng.choice(
        [
            f"me enganei, é {k} mil",
            f"corrigindo, o orçamento é {k} mil",
            f"na verdade posso até {k} mil",
            f"errei, são {k} mil",
        ]
    )
    return budget_form(rng, first_budget, False), fix, values["budget_brl"]


def _distractor(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["person", "amount", "schedule", "place", "question"])
    pool = {
        "person": OTHER_PEOPLE,
        "amount": OTHER_AMOUNTS,
        "schedule": SCHEDULES,
        "place": OTHER_PLACES,
        "question": QUESTIONS,
    }[kind]
    return kind, rng.choice(pool)


def conversation(
    rng: random.Random,
    index: int,
    told: random.Random | None = None,
    hag: random.Random | None = None,
    who: random.Random | None = None,
) -> Conversation:
    """One conversation from `rng`; `told` (a stream of its own) decides whether it is
    dictated and how, `hag` (another) whether it haggles and how, `who` (a fourth) whether
    it says whose a fact is. None of them changes what `rng` draws."""
    values = _values(rng)
    spoken = told is not None and told.random() < TOLD
    haggles = hag is not None and hag.random() < HAGGLE
    whose = who is not None and who.random() < WHOSE
    facts = [f for f in ORDER if f == "name" or rng.random() < 0.92]
    if rng.random() < 0.4:
        facts = [f for f in facts if f != "call_at"]
    style = rng.choice(["in_turn", "in_turn", "out_of_turn", "packed", "run_on"])
    convo = Conversation(id=f"gen-{index:05d}", kinds={style})
    corrected = (
        rng.choice([f for f in ("bedrooms", "neighborhood", "budget_brl") if f in facts])
        if rng.random() < 0.25
        and any(f in facts for f in ("bedrooms", "neighborhood", "budget_brl"))
        else None
    )
    plan = _haggle_plan(hag, facts, corrected) if haggles and hag is not None else set()
    chosen = _whose_plan(who, facts, corrected, plan) if whose and who is not None else set()
    if rng.random() < 0.6 or style == "in_turn":
        convo.add(rng.choice(GREETINGS))
    parts: list[tuple[str, dict[str, Any]]] = []
    fixes: set[str] = set()
    for fact in facts:
        if fact == corrected:
            first, fix, value = _correction(rng, fact, values)
            parts.append((first, {}))
            parts.append((fix, {fact: value}))
            fixes.add(fix)
            convo.kinds.add(f"corrected {fact}")
            convo.expect[fact] = value
            continue
        if fact == "call_at" and rng.random() < 0.2:
            weekday, hour, _ = values["call_at"]
            before, last = day_part_call(rng, weekday, hour)
            parts.extend((text, {}) for text in before)
            parts.append((last, {fact: call_value(weekday, hour, 0)}))
            if before:
                fixes.add(last)
            convo.kinds.add("day part call")
            convo.expect[fact] = call_value(weekday, hour, 0)
            continue
        text, value = _form(rng, fact, values[fact], style == "in_turn")
        fixed_now = False
        if spoken and told is not None:
            if fact == "call_at":
                text = spoken_call(told, *values["call_at"])
            elif (
                fact != "name"
                and told.random() < 0.4
                and not re.search(r"\b(?:não|pouco|vender)\b", text)
            ):
                text = self_corrected(told, fact, values, text)
                convo.kinds.add(f"self-corrected {fact}")
                fixed_now = True
        haggled = _haggled(hag, plan, fact, values) if hag is not None and not fixed_now else None
        if haggled is not None:
            kind, text, value = haggled
            convo.kinds.add(kind)
            if value is None:
                parts.append((text, {}))
                continue
        elif who is not None and chosen and not fixed_now:
            mine = _whose_form(who, chosen, fact, values)
            if mine is not None:
                kind, text, value = mine
                convo.kinds.add(kind)
        parts.append((text, {fact: value}))
        convo.expect[fact] = value
    if style == "out_of_turn":
        # A correction stays right after what it corrects; the call comes last.
        groups: list[list[tuple[str, dict[str, Any]]]] = []
        for part in parts:
            if part[0] in fixes:
                groups[-1].append(part)
            else:
                groups.append([part])
        call = [g for g in groups if "call_at" in g[-1][1]]
        rest = [g for g in groups if "call_at" not in g[-1][1]]
        rng.shuffle(rest)
        parts = [p for g in rest + call for p in g]
    if style in ("packed", "run_on"):
        merged: list[tuple[str, dict[str, Any]]] = []
        i = 0
        while i < len(parts):
            size = rng.randint(2, 4)
            chunk = parts[i : i + size]
            for k, p in enumerate(chunk):
                if k and p[0] in fixes:
                    chunk = chunk[:k]
                    break
            sep = rng.choice([", ", " e ", ". ", ", e "]) if style == "packed" else " "
            text = chunk[0][0]
            for before, after in pairwise(chunk):
                # "sergio aqui na cidade dos funcionarios" run on says where the lead is as
                # they type, not the place wished: the two parts are joined by "e" there
                here = sep == " " and before[0].endswith(" aqui") and _opens_with_in(after[0])
                text += (" e " if here else sep) + after[0]
            stated: dict[str, Any] = {}
            for p in chunk:
                stated.update(p[1])
            merged.append((text, stated))
            i += len(chunk)
        parts = merged
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        kind, text = _distractor(rng)
        convo.kinds.add(f"distractor {kind}")
        parts.insert(rng.randrange(1, len(parts) + 1), (text, {}))
    if spoken:
        convo.kinds.add("dictated")
    for said, stated in parts:
        text = said
        if spoken and told is not None:
            text = dictated(said)
            if told.random() < 0.3:
                text = f"{told.choice(FILLERS)} {text}"
        elif style == "run_on":
            text = fold(said).lower().replace(", ", " ")
            if rng.random() < 0.3:
                text = "entao tipo " + text
        convo.add(text, **stated)
    if hag is not None:
        _haggle_later(hag, plan, convo, values, spoken=spoken, run_on=style == "run_on")
    if who is not None and chosen:
        _whose_later(who, chosen, convo, values, spoken=spoken, run_on=style == "run_on")
    return convo


def _haggle_later(
    hag: random.Random,
    plan: set[str],
    convo: Conversation,
    values: dict[str, Any],
    *,
    spoken: bool,
    run_on: bool,
) -> None:
    """Messages after the conversation's end (drawn from `hag` only): a call time
    replaced, news that changes a fact."""
    later: list[tuple[str, dict[str, Any]]] = []
    if "rescheduled" in plan and "call_at" in convo.expect:
        texts, new = rescheduled(hag, values["call_at"])
        later += [(text, {}) for text in texts[:-1]]
        later.append((texts[-1], {"call_at": call_value(*new)}))
        convo.expect["call_at"] = call_value(*new)
        convo.kinds.add("haggle rescheduled")
    if "news bedrooms" in plan and "bedrooms" in convo.expect:
        text, n = news_bedrooms(hag, convo.expect["bedrooms"])
        later.append((text, {"bedrooms": n}))
        convo.expect["bedrooms"] = n
        convo.kinds.add("haggle news bedrooms")
    if "news budget" in plan and "budget_brl" in convo.expect:
        text, amount = news_budget(hag, convo.expect["budget_brl"])
        later.append((text, {"budget_brl": amount}))
        convo.expect["budget_brl"] = amount
        convo.kinds.add("haggle news budget")
    for said, stated in later:
        text = said
        if spoken:
            text = dictated(said)
        elif run_on:
            text = fold(said).lower().replace(", ", " ")
        convo.add(text, **stated)


def generate(seed: int, count: int, *, whose: bool = True) -> list[Conversation]:
    """`whose=False` leaves the fourth stream out (the set as it was before it)."""
    rng = random.Random(seed)
    told = random.Random(f"dictated-{seed}")
    hag = random.Random(f"haggle-{seed}")
    who = random.Random(f"whose-{seed}") if whose else None
    return [conversation(rng, index, told, hag, who) for index in range(count)]
