"""The console script pauses the cyclic collector for start-up only (homer_agent.startup)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from homer_agent import startup


@pytest.fixture(autouse=True)
def _restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    startup._PAUSED.clear()
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


def test_pause_stops_the_collector_and_resume_turns_it_back_on() -> None:
    gc.enable()
    startup.pause_gc()
    assert not gc.isenabled()
    startup.resume_gc()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # start-up's objects are out of the collector's passes


def test_resume_without_a_pause_changes_nothing() -> None:
    gc.disable()  # someone else turned it off: not ours to turn on
    startup.resume_gc()
    assert not gc.isenabled()
    startup.pause_gc()  # already off: nothing to undo later
    startup.resume_gc()
    assert not gc.isenabled()


def test_resume_is_safe_twice() -> None:
    gc.enable()
    startup.pause_gc()
    startup.resume_gc()
    gc.disable()
    startup.resume_gc()  # the pause was undone already
    assert not gc.isenabled()


def test_the_console_script_is_the_paused_entry_point() -> None:
    import tomllib

    from tests.support.paths import ROOT

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["homer-agent"] == "homer_agent.startup:main"
