"""The PDF libraries load ahead of the first export on the UI thread, a module per turn of the
event loop, never in a pool thread (an import there while the UI thread used Qt crashed GUI
test runs). Checked in a fresh interpreter for both places that start it: building the Exports
page, and the Agreements page showing an agreed record. An import hook records the thread of
every reportlab/pyHanko/asn1crypto import, whoever makes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys, threading, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
LIBRARIES = {"reportlab", "pyhanko", "pyhanko_certvalidator", "asn1crypto"}
seen = []

class Recorder:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in LIBRARIES:
            seen.append(threading.current_thread() is threading.main_thread())
        return None

def build_exports_page():
    from swreflect.gui.pages.export_page import ExportPage, ExportSources
    nothing = lambda *_args: []
    return ExportPage(sources=ExportSources(nothing, nothing, nothing, dict))

def build_agreements_page():
    from swreflect.core.clock import FakeClock
    from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
    from tests.signing.conftest import open_services
    from tests.signing.sessions import pair_people
    from tests.wiring.conftest import agree_a_session
    folder, clock = Path(sys.argv[2]), FakeClock()
    sam = open_services(folder / "sam", clock, "Sam Okafor", "supervisor")
    priya = open_services(folder / "priya", clock, "Priya Shah", "supervisee")
    priya_id, _ = pair_people(sam, priya)
    record_id = agree_a_session(sam, priya, priya_id)
    page = AgreementInboxPage(sam)
    page.show()
    page.select_record(record_id)
    return page

build = build_exports_page if sys.argv[1] == "exports" else build_agreements_page
from swreflect.core.record_export import PDF_MODULES
from swreflect.export.fonts import REGULAR
already = sorted(m for m in sys.modules if m.split(".")[0] in LIBRARIES)
sys.meta_path.insert(0, Recorder())
page = build()
built = sorted(m for m in sys.modules if m.split(".")[0] in LIBRARIES)

def font_ready():
    if "reportlab.pdfbase.pdfmetrics" not in sys.modules:
        return False
    return REGULAR in sys.modules["reportlab.pdfbase.pdfmetrics"].getRegisteredFontNames()

def loaded():
    return all(m in sys.modules for m in PDF_MODULES) and font_ready()

deadline = time.monotonic() + 120
while time.monotonic() < deadline and not loaded():
    app.processEvents()
    time.sleep(0.002)
print(json.dumps({
    "already": already, "built": built, "on_main": seen,
    "missing": [m for m in PDF_MODULES if m not in sys.modules], "font": font_ready(),
}))
"""


def _run(which: str, tmp_path: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, which, str(tmp_path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def _check(seen: dict[str, object]) -> None:
    assert seen["already"] == []  # nothing of the PDF libraries before: the test means something
    built = seen["built"]
    assert isinstance(built, list)
    assert not [m for m in built if m.startswith(("reportlab", "pyhanko"))]  # built lean
    assert seen["missing"] == [] and seen["font"] is True  # all loaded, the font registered
    on_main = seen["on_main"]
    assert isinstance(on_main, list) and len(on_main) > 50  # the hook saw the imports
    assert all(on_main), f"{on_main.count(False)} of {len(on_main)} imports ran off the UI thread"


def test_the_exports_page_loads_the_pdf_libraries_on_the_ui_thread(tmp_path: Path) -> None:
    _check(_run("exports", tmp_path))


def test_an_agreed_record_on_the_agreements_page_loads_them_on_the_ui_thread(
    tmp_path: Path,
) -> None:
    _check(_run("agreements", tmp_path))


def test_a_chain_runs_once_on_the_ui_thread_and_goes_on_past_a_failure(qtbot) -> None:
    import threading

    from swreflect.gui.ui_imports import ImportChain

    chain = ImportChain(("json", "swreflect.no_such_module", "csv"))
    assert chain.pending() == list(chain.modules) and not chain.started()
    chain.start()
    chain.start()  # a second start adds nothing
    qtbot.waitUntil(lambda: not chain.pending(), timeout=5000)
    assert [run.module for run in chain.ran] == list(chain.modules)
    assert {run.thread for run in chain.ran} == {threading.main_thread().name}
