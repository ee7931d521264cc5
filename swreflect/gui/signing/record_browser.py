"""A read-only view of a record, laid out like its PDF (see ``core.record_outline``).

Used on the Agreements page and in the in-room read-back, so a record reads the same wherever
it is shown. Text is escaped: nothing a person typed is ever interpreted as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from swreflect.core.record_outline import Part, plain_text


def _html_text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def to_html(parts: Sequence[Part]) -> str:
    out = []
    for part in parts:
        tag = "h2" if part.level == 1 else "h3"
        out.append(f"<{tag}>{escape(part.heading)}</{tag}>")
        if part.table:  # label and value side by side
            out.append('<table cellspacing="0" cellpadding="2">')
            for line in part.lines:
                out.append(
                    f'<tr><td style="padding-right:12px"><i>{escape(line.label)}</i></td>'
                    f"<td>{_html_text(line.text)}</td></tr>"
                )
            out.append("</table>")
            continue
        for line in part.lines:
            style = ' style="font-weight:600"' if line.emphasis else ""
            if line.label:
                out.append(f"<p><i>{escape(line.label)}</i><br><span{style}>")
                out.append(f"{_html_text(line.text)}</span></p>")
            else:
                out.append(f"<p{style}>{_html_text(line.text)}</p>")
    return "".join(out)


class RecordBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setAccessibleName("The record, read-only")
        self.setAccessibleDescription("Exactly what will be signed. It can't be edited here.")
        self.setPlaceholderText("Choose a record on the left to read it.")
        self.outline_text = ""

    def show_parts(self, parts: Sequence[Part] | None) -> None:
        """Show a record's outline (from ``RecordService.outline``); None clears the view."""
        if not parts:
            self.clear()
            self.outline_text = ""
            return
        self.outline_text = plain_text(list(parts))
        self.setHtml(to_html(parts))
