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

import functools
import re
from dataclasses import dataclass
from typing import Final, Literal

from homer_agent.ptbr.clauses import (
    NOT_WHICH_PAPERS,
    RUN_ON,
    WHICH_THING,
    clauses,
    punctuated,
    split_at_marks,
)
from homer_agent.ptbr.lexicon import GREETING_PATTERN, number_word
from homer_agent.ptbr.text import (
    LAUGHTER,
    fold,
    is_word,
    known_in_some_form,
    lemma,
    verb_of,
    without_decorations,
)

__all__ = [
    "Asked",
    "Measure",
    "alternatives",
    "asking_clauses",
    "asking_parts",
    "asking_slip",
    "asks_tersely",
    "correct",
    "fee_words",
    "figure_kinds",
    "likely_slips",
    "marked",
    "measures_only",
    "names_something",
    "normalise",
    "read_question",
    "readings",
    "tells_own_life",
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
    "mta": "muita",
    "mtos": "muitos",
    "mtas": "muitas",
    "msm": "mesmo",
    "gnt": "gente",
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
    "qnd": "quando",
    "qdn": "quando",
    "qnt": "quanto",
    "qm": "quem",
    "ql": "qual",
    "qls": "quais",
    "kd": "cade",
    # dictated or typed in a hurry: "queria sber se tem van"
    "sber": "saber",
    "sabr": "saber",
    "qq": "qualquer",
    "qqr": "qualquer",
    "qlq": "qualquer",
    "qlqr": "qualquer",
    "qqer": "qualquer",
    "ond": "onde",
    "cond": "condominio",
    "condo": "condominio",
    "apto": "apartamento",
    "km2": "km",
    "metros2": "m2",
    "mts": "metros",
    "mt2": "m2",
    "24h": "24 horas",
    "24hs": "24 horas",
    "24hrs": "24 horas",
    # Units ("o stand abre até q hrs?", "qnts min até a praia?", "quantos kms?"); after a
    # figure they are read by `_UNITS` ("10hrs" → "10h", "25 mts" → "25 metros").
    "h": "horas",
    "hr": "hora",
    "hrs": "horas",
    "hs": "horas",
    "hras": "horas",
    "min": "minutos",
    "mins": "minutos",
    "minuto": "minutos",
    "kms": "km",
    # Papers in shorthand ("q docs tenho q separar?").
    "docs": "documentos",
    "qtd": "quantidade",
    "qtde": "quantidade",
    "sab": "sabado",
    "dom": "domingo",
    "fds": "fim de semana",
    "condominial": "de condominio",
}
"""Shorthand leads write, as the words it stands for (folded)."""

PHRASES: Final[tuple[tuple[str, str], ...]] = (
    # What leads call a thing → what documents call it (folded, after the shorthand).
    ("fundo de garantia", "fgts"),
    ("metros quadrados", "m2"),
    ("metro quadrado", "m2"),
    ("controle de entrada", "controle de acesso"),
    ("transporte escolar", "van escolar"),
    ("jogar bola", "futebol"),
    # A sport described, not named: rackets on sand are beach tennis ("aquele esporte de
    # raquete na areia"), and "areia" alone would name the builder, Areia Branca.
    ("raquete na areia", "beach tennis"),
    ("raquete de areia", "beach tennis"),
    ("raquete na praia", "beach tennis"),
    ("raquete de praia", "beach tennis"),
    ("tenis de praia", "beach tennis"),
    ("tenis na areia", "beach tennis"),
    ("tenis de areia", "beach tennis"),
    ("home office", "coworking"),
    ("salao de festa ", "salao de festas "),
    ("casa modelo", "casa decorada"),
    # Any time of day is round the clock ("comprar coisa básica a qualquer hora").
    ("a qualquer hora", "24 horas"),
    ("qualquer hora", "24 horas"),
    ("a qualquer horario", "24 horas"),
    ("qualquer horario", "24 horas"),
    # Under the ground is underground ("os fios vão por baixo da terra?").
    ("por baixo da terra", "subterranea"),
    ("debaixo da terra", "subterranea"),
    ("embaixo da terra", "subterranea"),
    ("enterrado no chao", "subterranea"),
    ("fazendo a obra", "construindo"),
    # Going about the development's streets is being in its common areas ("o cachorro
    # pode andar solto pelas ruas do condomínio?"); the streets themselves are not asked.
    ("pelas ruas do condominio", "pelas areas comuns"),
    ("pela rua do condominio", "pelas areas comuns"),
    ("nas ruas do condominio", "nas areas comuns"),
    ("na rua do condominio", "nas areas comuns"),
    ("transporte publico", "onibus"),
    # The sun's energy is solar ("aquelas placas de energia do sol").
    ("energia do sol", "energia solar"),
    ("energia solar", "placas solares"),
    # Getting the keys is their handover ("pagar condomínio antes de receber a chave").
    ("receber a chave", "entrega das chaves"),
    ("receber as chaves", "entrega das chaves"),
    ("pegar a chave", "entrega das chaves"),
    ("pegar as chaves", "entrega das chaves"),
    ("inteiro", "total"),
    ("inteira", "total"),
)

_SHOP: Final = re.compile(
    r"\b(?P<has>tem|ha|existe|teria)(?: (?:algum|alguma|um|uma|nenhum|nenhuma))?"
    r" (?:onde|lugar|lugarzinho|local|canto|loja|lojinha|comercio)(?: (?:aqui|ai|la)? ?dentro)?"
    r"(?: para)? (?:comprar|fazer (?:as |umas )?compras?)\b"
)
"""A place to buy things, asked after, is a shop ("tem onde comprar pão?", "tem algum
lugar pra comprar coisa básica?"); what is bought stays asked ("tem onde comprar
remédio?" is no mini market's)."""
_KEYS: Final = re.compile(
    r"\b(?:(?:peg|receb)(?:a|o|e|am|em|amos|emos|ou|eu|ar|er|aria|eria)"
    r"|entreg(?:a|am|ar|arao|aria|ariam|am|ue|uem))"
    r" (?:a|as) chaves?\b"
)
"""Getting the keys, said by whoever gets or hands them ("quando ele pega a chave?", "recebo
as chaves quando?", "quando vocês entregam as chaves?"): their handover, as documents say
it."""
_HOMES_HANDED: Final = re.compile(
    r"\bentreg(?:a|am|ar|arao|aria|ariam|ue|uem) (?:a|as) (?:casas?|unidades?|obras?)\b"
)
"""The homes handed over, asked as what the builder will do ("quando entregam as casas?",
"vão entregar a obra quando?"): the stages' handover, not the builder's record of homes it
already delivered ("já entregou outros condomínios")."""
_INTEND: Final = re.compile(r"\b(?:pretend|planej)(?:e|em|ia|iam|a|am)\s+(?=[a-z]+[aei]r\b)")
"""The builder's intention before what it does ("quando vocês pretendem entregar as
chaves?", "planejam terminar quando?"): the act itself is asked."""
_WIRES: Final = re.compile(r"\b(?:fios?|fiacao|cabos?|rede|redes) (?:de|da) (?:luz|energia)\b")
"""The wires of the electricity ("os fios de luz"), which documents call "rede elétrica"."""
_AT_THE_BACK: Final = re.compile(
    r"\b(quadras?|lotes?|casas?|ruas?|parte|partes|etapa|terrenos?)(?: (?:ai|la|aqui|ali))?"
    r" (?:d|n|l)[oa]s? (?:fundos?|frente)\b"
)
"""Where in the development a block or a lot lies ("as quadras do fundo", "os lotes da
frente"): the block is asked; "fundo" is no fund, "frente" nothing documents state."""
_BLOCK: Final = re.compile(r"\bquadras? (?:([a-z])|\d{1,2})\b")
"""A block of the development named by its letter or number ("quadra F", "na quadra 3"):
a stage of the works, no sports court. A lower-case "a", "e" or "o" after "quadra" is
a word ("quadra e piscina")."""

_BLOCKS_LISTED: Final = re.compile(
    r"\bquadras(?: (?:ai|la|aqui|ali))?(?: (?:d|n|l)[oa]s? (?:fundos?|frente))?,?"
    r" ((?:[a-h](?:, | e | ))+(?:e )?[a-h])\b,?"
)
"""Blocks listed by their capital letters ("as quadras lá do fundo, E F G H", "quadras A, B
e C"): a stage of the works, like one block named (`_BLOCK`); lower-case letters are words."""


def _blocks(text: str) -> str:
    """`text` folded, with a block named by its letter or number read as the stage of the
    works it belongs to ("se eu pegar na quadra F fica pronta quando?" asks the stage's
    delivery)."""
    low = fold(text)

    def stage(match: re.Match[str]) -> str:
        letter = match.group(1)
        if letter in ("a", "e", "o") and not text[match.start(1)].isupper():
            return match.group()
        return f"etapa {match.group()[match.group().index(' ') + 1 :]}"

    def listed(match: re.Match[str]) -> str:
        if any(c.isalpha() and not c.isupper() for c in text[match.start(1) : match.end(1)]):
            return match.group()
        return "etapa"

    if len(low) == len(text):  # the case of each letter is read from `text`
        low = _BLOCKS_LISTED.sub(listed, low)
    return _BLOCK.sub(stage, low)


_BUILT: Final = re.compile(
    r"\b(?:(?:sendo|ser|foram|sao|estao|esta|ja) )+(?:construid|levantad|erguid)[oa]s?\b"
    r"|\b(?:comec\w+|inici\w+) (?:a|de) (?:construir|levantar|erguer)\b"
)
"""Houses being built ("as casas já tão sendo levantadas?", "já começaram a construir?"):
the works' progress; "construindo" alone asks who builds ("quem está construindo?")."""
_BUILT_AREA: Final = re.compile(
    r"\b(?:(area)|(m2|m²|metros? quadrados?|metragem|tamanho))(?: (?:tem|que tem|e))?"
    r" (?:de|da) construcao\b"
)
"""A size "de construção" ("quantos metros quadrados tem de construção?", "a área de
construção"): the built area, as documents say it ("área construída"), not the works."""
_A_CHANGE: Final = re.compile(
    r"\bmudancas? (?=(?:d[oa]s?|de|n[oa]s?) (?!(?:casa|cidade|endereco|bairro|estado|vida"
    r"|planos?)\b))|\b(?<=pedir )(?:as |essas |estas |a |essa |alguma |algumas )?mudancas?\b"
)
"""A change of a thing of the house ("a mudança do revestimento") or one asked for ("pedir
essas mudanças"): the change the buyer asks for, "troca"; moving house ("a mudança de
cidade", "fazer a mudança") is not."""
_CHANGE_DEADLINE: Final = re.compile(
    r"\b(?:tem |qual (?:o |e o )?)?prazos? (?:para|de) (pedir|escolher|trocar|mudar|personalizar)\b"
)
"""A deadline to ask for a change ("tem prazo pra pedir isso?"): until when the buyer may
ask, not when the works end."""
_LEFT_READY: Final = re.compile(
    r"\bdeix(?:ar|o|a|amos|ei|e|em)(?: (?:ja|tudo))?"
    r"((?: (?:algum|alguma|alguns|algumas|uns|umas|o|a|os|as|meus|minhas|esses|essas))?"
    r"(?: (?!separad|organizad)[a-z]{3,})?) (?:separad|organizad)[oa]s?\b"
)
"""Things left ready ("o que eu deixo separado?", "preciso deixar algum papel separado?"):
to set them aside, "separar", keeping what is set aside."""
_LEFT_AS: Final = re.compile(
    r"\bdeix(?:ar|o|a|amos|ei|e|em|aria|ando)"
    r"(?= (?:(?:a|o|as|os|minha|meu|nossa|nosso|essa|esse) )?(?:[a-z]+ )?"
    r"[a-z]{3,}(?:ad|id)[oa]s?\b)"
)
"""Leaving a thing in a state ("deixar a casa alugada", "deixo fechado"): the state is
what is asked, "deixar" names nothing ("posso deixar a casa alugada?" asks the rental)."""
_PREPARE: Final = re.compile(
    r"\bo que (?:mais )?(?:(?:eu|a gente|nos) )?(?:ja )?"
    r"(?:(?:preciso|precisa|precisamos|tenho que|temos que|tem que|devo|devemos|vou|vamos)"
    r" (?:ja )?)?"
    r"(?:separar|providenciar|juntar)\b"
    r"(?![^.?!;]*\b(?:hospedes?|inquilinos?|visitantes?|convidados?|turistas?)\b)"
)
"""What to set aside ("o q eu preciso deixar separado pra ligação?", "o que eu já separo?"):
the papers a lead prepares, the documents; not what is prepared for a guest ("o que
preciso providenciar antes do hóspede chegar?": the gatehouse's list)."""

_ACCESS_WORDS: Final = re.compile(
    r"\b(?:qualquer (?:um|uma|pessoa|gente)|passa|passam|entra|entram|entrar|estranh\w*"
    r"|visitantes?|portaria|porteiro|guarita|controlad[oa]|controle|liberad[oa]"
    r"|seguranca|segura|seguro|assalt\w*|roub\w*|ladr(?:ao|oes)|bandid\w*|cancela|portao"
    r"|tag|cartao|biometria|senha|interfone|cameras?)\b"
)
_WHO_ENTERS: Final = re.compile(
    r"\bentrada (?:de|das|dos) (?:gente|pessoas?|visitas?|visitantes?|estranhos?"
    r"|morador(?:es)?|carros?|veiculos?|motos?|entregador(?:es)?|prestador(?:es)?"
    r"|funcionarios?|convidados?)\b"
)
"""Who or what gets in ("a entrada de gente", "a entrada de visitantes"): the way in."""
_MONEY_WORDS: Final = re.compile(
    r"\b(?:valor|valores|quanto|quanta|mil|reais|real|pag\w*|parcel\w*|financ\w*|fgts|sinal"
    r"|dar|dou|damos|preco|precos|custa|custo|saldo|porcento|desconto|juros)\b|\d ?%|r\$"
)
_ENTRANCE: Final = re.compile(
    r"\bentrada\b(?! d[oa] (?:condominio|empreendimento|loteamento|residencial|bairro))"
)


def _entrance(low: str) -> str:
    """ "Entrada" as the development's way in, not the down payment: in a sentence that
    names who gets in or how it is guarded ("como funciona a entrada aí, qualquer um
    passa?", "a entrada tem porteiro?", "a entrada de visitantes é por tag?"), in a
    message naming no money, it is the access
    control. Anywhere else "entrada" keeps its reading (the down payment), and so does
    the place "na entrada do condomínio" (where the stand is)."""
    if not _ENTRANCE.search(low) or _MONEY_WORDS.search(low):
        return low
    parts = re.split(r"([.!?;\n])", low)
    return "".join(
        _ENTRANCE.sub("controle de acesso", part)
        if _ACCESS_WORDS.search(_ENTRANCE.sub(" ", part)) or _WHO_ENTERS.search(part)
        else part
        for part in parts
    )


