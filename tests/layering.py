"""The layer rules of docs/architecture.md, as data, and a checker that reads every import.

The checker parses source text (it never imports the code), so it sees imports that only run
inside a function, under ``if TYPE_CHECKING:``, relative imports, and
``importlib.import_module("…")`` / ``__import__("…")`` calls with a literal name. Each import is
turned into the swreflect *unit* it reaches (``core``, ``vault``, ``models``, ``paths`` …) and
checked against ``ALLOWED``. Two more rules hold for every module: no network library anywhere,
and no Qt outside ``gui/`` (``app.py`` may reach the GUI only by importing ``swreflect.gui``).

``tests/test_architecture.py`` runs it over the real package and over small deliberate
violations, so a rule that stops catching anything fails there.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# The bottom: plain modules every layer may use. ``models`` may use only ``errors``.
BOTTOM = frozenset({"models", "platform", "errors", "paths", "timefmt", "records"})

# unit -> the other units it may import. Anything missing from a set is a wrong-way arrow.
ALLOWED: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "timefmt": frozenset(),
    # the record bases (``records.py``) import nothing of ours, so every layer may use them
    "records": frozenset(),
    "paths": frozenset({"errors", "records"}),
    "models": frozenset({"errors", "records"}),
    "platform": frozenset({"errors", "paths", "records"}),
    "vault": BOTTOM,
    "signing": BOTTOM,
    # export reads the signed-record contract from its sibling ``signing``
    "export": BOTTOM | {"signing"},
    "core": BOTTOM | {"vault", "signing", "export"},
    "cli": BOTTOM | {"core"},
    "gui": BOTTOM | {"core"},
    # the composition root starts one front end or the other
    "app": BOTTOM | {"cli", "gui"},
    "__main__": frozenset({"app"}),
    "__init__": frozenset(),
}

NETWORK = frozenset(
    {
        "socket",
        "ssl",
        "urllib",
        "http",
        "requests",
        "httpx",
        "aiohttp",
        "smtplib",
        "ftplib",
        "poplib",
        "imaplib",
        "telnetlib",
        "xmlrpc",
        "asyncio.streams",
        "webbrowser",
        "PySide6.QtNetwork",
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebSockets",
    }
)
# The one allowance: local IPC for the single-instance hand-over (an AF_UNIX socket or a named
# pipe, never TCP/IP), in exactly one module and for exactly these two classes.
LOCAL_IPC: Mapping[str, frozenset[str]] = {
    "gui/single_instance.py": frozenset(
        {
            "PySide6.QtNetwork",
            "PySide6.QtNetwork.QLocalServer",
            "PySide6.QtNetwork.QLocalSocket",
        }
    )
}
QT = frozenset({"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"})


@dataclass(frozen=True)
class Import:
    name: str  # absolute dotted name
    line: int


@dataclass(frozen=True)
class Violation:
    module: str  # e.g. "core/clock.py"
    line: int
    rule: str  # "layer", "network" or "qt"
    detail: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.rule}: {self.detail}"


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def imports_of(source: str, package: str) -> list[Import]:
    """Every import in ``source`` (a module in the dotted ``package``), anywhere in the file."""
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append(Import(module, node.lineno))
            found += [Import(f"{module}.{alias.name}", node.lineno) for alias in node.names]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            name = _literal(node.args[0])
            if called in ("import_module", "__import__") and name:
                found.append(Import(name, node.lineno))
    return found


def unit_of(dotted: str) -> str | None:
    """``swreflect.core.clock`` -> ``core``; ``None`` for anything outside swreflect.

    ``swreflect`` itself and names from it that are not units (``__version__``) are the package
    root, ``__init__``, which every module may read."""
    parts = dotted.split(".")
    if parts[0] != "swreflect":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else "__init__"


def _matches(name: str, roots: Iterable[str]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


def check_module(relpath: str, source: str) -> list[Violation]:
    """Violations in one module; ``relpath`` is its path under ``swreflect/`` (posix)."""
    dotted = "swreflect." + relpath.removesuffix(".py").replace("/", ".")
    is_package = relpath.endswith("__init__.py")
    dotted = dotted.removesuffix(".__init__")
    package = dotted if is_package else dotted.rpartition(".")[0]
    unit = relpath.split("/")[0].removesuffix(".py")
    allowed = ALLOWED.get(unit)
    problems: list[Violation] = []
    seen: set[tuple[int, str]] = set()
    if allowed is None:
        problems.append(Violation(relpath, 1, "layer", f"{unit!r} is not in the layer table"))
        allowed = frozenset()
    for imp in imports_of(source, package):
        target = unit_of(imp.name)
        found: list[tuple[str, str]] = []
        if _matches(imp.name, NETWORK) and imp.name not in LOCAL_IPC.get(relpath, frozenset()):
            found.append(("network", imp.name))
        if unit != "gui" and _matches(imp.name, QT):
            found.append(("qt", imp.name))
        if not (target in (None, unit, "__init__") or target in allowed):
            found.append(("layer", f"{unit} -> {target} ({imp.name})"))
        for rule, detail in found:
            # ``from a import b`` yields both ``a`` and ``a.b``: one report per line and rule
            if (imp.line, rule) not in seen:
                seen.add((imp.line, rule))
                problems.append(Violation(relpath, imp.line, rule, detail))
    return problems


def check_sources(sources: Mapping[str, str]) -> list[Violation]:
    return [v for rel, text in sorted(sources.items()) for v in check_module(rel, text)]


def package_sources(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.py"))
    }


def _dotted(relpath: str) -> tuple[str, str]:
    """(module's dotted name, the package its relative imports start from)."""
    dotted = "swreflect." + relpath.removesuffix(".py").replace("/", ".")
    if relpath.endswith("__init__.py"):
        dotted = dotted.removesuffix(".__init__")
        return dotted, dotted
    return dotted, dotted.rpartition(".")[0]


def import_graph(sources: Mapping[str, str], under: str) -> dict[str, set[str]]:
    """Module -> modules it imports (anywhere in the file), for the modules below ``under``
    (a path prefix such as ``"gui/"``), counting only imports between those modules."""
    names = {_dotted(rel)[0]: rel for rel in sources if rel.startswith(under)}
    graph: dict[str, set[str]] = {name: set() for name in names}
    for name, rel in names.items():
        for imp in imports_of(sources[rel], _dotted(rel)[1]):
            target = imp.name
            while target and target not in names:
                target = target.rpartition(".")[0]
            # a package's own __init__ is where its submodules live, not an arrow back
            if target and target != name and not name.startswith(target + "."):
                graph[name].add(target)
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other round in a circle (Tarjan's algorithm,
    iteratively), each sorted, largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return sorted(found, key=len, reverse=True)
