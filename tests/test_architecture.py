"""The house rules that keep the tree readable: the flow of imports, and the size of files and functions."""

import ast
import subprocess
import sys
from pathlib import Path

import frontline

SRC = Path(frontline.__file__).parent

# Each package or top-level module by its place in the flow (docs/ARCHITECTURE.md): a module may import its own
# rank and lower ranks, never higher. The package's __init__ is left out: it names the public surface lazily.
RANK = {
    "errors": 0, "models": 0, "vocab": 0, "textguard": 0, "version": 0, "registry": 0, "batches": 0,
    "sources": 1, "clean": 1,
    "nlp": 2, "geo": 2,
    "mentions": 3,
    "triggers": 4,
    "events": 5,
    "pipeline": 6,
    "corpus": 7, "runner": 7,
    "store": 8,
    "export": 9, "evaluation": 9,
    "api": 10, "report": 10,
    "serve": 11, "web": 11,
    "cli": 12,
}
MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    return {".".join(p.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__"): p
            for p in SRC.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """The frontline modules a module imports, at the top or inside a function (a lazy import still depends)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    modules = _modules()
    return {m for m in found if m in modules and m != name}


def _rank(module: str) -> int | None:
    parts = module.split(".")
    return RANK.get(parts[1]) if len(parts) > 1 else None


def test_every_package_and_module_has_a_place_in_the_flow():
    unplaced = sorted(m for m in _modules() if m != "frontline" and _rank(m) is None)
    assert unplaced == []


def test_no_import_runs_against_the_flow():
    upward = []
    for name, path in _modules().items():
        if name == "frontline":
            continue
        for target in _imports(name, path):
            if target != "frontline" and _rank(target) > _rank(name):
                upward.append(f"{name} -> {target}")
    assert sorted(upward) == []


def test_no_import_cycles():
    graph = {name: {t for t in _imports(name, path) if t != "frontline"} for name, path in _modules().items()}
    done: set[str] = set()
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            cycles.append(" -> ".join(trail[trail.index(node):] + [node]))
            return
        if node in done:
            return
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, trail + [node])
        done.add(node)

    for start in sorted(graph):
        visit(start, [])
    assert cycles == []


def test_the_tree_shows_the_flow():
    top = [p for p in SRC.glob("*.py")]
    packages = [p for p in SRC.iterdir() if (p / "__init__.py").exists()]
    assert len(top) <= 15, sorted(p.name for p in top)
    assert len(packages) >= 6


def test_no_long_files_or_functions():
    long_files, long_functions = [], []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_FILE_LINES:
            long_files.append(name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and \
                    node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                long_functions.append(f"{name}.{node.name}")
    assert (long_files, long_functions) == ([], [])


def test_reading_a_store_or_writing_an_export_loads_no_model():
    """The API, the CLI, the export registry and the REST app import no spaCy or torch until a pipeline loads.

    A process that only reads a store or writes an export (and the client beside a Dask cluster) starts in half
    a second instead of two: a package ``__init__`` that re-exported its spaCy modules once undid this.
    """
    code = ("import sys, frontline.api, frontline.cli, frontline.export.formats, frontline.serve.app; "
            "print(sorted(m for m in ('spacy', 'torch', 'thinc') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_no_private_name_crosses_a_module():
    """A name another module needs is public: ``from frontline.x import _y`` and ``x._y`` are both refused."""
    borrowed = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("frontline"):
                borrowed += [f"{name}: {node.module}.{a.name}" for a in node.names
                             if a.name.startswith("_") and not a.name.startswith("__")]
                modules |= {a.asname or a.name for a in node.names}
            elif isinstance(node, ast.Import):
                modules |= {(a.asname or a.name).split(".")[0] for a in node.names if a.name.startswith("frontline")}
        borrowed += [f"{name}: {node.value.id}.{node.attr}" for node in ast.walk(tree)
                     if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                     and node.value.id in modules and node.attr.startswith("_") and not node.attr.startswith("__")]
    assert borrowed == []
