"""Everything Homer says to a lead, in pt-BR, and the facts' pt-BR labels.

Named constants and small templates (data in, text out), grouped by concern. The policy
that picks one (which fact to ask, when to confirm) lives with its caller: the offline
model (`homer_agent.models.offline`), the terminal, the session, the hand-off node.
Nothing here reads a message: understanding is `ptbr.facts`, `ptbr.intents` and friends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from homer_agent.facts import FactName
from homer_agent.ptbr.text import fold, join

# ---------------------------------------------------------------------------
# Fact labels: how each fact is named in pt-BR (the prompt, the lead card, the replies)

FACT_LABELS: Final[Mapping[FactName, str]] = {
    "name": "nome",
    "bedrooms": "quartos",
    "neighborhood": "bairro",
    "budget_brl": "orçamento",
    "call_at": "horário da ligação",
}
"""How the prompt (and the offline model) names each fact in pt-BR."""

CARD_LABELS: Final[Mapping[str, str]] = {
    "session_key": "chave",
    "name": FACT_LABELS["name"],
    "bedrooms": FACT_LABELS["bedrooms"],
    "neighborhood": FACT_LABELS["neighborhood"],
    "budget_brl": FACT_LABELS["budget_brl"],
    "call_at": "ligação",
    "temperature": "temperatura",
    "created_at": "criado em",
    "updated_at": "atualizado em",
    "handoff": "com corretor",
}
"""The lead card's field names (`lead show --ptbr`); the call is just "ligação" there."""

FACT_NOUNS: Final[Mapping[FactName, str]] = {
    "name": "o seu nome",
    "bedrooms": "o número de quartos",
    "neighborhood": "o bairro",
    "budget_brl": "o orçamento",
    "call_at": "o horário da ligação",
}
"""Each fact as the object of a sentence ("Não consegui registrar o bairro")."""

# ---------------------------------------------------------------------------
# Asking for a fact: two wordings each (alternated), and a hint with an example

ASK: Final[Mapping[FactName, tuple[str, str]]] = {
    "name": ("Como posso te chamar?", "Qual é o seu nome?"),
    "bedrooms": ("Quantos quartos você procura?", "De quantos quartos você precisa?"),
    "neighborhood": (
        "Qual bairro ou região você prefere?",
        "Em qual bairro ou região você gostaria de morar?",
    ),
    "budget_brl": (
        "Qual é o seu orçamento aproximado para a compra?",
        "Até quanto você pretende investir na casa?",
    ),
    "call_at": (
        "Qual é o melhor dia e horário para um corretor te ligar?",
        "Quando fica bom para um corretor te ligar? Pode me dizer o dia e o horário.",
    ),
}
HOUR_EXAMPLE: Final = "Por exemplo: amanhã às 15h."
HINT: Final[Mapping[FactName, str]] = {
    "name": "Pode me dizer só o seu nome? Por exemplo: Maria Silva.",
    "bedrooms": "Pode me dizer só o número de quartos? Por exemplo: 3 quartos.",
    "neighborhood": "Pode me dizer o nome do bairro ou da região que você prefere?",
    "budget_brl": "Pode me dizer um valor aproximado? Por exemplo: 800 mil.",
    "call_at": f"Pode me dizer o dia e o horário? {HOUR_EXAMPLE}",
}
ASK_AGAIN: Final = "Pode me dizer de novo, por favor?"
"""A refused value with no reason we can explain."""


def houses_offered(houses: str) -> str:
    """Appended to the bedrooms question: `" Temos casas de 3 e 4 quartos."`."""
    return f" Temos casas de {houses}."


def addressed(name: str, sentence: str) -> str:
    """`"Ana", "Quantos quartos?"` -> `"Ana, quantos quartos?"`."""
    return f"{name}, {sentence[0].lower()}{sentence[1:]}"


def not_understood(hint: str) -> str:
    return f"Desculpe, não entendi. {hint}"


def name_or_place(place: str) -> str:
    """Asked when the answer to the name question is a place that may be a name too."""
    return f"Só para eu anotar certo: {place} é o seu nome ou o bairro onde você quer morar?"


# ---------------------------------------------------------------------------
# Acknowledging saved facts, confirming the call


