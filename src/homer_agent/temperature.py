"""Lead temperature: cold, warm or hot.

The rule
--------
1. **Completeness** (0..1) is the weighted share of the four qualifying facts the lead gave::

       completeness = 0.40·budget + 0.25·bedrooms + 0.25·neighborhood + 0.10·name

   (weights in `COMPLETENESS_WEIGHTS`, summing to 1.0). The budget weighs most because it
   decides whether the development fits at all; bedrooms and neighbourhood define the
   product; the name is courtesy, not qualification.

2. **Mood** (-1..1) is the plain moving average of the newest `MOOD_WINDOW` (3) sentiment
   compounds, newest first, the current message included; no history means a neutral 0.0.
   An average rather than the last message alone, so one curt "ok" or one grumble does not
   swing the lead.

3. **Score** (0..1)::

       score = 0.6·completeness + 0.4·(mood + 1)/2        (rounded to 6 decimals)

4. **Temperature** from the score, the thresholds covering [0, 1] with no gap::

       cold:  score < 0.4
       warm:  0.4 <= score < 0.7
       hot:   0.7 <= score

   So a complete lead with a neutral mood scores 0.8 (hot) and stays hot down to an average
   mood of -0.5; a lead who gave nothing is cold unless clearly enthusiastic (an average of
   +1.0 reaches warm); budget plus neutral mood (0.44) is warm.

5. **A scheduled call** makes the lead hot, unless the latest compound is clearly negative
   (<= `CLEARLY_NEGATIVE`, -0.2: four times VADER's ±0.05 label threshold, so a passing
   "hmm" does not count but "desisti" or "achei caro" does); then rule 4 decides.

Out-of-range inputs are clamped (completeness to [0, 1], compounds to [-1, 1]); NaN counts as
0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Final

from homer_agent.db.models import LeadTemperature

__all__ = [
    "CLEARLY_NEGATIVE",
    "COMPLETENESS_SHARE",
    "COMPLETENESS_WEIGHTS",
    "HOT_AT",
    "MOOD_SHARE",
    "MOOD_WINDOW",
    "WARM_AT",
    "completeness",
    "mood",
    "score",
    "temperature",
    "temperature_for_score",
]

#: How many recent compounds (newest first, the current message included) the mood averages.
MOOD_WINDOW: Final = 3

#: Weight of each qualifying fact in `completeness`; they sum to 1.0.
COMPLETENESS_WEIGHTS: Final[Mapping[str, float]] = {
    "budget_brl": 0.40,
    "bedrooms": 0.25,
    "neighborhood": 0.25,
    "name": 0.10,
}

#: Shares of completeness and of mood (rescaled to 0..1) in the score; they sum to 1.0.
COMPLETENESS_SHARE: Final = 0.6
MOOD_SHARE: Final = 0.4

#: cold < WARM_AT <= warm < HOT_AT <= hot.
WARM_AT: Final = 0.4
HOT_AT: Final = 0.7

#: A latest compound at or below this cancels the "scheduled call makes it hot" rule.
CLEARLY_NEGATIVE: Final = -0.2

_SCORE_DIGITS: Final = 6


def _known(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def completeness(
    *,
    name: str | None,
    bedrooms: int | None,
    neighborhood: str | None,
    budget_brl: int | None,
) -> float:
    """The weighted share (0..1) of the qualifying facts known; blank strings are unknown."""
    facts = {
        "name": name,
        "bedrooms": bedrooms,
        "neighborhood": neighborhood,
        "budget_brl": budget_brl,
    }
    total = sum(COMPLETENESS_WEIGHTS[key] for key, value in facts.items() if _known(value))
    return round(total, _SCORE_DIGITS)


def _clamp(value: float, low: float, high: float) -> float:
    if not math.isfinite(value):
        return 0.0 if low <= 0.0 <= high else low
    return max(low, min(high, value))


def mood(recent_compounds: Sequence[float]) -> float:
    """Mean of the newest `MOOD_WINDOW` compounds (newest first); 0.0 when there are none."""
    window = [_clamp(c, -1.0, 1.0) for c in recent_compounds[:MOOD_WINDOW]]
    return sum(window) / len(window) if window else 0.0


def score(completeness: float, mood: float) -> float:
    """0.6·completeness + 0.4·(mood + 1)/2, in [0, 1], rounded to 6 decimals."""
    c = _clamp(completeness, 0.0, 1.0)
    m = _clamp(mood, -1.0, 1.0)
    return round(COMPLETENESS_SHARE * c + MOOD_SHARE * (m + 1.0) / 2.0, _SCORE_DIGITS)


def temperature_for_score(value: float) -> LeadTemperature:
    """cold below `WARM_AT`, hot from `HOT_AT`, warm in between (no gap)."""
    if value >= HOT_AT:
        return LeadTemperature.HOT
    if value >= WARM_AT:
        return LeadTemperature.WARM
    return LeadTemperature.COLD


def temperature(
    *,
    completeness: float,
    recent_compounds: Sequence[float],
    call_scheduled: bool,
) -> LeadTemperature:
    """The lead's temperature (see the module docstring for the rule).

    `recent_compounds` is newest first and includes the current message; empty means a
    neutral mood.
    """
    latest = _clamp(recent_compounds[0], -1.0, 1.0) if recent_compounds else 0.0
    if call_scheduled and latest > CLEARLY_NEGATIVE:
        return LeadTemperature.HOT
    return temperature_for_score(score(completeness, mood(recent_compounds)))
