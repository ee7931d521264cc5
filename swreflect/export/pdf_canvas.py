"""The page furniture of a swreflect PDF, drawn once the page count is known.

reportlab lays pages out one at a time, so "page 3 of 7" and a contents page listing where each
record starts can only be drawn at the end. ``RecordCanvas`` keeps each finished page's state,
then at ``save`` draws the header, the footer (page number, record id, verification code) and any
contents rows onto it. Single pass, no re-layout: a batch of many records stays fast.

Imported only from inside the export functions (it imports reportlab at module level).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from swreflect.export.fonts import BOLD, REGULAR
from swreflect.export.record_view import CONFIDENTIAL_HEADER

INK = HexColor("#1f2a36")
MUTED = HexColor("#5b6673")
RULE = HexColor("#c9d1da")
MARGIN = 20 * mm
CONTENTS_ROW = 7 * mm
FRAME_PAD = 6  # platypus frames pad their content by 6 points


@dataclass(frozen=True)
class ContentsRow:
    key: str
    date: str
    parties: str
    kind: str


class RecordCanvas(Canvas):
    """A canvas that defers header, footer and contents drawing until ``save``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = REGULAR  # no stray, unembedded Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.swr_footer = ""
        self.swr_starts: dict[str, int] = {}
        self.swr_contents: dict[int, tuple[float, list[ContentsRow]]] = {}

    def showPage(self) -> None:
        self._pages.append(
            {
                **self.__dict__,
                "swr_page_footer": self.swr_footer,
            }
        )
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            footer = state["swr_page_footer"]
            self.__dict__.update(state)
            self._draw_furniture(footer, total)
            rows = self.swr_contents.get(self._pageNumber)
            if rows:
                self._draw_contents(*rows)
            super().showPage()
        super().save()

    # ------------------------------------------------------------------ drawing
    def _draw_furniture(self, footer: str, total: int) -> None:
        width, height = self._pagesize
        left, right = MARGIN + FRAME_PAD, width - MARGIN - FRAME_PAD
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(BOLD, 8.5)
        self.drawString(left, height - 12 * mm, CONFIDENTIAL_HEADER)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(left, height - 14 * mm, right, height - 14 * mm)
        self.line(left, 15 * mm, right, 15 * mm)
        self.setFont(REGULAR, 8)
        self.drawString(left, 10 * mm, footer)
        self.drawRightString(right, 10 * mm, f"Page {self._pageNumber} of {total}")
        self.restoreState()

    def _draw_contents(self, top: float, rows: list[ContentsRow]) -> None:
        width = self._pagesize[0]
        left, right = MARGIN + FRAME_PAD, width - MARGIN - FRAME_PAD
        self.saveState()
        self.setFillColor(INK)
        y = top
        for row in rows:
            page = self.swr_starts.get(row.key)
            page_text = str(page) if page else ""
            self.setFont(REGULAR, 10)
            self.drawString(left, y, row.date)
            self.drawString(left + 42 * mm, y, _fit(self, row.parties, 88 * mm, 10))
            self.setFillColor(MUTED)
            self.setFont(REGULAR, 9)
            self.drawString(left + 134 * mm, y, row.kind)
            self.setFillColor(INK)
            self.setFont(BOLD, 10)
            self.drawRightString(right, y, page_text)
            if page:
                self.linkRect(
                    "", row.key, (left, y - 2, right, y + 9), name=f"go-{row.key}", relative=0
                )
            y -= CONTENTS_ROW
        self.restoreState()


def _fit(canvas: Canvas, value: str, width: float, size: float) -> str:
    """``value`` shortened with an ellipsis so it fits ``width`` points."""
    if canvas.stringWidth(value, REGULAR, size) <= width:
        return value
    while value and canvas.stringWidth(value + "…", REGULAR, size) > width:
        value = value[:-1]
    return value + "…"


class RecordStart(Flowable):
    """Invisible marker where a record begins: sets the footer and a bookmark."""

    def __init__(self, key: str, footer: str, outline_title: str) -> None:
        super().__init__()
        self.key = key
        self.footer = footer
        self.outline_title = outline_title
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.swr_footer = self.footer
        canvas.swr_starts[self.key] = canvas.getPageNumber()
        canvas.bookmarkPage(self.key)
        canvas.addOutlineEntry(self.outline_title, self.key, level=0)


class ContentsBlock(Flowable):
    """Reserves the space of one contents page; its rows are drawn at ``save``."""

    def __init__(self, rows: list[ContentsRow], height: float) -> None:
        super().__init__()
        self.rows = rows
        self.block_height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, min(self.block_height, avail_height)

    def draw(self) -> None:
        canvas = self.canv
        _x, top = canvas.absolutePosition(0, self.block_height - 10)
        canvas.swr_contents[canvas.getPageNumber()] = (top, self.rows)