def bedrooms_count(count: int) -> str:
    """`3` -> `"3 quartos"`, `1` -> `"1 quarto"`."""
    return f"{count} quarto" + ("s" if count > 1 else "")


def neighborhood_noted(place: str) -> str:
    return f"bairro {place}"


def budget_noted(amount: str) -> str:
    """The budget as acknowledged; `amount` is already in reais (`format_brl`)."""
    return f"orçamento de {amount}"


def pleased(first_name: str) -> str:
    return f"Prazer, {first_name}!"


def name_corrected(name: str) -> str:
    """A saved name put right ("gabriel, não rafael"): acknowledged once, no greeting again."""
    return f"Anotei o nome certo: {name}."


def noted(parts: Sequence[str]) -> str:
    """`["3 quartos", "bairro Aldeota"]` -> `"Anotei: 3 quartos e bairro Aldeota."`."""
    return f"Anotei: {join(list(parts))}."


def call_noted(when: str) -> str:
    return f"Ligação marcada para {when}."


ALREADY_NOTED: Final = "Isso eu já anotei."
NO_HURRY: Final = "Sem problema, sem pressa!"
NAME_DECLINED: Final = "Sem problema, não precisa do nome."
FACT_DECLINED: Final[Mapping[FactName, str]] = {
    "name": NAME_DECLINED,
    "bedrooms": "Tudo bem, seguimos sem o número de quartos por enquanto.",
    "neighborhood": "Tudo bem, então sem preferência de bairro.",
    "budget_brl": "Sem problema, não precisa dizer o orçamento agora.",
    "call_at": "Tudo bem, sem ligação por enquanto.",
}
"""What Homer says when the lead declines a fact (`ptbr.facts.declined_facts`), before
the next question; the fact is not asked again in the next turns."""
HARD_TIMES: Final[Mapping[str, str]] = {
    "loss": "Sinto muito pela sua perda.",
    "hardship": "Sinto muito, imagino que não esteja sendo fácil.",
}
"""One line for a lead who tells of a hard time (`ptbr.intents.hard_times`), before the
next question."""
"""Said once when the lead refuses to give their name; the name is not asked again."""
"""The acknowledgement of a lead who is not ready yet ("tô só pesquisando"), before the
next question."""
ANYTHING_ELSE: Final = "Posso ajudar em algo mais?"


def weekday_article(weekday: int) -> str:
    """The article before a weekday (`datetime.weekday()`): "no sábado", "na sexta"."""
    return "no" if weekday >= 5 else "na"


def all_set(first_name: str | None) -> str:
    return f"Tudo certo, {first_name}!" if first_name else "Tudo certo!"


def call_confirmed(start: str, article: str, when: str) -> str:
    """Everything is known: `start` is `all_set(...)`, then the booked call."""
    return (
        f"{start} Um corretor vai te ligar {article} {when} "
        "para conversar sobre a sua casa. Se precisar de algo antes, é só me chamar."
    )


def call_reminder(when: str) -> str:
    """A lead who writes again after everything is known."""
    return f"A ligação com o corretor está marcada para {when}. {ANYTHING_ELSE}"


# ---------------------------------------------------------------------------
# Booking the call (`calendar.booking`): the tool's message, read to the lead as is

OTHER_TIME: Final = "Que outro dia e horário ficam bons?"


def call_to_move(when: str) -> str:
    """The booked time turned down with no other ("quinta não dá mais"): ask for one, and
    say the call stands until then (nothing takes a booking back)."""
    return (
        f"Sem problema, vamos remarcar. {OTHER_TIME} "
        f"Até lá, a ligação continua marcada para {when}."
    )


TIME_PAST: Final = "Esse horário já passou; que dia e hora ficam bons?"
DAY_PAST: Final = "Esse dia já passou; que dia e hora ficam bons?"
DATE_INVALID: Final = f"Essa data não existe. {HINT['call_at']}"
DATE_UNREADABLE: Final = f"Não entendi a data. {HINT['call_at']}"


def can_book(slots: Sequence[str]) -> str:
    """Free slots offered instead of the time asked (`OTHER_TIME` when there are none)."""
    return f"Posso agendar {join(list(slots), 'ou')}?" if slots else OTHER_TIME


