"""Printing the recovery key with QtPrintSupport (imported only when someone prints)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtGui import QTextDocument

from swreflect.export.recovery_sheet import GUIDANCE, TITLE


def print_recovery_key(printer: Any, recovery_key: str, made_on: str) -> None:
    """Lay out the same content as the PDF sheet and send it to ``printer``."""
    groups = recovery_key.split("-")
    lines = ["&nbsp;&nbsp;".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
    html = (
        f"<h1>{escape(TITLE)}</h1><p>Made on {escape(made_on)}</p>"
        f"<p style='font-family: monospace; font-size: 16pt; font-weight: bold'>"
        f"{'<br>'.join(lines)}</p>"
        f"<p>{'<br>'.join(escape(s) for s in GUIDANCE)}</p>"
    )
    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)
    document.clear()
