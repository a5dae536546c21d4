"""The sqlc process plugin (tools/sqlc_gen) and the code it generated.

No database: the generated files must match a fresh ``sqlc generate``, sqlc must accept
the schema and queries, the plugin's CHECK parsing must find the constraints the
migrations state, and the generated ``<Query>Params`` models must enforce them.
"""

from __future__ import annotations

import asyncio
import base64
import difflib
import importlib
import importlib.util
import inspect
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pydantic
import pytest

from homer_agent.db import queries
from homer_agent.db.models import Lead, LeadTemperature

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_DIR = ROOT / "tools" / "sqlc_gen"
GENERATED = ("models.py", "queries.py")
OUT_DIR = Path("src/homer_agent/db")


def _load_plugin() -> ModuleType:
    name = "homer_sqlc_gen"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PLUGIN_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


gen = _load_plugin()


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


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_sqlc(), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


# ------------------------------------------------------------------------- sqlc itself


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


def test_generated_files_start_with_the_sqlc_header() -> None:
    for name in GENERATED:
        text = (ROOT / OUT_DIR / name).read_text(encoding="utf-8")
        assert text.startswith("# Code generated by sqlc. DO NOT EDIT.\n# versions:\n#   sqlc v")
    sources = sorted(p.name for p in (ROOT / "sql" / "queries").glob("*.sql"))
    header = f"\n# source: {', '.join(sources)}\n"
    assert header in (ROOT / OUT_DIR / "queries.py").read_text()


def test_plugin_is_an_executable_stdlib_script() -> None:
    script = PLUGIN_DIR / "sqlc-gen-homer"
    assert script.stat().st_mode & 0o111, "tools/sqlc_gen/sqlc-gen-homer must be executable"
    assert script.read_text().startswith("#!/usr/bin/env python3\n")


def test_response_encodes_bytes_as_base64() -> None:
    payload = json.loads(gen.encode_response({"b.py": "x = 'ç'\n", "a.py": ""}))
    assert [f["name"] for f in payload["files"]] == ["a.py", "b.py"]
    assert base64.b64decode(payload["files"][1]["contents"]).decode() == "x = 'ç'\n"


# -------------------------------------------------------------------- CHECK parsing


def _bounds(expression: str) -> set[tuple[str, str, Decimal]]:
    return {(b.column, b.kind, b.value) for b in gen.check_bounds(expression)}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (
            "char_length(session_key) BETWEEN 1 AND 128"
            " AND session_key !~ '[\\x01-\\x1f\\x7f-\\x9f]'"
            " AND session_key = btrim(session_key)",
            {("session_key", "min_length", 1), ("session_key", "max_length", 128)},
        ),
        ("bedrooms BETWEEN 1 AND 10", {("bedrooms", "ge", 1), ("bedrooms", "le", 10)}),
        (
            "budget_brl > 0 AND budget_brl < 10000000000",
            {("budget_brl", "gt", 0), ("budget_brl", "lt", 10_000_000_000)},
        ),
        ("sentiment BETWEEN -1 AND 1", {("sentiment", "ge", -1), ("sentiment", "le", 1)}),
        ("duration_ms >= 0", {("duration_ms", "ge", 0)}),
        ("x<=5", {("x", "le", 5)}),
        ("x>=-1.5", {("x", "ge", Decimal("-1.5"))}),
        ("0 < x AND 10 >= x", {("x", "gt", 0), ("x", "le", 10)}),
        ("(a > 0 AND (a < 5))", {("a", "gt", 0), ("a", "lt", 5)}),
        ("a >= 1::smallint", {("a", "ge", 1)}),
        ("char_length(n) > 2", {("n", "min_length", 3)}),
        (
            "length(n) <= 8 AND character_length(n) >= 2",
            {("n", "max_length", 8), ("n", "min_length", 2)},
        ),
        ("char_length(n) < 9", {("n", "max_length", 8)}),
        ("a > 0 AND a ~ '^x'", {("a", "gt", 0)}),
        ('"Weird" > 3', {("Weird", "gt", 3)}),
    ],
)
def test_check_bounds_supported_forms(expression: str, expected: set[tuple[Any, ...]]) -> None:
    assert _bounds(expression) == {(c, k, Decimal(v)) for c, k, v in expected}