SLOT_TAKEN: Final = "Esse horário já está ocupado na agenda dos corretores."


def propose_call(when: str) -> str:
    """One slot proposed when the lead leaves the choice to us; booked only on a yes."""
    return f"Posso marcar {when}?"


def call_booked(when: str) -> str:
    return f"Ligação agendada para {when}."


def day_part(period: str) -> str:
    """A day part as said after a day: `"manha"` -> `"de manhã"`, `"tarde"` -> `"à tarde"`."""
    return {"manha": "de manhã", "noite": "à noite", "madrugada": "de madrugada"}.get(
        period, f"no {period}" if period.startswith("f") else "à tarde"
    )


def day_part_offer(weekday: int, day: str, part: str, hours: Sequence[str]) -> str:
    """`"Na sexta (12/12), à tarde, tenho estes horários livres: 13h, 15h ou 17h. ..."`."""
    article = weekday_article(weekday)
    return (
        f"{article.capitalize()} {day}, {part}, tenho estes horários livres: "
        f"{join(list(hours), 'ou')}. "
        "Qual fica melhor?"
    )


def slots_still_free(labels: Sequence[str]) -> str:
    """After the call question, the slots offered earlier that are still on the table:
    `" Se preferir, ainda tenho livres: quinta-feira, 10/12 às 12h ou 15h."`."""
    return f" Se preferir, ainda tenho livres: {join(list(labels), 'ou')}."


def holiday(day: str, name: str) -> str:
    """Why a day has no calls: `"25/12 é feriado: Natal"` (`name` may be empty)."""
    why = f"{day} é feriado"
    return f"{why}: {name}" if name else why


def no_calls_that_day(why: str) -> str:
    return f"Nesse dia não temos ligações ({why})."


def call_hours(hours: str) -> str:
    """`hours` is `calendar.booking.describe_hours(...)`."""
    return f"Os corretores ligam {hours}."


def which_hour(weekday: int, day: str, ranges: str) -> str:
    """A day without an hour: which hour, and the day's call hours."""
    return f"Que horas fica bom {weekday_article(weekday)} {day}? Os corretores ligam {ranges}."


# ---------------------------------------------------------------------------
# Statements near the question asked that hold no answer

SCHEDULE_NOTED: Final = "Entendido, obrigado por avisar!"
OTHER_AMOUNT: Final = (
    "Entendi, esse valor ajuda, mas não é o orçamento total. "
    "Até quanto você pretende investir na casa, no total?"
)

# ---------------------------------------------------------------------------
# Greetings, thanks, the terminal's welcome and help


def greeting(agent_name: str | None, development: str | None, next_step: str) -> str:
    """The first reply to a lead whose name we do not know yet."""
    who = f"Eu sou {agent_name}" if agent_name else "Eu sou o assistente virtual"
    where = f", do empreendimento {development}" if development else ""
    return f"Olá! {who}{where}. Vou te ajudar a encontrar sua casa. {next_step}"


def hello(name: str, next_step: str) -> str:
    return f"Olá, {name}! {next_step}"


def you_are_welcome(next_step: str | None) -> str:
    """Thanks answered; `None` once everything is known (then a goodbye)."""
    return f"Por nada! {next_step}" if next_step is not None else "Por nada! Até breve."


def welcome(persona: str, role: str, development: str) -> str:
    """The terminal's first line to a new lead (before any message)."""
    return (
        f"Olá! Eu sou {persona}, {role} do empreendimento "
        f"{development}. Vou te ajudar a encontrar a sua casa. "
        f"{ASK['name'][0]}"
    )


def welcome_back(name: str | None) -> str:
    """The terminal's first line to a lead who has talked before."""
    named = f", {name}" if name else ""
    return f"Que bom te ver de volta{named}! Em que posso ajudar?"


HELP: Final = """Comandos:
  /lead         mostra o cartão do lead (todos os dados e a temperatura)
  /new [CHAVE]  começa outra sessão (outra chave)
  /help         mostra esta ajuda
  /quit         sai (Ctrl-D também)
Ctrl-C cancela a resposta em andamento."""
"""The terminal's `/help`."""
HELP_HINT: Final = "/help mostra os comandos."
CANCELLED: Final = "(cancelado)"
"""The terminal's answer in progress, cancelled with Ctrl-C."""