_RENTING_OUT: Final = re.compile(
    r"\b(?:airbnb|booking|temporada|turistas?|hospedes?"
    r"|alugar (?:a casa|ela|pra|para|por|nas|nos|no|na)"
    r"|(?:botar|colocar|deixar|por) (?:pra|para) alugar)\b"
)
"""Renting the home out ("botar no airbnb", "alugar pra turista", "alugar nas férias"),
not the lead's own rent ("moro de aluguel") nor renting a home to live in."""
_BARE_PERMISSION: Final = re.compile(
    r"(?<=[.!?;,] )((?:e |mas )?(?:o condominio |a administracao |voces |vcs )?"
    r"(?:deixa|deixam|permite|permitem|aceita|aceitam|pode|libera|liberam"
    r"|e (?:liberado|permitido|proibido)|proibe|proibem)(?: (?:isso|isto|fazer isso))?"
    r"|tem (?:alguma |algum )?(?:regras?|exigencias?|restricao|restricoes|normas?)"
    r"(?: (?:pra|para) isso)?) ?\?"
)
"""A question of what is allowed that names nothing of its own ("o condomínio deixa
isso?", "pode?", "tem alguma regra pra isso?"): it asks about what the lead told before."""


def _renting_asked(low: str) -> str:
    """A bare permission question (`_BARE_PERMISSION`) after the lead tells of renting the
    home out (`_RENTING_OUT`) asks whether renting out is allowed: "alugar" is added
    ("botar no airbnb nas férias. o condomínio deixa isso?" asks "deixa isso alugar")."""
    first = _RENTING_OUT.search(low)
    if first is None:
        return low
    head, tail = low[: first.end()], low[first.end() :]
    return head + _BARE_PERMISSION.sub(_to_rent, tail)


def _to_rent(match: re.Match[str]) -> str:
    """A bare permission question asked of renting out ("tem alguma regra pra isso?" →
    "tem alguma regra para alugar?")."""
    asked = re.sub(r" (?:(?:pra|para) )?(?:fazer )?(?:isso|isto)$", "", match.group(1))
    return f"{asked} para alugar?" if asked.startswith("tem ") else f"{asked} alugar?"


_WINDOWS: Final = re.compile(r"\b(?:janelas?|esquadrias?|vidros?|vidracas?)\b")
"""Windows, as leads and documents name them (the glass, the frames)."""
_QUIET: Final = re.compile(
    r"\b(?:isol\w*|abaf\w*|segur\w*|barr\w*|protege\w*)(?: (?:o|a|do|da|de|contra))?"
    r" (?:barulho|barulhos|som|sons|ruido|ruidos)\b|\bisolamento(?: (?:acustico|sonoro|termico))?\b"
    r"|\bacustic[oa]s?\b"
)
"""Keeping noise out ("isola barulho?", "abafa o som?", "isolamento acústico", a window's
"algum isolamento"): of a
window, what its glass is; of anything else, nothing the documents state."""
_GLASS_KIND: Final = re.compile(
    r"\b(vidros?)(?: (?:simples|comum|comuns|normal|normais|fino|finos|fininho|fininhos|melhor"
    r"|melhores|mais grossos?|grossos?|reforcados?))+\b"
)
"""The ordinary glass named to ask for the other kind ("é vidro simples?", "aquele vidro
fininho comum", "tipo vidro melhor"): the glass is asked, and the documents' kind answers."""

_WORD: Final = re.compile(r"[a-z0-9²]+")
_FURNITURE: Final = r"armarios?|moveis|movel|cozinha|marcenaria|gabinetes?|closet"
"""Furniture a lead may call "planejado" or "embutido" where the documents name it bare."""

_ROOMS_NAMED: Final = r"(?:terrea|(?:de|com) (?:\d|dois|duas|tres|quatro)\w* quartos?)"
"""A house type named by its rooms or its one floor, the noun left out ("quanto tá a de 3
quartos?", "quanto sai a térrea?"): a unit, as much as "a casa"."""

_OWN_GOODS: Final = (
    r"(?:carro|carros|moto|motos|veiculo|veiculos|caminhonete|apartamento|ape|imovel|terreno"
    r"|lote|hb20|onix)"
)
"""What a lead may offer as payment: a vehicle, a home or a plot of their own."""

# Price, discount, negotiation: what a unit costs is the broker's, whatever the wording.
_NEGOTIATION: Final = re.compile(
    r"\b(?:desconto|descontos|precinho|barat[oa]s?|car[oa] demais|negoci\w*|proposta"
    r"|contraproposta|oferta|permuta|a vista|avista"
    r"|(?:como|de|na|em) parte d[oa] (?:pagamento|entrada|sinal|valor)"
    r"|aceit\w* (?:[a-z]+ ){0,3}(?:carro|moto|permuta|troca|imovel|terreno|proposta|oferta"
    r"|apartamento|apartamentos)"
    # A trade-in: the lead's car or home taken as payment ("vcs pegam carro na troca?",
    # "dou minha moto de entrada?"), not a change the documents let the buyer ask for ("a
    # troca da banheira", "trocar o piso").
    rf"|{_OWN_GOODS}(?: [a-z0-9]+){{0,4}} (?:na|em|como|de) (?:troca|permuta)"
    r"|(?:peg|aceit|receb|toma|fic)\w* (?:[a-z0-9]+ ){0,4}(?:na|em|como) (?:troca|permuta)"
    r"|(?:dar|dou|damos|da|usar|uso|usaria|daria) (?:[a-z0-9]+ ){0,3}"
    rf"{_OWN_GOODS}(?: [a-z0-9]+){{0,4}} (?:como|de) (?:entrada|sinal|pagamento))\b"
)
"""A discount or a negotiation (a trade-in too): always the broker's."""
_PRICE: Final = re.compile(
    r"\b(?:preco|precos|custa|custam|custo|custaria|custando|tabela|tabelas"
    r"|valor(?:es)? (?:d[aoe]s?|por) (?:casa|casas|imovel|imoveis|unidade|unidades|lote|lotes"
    rf"|terreno|terrenos|sobrado|sobrados|metro|m2|m²|brisa|mare|duna|{_ROOMS_NAMED})"
    r"|(?:faz|fazem|fecha|fecham|sai|saem|fica|ficam|esta|vende|vendem) (?:[a-z]+ ){0,3}"
    r"por quanto|parcela d[ao] (?:casa|imovel|unidade|sobrado)|entrada d[ao] (?:casa|imovel)"
    r"|quanto (?:e|esta|fica|sai|vale|custa) (?:a|o|as|os) (?:casa|casas|imovel|unidade|sobrado"
    rf"|lote|terreno|brisa|mare|duna|{_ROOMS_NAMED})"
    r"|(?:casa|imovel|unidade|sobrado|lote|terreno|brisa|mare|duna) (?:sai|fica|esta|custa) "
    r"(?:por )?quanto)\b"
)
"""What a unit costs: the broker's, unless it is a fee the documents may state."""
_STOCK_UNITS: Final = r"(?:casas?|unidades?|lotes?|terrenos?|sobrados?)"
_STOCK: Final = re.compile(
    rf"\b{_STOCK_UNITS}(?: (?:ainda|tem|ha|estao|esta|sao|ficaram|continuam|que|mais|so))*"
    r" (?:disponive(?:l|is)|a venda|livres?|sobrando|restando|vendid[oa]s|esgotad[oa]s?)\b"
    r"|\b(?:restam|resta|sobrou|sobraram|sobra|faltam vender|ja venderam|venderam|vendeu)"
    rf"(?: [a-z0-9]+){{0,2}} {_STOCK_UNITS}\b"
    rf"|\bestoque\b|\bdisponibilidade de {_STOCK_UNITS}"
)
"""The units left to sell ("quantas casas ainda tem disponível?", "já venderam muitas
casas?", "sobrou lote na quadra B?"): the stock changes every day, and is the broker's
like a price, never a figure of the documents."""
_PRICE_GOING: Final = re.compile(
    r"\bquanto (?:esta |)(?:saindo|ficando|ficaria|sairia|custaria|seria|daria) (?:[a-z]+ )?"
    r"(?:a|o|as|os|um|uma) (?:casa|casas|imovel|unidade|unidades|sobrado|lote|terreno|brisa|mare"
    rf"|duna|{_ROOMS_NAMED})\b"
)
"""What a unit is going for ("quanto tá saindo a casa de 3 quartos?", "quanto ficaria o
sobrado?"): a price."""
_INSTALMENT: Final = re.compile(
    r"\b(?:(?:quanto|valor(?:es)?|custa\w*)(?! tempo\b)(?: [a-z0-9]+){0,5}"
    r" (?:parcelas?|prestacao|prestacoes)"
    r"|(?:parcelas?|prestacao|prestacoes)(?: [a-z0-9]+){0,8} (?:de |por |em )?quanto(?! tempo\b))\b"
)
"""What an instalment comes to ("quanto ficaria a parcela mensal da casa?", "a prestação
sai por quanto?"): a share of a unit's price, the broker's; how instalments work ("as
parcelas são fixas ou têm reajuste?", `_ADJUSTED`) is stated in the documents."""
_ADJUSTED: Final = re.compile(
    r"\b(?:reajust\w*|corrig\w*|correcao|corrigem|indice|incc|fix[oa]s?)\b"
)
"""How an instalment changes: asked with "quanto" or "valor" too ("o valor da parcela é
reajustado?"), it asks how payments work, not what they come to."""
_BESIDES_INSTALMENT: Final = re.compile(
    r"\b(?:alem d[ao]s?|fora [ao]s?|sem contar [ao]s?|tirando [ao]s?)"
    r" (?:parcelas?|prestacao|prestacoes|financiamento)\b"
)
"""An instalment set aside ("além da parcela, quanto vou pagar de condomínio?"): beside a
fee named, the fee is asked, not what the instalment comes to."""
# A fee or a figure the documents may state: asked with "quanto" / "valor", it is no price.
_FEE: Final = re.compile(
    r"\b(?:condominio|condominial|taxa|iptu|sinal|entrada|luz|agua|gas|mensalidade|cota|itbi"
    r"|escritura)\b"
)
_OF_THE_DEVELOPMENT: Final = re.compile(
    r"\b(?!(?:valor|valores|custo|custos|preco|precos|boleto|boletos|taxa|taxas|conta|contas"
    r"|mensalidade|cota|cotas|despesa|despesas|gasto|gastos)\b)[a-z]{3,} d[oa]s? condominio\b"
)
"""A thing of the development ("o terreno do condomínio", "a portaria do condomínio"):
"condomínio" names the place there, not its fee, even beside "quanto"."""


_FEE_COMPARED: Final = re.compile(
    r"\b(?:condominio|taxa|iptu|mensalidade|cota)\b[^.!?;:\n]*?"
    r"\b(?:mais|menos|tao) (?:barat|car)[oa]s?\b"
    r"|\b(?:mais|menos) (?:barat|car)[oa]s?\b[^.!?;:\n]*?\b(?:o|a) (?:condominio|taxa|iptu)\b"
)
"""A fee compared between houses ("o condomínio da casa de 2 quartos é mais barato que o do
sobrado?"): a fee question, no price nor negotiation; the documents state the fee."""


def fee_words(asked: Asked) -> tuple[str, ...]:
    """The fees a fee question names ("iptu", "condominio", "taxa"): what it asks the
    figure of, which a sentence answering it must name."""
    return tuple(w for w in asked.topic if _FEE.fullmatch(w)) if asked.fee else ()


def _the_development_only(low: str) -> bool:
    """Whether every "condomínio" of a normalised text names a thing of the development
    ("quanto do terreno do condomínio é área verde?"), none its fee."""
    return len(_OF_THE_DEVELOPMENT.findall(low)) == len(re.findall(r"\bcondominio\b", low))


_PLACE_OR_FEE: Final = frozenset({"condominio", "luz", "agua", "gas"})
"""Fee words that as often name a thing ("o condomínio", "os fios de luz", "gás
encanado"): a fee only with a paying word."""
_DOWN_PAYMENT: Final = frozenset({"entrada", "sinal"})
_AMOUNT_ASKED: Final = re.compile(
    r"\b(?:pag\w*|cobr\w*|custa\w*|valor\w*|quant[oa]s?|qual|quais|mensal\w*|por mes|dar|dou"
    r"|damos|porcento|porcentagem|percentual|mil|reais)\b|\d ?%|r\$"
)
"""Words asking the amount of a down payment ("qual o valor da entrada?", "quanto dou de
sinal?"), which "dá pra usar o FGTS na entrada?" does not."""
_PAYS: Final = re.compile(
    r"\b(?:pag\w*|cobr\w*|custa\w*|valor|quanto|mensal\w*|por mes"
    # "qual o preço do condomínio?": the fee's price ("o preço das casas do condomínio" is
    # the houses', `_HOUSE_PRICED`)
    r"|precos? (?:d[oa] )?(?:condominio|taxa))\b"
)
_HOUSE_PRICED: Final = re.compile(r"\b(?:casa|casas|imovel|unidade|sobrado|lote|brisa|mare|duna)\b")

_OPEN: Final = r"(?:abert|fechad)[oa]s?"
_WHEN: Final = (
    r"(?:\d{1,2}h\d{0,2}|domingos?|sabados?|feriados?|madrugada|cedo|horas?|fim de semana)"
)
"""A time of day or a day, which makes "aberto"/"fechado" ask for opening hours."""