@pytest.mark.parametrize(
    "expression",
    [
        "handoff_reason IN ('hostile', 'opt_out', 'human')",
        "session_key !~ '[\\x01-\\x1f]'",
        "session_key = btrim(session_key)",
        "a > 0 OR a < -10",
        "a > 0 OR b > 0 AND c > 0",  # OR binds less tightly: c > 0 is not required
        "a > b",
        "a + 1 > 5",
        "a > 5 + 1",
        "NOT (a > 5)",
        "a NOT BETWEEN 1 AND 5",
        "a BETWEEN b AND 5",
        "lower(a) > 'm'",
        "t.a > 5",
        "char_length(a) > 1.5",
    ],
)
def test_check_bounds_leaves_other_forms_to_the_database(expression: str) -> None:
    assert _bounds(expression) == set()


def test_schema_checks_of_the_migrations() -> None:
    texts = gen.read_schema_texts(["sql/schema"], [ROOT])
    checks = gen.schema_checks(texts)
    assert {"leads", "turns"} <= set(checks)
    assert checks["leads"]["session_key"].min_length == 1
    assert checks["leads"]["session_key"].max_length == 128
    assert (checks["leads"]["name"].min_length, checks["leads"]["name"].max_length) == (1, 120)
    assert (checks["leads"]["bedrooms"].ge, checks["leads"]["bedrooms"].le) == (1, 10)
    assert (checks["leads"]["budget_brl"].gt, checks["leads"]["budget_brl"].lt) == (0, 10**10)
    assert "handoff_reason" not in checks["leads"]
    assert (checks["turns"]["sentiment"].ge, checks["turns"]["sentiment"].le) == (-1, 1)
    assert checks["turns"]["duration_ms"].ge == 0
    assert checks["turns"]["model_ms"].ge == 0
    assert checks["leads"]["bedrooms"].field_args("int") == ["ge=1", "le=10"]
    assert checks["leads"]["bedrooms"].field_args("str") == []
    assert checks["leads"]["name"].field_args("str") == ["min_length=1", "max_length=120"]


def test_schema_checks_follow_alter_and_drop_and_skip_comments_and_bodies() -> None:
    sql = """
    -- CHECK (a > 100) in a comment is not a constraint
    CREATE TABLE IF NOT EXISTS public.t (
        id bigint PRIMARY KEY,
        a int CONSTRAINT t_a CHECK (a > 0),
        b text NOT NULL DEFAULT 'x; CHECK (b > 1)',
        c int,
        CONSTRAINT t_c CHECK (c BETWEEN 1 AND 9),
        CHECK (a < 50)
    );
    /* ALTER TABLE t ADD CHECK (c > 5); */
    CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; -- CHECK (a < 2) $body$;
    ALTER TABLE ONLY t ADD COLUMN d smallint CHECK (d >= 3), ADD CONSTRAINT t_b CHECK (
        char_length(b) <= 20);
    ALTER TABLE t DROP CONSTRAINT IF EXISTS t_c;
    ALTER TABLE t ADD CONSTRAINT t_c2 CHECK (c <= 4);
    CREATE TABLE gone (x int CHECK (x > 1));
    DROP TABLE IF EXISTS gone CASCADE;
    -- +goose Down
    DROP TABLE t;
    """
    checks = gen.schema_checks([gen._up_migration(sql)])
    assert set(checks) == {"t"}
    t = checks["t"]
    assert (t["a"].gt, t["a"].lt) == (0, 50)
    assert t["b"].max_length == 20 and t["b"].min_length is None
    assert (t["c"].ge, t["c"].le) == (None, 4)
    assert t["d"].ge == 3


def test_tokenizer_splits_operators_like_postgres() -> None:
    tokens = gen.tokenize("a>=-1 AND b<>$2 -- c > 1\n")
    assert [(t.kind, t.value) for t in tokens] == [
        ("ident", "a"),
        ("op", ">="),
        ("op", "-"),
        ("number", "1"),
        ("ident", "and"),
        ("ident", "b"),
        ("op", "<>"),
        ("param", "$2"),
    ]


def test_range_parameters_keep_only_their_type() -> None:
    sql = (
        "SELECT * FROM t WHERE a = $1 AND b > $2 AND $3 <= c AND d BETWEEN $4::int AND $5"
        " AND e LIKE $6 AND f = ANY($7)"
    )
    assert gen.range_parameters(sql) == {2, 3, 4, 5, 6}
    assert gen.range_parameters("UPDATE t SET a = $1 WHERE id = $2") == set()


