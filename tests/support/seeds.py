"""Seeds of the generated sets: the tuning seed and one untouched seed run every time;
the seeds already read after their first report are for reports, with
`HOMER_TEST_ALL_SEEDS=1` in the environment (issue 24: tune on one seed, report another)."""

from __future__ import annotations

import os
from typing import Any

import pytest

ALL_SEEDS = "HOMER_TEST_ALL_SEEDS"


def reported_seed(value: Any, id: str | None = None) -> Any:
    """A parameter that runs only when HOMER_TEST_ALL_SEEDS=1 (skipped, with the reason,
    in the default run)."""
    return pytest.param(
        value,
        id=id,
        marks=pytest.mark.skipif(
            os.environ.get(ALL_SEEDS) != "1",
            reason=f"a seed read after its first report: runs with {ALL_SEEDS}=1",
        ),
    )
