"""Printing the recovery key with QtPrintSupport (imported only when someone prints)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextDocument

from swreflect.core.recovery_sheet import sheet_html


def print_recovery_key(printer: Any, recovery_key: str, made_on: str) -> None:
    """Send the same content as the PDF sheet (``core.recovery_sheet``) to ``printer``."""
    document = QTextDocument()
    document.setHtml(sheet_html(recovery_key, made_on))
    document.print_(printer)
    document.clear()