_MEASURES: Final[tuple[tuple[Measure, re.Pattern[str]], ...]] = (
    (
        "hours",
        re.compile(
            r"\b(?:que horas?|ate que hora|horario|horarios|abre|fecha|funciona)\b"
            # open or closed at a time or on a day ("umas 14h ainda pego aberto?"), not
            # open-air ("a piscina é aberta ou coberta?")
            rf"|\b{_OPEN}\b.*\b{_WHEN}\b|\b{_WHEN}\b.*\b{_OPEN}\b"
        ),
    ),
    (
        "time",
        re.compile(
            r"\b(?:quanto tempo|quantos minutos|minutos|demora|leva quanto|de quanto em quanto)\b"
        ),
    ),
    ("distance", re.compile(r"\b(?:distancia|longe|perto|quantos km|quilometros|km)\b")),
    (
        "capacity",
        re.compile(
            r"\b(?:cabe|cabem|capacidade|comporta|comportam|aguenta|aguentam|suporta|suportam"
            r"|quantas pessoas|quanta gente|pessoas)\b"
        ),
    ),
    ("share", re.compile(r"\b(?:porcentagem|percentual|por cento|%)")),
    ("money", re.compile(r"\b(?:quanto (?:e|vou pagar|pago|fica|sai|custa)|valor|taxa|pagar)\b")),
    (
        "size",
        re.compile(
            r"\b(?:tamanho|metragem|mede|medem|medir|metros?|m2|m²|hectares|area|comprimento|extensao"
            r"|largura|grande|comprid[oa]s?)\b"
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:quando|previsao|prazo|desde quando|ate quando|que ano|que mes|quantos anos)\b"
        ),
    ),
    ("count", re.compile(r"\b(?:quantos|quantas|quanto)\b")),
)
"""The measure a question asks for, first match wins ("quanto tempo" before "quanto")."""
_SEASON: Final = re.compile(r"\b(?:que|qual|mesma|outra) epocas?\b")
"""A time asked as a season ("em que época", "na mesma época que"): a date."""
_UNTIL_DONE: Final = re.compile(
    r"\b(?:quanto tempo|quantos meses)\b[^.!?;:,\n]*?\b(?:pront[oa]s?|entreg(?:ar|arem|am|a|ue|ues"
    r"|em|uem|ando)|terminar?|terminarem|terminam|acabar?|acabarem|acabam|concluir|concluida"
    r"|concluid[oa]s?|conclusao|a entrega|as chaves|o habite-se|habite se)\b"
)
"""How long until the works end ("quanto tempo até ficar pronta?", "quanto tempo falta pra
entregar?"): when they end, the delivery's date; a travel time names a place to go to."""
_HOW_LONG: Final = frozenset({"tempo", "meses", "falta", "faltam", "ainda"})
"""The words that ask how long until the works end, and name nothing the schedule states."""

_FIGURES: Final[dict[Measure, re.Pattern[str]]] = {
    "hours": re.compile(r"\b\d{1,2}h\b|\b24 horas\b"),
    "time": re.compile(r"\b\d+ minutos\b"),
    "distance": re.compile(r"\b\d+(?:,\d+)? km\b"),
    "capacity": re.compile(r"\b\d+ pessoas\b"),
    "share": re.compile(r"\d+%"),
    "money": re.compile(r"r\$ ?\d|\b\d+%"),
    "size": re.compile(r"\b\d+(?:,\d+)? ?(?:m²|m2|metros|hectares|km)\b"),
    "date": re.compile(r"\b(?:19|20)\d\d\b|\b\d+ dias\b"),
    "count": re.compile(r"\b\d+\b|\b(?:uma?|dois|duas|tres|quatro|cinco|todos|todas)\b"),
}
"""How a sentence states a figure of each measure (folded text)."""

