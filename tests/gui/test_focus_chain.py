"""Tab follows reading order on every page, state and journal template, reaches every control,
and every kind of control shows that it has focus (pixels differ with and without it).

The chain is walked with real Tab presses from the window's Lock button until focus leaves
the page. Reading order is judged from where the controls are drawn: Tab may go right along a
row, down, or up into a column further right, never back up or left within the same column.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QWidget,
)

from swreflect.gui.main_window import MainWindow
from tests.gui.walk import State, walk

SLACK = 4


def _rect(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget`` sits in the laid-out content, ignoring how far any area is scrolled."""
    x = y = 0
    current: QWidget | None = widget
    while current is not None and current is not window:
        parent = current.parentWidget()
        scrolled = parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)
        if not (scrolled and parent is parent.parentWidget().viewport()):  # type: ignore[union-attr]
            x, y = x + current.x(), y + current.y()
        current = parent
    return QRect(QPoint(x, y), widget.size())


def _expected_stops(page: QWidget) -> set[int]:
    """Visible, enabled controls that take Tab focus and are not part of another control."""
    found = set()
    for widget in page.findChildren(QWidget):
        if not (widget.isVisibleTo(page) and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        parent = widget.parentWidget()
        inside_control = False
        while parent is not None and parent is not page:
            if parent.focusPolicy() & Qt.FocusPolicy.TabFocus:
                inside_control = True
                break
            parent = parent.parentWidget()
        if not inside_control and widget.focusProxy() is None:
            found.add(id(widget))
    return found


def walk_tab_chain(qtbot, state: State) -> tuple[list[QWidget], list[str]]:
    window, page = state.window, state.page
    assert page is not None and isinstance(window, MainWindow)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.lock_button.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    problems: list[str] = []
    for _press in range(200):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is current:
            continue  # a date edit moves between its day, month and year first
        if focused is None or not page.isAncestorOf(focused) or focused in stops:
            break
        stops.append(focused)
    if not stops and _expected_stops(page):
        problems.append(f"{state.name}: Tab from Lock doesn't enter the page")
    for before, after in itertools.pairwise(stops):
        a, b = _rect(before, window), _rect(after, window)
        up = b.top() < a.top() - SLACK
        same_column = b.left() < a.right() - SLACK
        backwards_in_row = abs(b.top() - a.top()) <= SLACK and b.left() < a.left() - SLACK
        if (up and same_column) or backwards_in_row:
            problems.append(f"{state.name}: Tab goes back from {_name(before)} to {_name(after)}")
    missed = _expected_stops(page) - {id(w) for w in stops}
    for widget in page.findChildren(QWidget):
        if id(widget) in missed:
            problems.append(f"{state.name}: Tab never reaches {_name(widget)}")
    return stops, problems


def unmarked_focus(qtbot, state: State, stops: list[QWidget], seen: set[str]) -> list[str]:
    """Controls that look the same with and without focus (one of each kind is enough)."""
    problems = []
    window = state.window
    assert isinstance(window, MainWindow)
    for stop in stops:
        kind = f"{type(stop).__name__}/{stop.property('role')}/{stop.isEnabled()}"
        if kind in seen:
            continue
        seen.add(kind)
        window.lock_button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda w=stop: not w.hasFocus(), timeout=5000)
        without = stop.grab().toImage()
        stop.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(stop.hasFocus, timeout=5000)
        with_focus = stop.grab().toImage()
        if without == with_focus:
            problems.append(f"{state.name}: {_name(stop)} shows no focus")
    return problems


def _name(widget: QWidget) -> str:
    text = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
    return f"{type(widget).__name__}({text[:40]!r})"


def test_tab_follows_reading_order_everywhere(qtbot, styled_app, tmp_path: Path) -> None:
    problems: list[str] = []
    seen: set[str] = set()
    walked = 0
    templates = 0
    for state in walk(tmp_path / "vault", (1024, 600)):
        if state.page is None:
            continue
        stops, found = walk_tab_chain(qtbot, state)
        problems.extend(found)
        problems.extend(unmarked_focus(qtbot, state, stops, seen))
        walked += 1
        templates += state.name.startswith("journal-template-")
    assert walked >= 20 and templates >= 5
    assert problems == [], "\n".join(problems)
