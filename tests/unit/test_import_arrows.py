"""Arrows run one way (ARCHITECTURE): the graph's state and nodes never import the model
factories (`homer_agent.models`) or the service, and no module outside the service imports it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "homer_agent"


def imported(path: Path) -> set[str]:
    """Every module a file imports, at any depth (inside functions and TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def arrows_into(files: list[Path], packages: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path.name} imports {name}"
        for path in files
        for name in imported(path)
        if name.startswith(packages)
    )


def test_state_and_nodes_import_neither_models_nor_service() -> None:
    files = [SRC / "state.py", SRC / "graph.py", *sorted((SRC / "nodes").glob("*.py"))]
    assert arrows_into(files, ("homer_agent.models", "homer_agent.service")) == []


def test_only_the_service_and_the_cli_import_the_service() -> None:
    files = [
        path
        for path in SRC.rglob("*.py")
        if "service" not in path.relative_to(SRC).parts and path.name != "cli.py"
    ]
    assert arrows_into(files, ("homer_agent.service",)) == []


def test_the_check_sees_an_arrow(tmp_path: Path) -> None:
    bad = tmp_path / "node.py"
    bad.write_text("def f():\n    from homer_agent.models.fallback import Fallback\n")
    assert arrows_into([bad], ("homer_agent.models",)) != []
