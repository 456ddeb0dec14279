"""Size budgets and the engine's layering: short modules, classes and functions; no import
cycles; each subpackage imports only its own modules and more basic layers."""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from conftest import REPO

PACKAGE = "sitegen"

# The layout, most basic first: a module may import its own subpackage and lower rows only.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("sitegen.errors", "sitegen.project"),  # 0: top-level modules anyone may import
    ("sitegen.text",),  # 1: scripts, numbers, dates, sentence splitting
    ("sitegen.model",),  # 2: configuration, documents, the site model
    ("sitegen.align",),  # 3: paragraph and sentence alignment, timeline
    ("sitegen.ingest", "sitegen.render", "sitegen.output"),  # 4: peers, never each other
    ("sitegen.assemble",),  # 5: the stages of a build, held together
    ("sitegen.pipeline", "sitegen.check", "sitegen.publish", "sitegen.review"),  # 6: commands
    ("sitegen.preview",),  # 7: the live preview server
)
RANK: dict[str, int] = {layer: rank for rank, row in enumerate(LAYERS) for layer in row}

MODULE_LINES = 250
CLASS_LINES = 150
FUNCTION_LINES = 50  # but for `…parser` functions, which are argparse tables

Graph = dict[str, set[str]]
TYPE_CHECKING_GUARDS = ("TYPE_CHECKING", "typing.TYPE_CHECKING")  # `if …:` bodies skipped


def _report(what: str, offenders: list[str]) -> str:
    return f"{what} ({len(offenders)}):\n  " + "\n  ".join(offenders)


