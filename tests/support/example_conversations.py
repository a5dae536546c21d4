"""The three example conversations of the brief (João, Fernanda, Ricardo): the messages a
lead sends and the facts they must leave, at NOW (Wednesday 25 November 2026, 11:00 in
Fortaleza). The extractor's tests and the offline model's graph tests both run them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from homer_agent.facts import LeadFacts

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=TZ)  # a Wednesday

JOAO_FACTS = LeadFacts(
    name="João Pedro Almeida",
    bedrooms=3,
    neighborhood="Praia do Futuro",
    budget_brl=900_000,
    call_at=datetime(2027, 2, 10, 15, 0, tzinfo=TZ),
)

EXAMPLES: dict[str, tuple[list[str], LeadFacts]] = {
    "joao": (
        [
            "Olá!",
            "Meu nome é João Pedro Almeida",
            "Procuro uma casa com 3 quartos",
            "Quero no bairro Praia do Futuro",
            "Meu orçamento é de 900 mil reais",
            "Pode ligar no dia 10/02/2027 às 15h",
        ],
        JOAO_FACTS,
    ),
    "fernanda": (
        [
            "Bom dia, sou a Fernanda",
            "Preciso de dois quartos",
            "Centro",
            "Tenho R$ 450.000",
            "Desculpa, são três quartos na verdade",
            "Amanhã às 10h",
        ],
        LeadFacts(
            name="Fernanda",
            bedrooms=3,
            neighborhood="Centro",
            budget_brl=450_000,
            call_at=datetime(2026, 11, 26, 10, 0, tzinfo=TZ),
        ),
    ),
    "ricardo": (
        [
            "Oi, aqui é o Ricardo",
            "4 quartos, no Cumbuco, até 2 milhões",
            "Pode ser segunda-feira às 14:30",
        ],
        LeadFacts(
            name="Ricardo",
            bedrooms=4,
            neighborhood="Cumbuco",
            budget_brl=2_000_000,
            call_at=datetime(2026, 11, 30, 14, 30, tzinfo=TZ),
        ),
    ),
}
