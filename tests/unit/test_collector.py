"""The cyclic collector is tuned once per process when the first agent is built."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import gc
from homer_agent import startup

assert gc.get_threshold() == (700, 10, 10), gc.get_threshold()
assert gc.get_freeze_count() == 0
startup.settle_collector()
assert gc.get_threshold() == startup.GC_THRESHOLDS, gc.get_threshold()
assert gc.get_freeze_count() > 0
gc.set_threshold(700, 10, 10)
startup.settle_collector()
assert gc.get_threshold() == (700, 10, 10), "settled twice"
print("ok")
"""


def test_settle_collector_freezes_and_raises_the_young_threshold_once() -> None:
    # A fresh interpreter: the test process may already have built an agent.
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], check=False, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