# ------------------------------------------------------------------- generated Params


@pytest.mark.parametrize("bedrooms", [0, 11, -1])
def test_bedrooms_out_of_range_are_rejected(bedrooms: int) -> None:
    with pytest.raises(pydantic.ValidationError):
        queries.UpdateLeadBedroomsParams(bedrooms=bedrooms, id=1)


@pytest.mark.parametrize("bedrooms", [1, 10, None])
def test_bedrooms_in_range_or_null_are_accepted(bedrooms: int | None) -> None:
    assert queries.UpdateLeadBedroomsParams(bedrooms=bedrooms, id=1).bedrooms == bedrooms


@pytest.mark.parametrize("budget", [0, -5, 10_000_000_000])
def test_budget_out_of_range_is_rejected(budget: int) -> None:
    with pytest.raises(pydantic.ValidationError):
        queries.UpdateLeadBudgetParams(budget_brl=budget, id=1)


def test_budget_in_range_is_accepted() -> None:
    assert queries.UpdateLeadBudgetParams(budget_brl=1, id=1).budget_brl == 1
    assert queries.UpdateLeadBudgetParams(budget_brl=9_999_999_999, id=1).budget_brl


@pytest.mark.parametrize(
    "params_model", [queries.GetOrCreateLeadParams, queries.GetLeadBySessionKeyParams]
)
@pytest.mark.parametrize("session_key", ["", "x" * 129])
def test_session_key_length_is_enforced(params_model: Any, session_key: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        params_model(session_key=session_key)


def test_session_key_of_128_characters_is_accepted() -> None:
    assert len(queries.GetOrCreateLeadParams(session_key="x" * 128).session_key) == 128


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sentiment", 1.5),
        ("sentiment", -1.01),
        ("duration_ms", -0.1),
        ("model_ms", -1),
        ("model_calls", -1),
        ("model_errors", -1),
    ],
)
def test_turn_bounds_are_enforced(field: str, value: float) -> None:
    values: dict[str, Any] = {
        "lead_id": 1,
        "model": "offline",
        "route": "agent",
        "sentiment": 0.0,
        "temperature": LeadTemperature.COLD,
        "duration_ms": 1.0,
        "model_ms": 0.0,
        "prompt_tokens": 0,
        "completion_tokens": 0,
        "tool_calls": 0,
        "tool_errors": 0,
        "error": None,
        "fallback_reason": None,
        "model_calls": 0,
        "model_errors": 0,
    }
    queries.InsertTurnParams(**values)
    with pytest.raises(pydantic.ValidationError):
        queries.InsertTurnParams(**{**values, field: value})


def test_methods_validate_before_touching_the_connection() -> None:
    # Any use of this "connection" would fail with something else than a ValidationError.
    conn: Any = object()
    with pytest.raises(pydantic.ValidationError):
        queries.Querier(conn).update_lead_bedrooms(id=1, bedrooms=11)
    with pytest.raises(pydantic.ValidationError):
        queries.Querier(conn).get_or_create_lead(session_key="")


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


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (b'{"async_querier": 1}', "async_querier must be true or false"),
        (b'{"asynk_querier": true}', "unknown plugin option 'asynk_querier'"),
        (b"[]", "must be a mapping"),
        (b"{", "not JSON"),
    ],
)
def test_bad_plugin_options_are_one_clear_error(options: bytes, message: str) -> None:
    request = {"plugin_options": base64.b64encode(options).decode()}
    with pytest.raises(gen.PluginError, match=message):
        gen.Options.from_request(request)


def test_models_convert_enum_text_and_are_frozen() -> None:
    now = "2030-01-01T00:00:00+00:00"
    lead = Lead.model_validate(
        {
            "id": 1,
            "session_key": "k",
            "name": None,
            "bedrooms": None,
            "neighborhood": None,
            "budget_brl": None,
            "call_at": None,
            "temperature": "hot",
            "created_at": now,
            "updated_at": now,
            "handoff_at": None,
            "handoff_reason": None,
        }
    )
    assert lead.temperature is LeadTemperature.HOT
    with pytest.raises(pydantic.ValidationError):
        cast(Any, lead).name = "x"
    assert [t.value for t in LeadTemperature] == ["cold", "warm", "hot"]
