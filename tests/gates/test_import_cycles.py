"""No import cycle inside ``lib/clusterlab`` (read from the source with ``ast``, nothing imported).

Every ``import``/``from ... import`` statement counts, wherever it stands: at module level, inside
a function (a lazy import), and under ``if TYPE_CHECKING:``. A type-only import does not run at
run time, but it still couples the two modules both ways - the layering this test protects.

An edge goes from a module to the module it names: ``from clusterlab.roughsets import errors``
is an edge to ``clusterlab.roughsets.errors`` (a submodule), ``from clusterlab.roughsets import
DecisionTable`` an edge to the package ``clusterlab.roughsets`` (its ``__init__``). The implicit
import of parent packages is not an edge: a package's ``__init__`` importing its own submodules
would otherwise make every submodule part of a cycle, although Python initialises the parent
first and such imports always work.
"""

from __future__ import annotations

import ast
from pathlib import Path

LIB = Path(__file__).resolve().parents[2] / "lib"
ROOT_PACKAGE = "clusterlab"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(LIB).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted((LIB / ROOT_PACKAGE).rglob("*.py"))}


def resolve(node: ast.ImportFrom, current: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = current.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The clusterlab modules that module ``name`` imports (anywhere in its source)."""
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = resolve(node, name, path.name == "__init__.py")
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        out |= {t for t in targets if t in known and t != name}
    return out


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the directed graph as a list of modules (first = last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports(name, path, known) for name, path in mods.items()}


def test_the_finder_sees_cycles() -> None:
    # a hand-made graph: a -> b -> c -> a is a cycle, d -> a is not part of it
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_parser_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from clusterlab.roughsets.table import DecisionTable\n"
        "def f():\n    from . import errors\n    import clusterlab.data\n"
    )
    path = tmp_path / "rules.py"
    path.write_text(source)
    known = {"clusterlab.roughsets.table", "clusterlab.roughsets.errors", "clusterlab.data"}
    assert imports("clusterlab.roughsets.rules", path, known) == known


def test_no_import_cycle_inside_clusterlab() -> None:
    graph = import_graph()
    assert "clusterlab.roughsets.table" in graph  # the walk found the library
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
