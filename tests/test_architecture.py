"""The layer, no-network and no-Qt rules of docs/architecture.md, checked mechanically.

1. An AST scan of every module under ``swreflect/`` (``tests/layering.py``): every import,
   including those inside functions, under ``TYPE_CHECKING`` and through ``importlib``, must
   follow the layer table; no module imports a network library; only ``gui/`` imports Qt.
2. The scan is fed small deliberate violations and must report each one, so it cannot pass by
   seeing nothing.
3. The Qt-free layers really import without PySide6, in a fresh interpreter (catches an import
   the scan can't see, such as a dependency that pulls Qt in).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import layering

PACKAGE = Path(__file__).resolve().parents[1] / "swreflect"
SOURCES = layering.package_sources(PACKAGE)
QT_FREE = ["models", "platform", "core", "vault", "signing", "export", "cli"]


def test_every_module_is_in_a_known_layer_and_the_scan_reads_them_all() -> None:
    assert len(SOURCES) > 150
    units = {rel.split("/")[0].removesuffix(".py") for rel in SOURCES}
    assert units <= set(layering.ALLOWED), units - set(layering.ALLOWED)
    assert {"models", "core", "vault", "gui", "cli"} <= units


def test_every_import_follows_the_layer_table() -> None:
    problems = layering.check_sources(SOURCES)
    assert not problems, "\n".join(str(p) for p in problems)


# Each sample breaks exactly one rule; the checker must name that rule at that line.
VIOLATIONS = {
    "Qt imported inside a core function": (
        "core/clock.py",
        "def later():\n    from PySide6.QtCore import QTimer\n    return QTimer\n",
        "qt",
        2,
    ),
    "a platform module importing Qt at module level": (
        "platform/newmod.py",
        "import PySide6.QtGui\n",
        "qt",
        1,
    ),
    "vault importing core": (
        "vault/recovery.py",
        "from swreflect.core.deidentify import scan\n",
        "layer",
        1,
    ),
    "vault importing core through a relative import": (
        "vault/journal/rows.py",
        "from ...core import clock\n",
        "layer",
        1,
    ),
    "a network import inside a function": (
        "export/cpd.py",
        "def f():\n    import socket\n    return socket\n",
        "network",
        2,
    ),
    "a network import through importlib": (
        "core/x.py",
        "import importlib\nmod = importlib.import_module('urllib.request')\n",
        "network",
        2,
    ),
    "models importing the vault under TYPE_CHECKING": (
        "models/journal.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from swreflect.vault.vault import Vault\n",
        "layer",
        3,
    ),
    "the gui reaching the vault from a new module": (
        "gui/new_panel.py",
        "import swreflect.vault.backups\n",
        "layer",
        1,
    ),
    "the shell controller naming the vault for a type annotation": (
        "gui/controller.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from swreflect.vault.vault import Vault\n",
        "layer",
        3,
    ),
    "an export command reaching the PDF code lazily": (
        "cli/export_cmds.py",
        "def cmd():\n    from swreflect.export.pdf_record import export_record_pdf\n",
        "layer",
        2,
    ),
    "a GUI panel importing a signing type": (
        "gui/signing/identity_panel.py",
        "from swreflect.signing.identity import IdentityCard\n",
        "layer",
        1,
    ),
    "the CLI's error mapping reaching the vault through a relative import": (
        "cli/__init__.py",
        "def f():\n    from ..vault.connection import user_error_for\n",
        "layer",
        2,
    ),
    "a signing module importing export": (
        "signing/records.py",
        "from swreflect.export import record_view\n",
        "layer",
        1,
    ),
    "cli importing gui lazily": (
        "cli/context.py",
        "def f():\n    __import__('swreflect.gui.launch')\n",
        "layer",
        2,
    ),
    "a module outside every layer": ("newpkg/thing.py", "x = 1\n", "layer", 1),
}


@pytest.mark.parametrize("case", sorted(VIOLATIONS))
def test_the_checker_reports_each_deliberate_violation(case: str) -> None:
    relpath, source, rule, line = VIOLATIONS[case]
    found = layering.check_module(relpath, source)
    assert [(v.rule, v.line) for v in found] == [(rule, line)], found


def test_allowed_arrows_are_not_reported() -> None:
    clean = {
        "core/a.py": "from swreflect.vault.vault import Vault\nfrom swreflect.models import vocab",
        "export/b.py": "from swreflect.signing.records import SignedRecord\n",
        "vault/c.py": "from swreflect.models.journal import Entry\nfrom ..platform import files\n",
        "gui/d.py": "from PySide6.QtCore import Qt\nfrom swreflect.core.services import Services\n",
        "app.py": "def main():\n    from swreflect.gui.launch import run_gui\n",
        "cli/e.py": "from swreflect import __version__\n",
    }
    assert layering.check_sources(clean) == []


IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
names = []
for layer in sys.argv[1:]:
    package = importlib.import_module(f"swreflect.{layer}")
    names.append(package.__name__)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
for single in ("swreflect.errors", "swreflect.paths", "swreflect.timefmt"):
    importlib.import_module(single)
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
    assert "swreflect.models.vocab" in report["imported"]
    assert "swreflect.cli.vault_cmds" in report["imported"]
    assert report["qt"] == [], f"PySide6 was imported by a Qt-free layer: {report['qt']}"


def test_no_import_circle_inside_the_gui() -> None:
    """Counting every import (lazy and TYPE_CHECKING ones too): a circle means two modules
    can only be understood, changed or tested together."""
    graph = layering.import_graph(SOURCES, "gui/")
    assert "swreflect.gui.controller" in graph
    assert "swreflect.gui.main_window" in graph["swreflect.gui.controller"]
    circles = layering.cycles(graph)
    assert not circles, "import circles in gui/: " + "; ".join(" <-> ".join(c) for c in circles)


def test_the_circle_finder_sees_a_lazy_and_a_type_checking_circle() -> None:
    sources = {
        "gui/a.py": "from swreflect.gui import b\n",
        "gui/b.py": "def later():\n    from swreflect.gui.c import C\n",
        "gui/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n",
        "gui/d.py": "from swreflect.gui import a\n",
        "gui/pages/__init__.py": "",
        "gui/pages/e.py": "from swreflect.gui.pages import f\n",
        "gui/pages/f.py": "from .e import thing\n",
    }
    assert layering.cycles(layering.import_graph(sources, "gui/")) == [
        ["swreflect.gui.a", "swreflect.gui.b", "swreflect.gui.c"],
        ["swreflect.gui.pages.e", "swreflect.gui.pages.f"],
    ]


def test_local_ipc_allowance_is_exactly_two_local_socket_classes() -> None:
    """gui/single_instance.py may use QLocalServer/QLocalSocket; anything else from QtNetwork,
    or the same import in any other module, is still a network violation."""
    allowed = "from PySide6.QtNetwork import QLocalServer, QLocalSocket\n"
    assert layering.check_module("gui/single_instance.py", allowed) == []
    tcp = "from PySide6.QtNetwork import QLocalServer, QTcpSocket\n"
    assert [v.rule for v in layering.check_module("gui/single_instance.py", tcp)] == ["network"]
    assert [v.rule for v in layering.check_module("gui/other.py", allowed)] == ["network"]


MODAL_CLASSES = {"QFileDialog", "QMessageBox", "QInputDialog", "QPrintDialog"}


def _modal_uses(source: str) -> set[str]:
    tree = ast.parse(source)
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    return names & MODAL_CLASSES


def test_every_modal_goes_through_the_one_dialog_seam() -> None:
    """Only gui/dialogs.py may open a file, message, input or print dialog, so every modal can
    be answered in advance by a test (and a forgotten answer fails instead of blocking)."""
    offenders = {
        rel: sorted(used)
        for rel, text in SOURCES.items()
        if rel != "gui/dialogs.py" and (used := _modal_uses(text))
    }
    assert not offenders, offenders
    assert _modal_uses("from PySide6.QtWidgets import QInputDialog\n") == {"QInputDialog"}
    assert _modal_uses("def f(w):\n    QFileDialog.getOpenFileName(w)\n") == {"QFileDialog"}


def test_private_things_have_one_look_defined_in_one_place() -> None:
    """The private/shared styling lives only in resources/styles/app.qss; widgets set the
    ``privacy`` property (look.set_privacy) and never carry their own private stylesheet."""
    styles = PACKAGE.parent / "resources" / "styles"
    app_qss = (styles / "app.qss").read_text(encoding="utf-8")
    for value in ("private", "shared", "surface"):
        assert f'QFrame[privacy="{value}"]' in app_qss
    selectors = ('[privacy="', '[role="private"')
    elsewhere = [
        p.name
        for p in styles.glob("*.qss")
        if p.name != "app.qss" and any(s in p.read_text(encoding="utf-8") for s in selectors)
    ]
    in_code = [rel for rel, text in SOURCES.items() if any(s in text for s in selectors)]
    assert elsewhere == [] and in_code == [], (elsewhere, in_code)