# Words that only make a sentence a question, or a request, and say nothing about what is
# asked: dropped from the topic, so that no document has to contain them.
QUESTION_WORDS: Final = frozenset(
    """
    mede medem medir cabe cabem comporta comportam aguenta aguentam suporta suportam
    capacidade leva levam demora demoram passa passam
    chegar chego chega horas hora horario horarios abre abrem fecha fecham funciona
    funcionam aberto aberta distancia longe perto inteiro inteira porcentagem
    percentual comprimento comprido comprida compridos compridas extensao largura quantidade
    numero vem vindo vir instalado instalada
    instalados montar montado montada montados montadas entregue entregues colocar botar
    subir construir fazer usar jogar pagar pago
    vou cobra cobrado cobrada cobram comeco comeca comecar partir desde existe existem
    atua atuam mais menos cerca quase uns umas boa bom bons boas nome responsavel
    ja pedir pediu perguntar pergunta pergunto duvida duvidas dizer saber sabem sabe
    queria gostaria entender importante gente familia valeu obrigado obrigada aguardo decidindo
    ainda minha meu meus minhas esposa marido pai mae sogro sogra sogros avo avos irmao irma
    tio tia namorado namorada noivo noiva pensando procurando vendo gostei vi anuncio
    instagram site pelo pela vim mudar regiao aqui anos ano idade fazendo feito feita
    feitos madrugada depois dai daqui dali
    barato barata baratos baratas caro cara caros caras epoca epocas aproximadamente
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


_GERUND: Final = re.compile(r"(?:a|e|i)ndo$")


def _question_word(word: str) -> bool:
    """Whether a folded word only asks: a QUESTION_WORDS word or a form of its verbs
    ("comecou", "comecaram": "comecar"), but not a gerund, the action asked about
    ("quem está construindo?")."""
    if word in QUESTION_WORDS:
        return True
    return not _GERUND.search(word) and verb_of(word) in QUESTION_WORDS


_REQUEST_WORDS: Final = (
    r"(?:(?:queria|gostaria de|quero|preciso|pode me|podem me|sabe(?:m)? me|sabe(?:m)?)"
    r" (?:saber|dizer|informar|falar|entender)|saber|me diz|me fala|perguntar"
    # A question relayed by the lead's own people ("minha mãe tá perguntando se ...", "meu
    # marido perguntou se ..."); the broker who asked the lead something is no question.
    r"|(?:mae|pai|marido|esposa|esposo|mulher|filho|filha|sogra|sogro|irma|irmao|avo"
    r"|namorado|namorada|noivo|noiva|amigo|amiga|genro|nora|tio|tia|cunhado|cunhada)"
    r" (?:(?:esta|estava|ta|tava|ja) )?(?:perguntando|perguntou|mandou perguntar) se)(?: se)?"
)
_REQUEST: Final = re.compile(
    rf"\b(?:{_REQUEST_WORDS}|se (?:tem|pode|aceita[m]?|da para|e permitido))\b"
)
"""A request to be told something: the question starts after it."""
_ASKED_WHETHER: Final = re.compile(rf"\b{_REQUEST_WORDS}\b(?<=\bse)")
"""A request or a relayed question about whether ("queria saber se", "ela tá perguntando
se"): what follows is asked, even what reads as the lead's need."""
_AS_WHAT: Final = "".join(
    rf"(?<!\b{verb} )"
    for verb in "comprar compro comprando comprei usar uso usando pegar pego ter tenho".split()  # noqa: SIM905
)
"""Lookbehinds for the "como" that says what a thing is bought or used as ("comprar como
investimento", "usar como escritório"), which asks nothing."""
_CUE: Final = re.compile(
    # "aqui onde moro", "lá onde eu trabalho": "onde" there is no question's.
    r"\b(?:quant[oa]s?|qual|quais|que horas|ate que horas?|(?<!aqui )(?<!la )(?<!ali )onde"
    rf"|{_AS_WHAT}como(?! (?:investimento|moradia|renda|segunda casa|primeira casa"
    r"|casa de (?:praia|veraneio)|primeiro imovel|segundo imovel|aposentadoria|poupanca)\b)"
    r"|quando|quem|desde quando"
    rf"|ate quando|sera que|tem como)\b|{_REQUEST.pattern}"
)
"""A question's cue anywhere in a clause; not "como" naming what the home is for
("avaliando uma unidade como investimento", "comprar como moradia")."""
_OPENS: Final = re.compile(
    r"^(?:tem|teria|qual|quais|quant[oa]s?|onde|como|quando|quem|aceita[m]?|pode(?! ser)|posso"
    r"|podemos|existe|existem|ha|fica|(?:e )?(?:muito )?(?:perto|longe|distante)|o que|que|em que"
    r"|da pra|da para|voces tem|voces fazem"
    r"|vem|vao|sera|e permitido|permitido|e possivel|passa|cabe|abre|funciona|desde"
    # "... trabalho de casa é que é aprovado pra financiar": the development's approval
    r"|(?:aprovado|aprovada|liberado|liberada) (?:para|pela|pelo) (?:financ\w*|caixa|banco)"
    r"|ate(?! (?:r\$ ?)?\d)|de quanto"
    r"|se (?:tem|pode|posso|o|a|os|as|da|e|vem|aceita[m]?|passa))\b"
)
"""How a question opens; "até" before a figure opens a ceiling ("até 750, forçando uns
800 mil"), not "até quando"."""
_YES_NO_TAIL: Final = re.compile(
    # "a gente tem ..." is had, not asked.
    r"^(?:o|a(?! gente\b)|os|as|e|a casa|as casas)\b.*\b(?:tem|vem|vao|e|sao|abre|fecha|passa"
    r"|aceita|pode|fica|cabe|cabem|aguenta|comporta|suporta|funciona|permite|oferece|possui|inclui|entrega|entregue|entregou|entregaram|comecou|terminou"
    r"|comecaram|terminaram|acabaram"
    r"|ficou|acabou|saiu|foi|esta|estao)\b"
    # "na casa de dois quartos algum quarto é suíte", "alguma casa tem quintal": whether
    # any of them is or has, a question without its "?" ("algum dia eu compro" tells).
    r"|^(?:(?:no|na|nos|nas) (?:casa|casas|sobrado|sobrados)\b(?: [a-z0-9]+){0,4} )?"
    r"(?:algum|alguma|alguns|algumas) (?!(?:dia|dias|vez|vezes|tempo|hora|momento)\b)[a-z]+"
    r" (?:e|sao|tem|vem|fica|ficam)\b"
)
_OR_NOT: Final = re.compile(
    r"\b(?:tem|vem|vao|e|sao|aceita|aceitam|pode|podem|fica|ficam|cabe|cabem|inclui|possui"
    r"|permite|permitem|funciona|abre|passa|esta|estao)\b.* ou nao\s*$"
)
"""A yes/no question put as the choice of its answers ("a cozinha vem com armário ou
não", "piscina é aquecida ou não"): a question without its "?"."""
_IF: Final = re.compile(r"\bse\b")
"""Whether the lead tells a doubt of their own ("não sei se compro ou não")."""
_OPENERS: Final = re.compile(
    rf"^(?:(?:{GREETING_PATTERN}|eae|ei|tudo bem|tudo bom"
    r"|so uma duvida|uma duvida|me tira uma duvida|uma pergunta|so uma pergunta|outra coisa"
    rf"|mais uma coisa|e que(?! (?:horas?|dia|dias|mes|ano|tipo\b|{WHICH_THING}))|e|entao|ah|ai"
    r"|olha|pessoal|gente|ja"
    # Fillers of dictated speech ("... sabe tem armário na cozinha", "mas enfim cabe ...").
    rf"|sabe(?! (?:me|dizer|informar|falar)\b)|assim(?! que\b{NOT_WHICH_PAPERS})|enfim|mas"
    r"|tipo(?! (?:de|da|do|das|dos|uns|umas|um|uma|mais|quase)\b| \d))\b[\s,!:;.-]*)+"
)


ASKING: Final = frozenset(
    "quanto quanta quantos quantas qual quais onde como quando quem".split()  # noqa: SIM905
)
"""The words that ask: a slip in one ("quano", "quantoos", "qaul") is put right at once."""


_READER_WORDS: Final = frozenset(
    """
    saber dizer queria gostaria perguntar pergunta duvida informar falar preciso
    funciona funcionam distancia tamanho metragem metros pessoas capacidade minutos
    horario horarios quilometros porcentagem previsao
    condominio condominial taxa desconto proposta negociar preco precos custa valor
    entrada sinal parcela parcelas fundo garantia controle transporte publico energia
    solar salao festas fazendo modelo inteiro inteira permitido possivel
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words the reader itself relies on (cues, measures, prices, fees, phrases): a slip in
one would hide what the question asks, so it is put right before reading."""


_ASKING_VERBS: Final = frozenset(
    """
    tem teria aceita aceitam pode podem posso podemos permite permitem existe existem vem
    fica ficam passa cabe cabem abre funciona funcionam inclui libera liberam
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Verbs a question opens with ("aceita carro na entrada", "pode ter cachorro"): a likely
slip in one ("aecita", "aceitta", "pdoe", "tme") is read as the verb."""


def _asking_verb(word: str) -> str:
    """The verb of `_ASKING_VERBS` that `word` is a likely slip of (two letters swapped, a
    letter doubled; in a word of five letters or more a letter left out too), when it is
    the only one and no dictionary knows `word` in any form ("poe": "põe"); else `word`."""
    if len(word) < 3 or word in _ASKING_VERBS or known_in_some_form(word):
        return word
    near = {
        edit
        for edit in _edits(word)[0]
        if edit in _ASKING_VERBS and (len(edit) <= len(word) or len(word) >= 5)
    }
    return near.pop() if len(near) == 1 else word


def asking_slip(word: str) -> bool:
    """Whether the folded `word` is a slip of a word a question opens with ("aceitta",
    "pdoe", "quanot"): typed in lower case, no name ("aceitta animal de estimação" asks)."""
    fixed = _word(word)
    return fixed != word and (fixed in _ASKING_VERBS or fixed in ASKING)


_RUN: Final = re.compile(r"([a-z])\1{2,}")
_SLANG_WORDS: Final = frozenset(w for w in SLANG if len(w) >= 5 and w.isalpha())
"""Words of the leads' shorthand long enough to be put right when typed with a slip."""


@functools.lru_cache(maxsize=4096)
def _word(word: str) -> str:
    """A word as the rest of the module reads it: shorthand spelt out; a slip in an asking
    word ("quantoos") or, by the likeliest slips only, in another word the reader relies
    on ("saaber", "funcioona", "garantai") put right."""
    # "passsa", "muuuito": no Portuguese word holds a letter three times running ("rr"
    # and "ss" are its only doubles, besides "oo"/"ee" in "voo", "leem").
    word = _RUN.sub(lambda m: m.group(1) * (2 if m.group(1) in "rsoe" else 1), word)
    if word in SLANG:
        return SLANG[word]
    if word[:2] in ("qu", "qa") and len(word) >= 4 and word not in ASKING:
        # The likeliest slips only: "quartos" is no "quantos".
        near = {e for e in _edits(word)[0] if e in ASKING}
        if near and all(e.startswith("quant") for e in near):
            word = "quantos" if len(near) > 1 else near.pop()  # "quants": quantos or quantas
        elif near:
            word = min(near)  # "quano": quando or quanto, a question either way
    word = _asking_verb(word)
    known = word in _READER_WORDS or f"{word}s" in _READER_WORDS or word in ASKING
    if len(word) >= 5 and not known and word not in SLANG:
        # "buusao", "bussao": a slip in a word of the leads' own shorthand ("busao")
        near = {e for e in _edits(word)[0] if e in _SLANG_WORDS}
        if len(near) == 1:
            return SLANG[near.pop()]
    if len(word) >= 5 and not known:
        near = {e for e in _edits(word)[0] if e in _READER_WORDS}
        if len({e.removesuffix("s") for e in near}) == 1:
            word = min(near, key=len)
    return SLANG.get(word, word)


_ROOMS: Final = re.compile(r"\b(\d+) ?(?:qtos?|qts|qrtos?|qrts|dorms?)\b|\b([1-9])q\b")
_ROOM_COUNT: Final = re.compile(
    r"\b(dois|duas|tres|quatro|cinco) (quartos|suites|dormitorios|banheiros)\b"
)
_DIGITS: Final[dict[str, str]] = {
    "dois": "2",
    "duas": "2",
    "tres": "3",
    "quatro": "4",
    "cinco": "5",
}
"""Rooms counted in words ("a casa de três quartos"), as the documents count them ("3
quartos"): a dictated question spells its numbers."""
"""Bedrooms in shorthand after a number ("3 qtos"; "a de 2q", the bare "q" only written
against the figure: "2 q eu vi" is "que"): not "quantos"."""


def _rooms(match: re.Match[str]) -> str:
    return f"{match.group(1) or match.group(2)} quartos"


_OWNS: Final = re.compile(
    r"\b(?P<own>(?:eu |a gente |nos )?(?:tenho|temos|possuo|possuimos|tem))"
    r" (?:(?:um|uma|\d+|dois|duas|tres|quatro|cinco|seis) )?(?P<thing>[a-z]+)"
    r"(?: (?:de )?(?:porte )?(?:grandes?|pequen[oa]s?|enormes?|medi[oa]s?|grandao|grandona))?"
    r"\b"
)
"""What the lead has, counted or sized ("tenho 2 cachorros grandes"): the lead's own
circumstances; only the thing had is asked about, not its number or size."""
_WALK_BEFORE: Final = frozenset(
    """
    pode podem posso podemos consegue conseguem consigo vai vao vou quero querem gosta gostam
    gosto para deixar deixa deixam soltar poder conseguir
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words before "andar" that make it the verb, to walk ("podem andar soltos", "dá pra
andar de bicicleta"); after any other word ("mais um andar", "subir o andar") it is a
floor."""


_LOOSE_AFTER: Final = frozenset(
    "solto soltos solta soltas livre livres livremente preso presos presa presas".split()  # noqa: SIM905
)
"""Words after "andar" that make it the verb ("andar solto", "andar livre")."""


_WALKER: Final = frozenset(
    "ele ela eles elas eu gente nos voce voces".split()  # noqa: SIM905
)
"""Who walks, just before "andar": the verb, to walk ("pra ele andar"), never a floor
("mais um andar", "o segundo andar")."""


_MUCH_GROUND: Final = re.compile(r"\b(?:muito|mto|mt|bastante|mta) chao\b")
"""Much ground to cover ("daí até lá é muito chão?"): far, the documents' distances; "o
chão da sala" is the floor."""
_LAPS: Final = re.compile(
    r"\b(?P<place>(?:lugar|lugares|espaco|espacos|area|areas|canto|cantinho|onde)\b"
    r"(?: [a-z]+){0,3}?)"
    r" (?:(?:pra|para)(?: [a-z]+){0,2} )?dar (?:uma boa |umas boas |(?:uma|umas|suas|sua|minhas"
    r"|minha|seus|meus|as|os|nossas|nossa) )?(?:voltas?|voltinhas?|caminhadinhas?)\b"
)
"""A place to take a stroll ("um lugar bom pra minha mãe dar suas voltinhas", "tem onde dar
uma volta?"): a place to walk, the documents' walking track (not "dar uma volta aí pra
conhecer", a visit, which names no place)."""


def _floor_or_walk(low: str) -> str:
    """ "andar" as the verb (to walk, to go about) dropped, as a floor kept: the verb names
    nothing the documents state, the floor is a reform's subject; "andando" and
    "andarem" are always the verb."""

    def keep(match: re.Match[str]) -> str:
        before = low[: match.start()].split()
        if before and before[-1] in _WALKER:
            # Someone walks ("lugar pra ele andar", "pra gente andar"): to walk, as the
            # documents' walking track says it; a floor is never someone's.
            return "caminhar"
        after = low[match.end() :].split()
        # Going about loose ("andar solto pelo condomínio") is walking, never a floor.
        loose = bool(after) and after[0] in _LOOSE_AFTER
        return "" if loose or (before and before[-1] in _WALK_BEFORE) else match.group()

    # Its gerund and personal forms are never a floor ("podem ficar soltos andando").
    low = re.sub(r"\b(?:andando|andarem)\b", "", low)
    return re.sub(r"\bandar\b", keep, low)


def _owned(match: re.Match[str]) -> str:
    own = match.group("own")
    if own == "tem":  # "tem casa grande?" asks; "a gente tem" is had
        return match.group()
    return f"{own} {match.group('thing')}"


_BANK_SHORT: Final = re.compile(r"\b(?:bb|cef|bradesco|itau|santander|caixa|nubank)\b")
_BANKING: Final = re.compile(
    r"\b(?:conta|banco|bancos|financ\w*|credito|agencia|gerente|correntista)\b"
)
_BANK_NAMES: Final[dict[str, str]] = {"bb": "banco do brasil", "cef": "caixa"}
"""Banks as leads write them ("minha conta é no BB", "financio pela CEF"), as the documents
name them; "bb" only beside a word of banking (it is a baby as often)."""


def _banks(low: str) -> str:
    """Bank shorthand spelt out as the documents name the bank, in a text about banking."""
    if not _BANKING.search(low):
        return low
    return _BANK_SHORT.sub(lambda m: _BANK_NAMES.get(m.group(), m.group()), low)


_UNITS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"\b(\d{1,2}) ?(?:hrs|hr|hs|hras|horas|hora|h)\b"), r"\1h"),
    (re.compile(r"\b(\d+) ?(?:min|mins|minutos?)\b"), r"\1 minutos"),
    (re.compile(r"\b(\d+(?:,\d+)?) ?(?:mts|mt|m|metros?)\b"), r"\1 metros"),
    (re.compile(r"\b(\d+(?:,\d+)?) ?(?:kms|km|quilometros?)\b"), r"\1 km"),
)
"""A figure with its unit, however it is written, as the documents write it: hours as
"13h" ("até as 22 hrs", "10hs"), "30 minutos" ("30min"), "25 metros" ("25m", "25 mts";
"mt" alone is "muito"), "2,4 km" ("2,4km", "3 kms")."""


def _units(low: str) -> str:
    for pattern, replacement in _UNITS:
        low = pattern.sub(replacement, low)
    return low


_SLASHED_WORDS: Final = {"c": "com", "p": "para", "s": "sem"}
_SLASHED: Final = re.compile(r"(?<![\w/])([cps])/ ?(?=[a-z])")
"""Prepositions in shorthand with a slash ("c/ armário", "p/ carregar", "s/ garagem")."""


def normalise(text: str) -> str:
    """Folded text with shorthand spelt out ("Qnto eh o cond?" → "quanto e o condominio?",
    "casa de 3 qtos" → "casa de 3 quartos"), laughter read as a full stop, and slips in
    the words that ask put right ("quano" → "quanto"); an emoji between words ends a
    sentence as laughter does ("mobiliar tudo do zero 😅 a cozinha já vem com armário?")."""
    text = without_decorations(text)
    low = _units(_ROOMS.sub(_rooms, LAUGHTER.sub(".", _blocks(text))))
    low = _ROOM_COUNT.sub(lambda m: f"{_DIGITS[m.group(1)]} {m.group(2)}", low)
    low = _SLASHED.sub(lambda m: _SLASHED_WORDS[m.group(1)] + " ", low)
    low = re.sub(r"[a-z0-9²]+", lambda m: _word(m.group()), low)
    low = f" {low} "
    for phrase, replacement in PHRASES:
        low = low.replace(f" {phrase}", f" {replacement}")
    # Getting the keys of a block or a stage named in the message ("quadra G" is a stage:
    # `_blocks`) is that stage's handover, not the payment due "na entrega das chaves".
    low = _INTEND.sub("", low)
    low = _KEYS.sub(
        "entrega da etapa" if re.search(r"\betapa\b", low) else "entrega das chaves", low
    )
    low = _HOMES_HANDED.sub("entrega da etapa", low)
    low = _SHOP.sub(lambda m: f"{m.group('has')} mercado", low)
    low = _WIRES.sub("fiacao eletrica", low)
    low = _AT_THE_BACK.sub(r"\1", low)
    low = _BUILT.sub(" em construcao", low)
    low = _banks(low)
    low = _LEFT_READY.sub(r"separar\1", low)
    low = _entrance(low)
    low = _renting_asked(low)
    low = _BUILT_AREA.sub(lambda m: f"{m.group(2) or ''} area construida".lstrip(), low)
    low = _A_CHANGE.sub("troca ", low)
    low = _LEFT_AS.sub("", low)
    low = _CHANGE_DEADLINE.sub(r"ate quando posso \1", low)
    low = _PREPARE.sub("quais documentos separar", low)
    low = re.sub(r"\bar\b(?![ -]condicionado)", "ar condicionado", low)
    if _WINDOWS.search(low):
        low = _GLASS_KIND.sub(r"\1", _QUIET.sub("vidro duplo", low))
    low = _MUCH_GROUND.sub("muito longe", low)
    low = _LAPS.sub(lambda m: f"{m.group('place')} pra caminhar", low)
    low = _OWNS.sub(_owned, _floor_or_walk(low))
    low = _HOW_OFTEN.sub(" de quanto em quanto tempo", low)
    low = _FLOOR_RAISED.sub("construir mais um ", low)
    low = _monthly_cost(low)
    low = _ON_THE_WALL.sub(r"\1", low)
    low = _WHO_COMES.sub(r"\1", low)
    low = re.sub(r"  +", " ", low)
    # A run-on message ("... pego avião toda semana quanto tempo leva ..."): its clauses
    # marked, the lead's story apart from the question.
    low = _SIGN_OFF.sub(r"; \1", low)
    low = punctuated(low)
    # "armário planejado", "a cozinha é planejada?": the furniture, however it is made.
    low = re.sub(
        rf"\b((?:{_FURNITURE})(?: (?:e|sao|ja|vem|vao|sera|serao|entregue|entregues))*)"
        r" (?:(?:planejad|embutid)[oa]s?|sob medida)\b",
        r"\1",
        low,
    )
    return low.strip()


_ON_THE_WALL: Final = re.compile(
    r"\b((?:revestimento|azulejo|ceramica|pastilha)s?) (?:d[ae]s?|n[ao]s?) (?:parede|paredes)\b"
)
"""Where a covering goes ("o revestimento da parede", "azulejo nas paredes"): the covering
itself, as the documents name it; the wall alone ("posso derrubar uma parede?") stays."""


_WHO_COMES: Final = re.compile(
    r"\b((?:turistas?|hospedes?|inquilinos?|veranistas?) )que (?:vem|vao|vai|chega|chegam"
    r"|vier|vierem|visita|visitam|procura|procuram) (?:pr[oa]s?|para|a|ao|aos|as|de|d[oa]s?)"
    r" [^.?!,;:]*"
)
"""Where the guests of a letting come for ("botar no airbnb pra turista que vem pro
Cumbuco?"): it tells who they are, and the place is not what the question asks about (the
letting is); the guests stay."""


_FLOOR_RAISED: Final = re.compile(
    r"\b(?:levantar|levanto|levantaria|erguer|ergo|ergueria)"
    r" (?:(?:mais|um|o|outro) )*(?:\+ ?(?:1 )?|1 )?(?:segundo )?(?=(?:andar|andares|pavimentos?)\b)"
)
"""A floor raised by the lead ("posso levantar + 1 andar?", "dá pra erguer um segundo
andar?"): building one more floor, as "construir mais um andar" asks; raising money ("vou
levantar o FGTS") is no floor."""


_MONTHLY_COST: Final = re.compile(
    r"(?<!\bmeu )(?<!\bmeus )(?<!\bminha )(?<!\bminhas )(?<!\bnosso )(?<!\bnossos )"
    r"(?<!\bnossa )(?<!\bnossas )"
    r"\b(?:gastos?|custos?|despesas?|manutencao)(?: fix[oa]s?)?"
    r" (?:mensa(?:l|is)|por mes|todo mes|ao mes|de todo mes)\b"
    r"(?! (?:d[aoe]s?|com|n[ao]s?) (?!condominio\b)[a-z])"
)
"""What living in the development costs each month ("quanto vai ficar esse gasto mensal?",
"o custo por mês pra manter", "a manutenção mensal"): the condominium fee, the one monthly
cost the documents state; the lead's own ("meu gasto mensal hoje é alto") is not."""
_NOT_THE_FEE: Final = re.compile(
    r"\b(?:parcelas?|prestac\w*|financ\w*|aluguel|luz|agua|energia|gas|internet|iptu"
    r"|mercado|escola|transporte)\b"
)
"""Monthly costs that are no condominium fee: an instalment, a rent, a bill, a school."""


def _monthly_cost(low: str) -> str:
    """A monthly running cost named as the condominium fee ("taxa de condominio por mes"),
    unless its sentence names another monthly cost ("o custo mensal com a parcela")."""

    def fee(match: re.Match[str]) -> str:
        start = max(low.rfind(mark, 0, match.start()) for mark in ".?!;")
        ends = [i for i in (low.find(mark, match.end()) for mark in ".?!;") if i >= 0]
        sentence = low[start + 1 : min(ends, default=len(low))]
        return match.group() if _NOT_THE_FEE.search(sentence) else "taxa de condominio por mes"

    return _MONTHLY_COST.sub(fee, low)


_HOW_OFTEN: Final = re.compile(
    r" (?:com (?:que |qual )?(?:frequencia|frequencias)|frequentemente)\b(?=[^.!;,\n]*\?)"
)
"""How often, asked ("passa ônibus aí perto com frequência?", "com que frequência recolhem o
lixo?"): the question's own "de quanto em quanto tempo", which asks for a time; only in a
clause that ends with "?" ("vou a Fortaleza com frequência, fica longe?" tells a habit)."""


_SIGN_OFF: Final = re.compile(
    r"(?<=[a-z0-9])(?<!muito) (obrigad[oa]|valeu|grat[oa]|agradeco|desde ja)(?=[\s!.]*$)"
)
"""Thanks that end a message after the last word with no mark ("a casa duna tem escritório
obrigado!"): a clause of its own, so the question before it keeps its form (its "!" is
the thanks', not the question's)."""


_OWN_PLACE: Final = re.compile(
    r"^(?:aqui|la|ca|onde (?:eu|a gente|nos) mor[oa]\w*)"
    r" (?:em casa|no (?:meu |nosso )?(?:predio|bairro|apartamento|apto|prediozinho)"
    r"|na (?:minha|nossa) (?:casa|rua|cidade))\b"
)
"""A clause about the lead's own home ("aqui em casa vive caindo energia qndo chove", "lá
no prédio é tudo encanado"): it tells the lead's circumstances, and its "quando" or "como"
asks nothing unless the clause ends with "?"."""


_WHEN_IT_HAPPENS: Final = re.compile(
    r"\bquando (?:(?:o|a|os|as|meu|minha|meus|minhas|eu|ele|ela|eles|elas|nos) )?(?:[a-z]+ )?"
    r"(?:[a-z]+rem|tiver|tivermos|estiver|puder|vier|mudar|casar|aposentar|nascer)\b"
)
"""A time told by what will happen ("quando os meninos crescerem", "quando eu me
aposentar"): when the lead will do something, no question."""


def _told_when(clause: str, body: str) -> str:
    """A statement's body (a clause ended by a full stop) without the times it tells by what
    will happen: "... e quando os meninos crescerem subir mais um andar." asks nothing."""
    if not clause.rstrip().endswith("."):
        return body
    return _WHEN_IT_HAPPENS.sub(" ", body)


_TELLS: Final = re.compile(
    # "quem fala é a Rafaela", "quem decide é meu marido": who someone is, told
    r"^(?:(?:tipo|assim) )?quem (?!(?:e|eh|sao|foi|era)\b)\w+(?: \w+){0,3}"
    r" (?:e|eh|sou|foi|vai ser)\b"
    # "a casa tem que ter 4 quartos", "a parcela tem que caber em 2 mil": what the lead needs
    # (not "quais documentos tenho que ter?", which asks what)
    r"|(?!.*\b(?:qual|quais|quant[oa]s?|onde|como|quando|o que)\b)"
    r"(?:(?:a|o|as|os|minha|meu|nossa|nosso)\b.*\b(?:tem|precisa) (?:que|de) \w+"
    r"|.*\b(?:tenho|temos|preciso) (?:que|de) ter\b)"
)
"""Clauses that open or read like a question but, without a "?", tell."""


def _asks(clause: str) -> bool:
    """Whether a clause asks: a "?", a question's opening or cue, "o X tem ..." not ended
    by a full stop, or a price or a discount named at all ("se eu pagar à vista tem
    desconto"); not one that tells who someone is or what the lead needs (`_TELLS`)
    without a "?"."""
    body = _OPENERS.sub("", clause).strip()
    # "minha mãe tá perguntando se ... ou se a gente tem que chamar marceneiro": what the
    # lead needs, asked after ("saber se", "perguntando se"), asks.
    if _TELLS.match(body) and not clause.rstrip().endswith("?") and not _ASKED_WHETHER.search(body):
        return False
    return bool(
        clause.rstrip().endswith("?")
        or _OPENS.match(body)
        or (_CUE.search(_told_when(clause, body)) and not _OWN_PLACE.match(body))
        # "a casa tem quintal": a question without its "?"; "a ideia é alugar no airbnb."
        # ends as a statement, and states the lead's plan
        or (_YES_NO_TAIL.match(body) and not clause.rstrip(" ,;").endswith((".", "!")))
        # "cozinha vem c/ armário ou não": whether, put as the choice of its answers
        or (_OR_NOT.search(body) is not None and not _IF.search(body))
        or _NEGOTIATION.search(f" {body} ")
        or _PRICE.search(f" {body} ")
    )


_ASKING_WORDS: Final = ASKING | {"mais", "menos", "muito", "muita", "tao"}
"""Words that ask or grade what is asked and name no thing: "é muito longe daí?" asks
about the place the lead named before it."""
_HOW_FAR: Final = re.compile(r"\b(?:longe|perto|distante)\b")
"""How far, which with "fica" names no thing ("trabalho no hospital, fica longe?"; "onde
fica o condomínio?" names the development)."""
_PERMISSION_WORDS: Final = frozenset(
    """
    pode podem posso podemos permitido permitida permitidos permitidas liberado liberada
    liberados liberadas proibido proibida proibe proibem aceita aceitam rola tranquilo normal
    deixa deixam cabe cabem aberto aberta funciona todo toda mundo esta estao condominio
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words that ask whether a thing is allowed, fits or is open, and name no thing: "tenho
2 cachorros, pode?", "uns 100 convidados, cabe todo mundo?", "domingo, vai tá aberto?"
ask about what came before."""
_AMOUNT_WORDS: Final = frozenset(
    """
    fica ficam ficaria ficariam sai saem sairia sairiam custa custam custaria custariam
    daria dariam seria seriam mensal mensalmente
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words that, with "quanto", ask what something comes to and name no thing: "... o
condomínio. qnto fica por mês?" asks about what came before ("onde fica?" does not)."""


_UNIT_WORDS: Final = frozenset(
    "km quilometro quilometros metro metros minuto minutos hora horas tempo".split()  # noqa: SIM905
)
"""The units a "how many" question measures in ("fica a quantos quilômetros?", "quantos
minutos de carro?"): with "quantos" they name no thing, and the question measures what
the statement before it named ("tem colégio particular perto, fica a quantos km?")."""


def names_something(clause: str) -> bool:
    """Whether a clause names anything besides how it asks ("sai por quanto?", "pode?",
    "a quantos quilômetros?" do not)."""
    amount = re.search(r"\bquant[oa]\b", clause) is not None
    counted = re.search(r"\bquant[oa]s\b", clause) is not None
    far = _HOW_FAR.search(clause) is not None
    return any(
        len(w) >= 2
        and (len(w) >= 4 or w == "km")
        and w not in QUESTION_WORDS
        and w not in _ASKING_WORDS
        and (w not in _UNIT_WORDS or not counted)
        # "quanto fica o condomínio" names the fee; "pode no condomínio?" names nothing.
        and (w not in _PERMISSION_WORDS or (amount and w == "condominio"))
        and (w not in _AMOUNT_WORDS or not (amount or counted))
        and (w not in ("fica", "ficam") or not far)
        for w in _WORD.findall(clause)
    )


def measures_only(clause: str) -> bool:
    """Whether a question asks a figure by its unit and names nothing else ("fica a quantos
    quilômetros?", "quantos minutos?"): it measures what the statement before it named."""
    low = normalise(clause)
    return re.search(r"\bquant[oa]s\b", low) is not None and not names_something(low)


def asking_clauses(text: str) -> list[str]:
    """The parts of a message put as questions, normalised and cut where the question
    starts: a clause ending with "?", opening like a question ("tem", "qual", "quanto",
    "a casa tem ...") or holding a question cue ("queria saber se", "quantos"). A
    question that names nothing ("vai tá aberto?") carries the statements before it."""
    return [_joined(before, asked) for before, asked in asking_parts(text)]


_HOUSE_NAMED: Final = re.compile(
    r"\b(?:a|na|da|pela|pra|para a|o|no|do|pelo)"
    r" (?:casa (?:de|com) (?:\d|dois|duas|tres|quatro)\w* (?:quartos?|qtos?|dorm\w*)|sobrado)\b"
)
"""A house type named as a thing of the development ("na casa de quatro quartos", "o
sobrado"), not as what the lead wants ("quero casa de 4 quartos")."""


_HOUSE_TYPE: Final = re.compile(
    r"\b(?:sobrados?|terreas?|duna|mare|brisa|(?:de|com) (?:\d|dois|duas|tres|quatro)\w*"
    r" (?:quartos?|qtos?|dorm\w*|suites?))\b"
)
"""A house type as a question names it ("o sobrado", "a de 3 quartos", "a Duna")."""
_HOUSE_FEATURE: Final = re.compile(
    r"\b(?:quartos?|suites?|banheiros?|terrenos?|lotes?|tamanho|metragem|metros|m2|area"
    r"|construcao|escritorio|piscina privativa)\b"
)
"""What the house types differ in, as a question asks it: their rooms, suites, bathrooms,
size, plot, office and private pool."""


def marked(text: str) -> str:
    """A run-on message (no "?", at least two clauses: see `ptbr.clauses`) in its own words,
    with a clause that asks about a house type it names ended by "?" and the clause before
    it by ".": "eu sou professora e corrijo prova em casa aí a casa de quatro quartos tem
    escritório" → "eu sou professora e corrijo prova em casa. aí a casa de quatro quartos
    tem escritório?", so that whoever reads the lead's facts sees the house type asked
    about, not a wish. Any other text comes back as written: a clause such as "e dá pra ir
    até 450 mil" is the lead's budget as often as a question."""
    if "?" in text:
        return text
    found = clauses(text)
    if len(found) < 2:
        return text
    asked = {
        i
        for i, c in enumerate(found)
        if _HOUSE_NAMED.search(fold(c.text)) and asking_clauses(c.text)
    }
    if not asked:
        return text
    out: list[str] = []
    for i, c in enumerate(found):
        mark = "?" if i in asked else "." if i + 1 in asked else ""
        out.append(c.text if c.text[-1] in ".!?;:," else c.text + mark)
    return " ".join(out)


def _joined(before: str, asked: str) -> str:
    """A question after the statements it carries, still apart from them ("tenho um
    labrador, ele pode ficar solto?"), so that reading it again tells the lead's
    statements from the question's own words."""
    if not before:
        return asked
    return f"{before} {asked}" if before[-1] in ".!?;:," else f"{before}, {asked}"


_THAT: Final = re.compile(r"\b(?:isso|isto|disso|disto|nisso|nisto)\b")
"""Words that point back to what the lead said they would do ("... e depois subir mais um
andar. pode fazer isso?"): the last thing stated, not the whole statement."""
_THAT_DAY: Final = re.compile(r"\b(?:d|n)?(?:ess|est)e dia\b")
"""A day pointed back to ("vocês abrem nesse dia?"): the one named just before, when that
clause names a day."""
_A_DAY: Final = re.compile(r"\b(?:domingo|sabado|segunda|terca|quarta|quinta|sexta|feriado)s?\b")
_THAT_PART: Final = re.compile(
    r"\b(?:d|n)?(?:ess|est)(?:a|e|as|es) (?:parte|partes|quadra|quadras|etapa|etapas|fase"
    r"|fases)\b"
)
"""A part of the development pointed back to ("dessa parte aí", "nessa quadra"): the block
or stage the statements before named ("uma casa na quadra B"), when they name one."""
_A_PART: Final = re.compile(r"\b(?:etapa|quadras?|fase)\b")
_BACK: Final = re.compile(
    rf"{_THAT.pattern}|\b(?:ele|ela|dele|dela|nele|nela)\b"
    # "minha conta é no BB, dá pra financiar por lá?": the place or bank named before
    r"|\bpor (?:la|ali)\b"
    r"|\b(?:algum|alguma|alguns|algumas)\b(?=\s*$|\s+(?:perto|proxim[ao]s?|ai|aqui|la|dentro"
    r"|no|na|do|da|em|por|pra|para)\b)"
    # "esse dinheiro", "esse saldo": the money the lead said they hold
    r"|\b(?:d|n)?(?:ess|est)es? (?:dinheiro|dinheirinho|saldo|valor|recurso|recursos)\b"
    # "dessa opção", "desse modelo": the house the lead named before
    r"|\b(?:d|n)?(?:ess|est)(?:a|e|as|es) (?:opcao|opcoes|casa|casas|planta|plantas|modelo"
    r"|modelos|tipo|unidade|sobrado)\b"
    # "um canto separado com porta ... já vem com esse cômodo?": the place described before
    r"|\b(?:d|n)?(?:ess|est)(?:e|es|a|as) (?:comodos?|espacos?|cantos?|cantinhos?|lugar"
    r"|lugares|ambientes?)\b"
    # "um lugar silencioso ... tem algum espaço assim?": the place described before
    r"|\b(?:espacos?|lugar|lugares|locais|local|comodos?|cantinho|canto|salas?)"
    r" (?:assim|desse tipo|dessa forma|desse jeito)\b"
)
"""Words that point back to one thing named before the question ("o terreno dele"; "dessa
parte aí" after "uma casa na quadra B"; "nesse dia" after "no domingo"; "tem
alguma perto?" after "meu filho estuda em escola bilíngue"); the plural personal ones
point as often to a company named in the question itself ("a primeira obra deles"), and
"algum" before a noun names that noun ("tem algum reajuste?")."""


_ROOM_BACK: Final = re.compile(
    r"\b(?:d|n)?(?:ess|est)(?:e|es) comodos?(?: (?:extras?|a mais|adicional|adicionais"
    r"|separados?))?\b"
)
"""A room of the house pointed back to ("já vem com esse cômodo extra?")."""
_WORK_TOLD: Final = re.compile(
    r"\b(?:trabalh[a-z]*|home office|reunio(?:es)?|reuniao|atendo|atender|estud[a-z]*)\b"
)
"""Work or study the lead tells of ("trabalho remoto", "vivo em reunião", "estudo 8h por
dia"): what a room pointed back to is for."""


def _last_sentence(statements: list[str]) -> list[str]:
    """The statements of the lead's last sentence, which a word pointing back names ("...
    em março. um colega falou que as quadras do fundo são de outra fase. se eu pegar uma
    dessas ..."): the story before it is the lead's life. All of them when the last names
    nothing."""
    ends = [i for i, s in enumerate(statements[:-1]) if s.endswith(".")]
    last = statements[ends[-1] + 1 :] if ends else statements
    return last if names_something(", ".join(last)) else statements


_MONEY_HELD: Final = re.compile(
    r"\b(?:fgts|poupanca|dinheiro|dinheirinho|saldo|reserva|economias|rescisao)\b"
)
"""Money the lead holds ("tenho um FGTS parado", "um dinheiro na poupança")."""
_SPENDS: Final = re.compile(
    r"\b(?:usar|uso|usaria|botar|boto|colocar|coloco|por|ponho|dar|dou|abater|aproveitar"
    r"|entrar|entra|serve|vale)\b"
)
"""Words that put money into the purchase ("dá pra usar ele?", "posso botar esse dinheiro
na entrada?")."""


_MONEY_SOURCE: Final = re.compile(r"\b(?:fgts|poupanca|consorcio|rescisao)\b")
"""Where the money the lead holds lies ("um dinheirinho parado no FGTS")."""
_MONEY_POINTER: Final = re.compile(
    r"\b(?:ess|est)es? (?:dinheiro|dinheirinho|saldo|valor|recurso|recursos)\b"
)
"""Money pointed back to ("esse dinheiro", "esse saldo")."""


def _money_held(statements: str) -> str | None:
    """The last part of the lead's statements that names money they hold ("... faz 12 anos
    e tenho um FGTS parado" → "tenho um fgts parado"), or None."""
    parts = re.split(r"(?:[,.;!]\s*|\s+(?:e|mas|e ai|ai|entao)\s+)", statements)
    held = [part.strip() for part in parts if _MONEY_HELD.search(part)]
    return held[-1] if held else None


def _last_stated(statements: str) -> str:
    """The last thing of the lead's statements, which "isso" points back to: "pegar a
    térrea agora e depois de uns anos subir mais um andar" → "depois de uns anos subir
    mais um andar" (the whole statements when their last part names nothing)."""
    last = re.split(r"\b(?:e|mas|e ai|ai)\s+(?=\S)", statements)[-1]
    return last if last != statements and names_something(last) else statements


_CONDITION: Final = re.compile(
    r"se (?:eu|a gente|nos)\b"
    # "se a família crescer, dá pra subir um andar?": the household's own condition
    r"|(?:se|caso) (?:a|o|os|as|minha|meu|minhas|meus|nossa|nosso) (?:familia|filhos?|filhas?"
    r"|meninos?|meninas?|criancas?|bebes?|casal)\b"
)
"""A question opening with the lead's own condition ("se eu fechar agora ...", "se eu
comprar pra investir, posso alugar?"): its words are the lead's circumstances
(`Asked.context`), not what is asked."""


_REASON: Final = re.compile(r"(?:porque|pois|ja que)\b")
"""A clause giving the reason for the question before it, without a "?" of its own."""


_TURNS_TO: Final = re.compile(
    r"^(?:e|mas|ja) (?:quanto (?:a|ao|aos|as) |sobre )?(?:o|a|os|as|no|na|nos|nas|do|da)\b"
    r"(?: [a-z0-9]+){1,5},$"
)
"""A clause that only turns to a thing, just before the question about it ("e a de 3
quartos, quantas suítes tem?", "já o sobrado, tem piscina?"): the question's subject."""


_WHEN_I: Final = re.compile(
    r"^(?:(?:e|mas|ai|entao) )?(?:quando|no dia (?:em )?que|na hora (?:em )?que|assim que"
    r"|logo que|depois que|antes que) (?:eu|a gente|nos)\b"
)
"""A time told by the lead's own act, put before a question in the same sentence ("no dia
em que eu assinar, ..."; "quando eu receber as chaves, ..."): the time of the question."""
_ASKS_WITHIN: Final = re.compile(
    r"\b(?:da pra|da para|pode|posso|podemos|consigo|tem|qual|quais|quant[oa]s?|onde|como"
    r"|fica|ficam)\b"
)
"""A question's own words after the time clause's opening ("depois que eu receber dá pra
subir?"): then the clause is the question, not only its time."""
_PUT_AS: Final = re.compile(
    r"(?:(?:e|mas|ou) )?(?:em|de|na|no) (?:porcentagem|percentual|percentagem|reais|metros"
    r"|m2|km|quilometros|minutos|horas|dias|meses)\W*"
    r"|(?:(?:e|mas|ou) )?(?:quantos|qual o) (?:por cento|percentual)\W*"
)
"""A clause that only says how the figure asked just before is put ("..., em
porcentagem?", "quantos por cento?")."""


_PLACED_BEFORE: Final = re.compile(
    r"(?:e |mas |agora |ja )?(?:na|no|da|do|pra|pro|para a|para o|sobre a|sobre o|e a|e o|a|o)"
    r" (?:casa (?:de|com) (?:\d|dois|duas|tres|quatro)\w* (?:quartos?|dorm\w*)"
    r"|sobrado|terrea(?: (?:de|com) (?:\d|dois|duas|tres|quatro)\w* quartos?)?"
    r"|(?:de|com) (?:\d|dois|duas|tres|quatro)\w* (?:quartos?|dorm\w*))"
)
"""A clause that only names the house type the question after it is about ("na casa de 3
quartos, quantos quartos têm suíte?", "no sobrado, o lote é de quantos metros?")."""


def asking_parts(text: str) -> list[tuple[str, str]]:
    """`asking_clauses` as (the statements a question that names nothing asks about, the
    question itself): "domingo depois do almoço, tipo 15h, vai tá aberto?" asks about
    the visit on Sunday, and its own words are "vai tá aberto?"."""
    out: list[tuple[str, str]] = []
    cue_before = False
    previous: list[str] = []
    shifted: str | None = None
    when = ""
    for raw in split_at_marks(normalise(text), colon=True):
        clause = raw.strip()
        if not clause:
            continue
        if when:
            # "no dia em que eu assinar, quanto preciso pagar?": the time the question is
            # about opens it.
            clause, when = f"{when} {clause}", ""
        opening = _WHEN_I.match(clause)
        if (
            opening is not None
            and clause.endswith(",")
            and not _ASKS_WITHIN.search(clause[opening.end() :])
        ):
            when = clause
            continue
        if out and _PUT_AS.fullmatch(clause):
            # "quanto preciso pagar na assinatura, em porcentagem?": how the figure asked
            # before is to be put.
            before_it, asked_before = out[-1]
            out[-1] = (before_it, f"{asked_before.rstrip(' ,;:?')} {clause}")
            continue
        body = _OPENERS.sub("", clause).strip(" ,;:")
        if not _WORD.search(body):  # "Oi, tudo bem?": nothing is asked
            continue
        intro = re.fullmatch(
            r"(?:[a-z ]*\b)?(?:perguntar|duvida|pergunta|saber)"
            # "quero saber direitinho:": how well the lead wants to know
            r"(?: (?:direitinho|direito|bem|melhor|certinho|exatamente))?\W*",
            body,
        )
        if intro:
            cue_before = True
            continue
        asks = cue_before or _asks(clause)
        if (
            asks
            and out
            and _REASON.match(body)
            and not clause.rstrip().endswith("?")
            and not _REQUEST.search(body)
        ):
            # "... e como eles iriam, pq eu não tenho como levar": why the lead asked.
            asks = False
        before = ""
        # "ele quer saber se essa construtora já entregou ...": who relays the question is
        # no word pointing back; the question from its request on is looked at.
        request = _REQUEST.search(body)
        points = _BACK.search(body[request.start() :] if request else body) or (
            _THAT_PART.search(body) and _A_PART.search(" ".join(previous))
        )
        day = bool(previous and _THAT_DAY.search(body) and _A_DAY.search(previous[-1]))
        placed = bool(previous) and _PLACED_BEFORE.fullmatch(previous[-1].rstrip(".!")) is not None
        if asks and previous and (not names_something(body) or points or day):
            # "e o condomínio, sai por quanto?", "no sobrado de 4 quartos, o terreno dele
            # é de quantos metros?": the question's subject came before it.
            before = ", ".join(_last_sentence(previous))
            room = _ROOM_BACK.search(body)
            if room is not None and _WORK_TOLD.search(before):
                # "trabalho remoto ... preciso de um canto separado com porta. alguma das
                # casas já vem com esse cômodo extra?": a room of the house for the work
                # told before, the documents' "escritório" (the story itself names
                # nothing more).
                body = f"{body[: room.start()]}escritorio{body[room.end() :]}"
                before = ""
            held = _money_held(before) if points else None
            source = _MONEY_SOURCE.search(held) if held is not None else None
            pointer = _MONEY_POINTER.search(body)
            if held is not None and _SPENDS.search(body):
                # "trabalho de carteira assinada faz 12 anos e tenho um FGTS parado. dá pra
                # usar ele na entrada?": the money named last, not the lead's work story;
                # "esse dinheiro" after "um dinheirinho no FGTS" is the FGTS itself.
                before = held
                if source is not None and pointer is not None:
                    body = f"{body[: pointer.start()]}o {source.group()}{body[pointer.end() :]}"
                    before = ""
            elif placed and points:
                # "... nosso orçamento é apertado, então tô de olho na menorzinha, a de 2
                # quartos. quantos metros ela tem?": "ela" is the house type named last.
                before = previous[-1]
            elif _THAT.search(body):
                before = _last_stated(before)
            elif day:
                # "... tipo 15h no domingo, vocês fecham cedo nesse dia?": the day of the
                # clause just before, not the lead's week told earlier.
                before = previous[-1]
        elif asks and placed:
            # "na casa de 3 quartos, quantos quartos têm suíte?": the house type the
            # question is about, named just before it.
            before = previous[-1]
        elif (
            asks
            and previous
            and _HOUSE_FEATURE.search(body) is not None
            and _HOUSE_TYPE.search(body) is None
        ):
            # "estou de olho no sobrado maior. queria saber se cada quarto tem banheiro
            # próprio": the house type the lead's last sentence names is the one whose
            # rooms or size the question asks (not "dá pra subir um andar?", the rules').
            named = [s for s in _last_sentence(previous) if _HOUSE_NAMED.search(s)]
            before = named[-1] if named else ""
        if asks and not before and shifted is not None and previous and previous[-1] == shifted:
            # "a de 2 quartos só tem 1 suíte, né. e a de 3 quartos, qnts suítes tem?": the
            # thing the question turns to, not the one the statement before spoke of.
            before = shifted
        shifted = body if not asks and _TURNS_TO.match(clause) else None
        previous = [] if asks else [*previous, body]
        if asks:
            cue = _REQUEST.search(body)
            start = cue.start() if cue and cue.start() > 0 and not _OPENS.match(body) else 0
            asked = body[start:]
            unasked = re.sub(rf"^{_REQUEST_WORDS}\s+", "", asked)
            if unasked != asked or start > 0 or cue_before or not _CONDITION.match(asked):
                # "queria saber se tem piscina": the question is "tem piscina"; "se eu
                # comprar pra investir, posso alugar?" keeps the lead's condition.
                unasked = re.sub(r"^se\s+", "", unasked)
            asked = unasked
            asked = asked.strip(" ,;:")
            if asked:
                out.append((before, asked))
        cue_before = False
    if not out:
        return _confirmed(text)
    return out


_OWN_SUBJECT: Final = re.compile(
    r"^(?:(?:e|mas|ai|entao|olha|tipo|so|porque) )*"
    r"(?:eu|a gente|nos|(?:o |a |os |as )?(?:meu|minha|meus|minhas|nosso|nossa|nossos|nossas)"
    r" (?!(?:duvida|pergunta|questao|interesse)\b)[a-z]+)\b"
)
"""A clause opening with the lead or someone or something of the lead's ("eu trabalho perto
do aeroporto", "minha filha estuda no colégio", "meu carro é grande", "a gente tem um
cachorro")."""
_FIRST_PERSON: Final = re.compile(r"^[a-z]+(?:o|amos|emos|imos)$")
_PURCHASE: Final = re.compile(
    r"\b(?:financ\w*|pag(?:o|amos|ar|aria|ando)|entrada|sinal|parcel\w*|fgts|consorcio)\b"
)
"""How the lead will pay ("tenho 300 mil de entrada e financio o resto"): about the
purchase, which the documents state, not the lead's private life."""


_STORY_WORDS: Final = 12
"""Words at most in a clause told of the lead's life: a longer one, unpunctuated, may end
with a question put without its form ("minha filha faz quinze anos ... o salão de festa
cabe esse povo todo")."""


_ACTS_AS_NOUNS: Final = frozenset(
    "trabalho estudo gosto almoco janto passeio treino ensino viajo caminho".split()  # noqa: SIM905
)
"""First persons of verbs that the lemmatiser reads as nouns: "trabalho no Centro"."""


def _acts(word: str) -> bool:
    """Whether `word` is the first person of a verb: the lead's own act ("moro em
    Caucaia", "trabalho no Centro", "estudo de noite")."""
    return verb_of(word) is not None or word in _ACTS_AS_NOUNS


def tells_own_life(text: str) -> bool:
    """Whether a message tells the lead's own life and asks nothing: each of its clauses,
    of at most `_STORY_WORDS` words, opens with the lead, the lead's people or things
    ("minha filha estuda no colégio perto daqui", "meu carro é grande", "a gente adora
    praia") or with a verb in the first person ("moro em Caucaia"), and none has a
    question's form (no "?", no cue such as "quanto" or "será que"). A topic named in
    such a story is the lead's, not a question about the development ("condominio qnto",
    "garagem coberta" ask); how the lead will pay is the purchase's ("financio o resto")."""
    parts = [c.strip() for c in split_at_marks(normalise(text), colon=True) if _WORD.search(c)]
    if not parts or asking_clauses(text):
        return False
    told = False
    for part in parts:
        body = _OPENERS.sub("", part).strip(" ,;:.!")
        if not body:
            continue
        first = body.split()[0]
        if (
            len(body.split()) > _STORY_WORDS
            or _PURCHASE.search(body)
            or not (_OWN_SUBJECT.match(body) or (_FIRST_PERSON.fullmatch(first) and _acts(first)))
        ):
            # Every part tells: "eu sou eletricista ... os fios de luz são enterrados ou
            # vai ser tudo com poste" ends with a question put without its form.
            return False
        told = True
    return told


_TERSE_WORDS: Final = 4
"""Words at most in a question put as a bare topic ("e o iptu", "garagem coberta")."""


def asks_tersely(text: str) -> bool:
    """Whether a short message with no verb of its own names a topic as a question: "e o
    iptu", "garagem coberta", "condominio qnto", "piscina aquecida" ask about the thing
    they name, as leads write on the go; "minha filha estuda aqui perto" tells
    (`tells_own_life`), a greeting alone names nothing, a figure ("então às 16h") or a
    name ("Fátima") answers our question."""
    if tells_own_life(text):
        return False
    names = re.findall(r"[^\W\d_]+", text)
    if names and all(w[0].isupper() and not w.isupper() for w in names):
        return False  # "Fátima", "Bela Vista": a name or a place, answering our question
    body = _OPENERS.sub("", normalise(text)).strip(" ,;:.!?")
    if re.match(r"(?:o\s+|meu\s+)?(?:sobrenome|nome\s+completo)\b", body):
        return False  # "sobrenome Holanda, João Holanda": the lead's name, answering
    found = _WORD.findall(body)
    if not found or len(found) > _TERSE_WORDS:
        return False
    if any(w.isdigit() or re.search(r"\d", w) for w in found):
        return False  # "então às 16h", "3 quartos": a figure answers our question
    if any(number_word(w) is not None for w in found if w not in ("um", "uma")):
        return False  # "três", "dois quartos": a figure in words answers too
    verbs = [w for w in found if verb_of(w) is not None and w not in ASKING]
    return not verbs and any(len(w) >= 4 and not _question_word(w) for w in found)


_TAG: Final = re.compile(r"\bne\W*$")
_MODAL: Final = re.compile(
    r"\b(?:(?:vou|vai|vamos) ter que|tenho que|tem que|temos que|preciso|precisa|precisamos"
    r"|posso|pode|podem|podemos|consigo|consegue|da para|devo|deve|devemos)\b"
)


def _confirmed(text: str) -> list[tuple[str, str]]:
    """A run-on message that asks nothing else but ends with a tag "né", about what the
    lead must, may or can do ("se eu fechar agora já vou ter que pagar condomínio enquanto
    a casa está sendo construída porque aí vou pagar aluguel e condomínio junto né"): a
    statement put for confirmation, asked as a whole."""
    low = normalise(text)
    if not _TAG.search(low) or not _MODAL.search(low) or len(_WORD.findall(low)) < RUN_ON:
        return []
    body = _OPENERS.sub("", low).strip(" ,;:.")
    body = re.sub(r"^tipo\s+", "", body)
    return [("", body)] if names_something(body) else []


_COMPLEMENT: Final = re.compile(
    r"^(?:nao|sera|e|sao|eu|a gente|nos|tenho|temos|tem que|preciso|precisa|precisamos|vem"
    r"|vou|vai|vao|ja|so|somente|apenas|os dois|as duas|ambos|ambas|todos|todas|tudo|nenhum"
    r"|nenhuma|normal|normais|comum|comuns|simples|padrao|sem|fica|ficam|e so|e normal"
    r"|tem (?:alguma |algum )?(?:regras?|restric\w+|exigencias?|normas?|condic\w+|requisitos?)"
    # "cada quarto tem banheiro próprio ou algum vai ter que dividir?": one of the same
    # things, obliged to do without
    r"|(?:algum|alguma|alguns|algumas|um|uma|uns|umas|o outro|a outra|os outros|as outras)"
    r"(?: (?:deles|delas|[a-z]+))? (?:vai|vao|tem|teria|terao|teriam|precisa|precisam)"
    r" (?:ter )?(?:que|de)\b)\b"
)
"""How the second half of "X ou Y?" opens when it is the other answer to X ("... tem suíte
ou os dois são normais?", "... vem com armário ou tenho que mandar fazer?"), not a second
thing asked about ("tem piscina ou academia?"); "pode ... ou tem regra?" asks the same
permission with its conditions."""


def alternatives(clause: str) -> tuple[str, str, bool] | None:
    """A question put as "X ou Y?", split: (X, Y, whether Y is only the other answer to X).

    None when the clause holds no " ou " between two parts that both name something."""
    # Roughly, no alternative: "quanto fica por ano mais ou menos?" asks one thing.
    low = re.sub(r"\bmais ou menos\b", "aproximadamente", normalise(clause).strip(" ?!."))
    first, sep, second = low.partition(" ou ")
    if not sep or not names_something(first) or not second.strip():
        return None
    # "... ou se algum vai ter que dividir": the "se" of the asking goes on into the other
    # answer, and says nothing of it.
    answer = re.sub(r"^se\s+", "", second.strip())
    return f"{first}?", second, bool(_COMPLEMENT.match(answer))


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
    context: tuple[str, ...] = ()
    """Topic words that only give the question's purpose or reason ("pra emergência",
    "pra conversa com o corretor", "porque meu aluguel vence"): a document that lacks one
    may still answer what is asked."""


_ROUTINE: Final = r"(?:almoco|janta|jantar|cafe|trabalho|servico|expediente|aula|aulas|culto|missa)"
"""The lead's daily routine, which a time is told by ("depois do almoço")."""
_TIME_PHRASE: Final = re.compile(
    # "depois do almoço", "antes do trabalho", "na saída do serviço"
    r"\b(?:depois|antes|apos|durante|na hora|no horario|na volta|na saida|no fim|no final)"
    rf" d[oa]s? (?:(?:meu|minha|o|a) )?{_ROUTINE}\b"
    # "o resto do ano", "no fim do dia", "no começo do mês"
    r"|\b(?:o |no |ao |pelo |todo o |durante o |a |na |pela )?(?:resto|fim|final|comeco|inicio"
    r"|meio|metade)"
    r" d[oa] (?:dia|mes|ano|semana|tarde|manha|noite)\b"
    # "ano passado", "no mês que vem": a time of the lead's life
    r"|\b(?:n?[oa] )?(?:ano|mes|semana) (?:passad[oa]|que vem|retrasad[oa])\b"
    # "mais pra frente", "no futuro": later on
    r"|\b(?:mais para frente|la para frente|no futuro|futuramente)\b"
    # "enquanto está em obra", "enquanto não fica pronta": while a state lasts
    r"|\benquanto(?: (?!(?:ou|e|posso|pode|podem|tem|vou|vai|da)\b)[a-z]+){1,4}"
    # "enquanto a casa está sendo construída": the works going on, however long said
    r"(?: (?:construid|feit|levantad|erguid)[oa]s?)?"
)
"""A time told by the lead's routine or a stretch of the calendar, or a "while" clause:
it says when, and names no thing the documents state ("dá pra passar domingo depois do
almoço?" asks about the visit on Sunday, not about lunch)."""


def _without_times(low: str) -> str:
    """A normalised text without the time phrases that name no thing (`_TIME_PHRASE`);
    days, periods and hours stay: opening hours state them."""
    return _TIME_PHRASE.sub(" ", low)


_SEES_CLIENTS: Final = re.compile(
    r"\b(?:atend|receb)[a-z]* (?:(?:os|as|meus|minhas|uns|umas|um|uma|o|a|de|do|da) )?"
    r"(?:clientes?|pacientes?|alunos?|alunas?)\b"
    r"|\btrabalh[a-z]* (?:(?:\d{1,3} ?%|\d{1,3} por cento|so|sempre|totalmente) )?"
    r"(?:remot[oa]|de casa|em casa|a distancia|home office)\b"
)
"""Seeing clients, patients or pupils ("atendo cliente em casa"), or working from home
("trabalho remoto", "trabalho 100% remoto"): the lead works there, and
asks for a place to work (the documents' "escritório", "coworking")."""
_SPACE_QUALITY: Final = re.compile(
    r"\b(?P<space>lugar|lugares|espaco|espacos|cantinho|canto|comodo|comodos|sala|salas)"
    r" (?:(?:mais|bem|mais ou menos) )?(?:separad|reservad|silencios|tranquil|isolad|quiet"
    r"|sossegad|calm)(?:inh)?[oa]s?\b"
)
"""A place described by its quiet or its privacy ("um lugar silencioso", "um cantinho
separado", "um lugar quietinho"): the place is asked about, its quality only describes
it."""
_STUDY_PLACE: Final = re.compile(
    r"\b(?:lugar|lugares|espaco|espacos|cantinho|canto|sala|salas|ambiente|local)\b"
    r"(?: (?!(?:e|ou|mas)\b)[a-z0-9]+){0,6}? (?:para|pra) (?:(?:eu|a gente|nos|mim|ela|ele"
    r"|elas|eles) )?(?P<study>estudar)\b"
)
"""A place in the development to study in ("um lugar quietinho com internet pra eu
estudar"): a place to work (the documents' "coworking"), not a school ("estudar")."""
_EXTRA_ROOM: Final = re.compile(
    r"\b(?P<room>comodos?) (?:extras?|a mais|adicional|adicionais|sobrando)\b"
)
"""A room more than the bedrooms ("a casa vem com um cômodo extra?"): the room; what it is
for is said around it ("trabalho remoto": the office)."""
_OWN_RENT: Final = re.compile(
    r"\b(?:sair|saio|sairia|sairiamos|sairmos|largar|largo)"
    r" (?:d[oe] (?:meu |nosso )?|(?:o )?(?:meu |nosso ))aluguel"
    r"(?: (?:direto|diretamente|logo))?\b"
)
"""Leaving the home the lead rents for the house ("consigo sair do aluguel direto pra
ela?"): when the house is handed over, the documents' "entrega"."""
_RENEW: Final = re.compile(
    r"\b(?:renovar|renovo|renovaria|renovamos) ?(?:(?:o |meu |o meu )?(?:contrato|aluguel))?"
)
"""Renewing the lead's own lease ("ou vou ter que renovar?"), beside leaving it: the lead's
life, nothing the documents state."""
_TO_SCHOOL: Final = re.compile(
    r"\b(?:levar|leva|levam|levo|levamos|buscar|busca|busco|ir|irem|vao|iriam|vai)"
    r"(?: (?:as|os|a|o|minhas?|meus?|nossas?|nossos?) (?:criancas?|filhos?|filhas?|meninos?"
    r"|meninas?|pequen[oa]s?|gemeos|gemeas))?"
    r" (?:para a|para o|pra|pro|para|na|no|a|ao|ate a|ate o) (?:escola|colegio)s?\b"
)
"""Getting the children to school ("não temos como levar as crianças pra escola", "como
elas vão pro colégio?"): the way there, the documents' school "van" beside the school."""


_UPWARDS: Final = re.compile(
    r"\b(?:aument|constru|cresc|subi|ampli|expand)[a-z]*(?: (?:a|o|minha|meu) [a-z]+)?"
    r" (?:para|pra) cima\b"
)
"""Building upwards ("aumentar a casa pra cima", "construir pra cima"): a floor more."""
_SCHOOL_YEAR: Final = re.compile(
    r"\b(?:(?:primeir|segund|terceir|quart|quint|sext|setim|oitav|non)[oa]|\d{1,2}[oa])"
    r" (?:ano|serie)(?: (?:do|da) (?:ensino )?(?:medio|fundamental))?\b"
)
"""A school year ("até o terceiro ano", "no 1o ano do médio"): the stage of school it is
in, the documents' "ensino"."""
_SCHOOLING: Final = re.compile(r"\b(?:escolas?|colegios?|ensino|estud\w*|serie|aulas?)\b")
"""Words of school, which make a year a school year ("no primeiro ano de obra" is none)."""
_FLOOR_ORDINAL: Final = re.compile(
    r"\b(?:primeir|segund|terceir)[oa]s? (?=(?:andar|andares|pavimento|pavimentos)\b)"
)
"""The ordinal of a floor ("um primeiro andar", "o segundo pavimento"): it counts floors,
never the development's stages ("primeira etapa")."""


_RECEIVED: Final = re.compile(
    r"\breceb(?:er|o|e|emos|em|ido|ida|i|eu|ermos|erem)"
    r" (?:(?:a|as|o|os|minha|nossa|minhas|nossas) )?(?:casa|casas|chave|chaves|imovel|unidade)\b"
)
"""Receiving the house or its keys ("depois q receber a casa"): the handover, the
documents' "entrega"."""
_BUILT_BEFORE: Final = re.compile(
    r"\b(?:termin|conclu|finaliz|acab)(?:ou|aram|iu|iram)"
    r"(?= (?:(?:outr[oa]s|quant[oa]s|vari[oa]s|alguns|algumas|muit[oa]s|\d+)\b))"
)
"""The works a builder has finished ("já terminou outros empreendimentos", "concluiu
quantos condomínios"): what it delivered, the documents' "entregou"."""
_HANDED_TO_OWNERS: Final = re.compile(
    r"\b(?:(?:termin|conclu|finaliz|acab)(?:ou|aram|iu|iram) e )?"
    r"(?:passou|passaram|repassou|repassaram|entregou|entregaram)"
    r" (?:para|pra|a|ao|aos|as) (?:(?:os|as|seus|suas) )?"
    r"(?:donos|moradores|proprietarios|compradores|clientes|familias)\b"
    r"|\b(?:termin|conclu|finaliz|acab)(?:ou|aram|iu|iram) e (?=entreg(?:ou|aram)\b)"
)
"""Works finished and handed to their owners ("já terminou e passou pros donos outros
empreendimentos", "entregou aos moradores"): what a builder delivered, the documents'
"entregou"."""
_FIRST_PAYMENT: Final = re.compile(
    r"\b(?:pagamento|pagamentos|valor|aporte|deposito) inici(?:al|ais)\b|\b(?:logo )?de cara\b"
)
"""The first payment ("algum pagamento inicial", "pagar logo de cara"): the down payment,
the documents' "entrada" / "sinal"."""


_TWO_STOREYS: Final = re.compile(
    r"\b(?:(?:casas?|[dn]?aquelas?|[dn]?essas?|uma|umas|as?) )(?:de|com) (?:dois|2)"
    r" (?:andares|pavimentos)\b"
)
"""A house of two storeys ("a casa de dois andares", "aquela de 2 pavimentos"): the house
type the documents call a "sobrado" (a floor built later is "subir um andar")."""
_OWN_BATHROOM: Final = re.compile(
    r"\bbanheiros? (?:dentro(?: do quarto)?|no (?:proprio )?quarto|proprios?|privativos?"
    r"|particular(?:es)?|so (?:dela|dele|seu|sua|meu|minha|nosso|nossa))\b"
)
"""A bathroom of the bedroom's own ("quarto com banheiro dentro", "banheiro privativo"):
the documents' "suíte"."""
_WORK_DESK: Final = re.compile(
    r"\b(?:mesa|cantinho|canto) (?:de|pra|para) (?:trabalho|trabalhar)\b"
)
"""A desk to work at ("montar minha mesa de trabalho"): a place to work, the office."""
_SHARED_OFFICE: Final = re.compile(
    r"\b(?:escritorios?|salas?|espacos?|ambientes?|lugar(?:es)?) (?:de trabalho )?"
    r"(?:compartilhad|coletiv|comunitari)[oa]s?\b"
)
"""An office shared with others ("um escritório compartilhado", "sala coletiva de
trabalho"): the documents' "coworking", not a house's own office."""
_AWAY_FROM_HOME: Final = re.compile(r"\b(?:fora|longe) de casa\b")
"""Away from the lead's own home ("trabalhar fora de casa"): no house of the development."""
_CASH_FLOW: Final = re.compile(r"\b(?:meu |minha |o |a )?fluxo de caixa\b")
"""The lead's cash flow ("planejar meu fluxo de caixa"): the lead's finances, not the bank
"Caixa"."""
_USED_IN_PURCHASE: Final = re.compile(
    r"\b((?:usar|uso|utilizar|aplicar|abater|colocar|botar)\b[^.?!;]*?)"
    r" (?:na|nessa|nesta|numa|para a|pra|para|para essa|pra essa) compra"
    r"(?: d[ao] (?:casa|imovel|unidade|sobrado|lote))?\b"
)
"""Money put into the purchase ("dá pra usar o FGTS na compra da casa?"): the purchase is
what the money is for, and names nothing of its own (not the section "Como funciona a
compra"): "usar o FGTS"."""
_OWN_TOUCH: Final = re.compile(r"\b(?:(?:nunca|nao|ja) )?mexi\b")
"""What the lead touched or never did ("um FGTS parado que nunca mexi"): the lead's own
past, not a change to a house ("mexer")."""
_HIGH_SEASON: Final = re.compile(r"\b(?:alta|baixa) (?:estacao|temporada)\b")
"""The high or low season ("alugar na alta estação"): the documents' "temporada"."""


def described(folded: str) -> str:
    """A folded text with the things a lead describes instead of naming put as the
    documents name them: seeing clients at home is working ("atendo cliente em casa"), a
    place described by its quiet or its privacy is the place ("um lugar silencioso"),
    building upwards is a floor ("construir pra cima"), a floor's ordinal is no stage's
    ("um segundo andar"), receiving the house is its handover, the works a builder
    finished or handed to their owners are what it delivered, the first payment is the
    down payment, a school year is a stage of school ("ensino"), a house of two storeys
    is a "sobrado", a bedroom's own bathroom a "suite", a desk to work at a place to
    work, an office shared with others the "coworking", away from home no house of the
    development, what the lead touched ("nunca mexi") no change to a house, the high
    season a "temporada", and the lead's cash flow nothing ("fluxo de caixa" is no bank),
    nor the
    purchase money is put into ("usar o FGTS na compra da casa"); a place in the
    development to study in is a place to work, an extra room the room, leaving the home
    the lead rents for the house its handover ("sair do aluguel direto pra ela"), and
    getting the children to school the school "van"."""
    folded = _SEES_CLIENTS.sub("trabalhar", folded)
    folded = _STUDY_PLACE.sub(
        lambda found: found.group()[: found.start("study") - found.start()] + "trabalhar", folded
    )
    folded = _EXTRA_ROOM.sub(lambda found: found.group("room"), folded)
    if _OWN_RENT.search(folded):
        folded = _RENEW.sub("", _OWN_RENT.sub("entrega", folded))
    folded = _TO_SCHOOL.sub("van escola", folded)
    folded = _RECEIVED.sub("entrega", folded)
    if _SCHOOLING.search(folded):
        folded = _SCHOOL_YEAR.sub("ensino", folded)
    folded = _HANDED_TO_OWNERS.sub(
        lambda found: "" if found.group().endswith(" e ") else "entregou", folded
    )
    folded = _BUILT_BEFORE.sub("entregou", folded)
    folded = _FIRST_PAYMENT.sub("entrada", folded)
    folded = _TWO_STOREYS.sub("sobrado", folded)
    folded = _OWN_BATHROOM.sub("suite", folded)
    folded = _WORK_DESK.sub("trabalhar", folded)
    folded = _SHARED_OFFICE.sub("coworking", folded)
    folded = _AWAY_FROM_HOME.sub("", folded)
    folded = _OWN_TOUCH.sub("", folded)
    folded = _HIGH_SEASON.sub("temporada", folded)
    folded = _CASH_FLOW.sub("", folded)
    folded = _USED_IN_PURCHASE.sub(r"\1", folded)
    folded = _FLOOR_ORDINAL.sub("", folded)
    folded = _UPWARDS.sub(r"\g<0> andar", folded)
    return _SPACE_QUALITY.sub(lambda found: found.group("space"), folded)


_DATE_UNITS: Final = frozenset({"mes", "meses", "ano", "anos", "data", "epoca"})
"""What a date is told in ("em que mês e ano fica pronta?"): how a date question asks, not
its topic."""


def read_question(text: str) -> Asked:
    """Topic and type of a question (see the module docstring)."""
    low = normalise(text)
    padded = f" {low} "
    # "condomínio" names the development as often as its fee: a fee with paying words only.
    fee_word = _FEE.search(low)
    # So do the utilities: "os fios de luz" are no electricity bill.
    fee = fee_word is not None and (
        fee_word.group() not in _PLACE_OR_FEE
        or (
            bool(_PAYS.search(low))
            and (fee_word.group() != "condominio" or not _the_development_only(low))
        )
    )
    # "dá pra usar o FGTS na entrada?": the down payment named as where money goes, no
    # amount asked of it; "qual a entrada?", "quanto dou de sinal?" ask one.
    if fee and {m.group() for m in _FEE.finditer(low)} <= _DOWN_PAYMENT:
        fee = _AMOUNT_ASKED.search(low) is not None
    # "quanto custa o condomínio", "qual o valor da taxa": a fee, not a unit's price.
    priced = bool(_PRICE.search(padded)) and not (fee and not _HOUSE_PRICED.search(low))
    if priced and not _AMOUNT_ASKED.search(low):
        # "dá pra botar o FGTS na entrada da casa?": the down payment named as where money
        # goes, no amount asked of it ("qual a entrada da casa?" asks one).
        priced = any(not m.group().startswith("entrada") for m in _PRICE.finditer(padded))
    instalment = bool(_INSTALMENT.search(low)) and not _ADJUSTED.search(low)
    if fee and _BESIDES_INSTALMENT.search(low):
        instalment = False
    compared = _FEE_COMPARED.search(low) is not None
    if compared:
        fee = True
        priced = False
    negotiation = _NEGOTIATION.search(padded)
    priced = priced or _PRICE_GOING.search(low) is not None
    stock = _STOCK.search(low) is not None
    price = priced or instalment or stock or (negotiation is not None and not compared)
    measure: Measure | None = None
    # The measure is asked in the questions, not in the lead's story before them ("a gente
    # não aguenta mais o barulho do centro. quando começo a pagar o condomínio?": no
    # capacity is asked).
    scopes = _asked_scopes(low)
    for scope in scopes:
        measure = next((kind for kind, pattern in _MEASURES if pattern.search(f" {scope} ")), None)
        if measure is not None:
            break
    scope = scopes[-1]
    if measure is None and _SEASON.search(scope):
        measure = "date"  # "em que época fica pronta?", "na mesma época que a dela?"
    until_done = measure in ("time", "count") and bool(_UNTIL_DONE.search(scope))
    if until_done:
        measure = "date"
    if fee and measure in (None, "count"):
        measure = "money"
    topic = tuple(
        w
        for w in _WORD.findall(described(_without_times(low)))
        if not _question_word(w)
        and not (until_done and w in _HOW_LONG)
        and not (measure == "date" and w in _DATE_UNITS)
    )
    if fee and "taxa" not in topic and _PAYS.search(low) and "condominio" in topic:
        topic = (*topic, "taxa")  # "quanto vou pagar de condomínio": its fee
    if compared:
        # The fee is what is asked; the houses compared only say whose ("o condomínio da
        # casa de 2 quartos é mais barato que o do sobrado?": the one fee of every house).
        fees = tuple(dict.fromkeys(w for w in topic if _FEE.fullmatch(w)))
        topic = (*fees, "taxa") if "taxa" not in fees else fees
    context = tuple(w for w in _context_words(low) if w in topic)
    return Asked(text=low, price=price, fee=fee, measure=measure, topic=topic, context=context)


@functools.lru_cache(maxsize=4096)
def _asked_scopes(low: str) -> tuple[str, ...]:
    """Where a normalised message asks its measure, nearest first: its questions in their
    own words, then with the statements a question that names nothing carries (`asking
    parts`: "domingo, tipo 15h, vai tá aberto?" asks the hours); the whole message when
    nothing in it asks."""
    parts = asking_parts(low)
    if not parts:
        return (low,)
    own = ". ".join(question for _, question in parts)
    return (own, ". ".join(_joined(before, question) for before, question in parts))


_CONTEXT: Final = re.compile(
    r"(?<!\bda )(?<!\bde )\b(?:para|porque|se eu|se a gente|caso eu"
    # "sem precisar ir pra beira da estrada": what the lead would rather not do
    r"|sem (?:precisar|ter que|ter de|necessidade de)"
    # "se a família crescer", "caso os meninos cresçam": the household's own condition,
    # its subject with it
    r"|(?:se|caso)(?= (?:a|o|os|as|minha|meu|minhas|meus|nossa|nosso) (?:familia|filhos?"
    r"|filhas?|meninos?|meninas?|criancas?|bebes?|casal)\b))\b"
    # to the clause's end, or to a reason after it ("para fazer reunião porque ...")
    r"((?:(?!\bporque\b|\bsem (?:precisar|ter que|ter de|necessidade de)\b)[^.!?;:,\n])*)"
)
"""A purpose, a reason or the lead's own condition: "para" (not "dá pra", "tem como"),
"porque", "se eu comprar", "se a família crescer", what the lead would rather not
need to do ("sem precisar sair do condomínio"), to the clause's end, to a reason
after it, or to where a question starts again."""
_ASIDE: Final = re.compile(
    r"\b(?:igual|iguais|parecid[oa]s?|que nem|(?:depois|antes|na hora) d[oa]s?)\b[^.!?;:,\n]*"
)
"""A comparison or a time set beside what is asked, its words with it: "vem com piscina
*igual a de 4*?", "dá pra ir ver *depois do almoço*?" ask about the pool and the visit;
the thing compared with and the meal only place them."""
_RESUMES: Final = re.compile(
    # "porque meu contrato vence e eu preciso me programar": "e eu" goes on with the reason
    r"\b(?!e (?:eu|a gente|nos|meu|minha|meus|minhas)\b)"
    r"(?:posso|pode|podem|podemos|tem|teria|qual|quais|quant[oa]s?|como|onde|quando|quem|ja"
    r"|e|sao|fica|ficam|vem|vao|aceita[m]?|existe|existem|ha|da para|consigo|consegue)\b"
)


_SERVES: Final = re.compile(
    r"^\s*(?:(?:eu|a gente|nos|meu|minha|o|a|os|as|um|uma|ele|ela|eles|elas) )*(?:jogar"
    r"|praticar|guardar|usar|colocar|botar|estacionar|fazer|nadar|andar|correr|caminhar|pedalar"
    r"|passear|brincar|levar|receber|plantar|criar|ter|ver|assistir|lavar"
    r"|carregar|instalar)\b"
)
"""A purpose that says what the thing must serve ("quadra pra jogar squash", "espaço pra
guardar barco", "lugar pra ele caminhar"): what it names is asked about, not context."""


_GOES: Final = re.compile(
    r"\b(?:ir|vou|vai|vao|vamos|iam|ia|iria|iriam|indo|chegar|chego|chega|levar|levo|leva"
    # "passou pros donos", "entregou para os moradores": who was handed something
    r"|passou|passaram|repassou|repassaram|entregou|entregaram|entregue|entregues)"
    r"(?: (?:a|o|os|as|ate))? $"
)
"""A verb of going or handing just before "para": what follows is a destination or who
receives, not a purpose."""
_TAKES: Final = re.compile(
    r"\b(?:tempo|meses|anos|dias|falta|faltam|demora|demoram|demorar)(?: (?:ainda|mais))? $"
)
"""How long it takes just before "para" ("quanto tempo falta pra entregar?"): what
follows is the event asked about, not a purpose."""


def _context_words(low: str) -> list[str]:
    """The words of a question's purpose or reason phrases (see `Asked.context`)."""
    out: list[str] = []
    for match in _CONTEXT.finditer(low):
        if _GOES.search(low[: match.start()]) or _TAKES.search(low[: match.start()]):
            continue  # "como eles iam pra escola?": where one goes is asked about
        span = match.group(1)
        stop = _RESUMES.search(span)
        span = span[: stop.start()] if stop else span
        if not _SERVES.match(span):
            out += _WORD.findall(span)
    for match in _ASIDE.finditer(low):
        span = match.group()
        stop = _RESUMES.search(span, match.group().find(" ") + 1 if " " in span else len(span))
        out += _WORD.findall(span[: stop.start()] if stop else span)
    return out


def figure_kinds(sentence: str) -> frozenset[Measure]:
    """The measures a sentence states a figure of ("... 2,4 km" → distance and size)."""
    low = fold(sentence)
    return frozenset(kind for kind, pattern in _FIGURES.items() if pattern.search(low))


def _edits(word: str) -> tuple[set[str], set[str]]:
    """The words one slip away, as (likelier, others): a letter left out, two letters
    swapped or a letter doubled are the likelier slips; a letter replaced or added the
    others."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    likely: set[str] = set()
    other: set[str] = set()
    for i in range(len(word) + 1):
        for c in letters:
            likely.add(word[:i] + c + word[i:])
            if i < len(word):
                other.add(word[:i] + c + word[i + 1 :])
        if i < len(word):
            dropped = word[:i] + word[i + 1 :]
            doubled = i > 0 and word[i - 1] == word[i]
            (likely if doubled else other).add(dropped)
        if i < len(word) - 1:
            likely.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return likely, other - likely


def likely_slips(word: str) -> frozenset[str]:
    """The words `word` is a likely slip of (a letter left out, two swapped, one doubled)."""
    return frozenset(_edits(word)[0])


def correct(word: str, vocabulary: frozenset[str] | set[str]) -> str:
    """`word`, or the one vocabulary word one slip away from it ("tamaho" → "tamanho",
    "clbe" → "clube").

    Words of fewer than four letters, numbers and known words are kept as they are, and
    so is a word with two candidates as near (a wrong guess would answer another question).
    Against a frozen vocabulary (the documents' one, kept per process) the answers are
    remembered.
    """
    if isinstance(vocabulary, frozenset):
        return _correct_against(word, vocabulary)
    return _correct(word, vocabulary)


@functools.lru_cache(maxsize=4096)
def _correct_against(word: str, vocabulary: frozenset[str]) -> str:
    return _correct(word, vocabulary)


def _same_start(word: str, edit: str) -> bool:
    """Whether a correction keeps the word's first letter (or swaps its first two): a slip
    is seldom in the first letter, and a real word with another first letter is often one
    slip from a known one: "mandar" is not "andar")."""
    return edit[0] == word[0] or edit[:2] == word[1::-1]


def readings(word: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """The vocabulary words a slip may have made `word` from when there are several as near
    ("precso": "preciso" or "precos"; "praa": "para" or "praia"), for the context to
    choose from (`kb.search`); empty when `correct` puts it right or keeps it for any other
    reason."""
    if len(word) < 4 or word in vocabulary or not word.isalpha():
        return frozenset()
    tiers = _edits(word)
    for edits in tiers if len(word) > 4 else tiers[:1]:
        near = _near(word, edits, vocabulary)
        if near:
            return near if len({edit.removesuffix("s") for edit in near}) > 1 else frozenset()
    return frozenset()


def _near(word: str, edits: set[str], vocabulary: frozenset[str] | set[str]) -> frozenset[str]:
    return frozenset(
        edit for edit in edits if edit in vocabulary and len(edit) >= 4 and _same_start(word, edit)
    )


def _correct(word: str, vocabulary: frozenset[str] | set[str]) -> str:
    if len(word) < 4 or word in vocabulary or not word.isalpha():
        return word
    tiers = _edits(word)
    for edits in tiers if len(word) > 4 else tiers[:1]:
        near = _near(word, edits, vocabulary)
        if len({edit.removesuffix("s") for edit in near}) == 1:
            return min(near, key=len)  # "caas": "casa" or "casas", the same word
        if near:
            return word
        if len(word) >= 6 and edits is tiers[0] and not is_word(word):
            # "enntregam", "proonta", "banocs": one likely slip from a form of a word the
            # vocabulary holds in another form ("entregar", "pronto", "banco"); a word of
            # the language is no slip ("trabalho" is not "trabalhou").
            forms = {
                edit
                for edit in edits
                if _same_start(word, edit) and is_word(edit) and lemma(edit) in vocabulary
            }
            if len({lemma(edit) for edit in forms}) == 1:
                return min(forms)
    return word
