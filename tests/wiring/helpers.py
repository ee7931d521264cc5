"""Small helpers shared by the wiring tests: PDF text, screenshots in both schemes."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QWidget

from swreflect.gui.style import apply_style
from tests import shots as shot_folder


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def shots(
    app: QApplication, widget: QWidget, name: str, size: tuple[int, int] = (1280, 720)
) -> None:
    """Grab ``widget`` at 1280x720 in the light and the dark scheme (with ``--shots DIR``)."""
    if shot_folder.folder() is None:
        return
    widget.resize(*size)
    for scheme in ("light", "dark"):
        apply_style(app, scheme)
        QApplication.processEvents()
        shot_folder.save(widget, f"wiring-{name}-{scheme}")
    apply_style(app, "light")