def start_over(key: str) -> str:
    """The terminal's question after a forgotten conversation (answered "s"/"n")."""
    return f"Começar uma nova conversa com a chave {key}? (s/n) "


START_OVER_DECLINED: Final = "Tudo bem: /new começa uma conversa com outra chave; /quit sai."

# ---------------------------------------------------------------------------
# Refusals: a value a tool did not accept


def not_saved(noun: str) -> str:
    """`noun` is one of `FACT_NOUNS`."""
    return f"Não consegui registrar {noun}: o valor não foi aceito."


def bedrooms_not_offered(where: str, count: str, offered: Sequence[str]) -> str:
    """`where` is `in_development(...)`, `count` is `"5 quartos"`, `offered` the counts."""
    return (
        f"{where} não temos casas de {count}: são casas de {join(list(offered), 'ou')} "
        "quartos. Qual dessas opções te atende melhor?"
    )


def in_development(development: str | None) -> str:
    return f"No empreendimento {development}" if development else "Aqui"


def bedrooms_refused(count: int) -> str:
    """`5` -> `"5 quartos"` (a refused count: 0 is plural too)."""
    return f"{count} quarto" + ("s" if count != 1 else "")


def budget_read_back(amount: str) -> str:
    """An unusual budget read back; `amount` is short reais (`format_brl_short`)."""
    return (
        f"Só para confirmar: o seu orçamento é de {amount}? "
        "Se estiver certo, é só responder “sim”; se não, me diga o valor."
    )


# ---------------------------------------------------------------------------
# Questions about the development, from the profile lines or its documents

BROKER_CONFIRMS: Final = "Essa informação um corretor confirma com você na ligação."
BROKER_DETAILS: Final = "esses detalhes"
"""What a broker confirms when the profile names nothing."""
BROKER_TELLS_ALL: Final = "Um corretor pode te contar tudo sobre o empreendimento na ligação."


def keep_instructions(development: str) -> str:
    """A request for the agent's instructions, refused."""
    return (
        "Desculpe, não posso compartilhar minhas instruções internas. "
        f"Mas posso te ajudar a encontrar sua casa no empreendimento {development}!"
    )


def broker_confirms(topics: str) -> str:
    return f"Essa informação um corretor confirma na ligação ({topics})."


def see_project(links: str) -> str:
    return f"Você pode ver o projeto aqui: {links}."


def houses_answer(development: str, houses: str) -> str:
    return f"No empreendimento {development} há casas de {houses}."


def location_answer(development: str, place: str, links: str | None) -> str:
    """`place` is `in_place(location)`."""
    link = f" Veja o projeto: {links}." if links else ""
    return f"O empreendimento {development} fica {place}.{link}"


def about_answer(
    development: str, place: str | None, houses: str | None, amenities: str | None
) -> str:
    """`place` is `in_place(location)`, `amenities` already a list in pt-BR."""
    parts = [f"O empreendimento {development} fica {place}." if place is not None else ""]
    if houses is not None:
        parts.append(f"São casas de {houses}.")
    if amenities is not None:
        parts.append(f"No lazer: {amenities}.")
    return " ".join(part for part in parts if part) or BROKER_TELLS_ALL


def amenities_answer(development: str, amenities: str, missing: str | None) -> str:
    """`amenities` already a list in pt-BR; `missing` an amenity asked that is not listed."""
    listing = f"empreendimento {development} tem {amenities}."
    if missing:
        return (
            f"Sobre {missing}, um corretor confirma na ligação. O que posso adiantar: o {listing}"
        )
    return f"O {listing}"


def list_pt(text: str) -> str:
    """`"a, b, c"` -> `"a, b e c"`."""
    return join([item.strip() for item in text.split(",") if item.strip()]) or text


# Brazilian states that take "no"/"na" ("fica no Ceará", "na Bahia"); others take "em".
_STATE_ARTICLES: Final = {
    "ceara": "no",
    "para": "no",
    "parana": "no",
    "piaui": "no",
    "maranhao": "no",
    "amazonas": "no",
    "acre": "no",
    "amapa": "no",
    "tocantins": "no",
    "espirito santo": "no",
    "rio de janeiro": "no",
    "rio grande do norte": "no",
    "rio grande do sul": "no",
    "distrito federal": "no",
    "bahia": "na",
    "paraiba": "na",
}


