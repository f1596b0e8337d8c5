"""The package's import layers: each stage imports only from earlier stages, with no cycle.

Imports under ``if TYPE_CHECKING:`` may point anywhere (they never run). Everything else
counts, function-level imports included. Only ``anki/package.py`` imports genanki and only
``cli.py`` imports typer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "deckgen"

# The pipeline's stages, in order: a module may import from its own stage and earlier ones.
LAYERS = (
    "core",
    "anki",
    "sources",
    "cards",
    "quality",
    "linter",
    "lock",
    "tracks",
    "site",
    "builder",
    "authoring",
    "api",
    "cli",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "api"  # deckgen/__init__.py: the public API sits above every stage
    if parts[1] in ("cli", "__main__", "console"):  # console: what both entry points print through
        return "cli"
    return parts[1]


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(path: Path) -> list[tuple[str, int]]:
    """(imported module, line) for every import in ``path`` that runs."""
    return imports_of(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")


def imports_of(source: str, module: str, is_package: bool = False) -> list[tuple[str, int]]:
    """(imported module, line) for every import in ``source`` that runs, resolving relative imports."""
    tree = ast.parse(source)
    found: list[tuple[str, int]] = []
    package = module if is_package else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                found.append((base, child.lineno))
                if base == "deckgen" or base.startswith("deckgen."):
                    # `from deckgen.x import y` may import the submodule deckgen.x.y
                    found.extend((f"{base}.{alias.name}", child.lineno) for alias in child.names)
            visit(child)

    visit(tree)
    return found


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _internal_edges() -> dict[str, set[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for target, _ in runtime_imports(path):
            if target in modules and target != name:
                edges[name].add(target)
    return edges


def test_every_stage_is_a_known_layer() -> None:
    stages = {_stage(name) for name in _modules()}
    assert stages <= set(LAYERS), f"unknown stages: {stages - set(LAYERS)}; add them to LAYERS in order"


def test_no_module_imports_from_a_later_stage() -> None:
    modules = _modules()
    upward = []
    for name, path in modules.items():
        mine = LAYERS.index(_stage(name))
        for target, line in runtime_imports(path):
            if target in modules and target != "deckgen" and LAYERS.index(_stage(target)) > mine:
                upward.append(
                    f"{path.relative_to(PACKAGE.parent)}:{line}: {name} ({_stage(name)}) imports {target} ({_stage(target)})"
                )
    assert not upward, "imports against the pipeline's order:\n" + "\n".join(upward)


def test_no_import_cycle() -> None:
    edges = _internal_edges()
    # the package's __init__ files are imported implicitly by every submodule: leave them out of cycles
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if nxt.count(".") == 0:
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                cycle = walk(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            cycle = walk(node)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


@pytest.mark.parametrize(("library", "allowed"), [("genanki", "deckgen.anki.package"), ("typer", "deckgen.cli")])
def test_one_module_imports_each_heavy_library(library: str, allowed: str) -> None:
    users = sorted(
        name
        for name, path in _modules().items()
        if any(target == library or target.startswith(library + ".") for target, _ in runtime_imports(path))
    )
    assert users == [allowed]


def test_the_checker_sees_upward_imports_but_not_type_checking_ones() -> None:
    """The checker itself can fail: a core module importing the build stage is caught."""
    probe = "deckgen.core.probe"
    direct = [target for target, _ in imports_of("def f():\n    from deckgen.builder.pipeline import build\n", probe)]
    assert "deckgen.builder.pipeline" in direct
    assert LAYERS.index(_stage("deckgen.builder.pipeline")) > LAYERS.index(_stage(probe))
    relative = [target for target, _ in imports_of("from ..builder import pipeline\n", probe)]
    assert "deckgen.builder.pipeline" in relative
    hidden = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from deckgen.builder.pipeline import build\n"
    assert "deckgen.builder.pipeline" not in [target for target, _ in imports_of(hidden, probe)]
