"""What a lead's question about the development asks: its topic words and its type.

Decided before anyone answers it (see `homer_agent.kb.search.lookup`):

- `normalise`: slang and abbreviations as words ("qnto" → "quanto", "qnts" → "quantos",
  "vc" → "voce", "eh" → "e"), lower case, accents folded;
- `asking_clauses`: the parts of a message put as questions, cut where the question
  starts ("meu nome é Rita, queria saber se tem van pra escola" → "tem van pra escola");
- `read_question`: whether it asks a price, a discount or a negotiation (the broker's),
  which measure it asks for (a size, a distance, a time, a capacity, a count, opening
  hours, a fee, a share) or yes/no, and its topic: the words left once the words that
  only make it a question ("quanto mede", "cabe quantas", "até que horas") are gone;
- `correct`: a misspelt word ("tamaho", "coworkiing") put right against a vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

from homer_agent.ptbr.text import fold

__all__ = [
    "Asked",
    "Measure",
    "asking_clauses",
    "correct",
    "figure_kinds",
    "normalise",
    "read_question",
]

Measure = Literal[
    "size", "distance", "time", "capacity", "count", "hours", "money", "share", "date"
]

SLANG: Final[dict[str, str]] = {
    "qnto": "quanto",
    "qto": "quanto",
    "qt": "quanto",
    "qnta": "quanta",
    "qta": "quanta",
    "qnts": "quantos",
    "qntos": "quantos",
    "qtos": "quantos",
    "qts": "quantos",
    "qntas": "quantas",
    "qtas": "quantas",
    "vc": "voce",
    "vcs": "voces",
    "eh": "e",
    "q": "que",
    "oq": "o que",
    "tb": "tambem",
    "tbm": "tambem",
    "pq": "porque",
    "hj": "hoje",
    "ta": "esta",
    "to": "estou",
    "tao": "estao",
    "busao": "onibus",
    "buzao": "onibus",
    "p": "para",
    "pra": "para",
    "pro": "para o",
    "pras": "para as",
    "pros": "para os",
    "mt": "muito",
    "mto": "muito",
    "msm": "mesmo",
    "td": "tudo",
    "blz": "beleza",
    "vlw": "valeu",
    "obg": "obrigado",
    "agr": "agora",
    "dps": "depois",
    "n": "nao",
    "tmb": "tambem",
    "cmg": "comigo",
    "ngm": "ninguem",
    "qdo": "quando",
    "qd": "quando",
    "qndo": "quando",
    "ond": "onde",
    "cond": "condominio",
    "condo": "condominio",
    "apto": "apartamento",
    "km2": "km",
    "metros2": "m2",
    "mts": "metros",
    "mt2": "m2",
    "24hs": "24h",
    "24hrs": "24h",
}
"""Shorthand leads write, as the words it stands for (folded)."""

_WORD: Final = re.compile(r"[a-z0-9²]+")

# Price, discount, negotiation: what a unit costs is the broker's, whatever the wording.
_PRICE: Final = re.compile(
    r"\b(?:preco|precos|precinho|custa|custam|custo|custaria|desconto|descontos|barat[oa]s?"
    r"|car[oa] demais|negoci\w*|proposta|contraproposta|oferta|permuta|tabela|tabelas"
    r"|valor(?:es)? (?:d[aoe]s?|por) (?:casa|casas|imovel|imoveis|unidade|unidades|lote|lotes"
    r"|terreno|terrenos|sobrado|sobrados|metro|m2|m²|brisa|mare|duna)"
    r"|(?:faz|fazem|fecha|fecham|sai|saem|fica|ficam|esta|vende|vendem) (?:[a-z]+ ){0,3}por quanto"
    r"|a vista|avista|parcela d[ao] (?:casa|imovel|unidade|sobrado)|entrada d[ao] (?:casa|imovel)"
    r"|quanto (?:e|esta|fica|sai|vale|custa) (?:a|o|as|os) (?:casa|casas|imovel|unidade|sobrado"
    r"|lote|terreno|brisa|mare|duna)"
    r"|(?:casa|imovel|unidade|sobrado|lote|terreno|brisa|mare|duna) (?:sai|fica|esta|custa) "
    r"(?:por )?quanto"
    r"|aceit\w* (?:[a-z]+ ){0,3}(?:carro|moto|permuta|troca|imovel|terreno|proposta|oferta))\b"
)
# A fee or a figure the documents may state: asked with "quanto" / "valor", it is no price.
_FEE: Final = re.compile(
    r"\b(?:condominio|condominial|taxa|iptu|sinal|luz|agua|gas|mensalidade|cota|itbi|escritura)\b"
)
_HOUSE_PRICED: Final = re.compile(r"\b(?:casa|casas|imovel|unidade|sobrado|lote|brisa|mare|duna)\b")

_MEASURES: Final[tuple[tuple[Measure, re.Pattern[str]], ...]] = (
    ("hours", re.compile(r"\b(?:que horas?|ate que hora|horario|horarios|abre|fecha|funciona)\b")),
    (
        "time",
        re.compile(
            r"\b(?:quanto tempo|quantos minutos|minutos|demora|leva quanto|de quanto em quanto)\b"
        ),
    ),
    ("distance", re.compile(r"\b(?:distancia|longe|perto|quantos km|quilometros|km)\b")),
    (
        "capacity",
        re.compile(r"\b(?:cabe|cabem|capacidade|comporta|quantas pessoas|quanta gente|pessoas)\b"),
    ),
    ("share", re.compile(r"\b(?:porcentagem|percentual|por cento|%)")),
    ("money", re.compile(r"\b(?:quanto (?:e|vou pagar|pago|fica|sai|custa)|valor|taxa|pagar)\b")),
    (
        "size",
        re.compile(
            r"\b(?:tamanho|metragem|mede|medem|medir|metros|m2|m²|hectares|area|comprimento"
            r"|largura|grande)\b"
        ),
    ),
    ("date", re.compile(r"\b(?:quando|previsao|prazo|desde quando|ate quando|que ano|que mes)\b")),
    ("count", re.compile(r"\b(?:quantos|quantas|quanto)\b")),
)
"""The measure a question asks for, first match wins ("quanto tempo" before "quanto")."""

_FIGURES: Final[dict[Measure, re.Pattern[str]]] = {
    "hours": re.compile(r"\b\d{1,2}h\b|\b24 horas\b"),
    "time": re.compile(r"\b\d+ minutos\b"),
    "distance": re.compile(r"\b\d+(?:,\d+)? km\b"),
    "capacity": re.compile(r"\b\d+ pessoas\b"),
    "share": re.compile(r"\d+%"),
    "money": re.compile(r"r\$ ?\d|\b\d+%"),
    "size": re.compile(r"\b\d+(?:,\d+)? ?(?:m²|m2|metros|hectares|km)\b"),
    "date": re.compile(r"\b(?:19|20)\d\d\b|\bdias\b|\bentrega\b"),
    "count": re.compile(r"\b\d+\b|\b(?:uma?|dois|duas|tres|quatro|cinco|todos|todas)\b"),
}
"""How a sentence states a figure of each measure (folded text)."""

# Words that only make a sentence a question, or a request, and say nothing about what is
# asked: dropped from the topic, so that no document has to contain them.
QUESTION_WORDS: Final = frozenset(
    """
    mede medem medir cabe cabem comporta capacidade leva levam demora demoram passa passam
    chegar chego chega horas hora horario horarios abre abrem fecha fecham funciona
    funcionam aberto aberta distancia longe perto total inteiro inteira porcentagem
    percentual comprimento largura quantidade numero vem vindo vir instalado instalada
    instalados entregue entregues colocar botar subir construir fazer usar jogar pagar pago
    vou cobra cobrado cobrada cobram comeco comeca comecar partir desde existe existem
    atua atuam mais menos cerca quase uns umas boa bom bons boas nome responsavel
    ja pedir pediu perguntar pergunta pergunto duvida duvidas dizer saber sabem sabe
    queria gostaria importante gente familia valeu obrigado obrigada aguardo decidindo
    ainda minha meu meus minhas esposa marido pensando procurando vendo gostei vi anuncio
    instagram site pelo pela vim mudar regiao aqui
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