def in_place(location: str) -> str:
    """`"Ceará"` -> `"no Ceará"`, `"Pernambuco"` -> `"em Pernambuco"`."""
    article = _STATE_ARTICLES.get(fold(location).strip())
    return f"{article or 'em'} {location}"


# ---------------------------------------------------------------------------
# Hand-off, opt-out and the held conversation

HANDOFF_HUMAN: Final = (
    "Claro! Vou pedir para um dos nossos corretores falar com você pessoalmente. "
    "Em breve alguém da equipe entra em contato."
)
HANDOFF_OPT_OUT: Final = (
    "Tudo bem, entendido. Não vou mais enviar mensagens. "
    "Se mudar de ideia, é só escrever aqui. Obrigado pela atenção!"
)
HANDOFF_HOSTILE: Final = (
    "Sinto muito pela experiência. Vou passar o seu contato para um responsável "
    "da nossa equipe, que vai falar com você pessoalmente."
)
HOLD_REPLY: Final = (
    "Já avisei a nossa equipe: um corretor vai falar com você em breve. "
    "Sua mensagem foi encaminhada."
)
ASK_CONTINUE: Final = (
    "Olá! Você tinha pedido para não receber mais mensagens. Quer continuar a conversa? "
    'Se sim, é só responder "sim".'
)
FORGOTTEN: Final = (
    "Os dados desta conversa foram apagados a pedido (LGPD): nada do que for escrito "
    "aqui será guardado."
)
FORGOTTEN_PIPED: Final = FORGOTTEN + " Para começar de novo, abra uma nova conversa com esta chave."

# ---------------------------------------------------------------------------
# Errors: what the lead reads when a turn cannot be answered

SAFE_REPLY: Final = "Desculpe, me perdi aqui. Pode repetir a sua última mensagem, por favor?"
"""An empty or junk model reply, replaced."""
OUT_OF_STEPS_REPLY: Final = (
    "Desculpe, me enrolei um pouco aqui. Pode repetir a última informação, por favor?"
)
DATABASE_ERROR: Final = (
    "Desculpe, perdi a conexão com o nosso sistema por um instante. Pode enviar a mensagem de novo?"
)
MODEL_ERROR: Final = (
    "Desculpe, estou com uma instabilidade para responder agora. Pode tentar de novo em instantes?"
)
TIMEOUT_ERROR: Final = (
    "Desculpe, a resposta está demorando mais que o normal. Pode tentar de novo em instantes?"
)
INTERNAL_ERROR: Final = "Desculpe, algo deu errado do meu lado. Pode repetir, por favor?"
INPUT_ERROR: Final = "Desculpe, não consegui ler essa mensagem. Pode escrever de outro jeito?"
BUSY_ERROR: Final = (
    "Esta conversa está aberta em outro lugar e ainda respondendo. "
    "Aguarde um instante e envie de novo."
)
DATABASE_DOWN: Final = (
    "Não consegui falar com o nosso sistema agora. Tente de novo em instantes; "
    "a conversa continua aberta."
)
"""The terminal's database failure (the conversation stays open)."""
INTERNAL_FAULT: Final = "Algo deu errado do meu lado. Tente de novo; a conversa continua aberta."
ONLY_TEXT_REPLY: Final = (
    "Desculpe, por enquanto eu só consigo ler mensagens de texto. "
    "Pode me escrever o que você precisa?"
)
TOO_LONG_REPLY: Final = "Sua mensagem ficou longa demais para mim. Pode enviar em partes menores?"


def too_long(length: int, limit: int) -> str:
    """The terminal's reply to a message over the limit."""
    return (
        f"Mensagem longa demais ({length} caracteres; o limite é {limit}). "
        "Pode enviar em partes menores?"
    )


def too_long_cut(limit: int) -> str:
    """The terminal's reply to a typed line cut at the limit (nothing sent)."""
    return (
        f"Mensagem longa demais (o limite é {limit} caracteres): o excesso "
        "foi cortado e nada foi enviado. Pode enviar em partes menores?"
    )
