"""How shared and private things look, kept in one place so every screen agrees.

Private notes carry a lock glyph, the words "Private to you" and a tinted background; shared
notes say "Shared record". Colour is never the only signal. The tint is translucent so it reads
in light and dark palettes. The rules live in one place, ``resources/styles/app.qss``
(``QFrame[privacy=...]``); widgets only set the property through ``set_privacy``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QDateEdit, QLayout, QWidget

from swreflect.gui.journal.lock_glyph import lock_pixmap as journal_lock_pixmap

SHARED_GLYPH = "\u270e"
PRIVATE_LABEL = "Private to you: never shared or exported"
SHARED_LABEL = f"{SHARED_GLYPH} Shared record: goes into the record you both agree"

# Edges and glyphs: one colour each with at least 3:1 on the light and the dark window.
PRIVATE_ACCENT = "#8466d0"
SHARED_ACCENT = "#2f8f7c"


def set_privacy(frame: QWidget, visibility: str) -> None:
    """Restyle ``frame`` for ``"shared"``, ``"private"`` or ``"surface"`` (a whole private page),
    re-polished so it shows at once. The look itself is in resources/styles/app.qss."""
    frame.setProperty("privacy", visibility)
    style = frame.style()
    style.unpolish(frame)
    style.polish(frame)
    frame.update()


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout`` (used before rebuilding a list)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def lock_pixmap(size: int = 16, colour: str = PRIVATE_ACCENT) -> QPixmap:
    """The private marker: the same padlock the journal draws, so private looks alike everywhere."""
    return journal_lock_pixmap(size, QColor(colour))


def lock_icon(size: int = 16) -> QIcon:
    return QIcon(lock_pixmap(size))


def to_date(value: QDate) -> date:
    """A QDate as a ``datetime.date`` (typed, unlike ``toPython``)."""
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(name: str, value: QDate, description: str = "") -> QDateEdit:
    """A date field with a calendar pop-up, shown the same way ("3 Mar 2026") on every screen."""
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    edit.setToolTip(
        description or "Type a date, or press Alt+Down (or the arrow) to choose it on a calendar."
    )
    return edit
