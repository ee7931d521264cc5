"""Every control a person can reach has a name and a description, in every state of the app.

The rule (issue 12, UI.md "Accessibility"): each visible interactive widget (buttons, check
boxes, radio buttons, line and text edits, combo boxes, spin boxes, sliders, list/table/tree
views) needs

* a **name**: its ``accessibleName()``, or for a button its visible text (what a screen reader
  reads for it), and
* a **description**: ``accessibleDescription()`` or ``toolTip()``, saying what it does or
  what goes in it (the tooltip is what a mouse user gets; a screen reader reads either).

Qt's own inner parts of a composite widget (the line edit inside a spin box or an editable
combo, a tab bar's scroll arrows, scroll bars) belong to their outer widget, which is checked
instead. The walk is ``tests/gui/walk.py``: every page empty and populated, the templates,
the session runner and end screen, the dialogs and the gate screens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.gui.walk import State, walk

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
)
COMPOSITE = (QAbstractSpinBox, QComboBox, QTabBar, QScrollBar, QLineEdit, QAbstractItemView)


def _inner_part(widget: QWidget, window: QWidget) -> bool:
    if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, COMPOSITE) or parent.objectName().startswith("qt_"):
            # a combo's popup list and a spin box's line edit are parts of it
            return parent.objectName() != "qt_scrollarea_viewport"
        parent = parent.parentWidget()
    return False


def name_of(widget: QWidget) -> str:
    name = widget.accessibleName().strip()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "").strip()
    return name


def undescribed(state: State) -> list[str]:
    found = []
    window = state.window
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(window):
            continue
        if _inner_part(widget, window):
            continue
        name = name_of(widget)
        described = widget.accessibleDescription().strip() or widget.toolTip().strip()
        if not name or not described:
            what = type(widget).__name__
            label = name or widget.objectName() or "(no name)"
            missing = " and ".join(
                part for part, ok in (("name", name), ("description", described)) if not ok
            )
            found.append(f"{state.name}: {what} {label!r} has no {missing}")
    return found


def test_every_control_has_a_name_and_a_description(qtbot, styled_app, tmp_path: Path) -> None:
    found: list[str] = []
    count = 0
    for state in walk(tmp_path / "vault", (1024, 600)):
        count += 1
        found.extend(undescribed(state))
    assert count > 40
    unique = list(dict.fromkeys(found))
    assert unique == [], "\n".join(unique)


def test_the_rule_catches_a_bare_control(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    bare = QPushButton("Go")
    named_only = QLineEdit()
    named_only.setAccessibleName("Where")
    fine = QPushButton("Save")
    fine.setToolTip("Keep what you wrote.")
    for widget in (bare, named_only, fine):
        layout.addWidget(widget)
    window.show()
    found = undescribed(State("probe", window))
    assert found == [
        "probe: QPushButton 'Go' has no description",
        "probe: QLineEdit 'Where' has no description",
    ]


def test_empty_pages_explain_themselves_and_offer_the_first_step(
    qtbot, styled_app, tmp_path: Path
) -> None:
    """On a new vault, each page that can be empty shows an explanation and one enabled,
    visible first-step button (and no "Choose a record on the left")."""
    from PySide6.QtWidgets import QPushButton

    from swreflect.gui.empty_state import EmptyState

    seen: dict[str, str] = {}
    for state in walk(tmp_path / "vault", (1024, 600)):
        key = state.name.removesuffix("-empty")
        if not state.name.endswith("-empty") or key not in FIRST_STEPS:
            continue
        page = state.page
        assert page is not None
        cards = [c for c in page.findChildren(EmptyState) if c.isVisibleTo(page)]
        if cards:
            (card,) = cards
            assert len(card.text.text()) > 60, state.name  # a real explanation
            action = card.action
        else:  # Insights keeps its own card, with the same first-step button
            buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page)]
            action = next(b for b in buttons if b.property("role") == "primary")
        assert action.isEnabled() and action.isVisibleTo(page), state.name
        seen[key] = action.text()
        action.click()  # the first step really goes somewhere
        window = state.window
        went = window.current_key()  # type: ignore[attr-defined]
        assert went == WHERE_IT_GOES[key], state.name
        if key == "supervision":
            assert page.tabs.currentWidget() is page.person_form  # type: ignore[attr-defined]
    assert seen == FIRST_STEPS


WHERE_IT_GOES = {
    "journal": "journal",
    "supervision": "supervision",
    "agreements": "supervision",
    "actions": "supervision",
    "insights": "journal",
}
FIRST_STEPS = {
    "journal": "Write your first entry",
    "supervision": "Add a person",
    "agreements": "Go to Supervision",
    "actions": "Go to Supervision",
    "insights": "Write a journal entry",
}
