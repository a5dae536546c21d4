"""A seeded generator of leads' questions about the example development.

From tests/data/kb_question_facts.json (facts the documents state, each with the words a
reply must carry, the names a lead gives the thing and ways of asking), compose
questions the way leads write them: slang and abbreviations ("qnto", "qnts", "qto",
"vc", "pra", "eh"), typos, no accents, no question mark, lower case, indirect wording
("queria saber ..."), a greeting before the question, the question inside a longer
message (with a name, a family, a reason), or dictated: the question at the end of an
unpunctuated story of the lead's life, joined by fillers ("tipo", "entao", "ai"), small
numbers as words. Price, discount and negotiation questions
and questions the documents cannot answer are mixed in: they must get the broker line.

`generate(seed, n)` is deterministic for a seed. Tune on seed A (1), report seed B (2).
The dictated form draws from its own stream, so the other forms of a seed are the same
as before it was added (2026-12-07, fourth session; first seed reported with it: 12).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "kb_question_facts.json"

SLANG: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bquantos\b", ("qnts", "qtos", "quantos")),
    (r"\bquantas\b", ("qnts", "qtas", "quantas")),
    (r"\bquanto\b", ("qnto", "qto", "quanto")),
    (r"\bquanta\b", ("qnta", "quanta")),
    (r"\bvocês\b", ("vcs", "vocês")),
    (r"\bvocê\b", ("vc",)),
    (r"\bpara\b", ("pra",)),
    (r"\bestá\b", ("tá", "ta")),
    (r"\bé\b", ("eh", "é")),
    (r"\bque\b", ("q", "que")),
    (r"\btambém\b", ("tb",)),
    (r"\bporque\b", ("pq",)),
)
GREETINGS = (
    "oi",
    "oi, boa tarde!",
    "olá, tudo bem?",
    "bom dia.",
    "boa noite",
    "opa",
    "eae",
    "oii vi o anúncio no instagram.",
    "olá! vim pelo site.",
)
INDIRECT = (
    "queria saber {q}",
    "gostaria de saber {q}",
    "me tira uma dúvida: {q}",
    "vocês sabem me dizer {q}",
    "uma pergunta, {q}",
    "só uma dúvida, {q}",
)
CONTEXT_BEFORE = (
    "tô procurando casa pra minha família.",
    "sou a Carla,",
    "meu nome é Jorge.",
    "tenho dois filhos pequenos.",
    "to vendo umas casas aqui na região.",
    "minha esposa pediu pra perguntar:",
    "trabalho em Fortaleza e tô pensando em mudar.",
    "vi o condomínio no instagram e gostei.",
)
CONTEXT_AFTER = (
    "pergunto pq é importante pra gente",
    "obrigado!",
    "to decidindo ainda",
    "aguardo",
    "valeu",
)

STORIES = (
    "eu trabalho de motorista de aplicativo o dia todo",
    "a gente mora de aluguel faz uns seis anos",
    "minha sogra vai vir morar com a gente ano que vem",
    "eu sou enfermeira e trabalho de plantao",
    "meu marido viaja muito a trabalho",
    "a gente ta juntando dinheiro faz tempo",
    "eu vendo roupa pela internet e trabalho de casa",
    "minha filha mais velha vai casar em marco",
    "a gente ja visitou uns tres lugares essa semana",
    "eu me aposentei agora em agosto",
    "meu cunhado comprou casa ai perto e gostou muito",
    "eu sou professor da rede estadual",
    "a gente nao aguenta mais o barulho do centro",
    "eu tenho uma oficina de moto no bairro",
    "minha mae tem setenta anos e mora sozinha",
    "meu filho passou na federal e vai estudar a noite",
    "eu to dirigindo aqui entao to mandando audio",
    "a gente quer sair do apartamento porque os meninos cresceram",
)
FILLERS = ("entao", "tipo", "ai", "sabe", "e", "é que", "mas enfim", "e assim")
OPENERS = ("", "", "oi bom dia", "boa tarde tudo bem", "ola", "oi tudo bom")
TOLD = 0.15
"""The share of questions dictated."""
SPOKEN = {"2": "dois", "3": "tres", "4": "quatro"}


def _told(rng: random.Random, question: str) -> str:
    """A question as a lead dictates it: after one or two pieces of their life, joined by
    fillers, with no punctuation and small numbers as words."""
    story = " e ".join(rng.sample(STORIES, rng.choice((1, 1, 2))))
    asked = re.sub(r"\b[234]\b", lambda m: SPOKEN[m.group()], question.lower())
    said = " ".join(p for p in (rng.choice(OPENERS), story, rng.choice(FILLERS), asked) if p)
    return re.sub(r"\s+", " ", re.sub(r"[?!.,:;]", " ", said)).strip()


def _strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    ).replace("ç", "c")


def _typo(rng: random.Random, text: str) -> str:
    """One realistic slip in one word of five letters or more: two letters swapped, one
    dropped or one doubled (never the first letter)."""
    words = [m for m in re.finditer(r"[^\W\d_]{5,}", text)]
    if not words:
        return text
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif kind == 1:
        w = w[:i] + w[i + 1 :]
    else:
        w = w[:i] + w[i] + w[i:]
    return text[: m.start()] + w + text[m.end() :]


def _slang(rng: random.Random, text: str) -> str:
    for pattern, options in SLANG:
        if rng.random() < 0.7:
            text = re.sub(pattern, lambda _m, o=options: rng.choice(o), text)
    return text


def _indirect(rng: random.Random, question: str) -> str:
    q = question[0].lower() + question[1:]
    wh = re.search(r"\b(quant|qual|quais|que|como|onde|quando|quem|desde|até|há)", q)
    if not wh and re.match(r"(tem|dá|pode|posso|aceita|a |o |as |os |é |vem|passa)", q):
        q = "se " + q
    return rng.choice(INDIRECT).format(q=q)


def _dress(rng: random.Random, question: str) -> tuple[str, list[str]]:
    """A question as a lead might type it, and the forms applied (for reports)."""
    forms: list[str] = []
    if rng.random() < 0.25:
        question, forms = _indirect(rng, question), [*forms, "indirect"]
    if rng.random() < 0.6:
        question, forms = _slang(rng, question), [*forms, "slang"]
    place = rng.random()
    if place < 0.25:
        question, forms = f"{rng.choice(GREETINGS)} {question}", [*forms, "greeting"]
    elif place < 0.45:
        before = rng.choice(CONTEXT_BEFORE)
        question, forms = f"{before} {question}", [*forms, "inside"]
    elif place < 0.55:
        question = f"{question} {rng.choice(CONTEXT_AFTER)}"
        forms = [*forms, "inside"]
    if rng.random() < 0.5:
        question, forms = _strip_accents(question), [*forms, "no accents"]
    if rng.random() < 0.6:
        question, forms = question.lower(), [*forms, "lower"]
    if rng.random() < 0.35:
        question, forms = question.replace("?", ""), [*forms, "no ?"]
    if rng.random() < 0.2:
        question, forms = _typo(rng, question), [*forms, "typo"]
    return question, forms


ARTICLES: tuple[tuple[str, ...], ...] = (
    # m, f, mp, fp, and said without an article (a town, a verb)
    ("o", "a", "os", "as", ""),
    ("do", "da", "dos", "das", "de"),
    ("no", "na", "nos", "nas", "em"),
    ("pelo", "pela", "pelos", "pelas", "por"),
    ("ao", "à", "aos", "às", "a"),
    ("pros", "pras", "pros", "pras", "pra"),
    ("um", "uma", "uns", "umas", ""),
    ("algum", "alguma", "alguns", "algumas", "algum"),
    ("muito", "muita", "muitos", "muitas", "muito"),
    ("meu", "minha", "meus", "minhas", "meu"),
)
"""The words before a noun that agree with its gender and number ("pros"/"pras" only:
"pra" before {e} is as often "para" before a bare noun or a verb)."""
_KINDS = ("m", "f", "mp", "fp", "none")
_ARTICLE = {word: family for family in ARTICLES for word in family[:4]}


def _agree(ask: str, slot: str, name: str, genders: dict[str, Any]) -> str:
    """`ask` with the word before `{slot}` agreeing with the first word of `name`: "quanto
    fica o {e}?" with "taxa de condomínio" asks "quanto fica a taxa de condomínio?"; a
    name without an article drops it ("até o {e}" with "Fortaleza": "até Fortaleza")."""
    kind = next(k for k in _KINDS if name.split(maxsplit=1)[0] in genders.get(k, ()))

    def agreed(found: re.Match[str]) -> str:
        word = found.group(1)
        family = _ARTICLE[word.lower()]
        new = family[_KINDS.index(kind)]
        if word[0].isupper():
            new = new[:1].upper() + new[1:]
        return f"{new} {{{slot}}}" if new else f"{{{slot}}}"

    pattern = rf"\b({'|'.join(_ARTICLE)}) \{{{slot}\}}"
    return re.sub(pattern, agreed, ask, flags=re.IGNORECASE)


def table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    return data


def generate(seed: int, answerable: int = 500, refused: int = 80) -> list[dict[str, Any]]:
    """`answerable` questions with the fact each reply must carry, then `refused` price
    and unknown questions (no `fact`: the broker line and no figure), shuffled."""
    rng = random.Random(seed)
    told = random.Random(f"dictated-{seed}")
    data = table()
    out: list[dict[str, Any]] = []
    facts = data["facts"]
    for n in range(answerable):
        fact = facts[n % len(facts)] if n < len(facts) else rng.choice(facts)
        way, entity = rng.choice(fact["asks"]), rng.choice(fact["entities"])
        ask = _agree(way, "e", entity, data["genders"]).format(e=entity)
        ask = ask[0].upper() + ask[1:]
        q, forms = _dress(rng, ask)
        if told.random() < TOLD:
            q, forms = _told(told, ask), ["dictated"]
        out.append({"q": q, "fact": fact["fact"], "id": fact["id"], "forms": forms})
    for n in range(refused):
        kind = "price" if n % 2 == 0 else "unknown"
        way, house = rng.choice(data[kind]), rng.choice(data["houses"])
        ask = _agree(way, "h", house, data["genders"]).format(h=house)
        q, forms = _dress(rng, ask[0].upper() + ask[1:])
        if told.random() < TOLD:
            q, forms = _told(told, ask), ["dictated"]
        out.append({"q": q, "kind": kind, "forms": forms})
    rng.shuffle(out)
    return out
