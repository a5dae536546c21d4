"""Example conversations through the real CLI (standard input, offline model).

Each conversation (the example development's in tests/data/conversations/shared, a
verbatim copy of ../shared/examples/conversations, and our own in tests/data/conversations)
is sent line by line to `homer-agent chat --session KEY`; `homer-agent lead show KEY --json`
must then hold its `expect`. Call times are checked with `expected_call` of
../shared/tools/run-examples, the tool outside checks run, when a checkout has it beside the
repository (CI); a clone without it uses the copy below, and runs everything else the same.
"""

from __future__ import annotations

import datetime as dt
import importlib.machinery
import importlib.util
import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from homer_agent.calendar.hours import fits
from homer_agent.profile import load_profile
from tests.conftest import SHARED, run_cli
from tests.support.examples import (
    OWN_CONVERSATIONS,
    SHARED_CONVERSATIONS,
    expected_call_on,
    shared_conversations,
)

RUN_EXAMPLES = SHARED / "tools" / "run-examples"
# Outside checks run the conversations of ../shared; the repository keeps a verbatim copy.
OUTSIDE_CONVERSATIONS = SHARED / "examples" / "conversations"
# Conversations run side by side (each CLI process mostly imports; see `runs`).
PARALLEL_RUNS = 4
TZ = ZoneInfo("America/Fortaleza")  # the bundled profile's time zone, as in run-examples
# The contract of `lead show --json`: exactly these keys, in this order.
LEAD_JSON_KEYS = (
    "session_key",
    "name",
    "bedrooms",
    "neighborhood",
    "budget_brl",
    "call_at",
    "temperature",
    "created_at",
    "updated_at",
    "notes",  # the broker's notes (a later key: the ones before it never change)
    "handoff",  # null, or the hand-off holding the conversation: {reason, since}
)


def _load_run_examples() -> ModuleType | None:
    """../shared/tools/run-examples as a module (it has no .py suffix); None when absent."""
    if not RUN_EXAMPLES.is_file():
        return None
    loader = importlib.machinery.SourceFileLoader("run_examples", str(RUN_EXAMPLES))
    spec = importlib.util.spec_from_loader("run_examples", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


RUN_EXAMPLES_MODULE = _load_run_examples()
PROFILE = load_profile()


def _expected_call_fallback(spec: dict[str, Any]) -> tuple[str, str]:
    """A copy of run-examples' `expected_call`, for a clone without ../shared (CI).

    `test_fallback_matches_run_examples` keeps the two in step.
    """
    return expected_call_on(spec, dt.datetime.now(TZ).date())


expected_call = (
    RUN_EXAMPLES_MODULE.expected_call if RUN_EXAMPLES_MODULE else _expected_call_fallback
)


def _conversation_paths() -> list[Path]:
    """The example development's conversations, then ours."""
    return shared_conversations() + sorted(OWN_CONVERSATIONS.glob("*.json"))


def _conversation_params() -> list[Any]:
    return [
        pytest.param(
            path, id=f"{'own' if path.parent == OWN_CONVERSATIONS else 'shared'}/{path.stem}"
        )
        for path in _conversation_paths()
    ]


def _outside_call_hours(expect: dict[str, Any]) -> bool:
    """Whether the example's expected call falls outside the default profile's call hours.

    Examples whose call is relative to today ("Amanhã às 10h") predate call hours: run on
    a Saturday, "amanhã" is a Sunday, which the default hours close. The agent then
    refuses the time and offers slots (issue 11), so no call may be saved.
    """
    if "call_at" not in expect:
        return False
    day, clock = expected_call(expect["call_at"])
    start = dt.datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=TZ)
    return not fits(start, PROFILE.calls, TZ)


