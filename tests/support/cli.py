"""The real `homer-agent` console script, run with a clean environment.

`cli_env` is the one place that clears the caller's OPENAI_*, HOMER_* and DATABASE_URL
settings, so a developer's shell never leaks into a test; everything that starts the CLI
as a process (`run_cli`, `piped_chat`, the chat runners, the monitoring stack) builds on
it.
"""

from __future__ import annotations

import compileall
import functools
import os
import subprocess
import sys
from pathlib import Path

EXE = Path(sys.executable).with_name("homer-agent")
SRC = Path(__file__).resolve().parents[2] / "src" / "homer_agent"


@functools.cache
def compile_sources() -> None:
    """Compile Homer's own modules to bytecode, once per test run, where the environment sets
    PYTHONDONTWRITEBYTECODE: Python then reads .pyc files but never writes them, so every
    process the tests start would compile about 70 modules again (some 0.1 s of CPU per
    chat). `uv sync` compiles the installed packages only, not this editable source."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        compileall.compile_dir(SRC, quiet=1)


def clean_environ() -> dict[str, str]:
    """This process's environment without the settings Homer reads (and Homer's bytecode
    compiled: everything that starts the CLI comes through here)."""
    compile_sources()
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("OPENAI_", "HOMER_", "DATABASE_URL"))
    }


def cli_env(env: dict[str, str]) -> dict[str, str]:
    """The environment the console script gets: clean, offline, no metrics port, plus `env`."""
    return clean_environ() | {"HOMER_METRICS_PORT": "0", "HOMER_MODEL": "offline"} | env


def run_cli(
    *args: str,
    env: dict[str, str],
    stdin: str | bytes = "",
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """The real `homer-agent` console script, as a subprocess."""
    data = stdin if isinstance(stdin, bytes) else stdin.encode()
    proc = subprocess.run(
        [str(EXE), *args],
        input=data,
        capture_output=True,
        env=cli_env(env),
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def piped_chat(key: str, env: dict[str, str], *messages: str, one_each: bool = True) -> list[str]:
    """`homer-agent chat --session KEY` with `messages` on standard input, one a line: the
    lines it printed (one reply line per message unless `one_each` is False; an empty
    line where Homer stays silent). A non-zero exit or a traceback fails the test."""
    result = run_cli("chat", "--session", key, env=env, stdin="".join(f"{m}\n" for m in messages))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    replies = result.stdout.splitlines()
    if one_each:
        assert len(replies) == len(messages), result.stdout
    return replies