_CUE: Final = re.compile(
    r"\b(?:quant[oa]s?|qual|quais|que horas|ate que horas?|onde|como|quando|quem|desde quando"
    r"|ate quando|sera que|tem como|(?:queria|gostaria de|quero|preciso|pode me|podem me"
    r"|sabe(?:m)? me|sabe(?:m)?) (?:saber|dizer|informar|falar)(?: se)?|saber se|me diz(?: se)?"
    r"|me fala(?: se)?|perguntar(?: se)?)\b"
)
_OPENS: Final = re.compile(
    r"^(?:tem|teria|qual|quais|quant[oa]s?|onde|como|quando|quem|aceita[m]?|pode(?! ser)|posso"
    r"|podemos|existe|existem|ha|fica|e perto|e longe|o que|que|da pra|da para|voces tem"
    r"|vem|vao|sera|e permitido|e possivel|passa|cabe|abre|funciona|desde|ate|de quanto"
    r"|se (?:tem|pode|posso|o|a|os|as|da|e|vem|aceita|passa))\b"
)
_YES_NO_TAIL: Final = re.compile(
    r"^(?:o|a|os|as|e|a casa|as casas)\b.*\b(?:tem|vem|vao|e|sao|abre|fecha|passa|aceita|pode"
    r"|fica|cabe|funciona|permite|oferece|possui|inclui|entrega|entregue)\b"
)
_OPENERS: Final = re.compile(
    r"^(?:(?:oi+|ola|opa|eae|e ai|ei|hey|bom dia|boa tarde|boa noite|tudo bem|tudo bom"
    r"|so uma duvida|uma duvida|me tira uma duvida|uma pergunta|so uma pergunta|outra coisa"
    r"|mais uma coisa|e|entao|ah|ai|olha|pessoal|gente)\b[\s,!:;.-]*)+"
)
_SPLIT: Final = re.compile(r"[^.!?;:,\n]+[.!?;:,\n]*")


