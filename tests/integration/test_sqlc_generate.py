"""sqlc itself, as a subprocess, on a copy of sqlc.yaml, sql/ and the plugin: the committed
code is what it generates, generation is deterministic, vet and compile pass.

The plugin's pure parts (encoding, bounds, schema checks, the generated models) are
tested in tests/unit/test_sqlc_codegen.py.
"""

from __future__ import annotations

import asyncio
import difflib
import importlib
import inspect
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest

from homer_agent.db import queries

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_DIR = ROOT / "tools" / "sqlc_gen"
GENERATED = ("models.py", "queries.py")
OUT_DIR = Path("src/homer_agent/db")


def _sqlc() -> str:
    found = shutil.which("sqlc") or shutil.which("sqlc", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the sqlc binary is missing: run `uv sync` (sqlc is a dev dependency)")
    return found


@pytest.fixture(scope="module")
def sqlc_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sqlc.yaml, sql/ and tools/sqlc_gen/ copied into an empty directory."""
    root = tmp_path_factory.mktemp("sqlc")
    shutil.copy2(ROOT / "sqlc.yaml", root / "sqlc.yaml")
    shutil.copytree(ROOT / "sql", root / "sql")
    shutil.copytree(
        PLUGIN_DIR, root / "tools" / "sqlc_gen", ignore=shutil.ignore_patterns("__pycache__")
    )
    return root


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_sqlc(), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_generated_code_is_current(sqlc_copy: Path) -> None:
    result = _run(["generate"], sqlc_copy)
    assert result.returncode == 0, f"sqlc generate failed:\n{result.stdout}{result.stderr}"
    stale = []
    for name in GENERATED:
        fresh = (sqlc_copy / OUT_DIR / name).read_text(encoding="utf-8")
        committed_path = ROOT / OUT_DIR / name
        committed = committed_path.read_text(encoding="utf-8") if committed_path.exists() else ""
        if fresh != committed:
            diff = difflib.unified_diff(
                committed.splitlines(keepends=True),
                fresh.splitlines(keepends=True),
                f"committed {OUT_DIR / name}",
                f"generated {OUT_DIR / name}",
                n=1,
            )
            stale.append("".join(list(diff)[:40]))
    assert not stale, (
        "the generated database code is stale: run `uv run sqlc generate` and commit the result\n"
        + "\n".join(stale)
    )


def test_generation_is_deterministic(sqlc_copy: Path) -> None:
    first = [(sqlc_copy / OUT_DIR / n).read_bytes() for n in GENERATED]
    result = _run(["generate"], sqlc_copy)
    assert result.returncode == 0, result.stderr
    assert [(sqlc_copy / OUT_DIR / n).read_bytes() for n in GENERATED] == first


@pytest.mark.parametrize("command", ["vet", "compile"])
def test_sqlc_accepts_schema_and_queries(sqlc_copy: Path, command: str) -> None:
    result = _run([command], sqlc_copy)
    assert result.returncode == 0, f"sqlc {command} failed:\n{result.stdout}{result.stderr}"


@pytest.fixture(scope="module")
def async_queries(sqlc_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """queries.py generated with the plugin option `async_querier: true`, imported."""
    root = tmp_path_factory.mktemp("sqlc_async")
    shutil.copytree(sqlc_copy, root, dirs_exist_ok=True)
    config = (root / "sqlc.yaml").read_text(encoding="utf-8")
    assert "async_querier: false" in config
    (root / "sqlc.yaml").write_text(
        config.replace("async_querier: false", "async_querier: true"), encoding="utf-8"
    )
    result = _run(["generate"], root)
    assert result.returncode == 0, f"sqlc generate failed:\n{result.stdout}{result.stderr}"
    package = root / "homer_async_generated"
    shutil.copytree(root / OUT_DIR, package)
    (package / "__init__.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module("homer_async_generated.queries")
    finally:
        sys.path.remove(str(root))


def test_async_querier_only_when_asked(async_queries: ModuleType) -> None:
    # sqlc.yaml leaves it off: nothing in the project uses it.
    assert not hasattr(queries, "AsyncQuerier")
    assert "AsyncQuerier" not in (ROOT / OUT_DIR / "queries.py").read_text(encoding="utf-8")

    def methods(cls: type) -> set[str]:
        return {name for name in vars(cls) if not name.startswith("_")}

    asynchronous = async_queries.AsyncQuerier
    assert methods(asynchronous) == methods(queries.Querier)
    assert all(
        inspect.iscoroutinefunction(getattr(asynchronous, name))
        for name in methods(asynchronous) - {"conn"}
    )
    conn: Any = object()  # any use of it would fail with something else
    with pytest.raises(pydantic.ValidationError):
        asyncio.run(asynchronous(conn).update_lead_budget(id=1, budget_brl=0))
