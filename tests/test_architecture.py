"""The layering promises of ARCHITECTURE.md §3 and SECURITY.md row 8, checked mechanically.

1. ``core``, ``vault``, ``signing``, ``export`` and ``cli`` import without PySide6, in a fresh
   interpreter (so nothing else in the test session has imported it first).
2. No module under ``swreflect/`` imports a network library (an AST scan of every file). The
   one exception is local IPC: ``gui/single_instance.py`` may import exactly ``QLocalServer``
   and ``QLocalSocket`` from QtNetwork (an AF_UNIX socket or a named pipe, never TCP/IP).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "swreflect"
QT_FREE = ["core", "vault", "signing", "export", "cli"]
FORBIDDEN = {
    "socket",
    "ssl",
    "urllib",
    "http",
    "requests",
    "httpx",
    "aiohttp",
    "smtplib",
    "ftplib",
    "xmlrpc",
    "webbrowser",
    "PySide6.QtNetwork",
}

IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
names = []
for layer in sys.argv[1:]:
    package = importlib.import_module(f"swreflect.{layer}")
    names.append(package.__name__)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6."))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_qt_free_layers_import_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *QT_FREE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PACKAGE.parent,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "swreflect.vault.vault" in report["imported"]
    assert "swreflect.cli.vault_cmds" in report["imported"]
    assert report["qt"] == [], f"PySide6 was imported by a Qt-free layer: {report['qt']}"


def _imports(tree: ast.AST) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    return found


def _forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


MODULES = sorted(PACKAGE.rglob("*.py"))
# The only network-library names allowed anywhere, and only in this one module.
LOCAL_IPC = {
    "gui/single_instance.py": {
        "PySide6.QtNetwork",
        "PySide6.QtNetwork.QLocalServer",
        "PySide6.QtNetwork.QLocalSocket",
    }
}


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_module_imports_a_network_library(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    allowed = LOCAL_IPC.get(path.relative_to(PACKAGE).as_posix(), set())
    bad = sorted({name for name in _imports(tree) if _forbidden(name)} - allowed)
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_local_ipc_exception_is_exactly_local_sockets() -> None:
    """The allowance admits QLocalServer/QLocalSocket and nothing else from QtNetwork."""
    allowed = LOCAL_IPC["gui/single_instance.py"]
    sample = ast.parse("from PySide6.QtNetwork import QLocalServer, QTcpSocket\nimport socket\n")
    bad = {name for name in _imports(sample) if _forbidden(name)} - allowed
    assert bad == {"PySide6.QtNetwork.QTcpSocket", "socket"}


def test_the_scanner_catches_every_form() -> None:
    sample = ast.parse(
        "import socket\nfrom urllib.parse import quote\nfrom PySide6 import QtNetwork\n"
        "import http.client as h\nimportlib.import_module('ssl')\n"
    )
    bad = {name for name in _imports(sample) if _forbidden(name)}
    assert {"socket", "urllib.parse", "PySide6.QtNetwork", "http.client", "ssl"} <= bad
