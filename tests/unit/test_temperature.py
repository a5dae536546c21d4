"""Lead temperature: completeness weights, moving-average mood, thresholds at every edge."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homer_agent.db.models import LeadTemperature
from homer_agent.temperature import (
    CLEARLY_NEGATIVE,
    COMPLETENESS_SHARE,
    COMPLETENESS_WEIGHTS,
    HOT_AT,
    MOOD_SHARE,
    MOOD_WINDOW,
    WARM_AT,
    completeness,
    mood,
    score,
    temperature,
    temperature_for_score,
)

COLD, WARM, HOT = LeadTemperature.COLD, LeadTemperature.WARM, LeadTemperature.HOT
EPS = 1e-5  # moves the score by 0.4 * EPS / 2 = 2e-6, visible at 6 decimals


def below(x: float) -> float:
    return math.nextafter(x, -math.inf)


def above(x: float) -> float:
    return math.nextafter(x, math.inf)


# --- completeness --------------------------------------------------------------------------


def test_weights_sum_to_one_and_cover_the_four_facts() -> None:
    assert set(COMPLETENESS_WEIGHTS) == {"name", "bedrooms", "neighborhood", "budget_brl"}
    assert math.isclose(sum(COMPLETENESS_WEIGHTS.values()), 1.0)
    assert math.isclose(COMPLETENESS_SHARE + MOOD_SHARE, 1.0)
    assert max(COMPLETENESS_WEIGHTS, key=COMPLETENESS_WEIGHTS.__getitem__) == "budget_brl"


def test_completeness_bounds() -> None:
    assert completeness(name=None, bedrooms=None, neighborhood=None, budget_brl=None) == 0.0
    full = completeness(name="Ana", bedrooms=3, neighborhood="Aldeota", budget_brl=600_000)
    assert full == 1.0


@pytest.mark.parametrize("fact", ["name", "bedrooms", "neighborhood", "budget_brl"])
def test_each_fact_is_worth_its_weight(fact: str) -> None:
    values: dict[str, str | int | None] = {
        "name": None,
        "bedrooms": None,
        "neighborhood": None,
        "budget_brl": None,
    }
    values[fact] = 3 if fact in ("bedrooms", "budget_brl") else "x"
    got = completeness(
        name=values["name"],  # type: ignore[arg-type]
        bedrooms=values["bedrooms"],  # type: ignore[arg-type]
        neighborhood=values["neighborhood"],  # type: ignore[arg-type]
        budget_brl=values["budget_brl"],  # type: ignore[arg-type]
    )
    assert got == COMPLETENESS_WEIGHTS[fact]


def test_blank_strings_are_unknown() -> None:
    assert completeness(name="  ", bedrooms=None, neighborhood="", budget_brl=None) == 0.0


# --- mood -----------------------------------------------------------------------------------


def test_mood_is_a_short_moving_average_newest_first() -> None:
    assert MOOD_WINDOW == 3
    assert mood([]) == 0.0
    assert mood([0.6]) == pytest.approx(0.6)
    assert mood([0.9, -0.3, 0.0]) == pytest.approx(0.2)
    # Older compounds than the window are ignored.
    assert mood([0.9, -0.3, 0.0, -1.0, -1.0]) == pytest.approx(0.2)
    # Not only the last message.
    assert mood([0.9, -1.0, -1.0]) != mood([0.9])


def test_mood_clamps_and_ignores_nan() -> None:
    assert mood([5.0, -5.0]) == 0.0
    assert mood([math.nan, 1.0]) == pytest.approx(0.5)


# --- thresholds -----------------------------------------------------------------------------


def test_thresholds_are_ordered() -> None:
    assert 0.0 < WARM_AT < HOT_AT <= 1.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.0, COLD),
        (below(WARM_AT), COLD),
        (WARM_AT, WARM),
        (above(WARM_AT), WARM),
        (0.6, WARM),
        (0.65, WARM),  # the original design left 0.6..0.7 unassigned
        (below(HOT_AT), WARM),
        (HOT_AT, HOT),
        (above(HOT_AT), HOT),
        (1.0, HOT),
    ],
)
def test_temperature_for_score_edges(value: float, expected: LeadTemperature) -> None:
    assert temperature_for_score(value) == expected


def test_no_gap_anywhere_in_the_range() -> None:
    seen = [temperature_for_score(i / 10_000) for i in range(10_001)]
    assert seen[0] == COLD and seen[-1] == HOT
    # Monotonic: cold... then warm... then hot, each value assigned.
    order = {COLD: 0, WARM: 1, HOT: 2}
    assert all(order[a] <= order[b] for a, b in itertools.pairwise(seen))
    assert set(seen) == {COLD, WARM, HOT}


@given(st.floats(0.0, 1.0), st.lists(st.floats(-1.0, 1.0), max_size=6), st.booleans())
def test_always_one_of_three(c: float, moods: list[float], call: bool) -> None:
    assert temperature(completeness=c, recent_compounds=moods, call_scheduled=call) in (
        COLD,
        WARM,
        HOT,
    )
    assert 0.0 <= score(c, mood(moods)) <= 1.0


def test_score_formula() -> None:
    assert score(1.0, 0.0) == 0.8
    assert score(0.0, 0.0) == 0.2
    assert score(0.0, 1.0) == 0.4
    assert score(1.0, 1.0) == 1.0
    assert score(0.0, -1.0) == 0.0


# At the warm edge: completeness 0.5 and mood -0.5 give exactly 0.3 + 0.1 = 0.4.
# At the hot edge: a complete lead with mood -0.5 gives exactly 0.6 + 0.1 = 0.7.
@pytest.mark.parametrize(
    ("completeness", "latest", "expected"),
    [
        (0.5, -0.5 - EPS, COLD),
        (0.5, -0.5, WARM),
        (0.5, -0.5 + EPS, WARM),
        (1.0, -0.5 - EPS, WARM),
        (1.0, -0.5, HOT),
        (1.0, -0.5 + EPS, HOT),
    ],
)
def test_edges_through_temperature(
    completeness: float, latest: float, expected: LeadTemperature
) -> None:
    got = temperature(completeness=completeness, recent_compounds=[latest], call_scheduled=False)
    assert got == expected


def test_the_moving_average_not_the_last_message_decides() -> None:
    # Complete lead, last message mildly negative but the two before happy: still hot.
    assert (
        temperature(completeness=1.0, recent_compounds=[-0.6, 0.5, 0.5], call_scheduled=False)
        == HOT
    )
    # Same last message alone: warm.
    assert temperature(completeness=1.0, recent_compounds=[-0.6], call_scheduled=False) == WARM


# --- empty history --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("c", "expected"),
    [(0.0, COLD), (0.25, COLD), (0.4, WARM), (0.75, WARM), (0.9, HOT), (1.0, HOT)],
)
def test_empty_history_is_a_neutral_mood(c: float, expected: LeadTemperature) -> None:
    assert temperature(completeness=c, recent_compounds=[], call_scheduled=False) == expected
    assert temperature(completeness=c, recent_compounds=[0.0], call_scheduled=False) == expected


def test_empty_history_with_a_call_is_hot() -> None:
    assert temperature(completeness=0.0, recent_compounds=[], call_scheduled=True) == HOT


# --- scheduled call -------------------------------------------------------------------------


@pytest.mark.parametrize("latest", [1.0, 0.3, 0.0, above(CLEARLY_NEGATIVE), -0.19])
def test_call_makes_hot_unless_clearly_negative(latest: float) -> None:
    assert temperature(completeness=0.0, recent_compounds=[latest], call_scheduled=True) == HOT


@pytest.mark.parametrize("latest", [CLEARLY_NEGATIVE, below(CLEARLY_NEGATIVE), -0.6, -1.0])
def test_clearly_negative_latest_mood_cancels_the_call_rule(latest: float) -> None:
    # Falls back to the score: an empty lead with a negative mood is cold...
    assert temperature(completeness=0.0, recent_compounds=[latest], call_scheduled=True) == COLD
    # ...a complete one keeps what the score gives.
    expected = temperature(completeness=1.0, recent_compounds=[latest], call_scheduled=False)
    got = temperature(completeness=1.0, recent_compounds=[latest], call_scheduled=True)
    assert got == expected


def test_only_the_latest_mood_matters_for_the_call_rule() -> None:
    # Old anger, happy now: hot.
    assert (
        temperature(completeness=0.0, recent_compounds=[0.5, -1.0, -1.0], call_scheduled=True)
        == HOT
    )
    # Happy before, angry now: the score decides (an empty lead with mood ~0 is cold).
    assert (
        temperature(completeness=0.0, recent_compounds=[-0.8, 0.5, 0.5], call_scheduled=True)
        == COLD
    )


def test_out_of_range_inputs_are_clamped() -> None:
    assert temperature(completeness=7.0, recent_compounds=[3.0], call_scheduled=False) == HOT
    assert temperature(completeness=-1.0, recent_compounds=[-3.0], call_scheduled=False) == COLD
    assert (
        temperature(completeness=math.nan, recent_compounds=[math.nan], call_scheduled=False)
        == COLD
    )


def test_returns_the_db_enum() -> None:
    got = temperature(completeness=1.0, recent_compounds=[0.2], call_scheduled=False)
    assert isinstance(got, LeadTemperature)
    assert got == "hot"