def normalise(text: str) -> str:
    """Folded text with shorthand spelt out ("Qnto eh o cond?" → "quanto e o condominio?")."""
    folded = fold(text)
    return re.sub(r"[a-z0-9²]+", lambda m: SLANG.get(m.group(), m.group()), folded)


def _asks(clause: str) -> bool:
    body = _OPENERS.sub("", clause).strip()
    return bool(
        clause.rstrip().endswith("?")
        or _OPENS.match(body)
        or _CUE.search(body)
        or _YES_NO_TAIL.match(body)
    )


def asking_clauses(text: str) -> list[str]:
    """The parts of a message put as questions, normalised and cut where the question
    starts: a clause ending with "?", opening like a question ("tem", "qual", "quanto",
    "a casa tem ...") or holding a question cue ("queria saber se", "quantos")."""
    out: list[str] = []
    cue_before = False
    for raw in _SPLIT.findall(normalise(text)):
        clause = raw.strip()
        if not clause:
            continue
        body = _OPENERS.sub("", clause).strip(" ,;:")
        if not body:
            continue
        intro = re.fullmatch(r"(?:[a-z ]*\b)?(?:perguntar|duvida|pergunta|saber)\W*", body)
        if intro:
            cue_before = True
            continue
        if cue_before or _asks(clause):
            cue = _CUE.search(body)
            start = cue.start() if cue and cue.start() > 0 and not _OPENS.match(body) else 0
            asked = body[start:]
            asked = re.sub(
                r"^(?:(?:queria|gostaria de|quero|preciso|pode me|podem me|sabe(?:m)? me"
                r"|sabe(?:m)?) (?:saber|dizer|informar|falar)|saber|me diz|me fala"
                r"|perguntar)(?: se)?\s+",
                "",
                asked,
            )
            asked = re.sub(r"^se\s+", "", asked)
            out.append(asked.strip(" ,;:"))
        cue_before = False
    return [clause for clause in out if clause]


@dataclass(frozen=True, slots=True)
class Asked:
    """What one question asks."""

    text: str
    """The question, normalised."""
    price: bool
    """A price, discount or negotiation: the broker's, whatever the documents say."""
    fee: bool
    """About a fee (condominium, IPTU, the down payment): answered when a document states it."""
    measure: Measure | None
    """The figure asked for, if any."""
    topic: tuple[str, ...]
    """The words naming what is asked about (no question words)."""


def read_question(text: str) -> Asked:
    """Topic and type of a question (see the module docstring)."""
    low = normalise(text)
    padded = f" {low} "
    fee = bool(_FEE.search(low))
    price = bool(_PRICE.search(padded))
    if price and fee and not _HOUSE_PRICED.search(low):
        # "quanto custa o condomínio", "qual o valor da taxa": a fee, not a unit's price.
        price = bool(re.search(r"\b(?:desconto|negoci\w*|proposta|permuta)\b", low))
    measure: Measure | None = None
    for kind, pattern in _MEASURES:
        if pattern.search(padded):
            measure = kind
            break
    if fee and measure in (None, "count"):
        measure = "money"
    topic = tuple(w for w in _WORD.findall(low) if w not in QUESTION_WORDS)
    return Asked(text=low, price=price, fee=fee, measure=measure, topic=topic)


def figure_kinds(sentence: str) -> frozenset[Measure]:
    """The measures a sentence states a figure of ("... 2,4 km" → distance and size)."""
    low = fold(sentence)
    return frozenset(kind for kind, pattern in _FIGURES.items() if pattern.search(low))


def _edits(word: str) -> Iterable[str]:
    """Every word one slip away: a letter dropped, doubled, swapped with the next, or
    replaced."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for i in range(len(word) + 1):
        if i < len(word):
            yield word[:i] + word[i + 1 :]
            yield word[:i] + word[i] + word[i:]
        if i < len(word) - 1:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for c in letters:
            if i < len(word):
                yield word[:i] + c + word[i + 1 :]
            yield word[:i] + c + word[i:]


def correct(word: str, vocabulary: frozenset[str] | set[str]) -> str:
    """`word`, or the one vocabulary word one slip away from it ("tamaho" → "tamanho").

    Words of fewer than five letters, numbers, known words and words with two or more
    equally near candidates are kept as they are (a wrong guess would answer another
    question)."""
    if len(word) < 5 or word in vocabulary or not word.isalpha():
        return word
    near = {edit for edit in _edits(word) if edit in vocabulary and len(edit) >= 4}
    if len(near) == 1:
        return near.pop()
    return word
