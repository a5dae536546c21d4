"""The cyclic garbage collector's policy, in one place: paused during the console script's
start-up, settled once an agent runs.

The `homer-agent` console script starts without the cyclic garbage collector.

A command's start-up allocates about a million objects (LangChain's and pydantic's classes,
the lexicons) that live until the process exits, and the collector's passes over that
growing heap cost 10-15 % of a short command's CPU. `main` pauses the collector before
anything is imported; a command that then runs for long (the chat once its agent has
loaded, `serve`) calls `resume_gc`. A short command exits with it still paused.
"""

from __future__ import annotations

import gc
import threading
from typing import Final

# Set while the collector is off because of pause_gc (resume_gc may run on another thread).
_PAUSED = threading.Event()


def pause_gc() -> None:
    """Stop cyclic collection until `resume_gc()` (no-op if it was already off)."""
    if gc.isenabled():
        gc.disable()
        _PAUSED.set()


def resume_gc() -> None:
    """Collection back on, if `pause_gc()` stopped it; what start-up built is frozen out of
    the collector's passes, as it lives until exit anyway. Safe to call more than once."""
    if _PAUSED.is_set():
        _PAUSED.clear()
        gc.freeze()
        gc.enable()


# The cyclic collector's thresholds once an agent runs (Python's default: 700, 10, 10). A turn
# allocates and frees many short-lived containers (messages, state dicts, rows); with 700
# the youngest generation was collected about 370 times in a 50 sessions × 20 turns run.
GC_THRESHOLDS: Final = (10_000, 10, 10)
_SETTLED = threading.Event()


def settle_collector() -> None:
    """Once per process, when the first agent is built: what exists by then (modules,
    lexicons, the agent) lives until exit, so it is frozen out of the collector's passes, and
    the youngest generation is collected every GC_THRESHOLDS[0] net allocations."""
    if _SETTLED.is_set():
        return
    _SETTLED.set()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def main() -> None:
    """Console entry point: `homer_agent.cli.main` with the collector paused."""
    pause_gc()
    from homer_agent.cli import main as cli_main

    cli_main()
