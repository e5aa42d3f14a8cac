"""The packages read in one direction: no import cycle, and every import of a project module at the
top of its file (a function-level import hides a cycle instead of removing it).

Static (``ast``), so nothing is imported. To cover another package, add it to ``PACKAGES``.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["graph", "ui", "cancu", "ingest"]       # checked for cycles and function-level imports
PROJECT = {"graph", "ui", "cancu", "ingest"}        # what counts as a project module


@dataclass(frozen=True)
class Import:
    source: str      # the importing module
    target: str      # the project module imported
    line: int
    nested: bool     # inside a function (or class) body


def module_files() -> dict[str, Path]:
    """Dotted name → file of every module of the project packages."""
    out = {}
    for pkg in PROJECT:
        for f in sorted((ROOT / pkg).rglob("*.py")):
            parts = f.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = f
    return out


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The project module an imported dotted name lives in (``graph.api.KnowledgeGraph`` → ``graph.api``)."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, path: Path, known: dict[str, Path]) -> list[Import]:
    """The project modules ``module`` imports, wherever in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[Import] = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[:len(anchor) - (child.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                names = [f"{base}.{a.name}" for a in child.names] if base else []
            for n in names:
                if n.split(".")[0] in PROJECT:
                    target = _resolve(n, known)
                    if target and target != module:
                        out.append(Import(module, target, child.lineno, nested))
            visit(child, inner)
    visit(tree, False)
    return out


def import_graph(packages=PACKAGES) -> dict[str, list[Import]]:
    known = module_files()
    return {m: imports_of(m, f, known) for m, f in known.items() if m.split(".")[0] in packages}


def cycles(graph: dict[str, list[Import]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    edges = {m: sorted({i.target for i in imps if i.target in graph}) for m, imps in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    for v in sorted(edges):
        if v not in index:
            strong(v)
    return out


def test_the_checker_sees_a_cycle_and_a_nested_import(tmp_path):
    a = tmp_path / "a.py"
    a.write_text("from graph import b\n\ndef f():\n    from graph import c\n")
    known = {"graph.a": a, "graph.b": a, "graph.c": a}
    imps = imports_of("graph.a", a, known)
    assert [(i.target, i.nested) for i in imps] == [("graph.b", False), ("graph.c", True)]
    g = {"graph.a": [Import("graph.a", "graph.b", 1, False)], "graph.b": [Import("graph.b", "graph.a", 1, True)],
         "graph.c": []}
    assert cycles(g) == [["graph.a", "graph.b"]]


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle(package):
    found = [c for c in cycles(import_graph()) if any(m.split(".")[0] == package for m in c)]
    assert not found, f"import cycles: {found}"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_function_level_import_of_a_project_module(package):
    nested = [f"{i.source}:{i.line} imports {i.target}" for imps in import_graph([package]).values()
              for i in imps if i.nested]
    assert not nested, "imports inside functions:\n" + "\n".join(nested)


@pytest.mark.parametrize("pkg", ["ingest", "graph"])
def test_no_function_over_80_lines(pkg):
    """Long functions are split along the seams their comments mark (issue 10); none in ingest/ or
    graph/ is over 80 lines."""
    long = []
    for path in sorted((ROOT / pkg).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 80:
                long.append(f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []
