"""Small builders for the recurring pieces of the look (titles, hints, calm messages).

Styling is by role property (``QLabel[role="hint"]`` in the stylesheet), so screens say what a
label *is* and the stylesheet decides how it looks in light and dark.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a role/kind property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def label(text: str, role: str | None = None, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setIndent(0)
    if role:
        widget.setProperty("role", role)
    return widget


def field_label(text: str, buddy: QWidget | None = None) -> QLabel:
    """A short label for a form row (no wrapping, so it lines up with its field)."""
    widget = QLabel(text)
    widget.setIndent(0)
    if buddy is not None:
        widget.setBuddy(buddy)
    return widget


def title(text: str) -> QLabel:
    widget = label(text, "title")
    widget.setAccessibleName(text)
    return widget


def hint(text: str) -> QLabel:
    return label(text, "hint")


class MessageLabel(QLabel):
    """A calm, hidden-until-needed message; screen readers get it as the description too."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "message")
        self.setAccessibleName(accessible_name)
        self.hide()

    def show_message(self, text: str, kind: str = "notice") -> None:
        self.setProperty("kind", kind)
        self.setText(text)
        self.setAccessibleDescription(text)
        repolish(self)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()


def password_field(accessible_name: str, description: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setAccessibleDescription(description)
    field.setClearButtonEnabled(False)
    field.setMinimumWidth(320)
    return field


def button(text: str, accessible_description: str, role: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(text.replace("…", "").replace("&", ""))
    widget.setAccessibleDescription(accessible_description)
    if role:
        widget.setProperty("role", role)
    return widget
