"""The `homer-agent` console script: start-up without the cyclic garbage collector.

A command's start-up allocates about a million objects (LangChain's and pydantic's classes,
the lexicons) that live until the process exits, and the collector's passes over that
growing heap cost 10-15 % of a short command's CPU. `main` pauses the collector before
anything is imported; a command that then runs for long (the chat once its agent has
loaded, `serve`) calls `resume_gc`. A short command exits with it still paused.
"""

from __future__ import annotations

import gc
import threading

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


def main() -> None:
    """Console entry point: `homer_agent.cli.main` with the collector paused."""
    pause_gc()
    from homer_agent.cli import main as cli_main

    cli_main()
