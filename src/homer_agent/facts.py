"""What the agent knows about a lead, and which fact it should ask for next."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FactName = Literal["name", "bedrooms", "neighborhood", "budget_brl", "call_at"]

FACT_ORDER: Final[tuple[FactName, ...]] = (
    "name",
    "bedrooms",
    "neighborhood",
    "budget_brl",
    "call_at",
)
"""The order in which the agent asks for the facts."""

NAME_MAX_CHARS: Final = 120
NEIGHBORHOOD_MAX_CHARS: Final = 120
BEDROOMS_MIN: Final = 1
BEDROOMS_MAX: Final = 10
BUDGET_MAX_EXCLUSIVE: Final = 10_000_000_000
"""Limits that match the `leads` table's CHECK constraints."""

_Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_CHARS),
]
_Neighborhood = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=NEIGHBORHOOD_MAX_CHARS),
]


class LeadFacts(BaseModel):
    """The five facts the agent collects; `None` means not known yet."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: _Name | None = None
    bedrooms: Annotated[int, Field(ge=BEDROOMS_MIN, le=BEDROOMS_MAX)] | None = None
    neighborhood: _Neighborhood | None = None
    budget_brl: Annotated[int, Field(gt=0, lt=BUDGET_MAX_EXCLUSIVE)] | None = None
    call_at: datetime | None = None


def missing_facts(facts: LeadFacts) -> tuple[FactName, ...]:
    """The facts still unknown, in asking order."""
    return tuple(field for field in FACT_ORDER if getattr(facts, field) is None)


def next_missing(facts: LeadFacts) -> FactName | None:
    """The first fact (in `FACT_ORDER`) that is still unknown, or `None` when all are known."""
    missing = missing_facts(facts)
    return missing[0] if missing else None
