"""No SQL text in src/homer_agent outside the code sqlc generates.

All SQL lives in sql/queries/*.sql (and the migrations in sql/schema/); `uv run sqlc
generate` turns it into src/homer_agent/db/queries.py and models.py. Any other module
that holds SQL in a string literal (docstrings and comments aside), builds it with
psycopg.sql, or hands a literal to `.execute()` fails here, named by file and line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "homer_agent"
GENERATED = {Path("db/queries.py"), Path("db/models.py")}

# Upper-case statement shapes (English and pt-BR prose does not shout them), and names
# that only SQL uses, in any case.
SQL_TEXT = re.compile(
    r"\bSELECT\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(?:CREATE|ALTER|DROP)\s+(?:TABLE|INDEX|TYPE|VIEW|FUNCTION|EXTENSION|SCHEMA)\b"
    r"|\bTRUNCATE\b|\bRETURNING\b|\bON\s+CONFLICT\b|\bLOCK\s+TABLE\b"
    r"|(?i:\bpg_(?:try_)?advisory_\w+|\bset_config\s*\("
    r"|\bselect\s+(?:\*|[\w.]+(?:\s*,\s*[\w.]+)*)\s+from\s+\w+)"
)
EXECUTE_METHODS = {"execute", "executemany", "copy", "stream"}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the constant nodes that are docstrings."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
        ):
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sql_in_source(source: str) -> list[tuple[int, str]]:
    """(line, what) for every piece of SQL in a module's code."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and (match := SQL_TEXT.search(node.value))
        ):
            found.append((node.lineno, f"SQL text {match.group()!r}"))
        elif isinstance(node, ast.ImportFrom) and node.module in ("psycopg", "psycopg.sql"):
            if node.module == "psycopg.sql" or any(a.name == "sql" for a in node.names):
                found.append((node.lineno, "psycopg.sql imported (SQL built in Python)"))
        elif isinstance(node, ast.Import) and any(a.name == "psycopg.sql" for a in node.names):
            found.append((node.lineno, "psycopg.sql imported (SQL built in Python)"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in EXECUTE_METHODS
            and node.args
            and isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp)
            and not (isinstance(node.args[0], ast.Constant) and node.args[0].value is None)
        ):
            found.append((node.lineno, f".{node.func.attr}() of a literal"))
    return sorted(found)


def _modules() -> list[Path]:
    paths = sorted(SRC.rglob("*.py"))
    assert paths, f"no modules under {SRC}"
    return [p for p in paths if p.relative_to(SRC) not in GENERATED]


def test_no_module_but_the_generated_layer_holds_sql() -> None:
    offences = [
        f"src/homer_agent/{path.relative_to(SRC)}:{line}: {what}"
        for path in _modules()
        for line, what in sql_in_source(path.read_text(encoding="utf-8"))
    ]
    assert not offences, (
        "SQL outside sql/queries (write a named query there, run `uv run sqlc generate`, "
        "call the generated Querier method):\n" + "\n".join(offences)
    )


@pytest.mark.parametrize(
    "source",
    [
        'conn.execute("SELECT pg_advisory_unlock(%s)", (1,))',
        'Q = "DELETE FROM leads WHERE id = %s"',
        'q = "select id from leads where id = 1"',
        'key = f"SELECT {column} FROM t"',
        'cur.execute("vacuum")',
        "from psycopg import sql",
        "import psycopg.sql",
        'x = "SELECT " + "1"',
        'LOCK = "pg_try_advisory_xact_lock"',
    ],
)
def test_the_finder_sees_sql(source: str) -> None:
    assert sql_in_source(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Docstring: SELECT what the lead said, then UPDATE leads SET name."""',
        "def f():\n    '''SELECT * FROM leads'''\n    # SELECT in a comment\n    return 1",
        'HELP = "delete the lead and its conversation"',
        'ASK = "Pode me dizer o seu orçamento? Selecione uma opção."',
        'msg = "Select a profile from the list"',
        "conn.execute(query.sql.encode(), prepare=False)",
    ],
)
def test_the_finder_leaves_prose_alone(source: str) -> None:
    assert sql_in_source(source) == []