def find_modules(package_dir: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every `*.py` below `package_dir` (itself a package)."""
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def oversized(path: Path, name: str, *, classes: bool = True) -> Iterator[str]:
    """Classes and functions in `path` (shown as `name`) longer than their budget."""

    def walk(node: ast.AST, prefix: str) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            qualname = f"{prefix}{getattr(child, 'name', '')}"
            limit = 0
            if isinstance(child, ast.ClassDef) and classes:
                limit = CLASS_LINES
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                limit = 0 if child.name.endswith("parser") else FUNCTION_LINES
            if limit and isinstance(child, ast.stmt):
                length = (child.end_lineno or child.lineno) - child.lineno + 1
                if length > limit:
                    yield f"{name}:{child.lineno} {qualname} is {length} lines (budget {limit})"
            yield from walk(child, f"{qualname}." if hasattr(child, "name") else prefix)

    yield from walk(ast.parse(path.read_text(encoding="utf-8")), "")


def _runtime_imports(nodes: Iterable[ast.AST]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement in or below `nodes`, function bodies included, but for those
    only a type checker sees (`if TYPE_CHECKING:`)."""
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and ast.unparse(node.test) in TYPE_CHECKING_GUARDS:
            yield from _runtime_imports(node.orelse)
        else:
            yield from _runtime_imports(ast.iter_child_nodes(node))


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """`name` or its nearest enclosing package that is one of `modules`, if any."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(package_dir: Path) -> Graph:
    """Module -> the package's modules it imports at run time, relative imports resolved."""
    modules = find_modules(package_dir)
    graph: Graph = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        names: list[str] = []
        for node in _runtime_imports([ast.parse(path.read_text(encoding="utf-8"))]):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
                continue
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            for alias in node.names:
                names.append(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        targets = {_known(name, modules) for name in names}
        graph[module] = {target for target in targets if target and target != module}
    return graph


def _chains(graph: Graph, start: str) -> dict[str, list[str]]:
    """Breadth first: the shortest import chain from `start` to each module it reaches at run
    time, `start` itself included when it is on a cycle."""
    chains: dict[str, list[str]] = {}
    queue = deque([[start]])
    while queue:
        chain = queue.popleft()
        for target in sorted(graph.get(chain[-1], ())):
            if target not in chains:
                chains[target] = [*chain, target]
                if target != start:
                    queue.append(chains[target])
    return chains


def find_cycles(graph: Graph) -> list[str]:
    """One shortest cycle per tangle (modules that all reach each other), naming the whole
    tangle too when the cycle does not pass through all of it."""
    chains = {module: _chains(graph, module) for module in graph}
    cycles = []
    for module in sorted(graph):
        tangle = sorted(other for other in chains[module] if module in chains[other])
        if module in chains[module] and module == tangle[0]:
            cycle = chains[module][module]
            whole = f" (all tangled: {', '.join(tangle)})" if len(tangle) >= len(cycle) else ""
            cycles.append(" -> ".join(cycle) + whole)
    return cycles


def _layer(module: str) -> str | None:
    return next((key for key in RANK if module == key or module.startswith(f"{key}.")), None)


def layer_violations(graph: Graph) -> list[str]:
    """Imports that point sideways or up the LAYERS table, and modules missing from it."""
    offenders = []
    for module, targets in sorted(graph.items()):
        layer = _layer(module)
        if layer is None and targets:
            imported = ", ".join(sorted(targets))
            offenders.append(f"{module} is unplaced: not in LAYERS, yet imports {imported}")
        for target in sorted(targets) if layer else []:
            other = _layer(target)  # outside LAYERS: basic if it imports nothing, else unranked
            rank = RANK[other] if other else len(LAYERS) if graph[target] else 0
            if other != layer and rank >= RANK[layer]:
                short = (other or target).removeprefix(f"{PACKAGE}.")
                why = f"{layer.removeprefix(f'{PACKAGE}.')} may not import {short}"
                offenders.append(f"{module} imports {target} ({why})")
    return offenders


def _engine() -> dict[str, Path]:
    return find_modules(REPO / PACKAGE)


def test_modules_fit_the_budget() -> None:
    lengths = {n: len(p.read_text(encoding="utf-8").splitlines()) for n, p in _engine().items()}
    offenders = [f"{n} is {lines} lines" for n, lines in lengths.items() if lines > MODULE_LINES]
    assert not offenders, _report(f"modules over {MODULE_LINES} lines", offenders)


def test_classes_and_functions_fit_the_budget() -> None:
    offenders = [o for p in _engine().values() for o in oversized(p, str(p.relative_to(REPO)))]
    offenders += oversized(REPO / "build.py", "build.py", classes=False)
    assert not offenders, _report("classes or functions over budget", offenders)


def test_no_import_cycles() -> None:
    cycles = find_cycles(import_graph(REPO / PACKAGE))
    assert not cycles, _report("import cycles", cycles)


def test_layers_point_down() -> None:
    offenders = layer_violations(import_graph(REPO / PACKAGE))
    assert not offenders, _report("imports against the layering", offenders)


def test_the_checks_see_planted_offenders(tmp_path: Path) -> None:
    assert len(_engine()) >= 30, sorted(_engine())
    body = "    x = 1\n"
    files = {
        "__init__.py": "",
        "errors.py": "",
        "extra.py": "from . import errors, VERSION\n",
        "align/a.py": "from . import b\n",
        "align/b.py": "from .c import C\nfrom . import d\n",
        "align/d.py": "from .b import *\n",
        "align/c.py": "from sitegen.align import a\n",
        "model/site.py": "import sitegen.errors\n",
        "text/words.py": "def f():\n    from ..model import site\n",
        "render/__init__.py": "",
        "render/pages.py": "from ..output.staging import Staging\nfrom . import markup\n",
        "render/markup.py": "from ..text.words import f\n",
        "output/staging.py": (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..preview import x\n"
            "from sitegen.render import pages\n"
        ),
        "preview/x.py": "def long():\n" + body * 50 + "def make_parser():\n" + body * 60,
    }
    for rel_path, text in files.items():
        (tmp_path / PACKAGE / rel_path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / PACKAGE / rel_path).write_text(text, encoding="utf-8")
    graph = import_graph(tmp_path / PACKAGE)
    assert find_cycles(graph) == [
        "sitegen.align.a -> sitegen.align.b -> sitegen.align.c -> sitegen.align.a"
        " (all tangled: sitegen.align.a, sitegen.align.b, sitegen.align.c, sitegen.align.d)",
        "sitegen.output.staging -> sitegen.render.pages -> sitegen.output.staging",
    ]
    assert layer_violations(graph) == [
        "sitegen.extra is unplaced: not in LAYERS, yet imports sitegen, sitegen.errors",
        "sitegen.output.staging imports sitegen.render.pages (output may not import render)",
        "sitegen.render.pages imports sitegen.output.staging (render may not import output)",
        "sitegen.text.words imports sitegen.model.site (text may not import model)",
    ]
    assert list(oversized(tmp_path / PACKAGE / "preview/x.py", "x.py")) == [
        f"x.py:1 long is 51 lines (budget {FUNCTION_LINES})"
    ]
