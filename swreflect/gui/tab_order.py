"""Tab order that follows reading order: the order widgets sit in their layouts.

Qt's default chain is the order widgets were *created*, so anything built later (a template's
prompts, a session runner) landed at the end: after choosing Gibbs, Tab jumped from Template to
"Anything else" and a practitioner's reflection went into the wrong box. Here the chain is
rebuilt from the layouts themselves, top to bottom and left to right as laid out, whenever a
page's widgets change. Scroll areas that merely hold other controls stop being Tab stops.
"""

from __future__ import annotations

import itertools
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _items_in_order(layout: QLayout) -> list[QLayoutItem | None]:
    """A layout's items in reading order (form and grid items are stored in the order added,
    which differs from where they show when a row was inserted above)."""
    if isinstance(layout, QFormLayout):
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        return [layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles]
    if isinstance(layout, QGridLayout):
        cells: list[tuple[int, int, int]] = []
        for index in range(layout.count()):
            position = cast("tuple[int, int, int, int]", layout.getItemPosition(index))
            cells.append((position[0], position[1], index))
        return [layout.itemAt(index) for _r, _c, index in sorted(cells)]
    return [layout.itemAt(index) for index in range(layout.count())]


def _from_layout(layout: QLayout | None, out: list[QWidget]) -> None:
    if layout is None:
        return
    for item in _items_in_order(layout):
        if item is None:
            continue
        if item.widget() is not None:
            _collect(item.widget(), out)
        else:
            _from_layout(item.layout(), out)


def _collect(widget: QWidget | None, out: list[QWidget]) -> None:
    """Append ``widget``'s Tab stops in reading order (hidden ones too, so a widget shown
    later already has its place)."""
    if widget is None or widget.isWindow():
        return
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        inner: list[QWidget] = []
        _collect(widget.widget(), inner)
        if inner:
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a holder, not a stop
            out.extend(inner)
        elif _takes_tab(widget):
            out.append(widget)
        return
    if isinstance(widget, QTabWidget):
        out.append(widget.tabBar())
        for index in range(widget.count()):
            _collect(widget.widget(index), out)
        return
    if isinstance(widget, (QStackedWidget, QSplitter)):
        for index in range(widget.count()):
            _collect(widget.widget(index), out)
        return
    if _takes_tab(widget):
        if isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)  # arrows move within; Tab moves on
        out.append(widget)  # a control: its own parts are its business
        return
    layout = widget.layout()
    if layout is not None:
        _from_layout(layout, out)
        return
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        _collect(child, out)


def reading_order(root: QWidget) -> list[QWidget]:
    """The visible Tab stops under ``root`` in the order they are laid out."""
    out: list[QWidget] = []
    layout = root.layout()
    if isinstance(root, QScrollArea):
        _collect(root, out)  # a page that scrolls itself: its content, not the area
    elif layout is not None:
        _from_layout(layout, out)
    else:
        for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
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