def _mismatches(row: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """What `lead show --json` got wrong, judged exactly as run-examples' `check` does."""
    wrong = []
    if _outside_call_hours(expect):
        expect = {key: want for key, want in expect.items() if key != "call_at"}
        if row.get("call_at") is not None:
            wrong.append(f"call_at: outside call hours, want null, got {row['call_at']!r}")
    for key, want in expect.items():
        got = row.get(key)
        if key == "call_at":
            local = dt.datetime.fromisoformat(got).astimezone(TZ) if got else None
            ok = local is not None and (
                local.date().isoformat(),
                local.strftime("%H:%M"),
            ) == expected_call(want)
        else:
            ok = got == want
        if not ok:
            wrong.append(f"{key}: want {want!r}, got {got!r}")
    return wrong


def shown_row(show: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The lead `lead show --json` printed, checked to be one JSON object and nothing else.

    The keys are exactly the contract's; timestamps carry their UTC offset.
    """
    assert show.returncode == 0, show.stderr
    assert show.stdout.endswith("\n") and show.stdout.count("\n") == 1, show.stdout
    row = json.loads(show.stdout)
    assert isinstance(row, dict)
    assert tuple(row) == LEAD_JSON_KEYS
    for stamp in ("call_at", "created_at", "updated_at"):
        if row[stamp] is not None:
            assert dt.datetime.fromisoformat(row[stamp]).utcoffset() is not None, row[stamp]
    return row


@dataclass(frozen=True)
class Run:
    example: dict[str, Any]
    chat: subprocess.CompletedProcess[str]
    show: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def runs(module_db_url: str) -> dict[Path, Run]:
    """Every conversation through `chat` then `lead show --json`, a few at a time.

    Each run is two CLI processes that spend most of their time importing; running
    conversations side by side keeps this module to a fraction of the serial time.
    """
    env = {"DATABASE_URL": module_db_url}

    def run(path: Path) -> Run:
        example = json.loads(path.read_text(encoding="utf-8"))
        stdin = "\n".join(example["messages"]) + "\n"
        chat = run_cli("chat", "--session", example["session"], env=env, stdin=stdin)
        show = run_cli("lead", "show", example["session"], "--json", env=env)
        return Run(example, chat, show)

    paths = _conversation_paths()
    with ThreadPoolExecutor(max_workers=PARALLEL_RUNS) as executor:
        return dict(zip(paths, executor.map(run, paths), strict=True))


def test_every_conversation_file_is_found() -> None:
    paths = _conversation_paths()
    assert len(list(OWN_CONVERSATIONS.glob("*.json"))) >= 10
    assert len(list(SHARED_CONVERSATIONS.glob("*.json"))) >= 3
    keys = [json.loads(path.read_text(encoding="utf-8"))["session"] for path in paths]
    assert len(keys) == len(set(keys)), "conversations share a database: keys must differ"


@pytest.mark.skipif(
    not OUTSIDE_CONVERSATIONS.is_dir(), reason="../shared/examples/conversations absent"
)
def test_the_copied_conversations_are_the_outside_ones() -> None:
    """tests/data/conversations/shared is a verbatim copy of what outside checks run."""
    outside = {path.name: path.read_bytes() for path in OUTSIDE_CONVERSATIONS.glob("*.json")}
    copied = {path.name: path.read_bytes() for path in SHARED_CONVERSATIONS.glob("*.json")}
    assert copied == outside, "copy ../shared/examples/conversations/*.json again"


@pytest.mark.skipif(RUN_EXAMPLES_MODULE is None, reason="../shared/tools/run-examples absent")
@pytest.mark.parametrize(
    "spec",
    [
        {"date": "2027-02-10", "time": "15:00"},
        {"days_from_today": 0, "time": "08:00"},
        {"days_from_today": 2, "time": "09:30"},
        *({"weekday": day, "time": "10:00"} for day in range(7)),
    ],
)
def test_fallback_matches_run_examples(spec: dict[str, Any]) -> None:
    assert RUN_EXAMPLES_MODULE is not None
    assert _expected_call_fallback(spec) == RUN_EXAMPLES_MODULE.expected_call(spec)


@pytest.mark.parametrize("path", _conversation_params())
def test_conversation_lands_in_the_lead_row(path: Path, runs: dict[Path, Run]) -> None:
    run = runs[path]
    messages = run.example["messages"]

    assert run.chat.returncode == 0, run.chat.stderr
    assert "Traceback" not in run.chat.stderr
    replies = run.chat.stdout.splitlines()
    assert len(replies) == len(messages), run.chat.stdout  # one reply line per message
    assert all(reply.strip() for reply in replies)

    row = shown_row(run.show)
    assert row["session_key"] == run.example["session"]
    assert _mismatches(row, run.example["expect"]) == []


def test_lead_show_json_of_a_new_lead_has_nulls(db_url: str) -> None:
    env = {"DATABASE_URL": db_url}
    chat = run_cli("chat", "--session", "just-said-hi", env=env, stdin="Oi\n")
    assert chat.returncode == 0, chat.stderr

    row = shown_row(run_cli("lead", "show", "just-said-hi", "--json", env=env))

    facts = ("name", "bedrooms", "neighborhood", "budget_brl", "call_at")
    assert {key: row[key] for key in facts} == dict.fromkeys(facts)
    assert row["temperature"] == "cold"
    assert row["notes"] == []


@pytest.mark.parametrize(
    ("spec", "outside"),
    [
        ({"date": "2027-02-07", "time": "10:00"}, True),  # a Sunday
        ({"date": "2027-02-10", "time": "10:00"}, False),  # a Wednesday
        ({"weekday": 5, "time": "14:00"}, True),  # Saturday afternoon
        ({"weekday": 5, "time": "10:00"}, False),
    ],
)
def test_an_expected_call_outside_call_hours_is_judged_as_refused(
    spec: dict[str, Any], outside: bool
) -> None:
    expect = {"name": "Ana", "call_at": spec}
    assert _outside_call_hours(expect) is outside
    row = {"name": "Ana", "call_at": None}
    assert (_mismatches(row, expect) == []) is outside
