"""How a lead's question becomes a full-text query: the one pt-BR synonym layer.

A question is folded (lower case, no accents), its filler words dropped ("qual",
"vocês", "gostaria de saber"), and each remaining word replaced by its group of
synonyms, so that "cachorro" finds "animais de estimação" and "custa" finds "preço".
Each group becomes one `to_tsquery` term, `(cachorro | cao | pet | animal ...)`; the
query is the terms joined with `|` and ranked by Postgres (`ts_rank_cd`), which stems
every word with the `portuguese` configuration. Only `[a-z0-9]` words reach the query
text, so a question can never inject tsquery syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from homer_agent.ptbr.questions import described
from homer_agent.ptbr.text import fold, lemma, lemma_text, verb_of

__all__ = [
    "FILLER",
    "REWRITE",
    "SYNONYMS",
    "Query",
    "build_query",
    "concepts",
    "is_filler",
    "synonyms",
    "words",
]

SYNONYMS: Final[tuple[tuple[str, ...], ...]] = (
    # How leads ask → how documents say it. A phrase is written with spaces.
    ("preco", "precos", "valor", "custo", "custar"),
    ("tamanho", "metragem", "area", "metros", "metro quadrado", "m2", "grande"),
    # A dog named by its breed is a dog ("tenho um labrador enorme").
    (
        "cachorro",
        "cao",
        "caes",
        "gato",
        "pet",
        "animal",
        "bicho",
        "estimacao",
        "labrador",
        "poodle",
        "pitbull",
        "rottweiler",
        "husky",
        "beagle",
        "pinscher",
        "yorkshire",
        "bulldog",
        "chihuahua",
        "dachshund",
        "shihtzu",
        "doberman",
        "viralata",
    ),
    (
        "longe",
        "perto",
        "proximo",
        "proxima",
        "distancia",
        "distante",
        "km",
        "minutos",
        "quilometros",
        "tempo",
        # The surroundings are what lies near ("algum colégio nas redondezas?").
        "redondeza",
        "redondezas",
        "arredores",
        "proximidades",
        "imediacoes",
    ),
    (
        "pronto",
        "entrega",
        "entregue",
        "prazo",
        "previsao",
        "previsto",
        "termina",
        "conclusao",
        "concluida",
        "concluido",
        # The keys handed over are the handover ("quando vocês entregam as chaves?").
        "chave",
        "chaves",
    ),
    ("obra", "andamento", "construcao", "alvenaria", "etapa"),
    ("financiamento", "financiar", "banco", "credito"),
    (
        "pagamento",
        "pagar",
        "parcela",
        "parcelamento",
        "sinal",
        "entrada",
        "prestacao",
        "prestacoes",
    ),
    # Getting things done sooner ("mando já pra agilizar?": "Para adiantar a análise").
    ("adiantar", "agilizar", "acelerar", "antecipar", "apressar"),
    ("tabela",),
    ("assinatura", "assinar", "contrato"),
    ("limite", "maximo", "maxima", "teto"),
    ("casa", "imovel", "imoveis", "unidade", "residencia", "sobrado"),
    (
        "lote",
        "terreno",
    ),
    ("taxa", "mensalidade", "cota"),
    (
        "seguranca",
        "seguro",
        "portaria",
        "porteiro",
        "vigilancia",
        "camera",
        "cameras",
        "guarita",
        "vigia",
        "vigilante",
        "ronda",
        "rondas",
        # A patrol going round ("tem vigilância rodando de madrugada?"): the "ronda".
        "rondando",
        "rodando",
        "patrulha",
        "patrulhas",
        "patrulhando",
        "patrulhamento",
        "acesso",
        "entrar",
        "cartao",
        "biometria",
        "senha",
        "tag",
        "assalto",
        "roubo",
        "ladrao",
    ),
    ("escola", "colegio", "estudar"),
    ("visita", "visitar", "conhecer", "stand", "decorada", "plantao"),
    (
        "aluguel",
        "alugar",
        "locacao",
        "temporada",
        "airbnb",
        "diaria",
        "diarias",
        "turista",
        "turistas",
        # The season, high or low ("na baixa estação": no slip of "Caixa").
        "alta estacao",
        "baixa estacao",
    ),
    (
        "reforma",
        "reformar",
        "ampliar",
        "ampliacao",
        "ampliacoes",
        "aumentar",
        "puxadinho",
        # Changing the house, in the leads' words ("ou não pode mexer?").
        "mexer",
        "modificar",
        "modificacao",
        "laje",
    ),
    # Stairs or one level: whether a house is single-storey ("tem escada?", "é tudo no
    # mesmo nível?" for a wheelchair): the documents' "térrea" (and the Duna's "térreo").
    ("terrea", "terreas", "terreo", "escada", "escadas", "degrau", "degraus", "nivel", "niveis"),
    # A floor built up, a concept of its own: the rules' "dois pavimentos" alone state it
    # (the finishes' "box ampliado" is no floor).
    ("andar", "andares", "pavimento", "pavimentos"),
    # The builder as leads call it ("essa empresa de vocês já entregou outros?").
    (
        "construtora",
        "empresa",
        "incorporadora",
        "construiu",
        "constroi",
        "construindo",
        "responsavel",
    ),
    (
        "modelo",
        "tipos",
        "opcoes",
        "planta",
    ),
    # How an amount changes, or stays ("as parcelas são fixas?": "corrigidas pelo INCC").
    ("indice", "incc", "correcao", "corrigido", "reajuste", "fixa", "fixas", "fixo", "fixos"),
    # Paying the balance off early ("usar o FGTS depois pra abater o saldo").
    ("amortizar", "amortizacao", "abater", "abatimento"),
    (
        "pessoas",
        "convidado",
        "povo",
    ),
    ("academia", "ginastica", "malhar", "musculacao"),
    # A place to grow things is the vegetable garden ("tem espaço pra plantar?").
    ("horta", "plantio", "cultivar", "hortalicas", "verduras"),
    # Groceries name the shop that sells them ("comprar um pão, um leite de madrugada").
    ("mercado", "supermercado", "mercadinho", "mercearia", "conveniencia", "pao", "leite"),
    ("onibus", "transporte", "conducao", "van"),
    ("aeroporto", "voo"),
    ("hospital", "saude", "medico"),
    (
        "quarto",
        "dormitorio",
    ),
    (
        "garagem",
        "vaga",
        "estacionamento",
        "carro",
    ),
    ("solar", "placas solares", "energia solar"),
    # Made ready for a thing to be fitted later ("a casa vem preparada pra placa solar?").
    ("espera", "preparada", "preparado", "preparadas", "preparados", "preparacao"),
    ("internet", "fibra", "wifi"),
    ("festa", "salao", "aniversario"),
    ("churrasqueira", "churrasco", "gourmet"),
    (
        "crianca",
        "criancas",
        "infantil",
        "brinquedoteca",
        "playground",
        "parquinho",
        "brincar",
        "brinquedo",
        "filho",
        "filha",
        "filhas",
        "brincadeira",
        "criancada",
    ),
    ("esporte", "quadra", "tenis", "futebol", "bola", "pelada", "society", "raquete"),
    ("caminhada", "caminhar", "correr", "corrida", "pista", "cooper", "percurso", "trilha"),
    # A place to work, shared or a house's own room ("um cômodo pra trabalhar": the
    # Duna's "escritório no térreo").
    # "mesa de trabalho": where a desk is set up to work (a word of its own, never put
    # right to another: "mesa" is no slip of "mesma").
    ("coworking", "trabalhar", "home office", "reuniao", "escritorio", "mesa de trabalho"),
    (
        "documento",
        "documentacao",
        "rg",
        "cpf",
        "cnh",
        "comprovante",
        "papelada",
        "papeis",
        "holerite",
        "contracheque",
        "renda",
        # What the lead earns, and proving it ("mostrar q eu ganho", "comprovar salário").
        "ganho",
        "ganhos",
        "salario",
        "rendimento",
        "rendimentos",
        "comprovar",
    ),
    ("guia", "coleira", "solto", "soltas", "preso", "presa"),
    ("acabamento", "piso", "porcelanato", "revestimento", "chao", "azulejo", "azulejos"),
    ("localizacao", "endereco", "localiza", "localizado", "rodovia", "onde"),
    (
        # Green area, as leads call it: nature, woods, trees.
        "verde",
        "natureza",
        "preservada",
        "preservadas",
        "mata",
        "mato",
        "arvore",
        "arvores",
        "arborizado",
        "arborizada",
        "bosque",
    ),
    # The wiring and where it runs ("os fios de luz são de poste ou enterrados?").
    ("eletrica", "eletrico", "fiacao", "fio", "cabeamento"),
    ("subterranea", "subterraneo", "enterrado", "poste", "aerea", "aereo"),
    # A change the buyer asks for, in formal words too ("solicitar a substituição da
    # banheira", "alterar o revestimento").
    (
        "personalizar",
        "personalizacao",
        "escolher",
        "mudar",
        "troca",
        "trocar",
        "substituir",
        "substituicao",
        "alterar",
        "alteracao",
    ),
    ("ar condicionado", "climatizacao"),
    # The windows: their frames and their glass ("as janelas são de vidro duplo?").
    ("esquadria", "esquadrias", "janela", "janelas", "vidro", "vidros", "vidraca", "vidracas"),
    # Telling the gatehouse who comes ("preciso avisar a portaria dos hóspedes?").
    ("cadastro", "cadastrar", "cadastrado", "cadastrados", "avisar", "registrar"),
    (
        "armario",
        "moveis",
        "movel",
        "marcenaria",
        "gabinete",
        "planejado",
        "planejados",
        "planejada",
        "planejadas",
        "mobiliada",
        "mobiliado",
        "mobiliadas",
        "mobiliados",
        "mobilia",
    ),
    (
        "permitido",
        "permite",
        "proibido",
        "proibir",
        "proibe",
        "proibem",
        "liberado",
        "liberada",
        "libera",
        "liberam",
        "aceita",
        "deixa",
        "deixam",
    ),
)
"""Groups of words a lead and a document use for the same thing (folded)."""

REWRITE: Final[dict[str, str]] = {
    "mar": "praia",
    "papel": "papeis",
    "plantar": "horta",
    "solicitar": "pedir",
    "regulamento": "regra",
    "regimento": "regra",
}
"""Words searched as another only: "perto do mar" must find the beach, and "mar" itself
stems like "Maré" (a house's name); "plantar" is the vegetable garden, and stems like the
floor "plantas"; "papel" is the papers ("o que deixo separado de
papel?"), and no word a slip may be put right to ("padel" is no "papel"); "solicitar" is
the documents' "pedir", and a development's "regulamento" or "regimento" its rules (a
word of asking about rules, `GENERIC`)."""

FILLER: Final = frozenset(
    """
    a o as os um uma uns umas de do da dos das em no na nos nas num numa e ou que se
    por pra pro para com sem sobre ao aos à ate entre
    qual quais quanto quanta quantos quantas como quando quem porque porquê pq
    ter tera ha existe existem possui possuem vao
    eh e esta estao estar ficar ser sao
    voces voce vc vcs ai la aqui ali isso esse essa este esta isto aquele aquela
    me mim eu meu minha meus minhas nos nosso nossa seu sua seus suas dele dela
    gostaria queria quero quer saber dizer falar informar
    informacao informacoes perguntar duvida favor pf pfv obrigado
    obrigada oi ola bom boa dia tarde noite tudo bem sim nao ok okay entao tambem mais
    muito muita muitos muitas algum alguma alguns algumas pode podem posso podemos
    consigo consegue preciso precisa precisam da dao ja ainda so mesmo mesma coisa
    empreendimento residencial projeto lugar vcs hein ne tipo assim agora hoje
    pras pros pelo pela dentro antes nele nela disso nisso cada todo toda todos todas
    outro outra outros outras certo certeza exatamente realmente acho entendi gente
    legal bacana otimo interessado interesse pe vir levar fazer dar
    ver separar trazer conta contam oferece oferecem incluso inclui vale
    ir sair passar passada menos aproximadamente aproximado media minimo minima
    parte partes ideia pensando pensei penso usar
    ferias feriado feriados olho pegar corretor corretora ligar ligacao retornar retorno
    eles elas poder morar fim semana fds
    eae eai iae opa salve blz beleza
    enquanto jeito verdade seguinte pretendo pretende pretendemos pretender conseguir
    providenciar providencio providencia parado guardado guardada
    avaliar avaliando investimento investir investidor
    bastante bastantes pouco pouca poucos poucas tanto tanta tantos tantas
    qualquer maior menor cima baixo quiser quisesse durante caber botar colocar
    mandar mando enviar envio zap whatsapp whats wpp mostrar conversa
    dessa desse dessas desses desta destas nessa nesse nessas nesses nesta
    neste naquele naquela daquele daquela dum duma numas nuns
    essas esses estas estes aquelas aqueles coisas amanha ontem basico basica basicos basicas
    alem pensar mensalmente junto juntos normal normais
    resto restante metade enorme
    vezes logo comeco cliente clientes exigencia exigencias
    mas porem deles delas vez
    senhor senhora senhores senhoras
    cabreiro cabreira desconfiado desconfiada receoso receosa inseguro insegura
    preocupado preocupada assustado assustada improvisar improvisado improvisada
    boba bobo bobas besta idiota burra burro ignorancia
    marido esposa esposo mae pai sogra sogro cunhado cunhada irmao irma tio tia primo prima
    avo namorado namorada genro nora
    dever precisar efetuar necessario necessaria prezados prezado prezada
    foto fotos copia copias xerox print digitalizado digitalizados
    porcentagem percentual percentagem cento va
    comprido comprida compridos compridas
    possibilidade possibilidades nenhum nenhuma chance
    demais forma servir pensado pensada pensados pensadas feito feita feitos feitas
    irem iriam teriamos cedo
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words that say nothing about the development: question words, greetings, politeness,
degree words ("tem bastante área verde?" asks the green area), common verbs, the lead's
own plans and circumstances ("minha ideia é...", "nas férias", "tô de olho", "quando o
corretor ligar", the lead's family but the children ("meu cunhado mora em SP"), "às
vezes", "reunião com cliente", "logo no começo", "tem alguma exigência"), the lead's
modesty ("pergunta boba", "desculpa a ignorância"), the words for the call itself,
modal and formal verbs ("devo", "é necessário efetuar"), a copy of a paper ("mandar foto
dos documentos" sends the documents), how a share is put ("em porcentagem", "quantos por
cento"), how long a thing is ("é comprido?" measures what was named before), the lead's
way of telling ("é o seguinte"), intending ("pretendo", "conseguir"), weighing a purchase
("avaliando uma unidade como investimento"), money at rest ("um dinheiro parado no
FGTS", "um fundo de garantia guardado"), the lead addressing the agent ("o senhor poderia
me dizer", "a senhora sabe"), "de jeito nenhum" and asking whether a thing may be
("existe a possibilidade de mudar isso?", "tem chance de ...": whether it can), too much
of a thing ("funda demais"), a way ("alguma forma de ..."), early ("saímos cedo": the
lead's day; the documents state hours) and what a thing serves or was made for ("serve
pra alguma coisa?", "algo pensado pra criança", "feito para idosos").
(A content word no document contains means the documents do not answer.)"""

WEAK: Final = frozenset({"casa", "casas", "condominio", "condominios"})
"""Words nearly every passage shares: searched only when the question has nothing else."""

FORM_WORDS: Final = frozenset({"onde"})
"""Words that make a question of the others ("tem onde comprar?") and name a topic (the
location) only when the question names nothing else ("onde fica?")."""

_WORD: Final = re.compile(r"[a-z0-9]+")


_GROUP_OF: Final[dict[str, int]] = {
    word: index for index, group in enumerate(SYNONYMS) for word in group if " " not in word
}


def _group(word: str) -> int | None:
    """The synonym group of a folded word, by the word or its lemma ("prontas": "pronto",
    "quadras": "quadra"). A group's words are matched as written, not by their lemmas:
    "entrega" (the handover) is no form of "entregou" (delivered)."""
    for form in (word, lemma(word)):
        if form in _GROUP_OF:
            return _GROUP_OF[form]
    return None


def synonyms(word: str) -> tuple[str, ...]:
    """The synonym group of a folded word (by its lemma too), or nothing."""
    group = _group(word)
    return SYNONYMS[group] if group is not None else ()


_DIMINUTIVE: Final = re.compile(r"(?:z?inh)[oa]s?$")
"""The diminutive ending ("menorzinha", "rapidinho"): the word it is added to means the
same."""


def is_filler(word: str) -> bool:
    """Whether a folded word is filler: itself, by its lemma ("separei": "separar"), or
    as a filler word's diminutive."""
    if word in FILLER:
        return True
    if verb_of(word) in FILLER:
        return True  # a filler verb's form ("separei": "separar"), not "tipos" ("tipo")
    base = _DIMINUTIVE.sub("", word)
    return base != word and len(base) >= 3 and base in FILLER


_BREED: Final = re.compile(
    r"\b(?:pastor(?:es)?|pastora) (?:alem(?:ao|aes|a)|belga|australiano|suico)\b"
    r"|\b(?:golden|border) (?:retriever|collie)\b|\bvira lata\b|\bshih tzu\b"
)
"""A dog's breed in two words ("um pastor alemão", "golden retriever"): a dog."""
_ROUND: Final = re.compile(r"\b(?:uma|a|cada|numa|na) volta (?:inteira|completa|toda|total)\b")
"""A whole lap ("quanto dá uma volta inteira?"): the length of a round course."""


def words(text: str) -> list[str]:
    """The folded content words of `text`, in order, without filler (nor the forms of its
    verbs, nor their diminutives); a breed of two words is one dog, a whole lap a course,
    and what a lead describes is put as the documents name it (`described`)."""
    folded = _BREED.sub("cachorro", fold(text).replace("-", " "))
    folded = _ROUND.sub("percurso", folded)
    folded = described(folded)
    return [w for w in _WORD.findall(folded) if not is_filler(w) and (len(w) > 1 or w.isdigit())]


def _lemma_term(term: str) -> str:
    """A `to_tsquery` term with each of its words as its lemma ("(cobrado | taxa)":
    "(cobrar | taxa)")."""
    return _WORD.sub(lambda found: lemma_text(found.group()), term)


def _term(options: tuple[str, ...]) -> str:
    alternatives = [" <-> ".join(option.split()) for option in options]
    return "(" + " | ".join(alternatives) + ")" if len(alternatives) > 1 else alternatives[0]


@dataclass(frozen=True, slots=True)
class Query:
    """A question as full-text search: one term per concept, and all of them OR-ed."""

    terms: tuple[str, ...]
    """One `to_tsquery` expression per concept of the question, in order."""

    @property
    def text(self) -> str:
        """The `to_tsquery` expression: every term, OR-ed."""
        return " | ".join(self.terms)

    @property
    def all_text(self) -> str:
        """The `to_tsquery` expression that wants every term (AND-ed)."""
        return " & ".join(self.terms)

    @property
    def lemma_terms(self) -> tuple[str, ...]:
        """The terms with each word as its lemma (`to_tsquery('simple', ...)` expressions):
        how the passages' lemmas (`lemma_tsv`) are searched."""
        return tuple(_lemma_term(term) for term in self.terms)

    @property
    def lemma_text(self) -> str:
        """`text` by lemma."""
        return " | ".join(self.lemma_terms)

    @property
    def lemma_all_text(self) -> str:
        """`all_text` by lemma."""
        return " & ".join(self.lemma_terms)

    @property
    def word_terms(self) -> tuple[str, ...]:
        """The terms that are not bare numbers (numbers are not checked for absence)."""
        return tuple(term for term in self.terms if not term.isdigit())

    def __bool__(self) -> bool:
        return bool(self.terms)


def build_query(question: str) -> Query:
    """The full-text query for a question (empty when it has no content words)."""
    terms: list[str] = []
    seen_groups: set[int] = set()
    seen_words: set[str] = set()
    found = words(question)
    if any(word not in WEAK | FORM_WORDS for word in found):
        found = [word for word in found if word not in WEAK | FORM_WORDS]
    elif any(word not in WEAK for word in found):
        found = [word for word in found if word not in WEAK]
    for word in (REWRITE.get(word, word) for word in found):
        group = _group(word)
        if group is not None:
            if group in seen_groups:
                continue
            seen_groups.add(group)
            terms.append(_term(SYNONYMS[group]))
        elif word not in seen_words:
            seen_words.add(word)
            terms.append(word)
    return Query(terms=tuple(terms))


def concepts(text: str) -> frozenset[str]:
    """What `text` talks about: its synonym groups, and its other words by a 5-letter stem.

    Used to tell whether a question is about a topic the profile leaves to a broker.
    """
    found = set()
    for word in words(text):
        group = _group(word)
        found.add(f"#{group}" if group is not None else word[:5])
    return frozenset(found)
