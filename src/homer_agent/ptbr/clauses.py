"""Clause boundaries in run-on text: a message typed in a hurry or dictated by voice.

"bom dia eu sou representante comercial e pego avião toda semana quanto tempo leva até o
aeroporto" has no punctuation, so it reads as one clause, and every word of the lead's
story would count as asked. `clauses` cuts such text where a new clause starts:

- at an asking cue: "qual/quais", "quanto(s)/quanta(s)" after anything but a verb ("leva
  quanto tempo" asks in one clause, "... semana quanto tempo leva" starts a new one),
  "de quanto em quanto", "que horas", "até/desde quando", "será que", "tem como", "dá
  pra", "queria saber", "me diz", "como funciona/como que/como é", "onde" (not "aqui
  onde", "onde eu moro", "fica onde"), "tem algum/um ..." after no subject ("ela tem
  oitenta anos" is had, not asked);
- at a discourse marker: "então", "tipo" (not "qual tipo", "tipo de"), "porque", "mas",
  "só que", "e aí", and after a tag "né".

A clause starting at an asking cue is a question, the others (the lead's story) are
statements: `punctuated` ends them with "?" and "." so that what reads questions tells
one from the other as it does in punctuated text. Text already punctuated keeps its
marks; a clause is never cut off before its first two words. The function works on raw or
folded text and gives back the text's own words, so that any reader may use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Final, Literal

from homer_agent.ptbr.text import fold, verb_of

__all__ = ["WHICH_THING", "Clause", "clauses", "punctuated", "split_at_marks"]

Kind = Literal["ask", "turn", "start"]

_SHORT: Final[dict[str, str]] = {
    "qnto": "quanto",
    "qto": "quanto",
    "qnt": "quanto",
    "qnta": "quanta",
    "qnts": "quantos",
    "qntos": "quantos",
    "qts": "quantos",
    "qtos": "quantos",
    "qntas": "quantas",
    "qtas": "quantas",
    "ql": "qual",
    "qls": "quais",
    "q": "que",
    "pq": "porque",
    "pra": "para",
    "pro": "para",
    "ond": "onde",
    "qdo": "quando",
    "qndo": "quando",
    "qnd": "quando",
    "eh": "e",
    "sber": "saber",
    "sabr": "saber",
    "entao": "entao",
    "ent": "entao",
}
"""Shorthand of the cue words, read as the words (the rest of the text is left alone)."""

_VERBS: Final = frozenset(
    """
    e sao era eram foi fica ficam ficaria sai saem sairia custa custam da dao daria tem tinha
    teria leva levam demora demoram cabe cabem mede medem paga pago pagam pagaria cobra cobram
    esta estao seria vale valem vai vao faz fazem dura duram aguenta comporta suporta chega
    chegam passa passam abre fecha funciona precisa preciso tenho temos
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Verbs a "quanto" or "onde" may follow in one clause ("leva quanto tempo", "fica onde")."""

_SUBJECTS: Final = frozenset(
    """
    eu ele ela eles elas voce voces gente nos que nao so ja tambem ainda se quem isso isto
    aquilo tudo todo toda todos todas ninguem alguem
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words before "tem" that make it had, not asked ("ela tem oitenta anos", "a gente tem")."""

_PERSONS: Final = frozenset(
    "eu ele ela eles elas gente voce voces nos meu minha meus minhas".split()  # noqa: SIM905
)
"""Words that name who a clause of the lead's story is about."""

_KNOWERS: Final = frozenset(
    "eu ele ela eles elas voce voces gente nos que nao quem ninguem alguem ja so".split()  # noqa: SIM905
)
"""Words before "sabe" that make it the verb ("você sabe", "ninguém sabe"), not a tag."""

