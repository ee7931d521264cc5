"""Loading the PDF libraries and font before the first export, so that it is as quick as the rest.

Started when the Exports page is built and when the Agreements page first shows an agreed record
(once per process). reportlab and pyHanko load on the UI thread, a module per turn of the event
loop in dependency order (``core.record_export.PDF_MODULES``), never in a pool thread: a
background import of them crashed GUI test runs while the UI thread used Qt
(``ui_imports.ImportChain``). The last step loads the font and the page styles.
"""

from __future__ import annotations

from types import ModuleType

from swreflect.core import record_export
from swreflect.gui.ui_imports import ImportChain

LAST = record_export.PDF_MODULES[-1]


def _font_and_styles(_module: ModuleType) -> None:
    record_export.warm_up_pdf()  # everything is loaded by now: this only reads the font


chain = ImportChain(record_export.PDF_MODULES, after={LAST: _font_and_styles})


def start() -> None:
    """Begin loading (once per process; later calls do nothing)."""
    chain.start()
