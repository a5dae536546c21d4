"""The first-sight sets' parameters: a set whose first run found kinds not yet fixed is
marked pending, with its first score, until they are (strict: once it passes, the mark
must go)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest


def first_sight_params(paths: Sequence[Path], pending: Mapping[str, str]) -> list[Any]:
    """One parameter per set file; the sets named in `pending` (by file stem) are
    expected to fail, for the reason given."""
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(strict=True, reason=pending[path.stem])]
            if path.stem in pending
            else [],
        )
        for path in paths
    ]
