"""Tab order that follows reading order: where the controls are drawn, row by row.

Qt's default chain is the order widgets were *created*, so anything built later (a template's
prompts, a session runner) landed at the end: after choosing Gibbs, Tab jumped from Template to
"Anything else" and a practitioner's reflection went into the wrong box. Here the chain is
rebuilt from the widget tree whenever a page's widgets change: within each container, children
that share a row go left to right, rows go top to bottom, and a tall column on the left comes
before everything beside it. Scroll areas that merely hold other controls stop being Tab stops.

Only widgets are walked, never ``QLayoutItem``s: Qt deletes layout items behind Python's back,
and a cached item wrapper later pointed at reused memory (crashes while painting).
"""

from __future__ import annotations

import functools
import itertools

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _before(a: tuple[QRect, int], b: tuple[QRect, int]) -> int:
    """Reading order of two siblings: same row (either's middle within the other) → left
    first; otherwise the higher one first; ties keep creation order."""
    ra, rb = a[0], b[0]
    same_row = (
        ra.top() <= rb.center().y() <= ra.bottom() or rb.top() <= ra.center().y() <= rb.bottom()
    )
    if same_row and ra.left() != rb.left():
        return -1 if ra.left() < rb.left() else 1
    if not same_row and ra.top() != rb.top():
        return -1 if ra.top() < rb.top() else 1
    return a[1] - b[1]


def _children(widget: QWidget) -> list[QWidget]:
    found = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [child for child in found if not child.isWindow()]


def _collect(widget: QWidget, out: list[QWidget]) -> None:
    """Append ``widget``'s Tab stops in reading order (hidden ones too, so a widget shown
    later already has a place)."""
    if isinstance(widget, QScrollArea):
        content = widget.widget()
        inner: list[QWidget] = []
        if content is not None:
            _collect(content, inner)
        if inner:
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a holder, not a stop
            out.extend(inner)
        elif _takes_tab(widget):
            out.append(widget)
        return
    if isinstance(widget, QTabWidget):
        out.append(widget.tabBar())
        for index in range(widget.count()):
            page = widget.widget(index)
            if page is not None:
                _collect(page, out)
        return
    if isinstance(widget, QStackedWidget):
        for index in range(widget.count()):
            page = widget.widget(index)
            if page is not None:
                _collect(page, out)
        return
    if _takes_tab(widget):
        if isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)  # arrows move within; Tab moves on
        out.append(widget)  # a control: its own parts are its business
        return
    for child in _in_reading_order(_children(widget)):
        _collect(child, out)


def _in_reading_order(widgets: list[QWidget]) -> list[QWidget]:
    keyed = [(w.geometry(), n) for n, w in enumerate(widgets)]

    def compare(i: int, j: int) -> int:
        return _before(keyed[i], keyed[j])

    order = sorted(range(len(widgets)), key=functools.cmp_to_key(compare))
    return [widgets[i] for i in order]


def reading_order(root: QWidget) -> list[QWidget]:
    """The Tab stops under ``root`` in reading order (``root`` itself is never one)."""
    out: list[QWidget] = []
    if isinstance(root, QScrollArea):
        _collect(root, out)
    else:
        for child in _in_reading_order(_children(root)):
            _collect(child, out)
    seen: set[int] = set()
    unique = []
    for widget in out:
        if id(widget) not in seen:
            seen.add(id(widget))
            unique.append(widget)
    return unique


def chain_in_reading_order(root: QWidget, after: QWidget | None = None) -> list[QWidget]:
    """Set the Tab chain under ``root`` to its reading order, starting just after ``after``
    (the control before the page, e.g. the window's Lock button); returns that order."""
    order = reading_order(root)
    if after is not None and order:
        QWidget.setTabOrder(after, order[0])
    for first, second in itertools.pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