_DETERMINERS: Final = frozenset(
    """
    o a os as um uma no na nos nas do da dos das ao qual que esse essa este esta aquele
    aquela desse dessa deste desta nesse nessa neste nesta mesmo mesma outro outra algum
    alguma nenhum nenhuma cada todo toda qualquer seu sua meu minha pelo pela seja
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words before "qual" or "tipo" that make it part of the clause ("o qual", "qual tipo")."""

_MARKERS: Final = frozenset(
    {"e", "entao", "tipo", "mas", "ne", "ai", "porque", "so", "enfim", "sabe", "assim"}
)
"""Words that only join clauses: a piece made of them alone goes with the next one."""

_PREPOSITIONS: Final = r"(?:de |em |com |para |ate |a )"
_PREPOSITION_WORDS: Final = frozenset(
    "de em com para ate a por sobre entre sem e ou que".split()  # noqa: SIM905
)

_BINDING: Final = frozenset("se quando porque pq como onde enquanto caso".split())  # noqa: SIM905
"""Conjunctions that open a clause whose subject follows them ("saber se essa construtora
...", "quando esse bloco fica pronto"): no clause starts after them."""

_PLACED: Final = (
    r"(?:perto|pertinho|dentro|fora|embaixo|atras|mesmo|na|no|nas|nos|em|do|da|dos|das|pra"
    r"|para|onde|ao)\b"
)
"""Words after "aí" that make it a place ("aí perto", "aí no condomínio"), not a filler."""
_ASKED_LATER: Final = (
    r"(?: [a-z0-9]+){0,5} (?:desde quando|ate quando|a partir de quando|que horas?|quant[oa]s?"
    r"|de que)\b"
)
"""A question's cue a few words into a clause ("a incorporadora atua no ceará desde
quando", "o taxa de condomínio é cobrado desde quando")."""
WHICH_THING: Final = (
    r"(?:papelada|documento|documentos|papeis|papel|documentacao|tipos? de|cor|material"
    r"|materiais)\b"
)
"""What "que" asks which of ("que papelada", "que tipo de chão", "que material"), not
the conjunction's clause ("que eu receber")."""
NOT_WHICH_PAPERS: Final = rf"(?! {WHICH_THING})"
"""After "assim que": unless papers or a kind of thing follow, it tells when ("assim que
eu receber"); "assim que papelada preciso separar", "assim que tipo de chão vem" ask
which."""
_DEVELOPMENTS: Final = re.compile(
    r"^(?:o|a|os|as) (?:casa|casas|condominio|loteamento|empreendimento|apartamento|apartamentos"
    r"|unidade|unidades|obra|sobrado|sobrados|lote|lotes|terreno|terrenos)"
    r" (?!(?:dela|dele|delas|deles|do|da|dos|das|de)\b)"
)
"""A thing of the development named after "e" ("as casas vêm com", "o condomínio tem"),
not one of the people in the lead's story ("a casa dela", "a casa da minha mãe")."""
_OPENING: Final = (
    r"(?:ja )?(?:tem|vem|vao|da para|pode|posso|quant[oa]s?|qual|quais|como|onde|quando|que horas"
    r"|em que (?:pe|fase|etapa|ponto)"
    r"|fica|ficam|leva|levam|demora|demoram|aceita|aceitam|passa|funciona|abre|cabe"
    r"|(?:e )?(?:permitido|possivel|proibido|aprovado|aprovada|financiado|financiada|liberado"
    r"|liberada)|(?:ate|desde|a partir de) (?:quando|que)"
    r"|(?:o|a|os|as) [a-z0-9]+(?: [a-z0-9]+){0,3} (?:e|sao|tem|vem|abre|fecha|passa|fica"
    rf"|pode|cabe|funciona|atua|cobra|aceita)|(?:o|a|os|as) [a-z0-9]+{_ASKED_LATER})\b"
)
"""How a question opens after a filler ("é que tem posto perto", "é que o terreno é
plano", "é que fica longe da praia", "é que até que horas abre o mercado", "é que a
incorporadora atua no ceará desde quando")."""

_ANY_OF: Final = (
    r"(?:no|na|nos|nas) (?:casa|casas|sobrado|sobrados)"
    r"(?! (?:dela|dele|delas|deles|da|do|das|dos|dessa|desse)\b)(?: [a-z0-9]+){0,4}"
    r" (?:algum|alguma|alguns|algumas) [a-z]+ (?:e|eh|sao|tem|vem)\b"
)
"""Whether any room of a house type is or has ("na casa brisa algum quarto é suíte"), not
of someone's house ("na casa da minha mãe ...")."""
_COMES_WITH: Final = re.compile(
    r"^(?:o|a|os|as) (?P<thing>[a-z]+)(?: [a-z0-9]+){0,3} (?:vem|veem|vao vir|ja vem|ja vao vir)"
    r" (?:com|sem)\b"
)
"""What a thing comes with ("e a cozinha vem com armários", "e os quartos já vêm com ar"):
a buyer's question whoever the lead's story was about, unless the story named that thing
("minha irmã comprou um fogão e o fogão vem com tampa" tells of hers)."""


_OF_THE_DEVELOPMENT: Final = re.compile(
    r"^(?:(?:o|a|os|as) (?:obras?|construcao|fundacao|terraplanagem|etapa) |(?:voces )?aceitam? "
    r"|(?:cabe|cabem|comporta|aguenta) quant[oa]s\b"
    r"|(?:o|a|os|as) (?:casas?|sobrados?) (?:de|com) (?:\d+|um|uma|dois|duas|tres|quatro)"
    r" (?:quartos?|dormitorios?|suites?)\b)"
)
"""The works' progress, a way of paying accepted, a capacity counted, a house type named by
its rooms (`_CUES`): the development's, whoever the lead's story was about ("minha filha
... e a obra já começou", "... e aceita fgts", "meu marido ... e cabe quantos carros", "...
e a casa de dois quartos tem quantas suítes")."""
_OPEN_HOURS: Final = re.compile(
    r"^(?:o|a|os|as) (?P<thing>[a-z]+)(?: [a-z0-9]+){0,2}"
    r" (?:funciona|funcionam|abre|abrem|fecha|fecham|atende|atendem)"
    r" (?:(?:de|a|aos|no|nos|na|nas|ate|durante|toda|todo|o|mesmo|tambem) )*"
    r"(?:madrugada|noite|noites|domingo|domingos|sabado|sabados|feriado|feriados|24 ?h"
    r"|24 horas|cedo|tarde|fim de semana|fins de semana|final de semana|finais de semana)$"
)
"""When a thing opens, ending the message ("... e o mini mercado funciona de madrugada", "...
e a academia abre domingo"): the development's hours asked, whoever the lead's story was
about, unless the story named that thing or it is someone's ("e a padaria dele abre
cedo")."""
_DISTANCE_ENDING: Final = re.compile(
    r"^fica (?:muito |bem |mais )?(?:longe|perto|proximo|proxima|distante) d[aeo]s?"
    r"(?: [a-z0-9]+){1,2}$"
)
"""A distance from a named place ending the message ("... e fica longe do centro")."""
_LIVES: Final = frozenset(
    "mora moram morava moro moramos trabalha trabalham trabalho estuda estudam fica ficam".split()  # noqa: SIM905
)
"""Verbs that place the story's people ("mora no Eusébio"), so that "e fica perto de
Fortaleza" after them says where that place lies."""


def _placed(words: list[str]) -> bool:
    """Whether the story places someone (`_LIVES` before a place) or points at a place
    ("lá", "ali", "aqui", "onde")."""
    return any(w in ("la", "ali", "aqui", "onde") for w in words) or any(
        w in _LIVES and n in ("em", "no", "na", "nos", "nas", "perto", "longe", "pertinho")
        for w, n in pairwise(words)
    )


def _new_thing(words: list[str], i: int) -> bool:
    """Whether the thing named after the "e" at word `i` (`_COMES_WITH`) is not one the
    story before named."""
    match = _COMES_WITH.match(" ".join(words[i + 1 :]))
    return match is not None and match.group("thing") not in words[:i]


def _opening_hours(words: list[str], i: int) -> bool:
    """Whether the words after the "e" at word `i` ask when a thing the story did not name,
    and no one's, opens (`_OPEN_HOURS`)."""
    match = _OPEN_HOURS.match(" ".join(words[i + 1 :]))
    if match is None or match.group("thing") in words[:i]:
        return False
    owned = re.search(
        r"\b(?:dele|dela|deles|delas|do|da|dos|das|meu|minha|seu|sua)\b", match.group()
    )
    return owned is None and re.fullmatch(_KIN, match.group("thing")) is None


_CHECKED: Final = (
    r"(?:plano|plana|planos|planas|murado|murada|murados|fechado|fechada|asfaltado|asfaltada"
    r"|calcado|calcada|iluminado|iluminada|legalizado|legalizada|regularizado|regularizada"
    r"|escriturado|escriturada|aprovado|aprovada|financiavel|arborizado|arborizada|alagavel"
    r"|inclinado|inclinada|nivelado|nivelada)"
)
"""What a buyer checks of the land or the development ("o terreno é plano", "o condomínio é
murado"): said of it at a message's end, it is asked ("o condomínio é caro" is judged)."""

_KIN: Final = (
    r"(?:gente|meu|minha|meus|minhas|seu|sua|filho|filha|filhos|filhas|marido|esposa|esposo"
    r"|mae|pai|sogra|sogro|menino|menina|meninos|meninas|crianca|criancas|bebe|irmao|irma"
    r"|avo|tio|tia|cachorro|gato|mais)"
)
"""Who a lead's story is about ("e a minha mãe tem ...", "e o mais velho tem asma")."""

_CUES: Final[tuple[tuple[Kind, re.Pattern[str]], ...]] = (
    (
        "ask",
        re.compile(
            r"\b(?:ate|a|de|em|desde) que (?:horas?|dia|dias|mes|ano|data|epoca)\b"
            # "... o dia todo e em que pé está a construção": how far along, asked
            r"|\bem que (?:pe|fase|etapa|estagio|altura)\b"
        ),
    ),
    ("ask", re.compile(r"(?<!\bate )(?<!\bde )(?<!\bem )(?<!\ba )\bque horas?\b")),
    ("ask", re.compile(r"\b(?:ate|desde|a partir de) quando\b")),
    (
        "ask",
        re.compile(
            r"\bquando (?:que|e que|comeca|comecam|fica|ficam|sai|termina|terminam|entrega"
            r"|entregam|abre|abrem)\b"
        ),
    ),
    ("ask", re.compile(r"\bsera que\b")),
    ("ask", re.compile(r"\b(?:nao )?tem como\b")),
    ("ask", re.compile(r"\b(?:nao )?da para\b")),
    (
        "ask",
        re.compile(
            r"\b(?:eu )?(?:queria|quero|gostaria de|gostaria|preciso|precisava)"
            r" (?:saber|entender)\b|\bme (?:diz|diga|fala|fale|explica|explique)\b"
        ),
    ),
    ("ask", re.compile(rf"\b{_PREPOSITIONS}?(?:qual|quais)\b")),
    ("ask", re.compile(rf"\b{_PREPOSITIONS}?quant[oa]s?\b(?! (?:antes|mais|menos)\b)")),
    (
        "ask",
        re.compile(
            r"(?<!\baqui )(?<!\bla )(?<!\bali )(?<!\bde )(?<!\bpor )\bonde\b"
            r"(?! (?:eu|a gente|nos|moro|mora|moramos|trabalho|trabalha|estudo)\b)"
        ),
    ),
    (
        "ask",
        re.compile(
            r"(?<!\btem )(?<!\bassim )(?<!\btal )(?<!\bigual )(?<!\bbem )(?<!\btanto )"
            r"\bcomo (?:que|e|funciona|funcionam|faz|faco|fazer|fica|ficam|sao|seria|vai|vao"
            r"|posso|podemos|pode|chega|chego|pago|paga)\b"
        ),
    ),
    (
        "ask",
        re.compile(
            r"\btem (?:algum|alguma|alguns|algumas|um|uma|uns|umas)\b"
            # "moro de aluguel tem uns dez anos": how long ago, told
            r"(?! (?:[a-z0-9]+ ){0,2}(?:anos?|mes|meses|dias?|semanas?|tempo|tempao|tempinho"
            r"|horas?|pouco|bocado)\b)"
        ),
    ),
    ("ask", re.compile(r"(?<=\bque vem )tem\b")),
    # "... ele é muito dócil pode levar ele pra passear": a permission asked.
    (
        "ask",
        re.compile(
            r"\b(?:pode|posso|podemos|podem) (?:levar|ter|fazer|usar|alugar|colocar"
            r"|construir|reformar|trazer|deixar|criar|entrar|ir|visitar)\b"
        ),
    ),
    # "... no centro de caucaia passa ônibus ali perto": a vehicle that comes by is asked.
    ("ask", re.compile(r"\bpassa (?:o |algum |um |uma )?(?:onibus|van|transporte|lotacao)\b")),
    # "... todo mês essas parcelas ... têm correção?": a thing pointed at opens a clause.
    ("turn", re.compile(r"\b(?:esse|essa|esses|essas|estes)\b")),
    ("turn", re.compile(r"\b(?:e )?entao\b")),
    ("turn", re.compile(r"\btipo\b(?! (?:de|da|do|das|dos)\b)")),
    ("turn", re.compile(r"\bporque\b")),
    # "a cozinha vem com armário pergunto pq é importante": what came before was asked.
    ("turn", re.compile(r"\bpergunto\b")),
    ("turn", re.compile(r"\b(?:mas|so que|e ai)\b")),
    # Fillers of dictated speech ("... mora sozinha sabe tem ônibus à noite", "... ai tem
    # cinema", "... e assim vem com ar", "... é que o chão é de quê"): what follows them is a
    # new clause. "aí" that places a thing ("comprou casa aí perto") goes on with its clause;
    # "é que" only before what opens a question.
    # ("minha sogra sabe fazer doce": the verb, before what one knows how to do)
    ("turn", re.compile(r"\bsabe\b(?! (?:se|me|dizer|informar|falar|que|[a-z]+(?:ar|er|ir))\b)")),
    ("turn", re.compile(rf"\bai\b(?! {_PLACED})")),
    # ("e assim que papelada preciso separar": "que" asks which thing; "assim que eu
    # receber" tells when)
    ("turn", re.compile(rf"\be assim\b(?! que\b{NOT_WHICH_PAPERS})")),
    ("turn", re.compile(rf"\be que (?={_OPENING})")),
    # "... viaja muito a trabalho e que documentos preciso separar", "... em agosto é que
    # que papelada": "que" asking which papers or which kind of thing, after "e" or "é que".
    ("ask", re.compile(rf"\be (?:que )?que (?={WHICH_THING})")),
    # "... mora de aluguel faz uns seis anos sabe que documentos preciso separar": "sabe"
    # a filler of dictated speech before "que" asking which papers.
    ("ask", re.compile(rf"(?<=\bsabe )que (?={WHICH_THING})")),
    # "... trabalho de casa e tem hospital perto": "tem" that cannot be the story's verb.
    ("ask", re.compile(r"\be tem\b")),
    # "... trabalho de plantão e fica longe do aeroporto": where the development lies, asked
    # (the lead's own home would be "moro longe").
    ("ask", re.compile(r"\be fica (?:longe|perto|proximo|proxima|distante|muito longe)\b")),
    # "... meu sogro mora sozinho e é permitido cachorro", "... e é muito longe da praia":
    # a permission or a distance from a named place, ending the message, is asked whoever
    # the story was about; a longer tail ("e é proibido fumar no trabalho dele") is told.
    (
        "ask",
        re.compile(
            r"\be (?:e|eh) (?=(?:(?:permitido|permitida|permitidos|possivel|proibido|proibida)"
            r"(?: [a-z]+){1,3}|(?:muito |bem |mais )?(?:longe|perto|distante|proximo) d[aeo]s?"
            r"(?: [a-z]+){1,2})$)"
        ),
    ),
    # "... eu me aposentei agora e o loteamento é plano": a thing of the development not
    # named before in the story, judged by one word at the message's end.
    (
        "ask",
        re.compile(
            r"\be (?:o|a|os|as) (?:terreno|terrenos|lote|lotes|condominio|loteamento"
            rf"|empreendimento|solo|piso|chao)(?= (?:e|eh|sao) (?:todo |toda )?{_CHECKED}$)"
        ),
    ),
    # "... mora sozinha e na casa de dois quartos algum quarto é suíte": whether any of a
    # house type's rooms is or has, asked whoever the story was about (`_fits`).
    ("ask", re.compile(rf"\be (?={_ANY_OF})")),
    # "... a gente não aguenta mais o barulho e a construtora já entregou outros
    # condomínios": the builder's record, asked after a story of the lead's own.
    (
        "ask",
        re.compile(
            r"\be (?=(?:a|essa) (?:construtora|incorporadora)(?: ja)?"
            r" (?:entregou|entregaram|construiu|construiram|fez|tem|e|eh)\b)"
        ),
    ),
    # "... trabalho de plantão e a construção já começou", "... e as obras já terminaram":
    # how far the works are, ending the message, asked whoever the story was about.
    (
        "ask",
        re.compile(
            r"\be (?=(?:o|a|os|as) (?:obras?|construcao|fundacao|terraplanagem|etapa)"
            r"(?: [a-z0-9]+){0,2} (?:ja )?(?:comecou|comecaram|iniciou|iniciaram|terminou"
            r"|terminaram|acabou|acabaram|andou|andaram|parou|pararam)$)"
        ),
    ),
    # "... vai estudar à noite e aceita fgts": a way of paying accepted, ending the message,
    # asked (no one of the story accepts the lead's FGTS).
    (
        "ask",
        re.compile(
            r"\be (?=(?:voces )?(?:aceita|aceitam) (?:o |a )?(?:fgts|financiamento|permuta"
            r"|consorcio|carta de credito|cartao|pix|boleto)$)"
        ),
    ),
    # "... viaja muito a trabalho e cabe quantos carros na garagem": a capacity counted.
    ("ask", re.compile(r"\be (?=(?:cabe|cabem|comporta|aguenta) quant[oa]s\b)")),
    # "... juntando dinheiro faz tempo e vocês têm van escolar": the development asked.
    (
        "ask",
        re.compile(
            r"\be voces (?:tem|tao|estao|aceitam|fazem|oferecem|cobram|dao|vendem|entregam)\b"
        ),
    ),
    # "... trabalho de plantão e a casa de quatro quartos tem escritório": a thing that is
    # no one of the story's people, and what it has or comes with, asked.
    (
        "ask",
        re.compile(
            rf"\be (?=(?:o|a|os|as) (?!{_KIN}\b)[a-z]+(?:(?: [a-z0-9]+){{0,4}}"
            # "... e a segurança é 24h": a figure of it, put to be confirmed
            r" (?:tem|vem|vao|funciona|abre|fecha|aceita|(?:e|eh|sao) (?:\d+h\d*|24 horas))\b"
            # "... e o campo de futebol é de grama": what it is made of, ending the message
            r"|(?:(?: [a-z0-9]+){0,4}) (?:e|eh|sao) de [a-z]+$"
            # "... e o mercado funciona de madrugada", "e a taxa é cobrada desde quando"
            rf"|{_ASKED_LATER}))"
        ),
    ),
)
"""Where a new clause starts, and whether it asks ("ask") or goes on with the lead's story
("turn")."""

_NE: Final = re.compile(r"\bne\b")
_NUMBER: Final = (
    r"(?:\d+|um|uma|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze"
    r"|catorze|quatorze|quinze|dezesseis|dezessete|dezoito|dezenove|vinte|trinta|quarenta"
    r"|cinquenta|sessenta|setenta|oitenta|noventa|cem|cento|duzentos|duzentas|trezentos|mil)"
)
_ABOUT: Final = re.compile(
    rf"\btipo (?:uns |umas |as |os |a |o |mais de |quase )?{_NUMBER}(?: (?:e )?{_NUMBER})*"
    r" (?:pessoas|convidados|quilometros|km|metros|horas|minutos|dias|vezes|anos|meses|carros"
    r"|filhos|criancas)\b"
)
"""An approximation told aside ("tipo umas oitenta pessoas", "tipo uns cinco seis
quilômetros"): the clause after it is a new one ("... o salão aguenta esse povo")."""
_WITHIN: Final = re.compile(r"\bde quanto em quanto\b")
"""Cues inside a clause: no cut within them nor before them."""
_ASKED_ALREADY: Final = frozenset(
    """
    se saber entender diz fala explica que quando qual quais quanto quanta quantos quantas
    onde como horas hora tempo
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words after which a cue goes on with the request or the question ("queria saber se dá
pra ...", "até quando dá pra escolher")."""


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a message: its own words and whether it starts at an asking cue."""

    text: str
    asks: bool


_TURNING: Final = re.compile(
    r"^(?:(?:e|mas|ja) (?:o|a|os|as)(?: [a-z0-9]+){1,3}|(?:e )?(?:no|na|nos|nas|pro|pra)"
    r"(?: [a-z0-9]+){1,4})$"
)
"""A short opening that turns to a thing ("e o iptu lá", "já a piscina", "no sobrado de
4 quartos"): the question's subject, never a statement of its own."""
_NAMED: Final = re.compile(
    rf"^(?:(?:e|entao|tipo|ai|mas|so) )*(?:o|a|os|as) (?!{_NUMBER}\b)[a-z]+(?: [a-z0-9]+){{0,2}}$"
)
"""A piece that only names a thing ("então a casa maré" before "pode ter piscina"): the
subject of the question after it ("tipo às seis" is a time told)."""
RUN_ON: Final = 10
"""The fewest words between two marks of a text that make it a run-on: a shorter stretch
("a casa de 3 quartos tem como ter piscina") is one clause as written."""

_ASKS_WITHIN: Final = re.compile(
    r"\b(?:queria|quero|gostaria de|gostaria|preciso|precisava) (?:saber|entender)\b"
    r"|\bme (?:diz|diga|fala|fale|explica|explique)\b|\b(?:sera que|tem como|da para|que horas?"
    r"|qual|quais|quant[oa]s?|como (?:que|funciona|funcionam))\b"
)
"""A question's cue anywhere in a clause ("gostaria de saber se o sobrado tem elevador"):
the clause asks, wherever its cue stands."""

_TOKEN: Final = re.compile(r"\S+")
_ENDED: Final = re.compile(r"[.!?;:,]$")


def _key(token: str) -> str:
    word = re.sub(r"[^a-z0-9]", "", fold(token))
    return _SHORT.get(word, word)


def _starts(words: list[str]) -> dict[int, Kind]:
    """The word indexes where a new clause starts, by the cue that starts it."""
    line = " ".join(words)
    offsets: dict[int, int] = {}
    at = 0
    for i, word in enumerate(words):
        offsets[at] = i
        at += len(word) + 1
    # "de quanto em quanto tempo" asks how often, in the clause of what comes that often.
    covered = [(m.start(), m.end()) for m in _WITHIN.finditer(line)]
    starts: dict[int, Kind] = {}
    for kind, pattern in _CUES:
        for match in pattern.finditer(line):
            found = offsets.get(match.start())
            if found is None or found == 0 or len(words) - found < 3:
                continue  # "... por algum índice qual", "... tem área de quanto": the end asks
            if any(a < match.start() < b for a, b in covered):
                continue
            if any(a == match.start() for a, _ in covered) and words[found - 1] != "e":
                # "o ônibus passa de quanto em quanto": the verb's own clause; after a
                # story, "e de quanto em quanto tempo passa ônibus" opens a question.
                continue
            if not _fits(words, found, match.group(), kind):
                continue
            covered.append((match.start(), match.end()))
            i = found
            if words[i - 1] in ("e", "mas") and kind == "ask":
                i -= 1  # "... e qual o tamanho": "e" opens the question
            starts.setdefault(i, kind)
    for match in _NE.finditer(line):
        tag = offsets.get(match.start())
        if tag is not None and tag + 1 < len(words):
            starts.setdefault(tag + 1, "turn")
    for match in _ABOUT.finditer(line):
        after = offsets.get(match.end() + 1)
        if after is not None and len(words) - after >= 2:
            starts.setdefault(after, "turn")
    return starts


_AFTER_STORY: Final = frozenset(
    "quanto quanta quantos quantas ate desde a em de qual quais".split()  # noqa: SIM905
)
"""First words of the cues that, after "e", open a question once the lead's story is told."""


def _told_before(words: list[str]) -> bool:
    """Whether `words` tell the lead's story: someone of the story ("eu", "a gente", "minha
    filha") and a verb of theirs, and no question's cue ("queria saber o condomínio é
    quanto" asks in one clause)."""
    line = " ".join(words)
    return (
        any(w in _PERSONS for w in words)
        and any(w != "e" and (w in _VERBS or verb_of(w) is not None) for w in words)
        and _ASKS_WITHIN.search(line) is None
    )


def _fits(words: list[str], i: int, cue: str, kind: Kind) -> bool:
    """Whether the cue at word `i` starts a clause, by the word before it."""
    before = words[i - 1]
    first = cue.split(maxsplit=1)[0]
    if cue in ("e tem", "e ") or cue.startswith("e fica ") or (before == "e" and first == "tem"):
        # "eu vendo roupa ... e tem hospital perto": "tem" is no verb of "eu", so it asks;
        # "minha mãe mora sozinha e tem um cachorro" goes on with its subject.
        subject = next((w for w in reversed(words[:i]) if w in _PERSONS), None)
        # "a gente mora de aluguel ... e a segurança é 24h": a thing named after "e" is the
        # new clause's own subject, whoever the lead's story was about ("e tem" is not).
        # "minha mãe mora sozinha e as casas vêm com placa solar": the development's own
        # houses, whoever the story was about ("e a casa dela tem escada" is hers).
        after = " ".join(words[i + 1 :])
        return (
            subject in (None, "eu")
            or (cue == "e " and subject in ("gente", "nos"))
            or (cue == "e " and _DEVELOPMENTS.match(after) is not None)
            or (cue == "e " and _COMES_WITH.match(after) is not None and _new_thing(words, i))
            or (cue == "e " and re.match(_ANY_OF, after) is not None)
            or (cue == "e " and _OF_THE_DEVELOPMENT.match(after) is not None)
            or (cue == "e " and _opening_hours(words, i))
            or (
                cue.startswith("e fica ")
                and _DISTANCE_ENDING.match(after) is not None
                and not _placed(words[:i])
            )
        )
    if cue.startswith(("e e ", "e eh ")):
        # The permission or the distance ending the message (`_CUES`); not a distance
        # after a place the lead points at ("minha irmã mora lá e é perto da BR": why there).
        return not any(w in ("la", "ali", "aqui", "onde") for w in words[:i])
    if kind == "ask" and re.fullmatch(r"e (?:o|a|os|as) [a-z]+", cue):
        # "comprei um lote e o lote é plano" tells of the lead's own lot; "eu me aposentei
        # e o terreno é plano" asks, unless the story is someone else's.
        subject = next((w for w in reversed(words[:i]) if w in _PERSONS), None)
        thing = cue.rsplit(maxsplit=1)[-1]
        return thing not in words[:i] and subject in (None, "eu", "gente", "nos")
    if before == "e" and kind == "ask" and first in _AFTER_STORY and _told_before(words[: i - 1]):
        # "a gente mora de aluguel faz uns seis anos e quantos metros tem a casa", "... vai
        # estudar a noite e até que horas abre o mercado": after the lead's story "e" joins
        # a new clause, no "é" of the story's.
        return True
    if kind == "ask" and before in _ASKED_ALREADY and first != "e":
        return False
    if first in ("ate", "desde") and "que" in cue:
        # "o ônibus passa até que horas": the verb's own clause; so are a state's ("fica
        # aberta até que horas", "fica funcionando até que horas").
        return (
            before not in _VERBS
            and verb_of(before) is None
            and not re.fullmatch(r"(?:abert|fechad)[oa]s?|[a-z]+[aei]ndo", before)
        )
    if first == "sabe":
        return before not in _KNOWERS
    if first in ("quanto", "quanta", "quantos", "quantas") and before == "e":
        # "... o dia todo e quanto é a taxa": "quanto" with its own verb opens a clause
        # after "e" ("o condomínio é quanto por mês" stays one).
        after = words[i + 1] if i + 1 < len(words) else ""
        return after in _VERBS or after == "tempo"
    if first in ("quanto", "quanta", "quantos", "quantas", "onde"):
        # "leva quanto tempo", "sai por quanto", "fica onde": the verb's own clause.
        return (
            before not in _VERBS
            and before
            not in ("por", "o", "tanto", "mais", "menos", "aproximadamente", "uns", "umas")
            and (verb_of(before) is None)
        )
    if first in ("qual", "quais", "tipo"):
        # "o dia todo tipo tem placas solares": "todo" closes its noun, "tipo" is a filler.
        return before not in _DETERMINERS or (first == "tipo" and before in ("todo", "toda"))
    if first == "tem" and kind == "ask" and not cue.endswith(" como"):
        # "ela tem uma filha" is had; "do banheiro tem um prazo" asks.
        return (before not in _SUBJECTS and before not in ("que", "vem")) or cue == "tem"
    if first in ("passa", "pode", "posso", "podemos", "podem"):
        return before not in _SUBJECTS and before not in _DETERMINERS
    if first in ("esse", "essa", "esses", "essas", "estes"):
        # "quero ver essa casa", "é essa mesmo": the verb's own object; "saber se essa
        # construtora já entregou", "quando esse bloco fica pronto": the subject of the
        # clause a conjunction opens, in that clause.
        return (
            before not in _BINDING
            and before not in _VERBS
            and before not in _DETERMINERS
            and before not in _PREPOSITION_WORDS
            and verb_of(before) is None
            and not before.endswith(("ar", "er", "ir"))
        )
    if first == "porque":
        return before not in ("por", "e")
    return True


_TAIL: Final = re.compile(
    r"(?:^| )(?P<marker>entao|e que|ai|sabe|mas|e) (?P<asked>(?:voces )?(?:tem|aceita|aceitam"
    r"|pode|podem|fica"
    r"|vem|rola|permite|permitem|da para)(?: [a-z0-9]+){0,4})$"
)
"""A yes/no question ending a short dictated message after a filler: "eu me aposentei
agora em agosto entao tem lago", "... é que aceita animal de estimação"."""
_AROUND: Final = frozenset({"perto", "proximo", "proxima", "pertinho"})
"""Words that end a thing asked for near the development ("tem escola particular perto")."""
_RIDES: Final = frozenset(
    "onibus busao buzao van transporte lotacao topique metro trem conducao".split()  # noqa: SIM905
)
_THERE: Final = frozenset({"para la", "ate la", "para ai", "ate ai"})
"""A ride "pra lá", "até aí" (`_RIDES`): a way to the development asked for."""
_IN_THE_HOME: Final = re.compile(
    r"(?:no|na|nos|nas) (?:quarto|quartos|suite|suites|sala|salas|cozinha|banheiro|banheiros"
    r"|varanda|garagem|quintal|condominio|casas|lote|lotes)"
)
"""Where in the home or the development a thing asked for is ("tem ar condicionado nos
quartos"): the lead's own story ("a gente mora de aluguel") does not make it had."""
TAIL_MIN: Final = 6
"""The fewest words of a message whose last clause `_asked_tail` may cut off."""


def _asked_tail(words: list[str]) -> int | None:
    """The index where a message's asked tail starts (`_TAIL`), or None: after "e", only
    when the story's subject is the lead ("eu ... e aceita FGTS": "aceita" is no verb of
    "eu") or nobody ("minha mãe mora sozinha e tem um cachorro" goes on with her)."""
    if len(words) < TAIL_MIN:
        return None
    match = _TAIL.search(" ".join(words))
    if match is None:
        return None
    start = len(" ".join(words)[: match.start("asked")].split())
    if match.group("marker") == "e":
        subject = next((w for w in reversed(words[:start]) if w in _PERSONS), None)
        asked = words[start:]
        # "a gente mora de aluguel ... e tem lago": a bare thing asked for; "... e tem um
        # cachorro", "e tem dois filhos" say what someone has.
        # "... e tem escola particular perto": a thing asked for around the development.
        # "... e tem busão pra lá": a way of getting there; "a gente ... e tem ar
        # condicionado nos quartos": a thing of the home asked for, with where it is.
        own = subject in (None, "eu", "gente", "nos")
        thing = asked[:-2] if own and _IN_THE_HOME.fullmatch(" ".join(asked[-2:])) else asked
        bare_thing = (
            asked[0] in ("tem", "voces")
            and (
                2 <= len(thing) <= 3
                or asked[-1] in _AROUND
                or (
                    asked[1] in _RIDES
                    and " ".join(asked[-2:]) in _THERE
                    and not _placed(words[:start])
                )
            )
            and asked[1] not in _DETERMINERS
            and re.fullmatch(_NUMBER, asked[1]) is None
        )
        if subject not in (None, "eu") and not bare_thing:
            return None
    marker = len(match.group("marker").split())
    return start - marker if start - marker > 0 else None


_SUBJECTLESS: Final = frozenset(
    "pode podem tem vem vao passa fica ficam aceita aceitam cabe funciona abre".split()  # noqa: SIM905
)
"""Verbs a question may open with, whose subject may have come just before them."""


def _with_subjects(words: list[str], starts: dict[int, Kind]) -> dict[int, Kind]:
    """`starts` with a question that opens with its verb ("pode ter piscina") cut before
    the thing named just before it, after a filler: "meu marido viaja muito a trabalho e
    a casa maré pode ter piscina" asks about the Casa Maré, not "pode ter piscina" alone.
    The thing is no one of the lead's story ("e o mais velho pode ...")."""
    out = dict(starts)
    for i, kind in starts.items():
        if kind != "ask" or words[i] not in _SUBJECTLESS:
            continue
        for j in range(i - 2, max(i - 6, 0), -1):
            if j < 1 or any(k in out for k in range(j, i)):
                break
            if words[j] not in ("o", "a", "os", "as") or re.fullmatch(
                rf"{_KIN}|{_NUMBER}", words[j + 1]
            ):
                continue
            if words[j - 1] in _MARKERS:
                del out[i]
                out[j - 1 if j - 1 > 0 else j] = kind
                break
            if j >= 2 and words[j - 2 : j] == ["e", "que"]:
                # "... faz tempo é que a casa de três quartos pode ter piscina": "é que"
                # joins as a marker does.
                del out[i]
                out[j - 2 if j - 2 > 0 else j] = kind
                break
    return out


def clauses(text: str) -> list[Clause]:
    """`text` cut into clauses where punctuation is missing (see the module docstring); a
    punctuated text comes back in one piece per stretch between its own marks."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return []
    words = [_key(token) for token in tokens]
    starts = _with_subjects(words, _starts(words))
    # A boundary already marked by the text's own punctuation needs no cut.
    starts = {i: kind for i, kind in starts.items() if not _ENDED.search(tokens[i - 1])}
    stretch: list[int] = []  # the length of the stretch each token lies in
    begin = 0
    for i, token in enumerate(tokens):
        if _ENDED.search(token) or i == len(tokens) - 1:
            stretch += [i + 1 - begin] * (i + 1 - begin)
            begin = i + 1
    starts = {i: kind for i, kind in starts.items() if stretch[i] >= RUN_ON}
    tail = _asked_tail(words)
    if tail is not None and not _ENDED.search(tokens[tail - 1]):
        starts[tail] = "ask"
    cuts = sorted(starts)
    pieces: list[tuple[int, int, Kind]] = []
    begin = 0
    kind: Kind = "start"
    for cut in cuts:
        if cut - begin < 3 and all(w in _MARKERS for w in words[begin:cut]):
            # "então qual ...": the marker goes with the question it opens.
            kind = starts[cut] if starts[cut] == "ask" else kind
            continue
        if (
            cut - begin < 2
            or (kind == "start" and _TURNING.match(" ".join(words[begin:cut])))
            or (starts[cut] == "ask" and _NAMED.match(" ".join(words[begin:cut])))
        ):
            # "e o iptu lá quanto fica por ano": the thing the question turns to is its own.
            continue
        pieces.append((begin, cut, kind))
        begin, kind = cut, starts[cut]
    pieces.append((begin, len(tokens), kind))
    for n in range(1, len(pieces)):
        if words[pieces[n][0]] == "pergunto":
            a, b, _ = pieces[n - 1]
            pieces[n - 1] = (a, b, "ask")
    # A piece holding the text's own marks asks only up to the first of them: what follows
    # the last mark is told, not asked ("qual o horário, eu trabalho muito").
    return [
        Clause(
            " ".join(tokens[a:b]),
            (k == "ask" or _ASKS_WITHIN.search(" ".join(words[a:b])) is not None)
            and not any(_ENDED.search(t) for t in tokens[a : b - 1]),
        )
        for a, b, k in pieces
    ]


def _split_at(marks: str) -> re.Pattern[str]:
    return re.compile(rf"(?:[^{marks}\n]|(?<=\d)[.,](?=\d))+[{marks}\n]*")


_AT_MARKS: Final = {True: _split_at(".!?;:,"), False: _split_at(".!?;,")}


def split_at_marks(text: str, *, colon: bool) -> list[str]:
    """`text` cut after each run of its own marks (". ! ? ; ," and a line break), each piece
    with the marks that end it, but never inside a figure ("R$ 1.750.000", "1,2 milhão").

    `colon` says whether ":" cuts too. What reads questions wants it to: "minha esposa pediu
    pra perguntar: tem energia solar?" asks only what follows the ":". What looks for a
    topic of the development in a message that asks nothing does not: in "valor: até 700
    mil" the topic ("valor") and the fact that answers it stay one clause, which tells."""
    return _AT_MARKS[colon].findall(text)


def punctuated(text: str) -> str:
    """`text` with the clause boundaries it lacks marked: a question's clause ends with
    "?", a statement's with "." (the last clause keeps the text's own ending)."""
    if "?" in text:
        # A text that marks its questions marks its clauses as its writer meant them.
        return text
    found = clauses(text)
    if len(found) < 2:
        return text
    out = [c.text + ("?" if c.asks else ".") for c in found[:-1]]
    return " ".join([*out, found[-1].text])
