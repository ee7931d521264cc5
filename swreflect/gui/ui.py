"""Small builders for the recurring pieces of the look (titles, hints, calm messages).

Styling is by role property (``QLabel[role="hint"]`` in the stylesheet), so screens say what a
label *is* and the stylesheet decides how it looks in light and dark.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a role/kind property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def label(text: str, role: str | None = None, parent: QWidget | None = None) -> QLabel:
    """A wrapped label for swreflect's own fixed wording.

    Text that could contain markup is pinned to plain text; anything that comes from the
    vault should use ``content_label`` so it is never read as rich text.
    """
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if "<" in text or "&" in text:
        plain_text(widget)
    widget.setIndent(0)
    if role:
        widget.setProperty("role", role)
    return widget


def plain_text(widget: QLabel) -> None:
    """Show ``widget``'s text literally (imports the Qt namespace, so not at start-up)."""
    from PySide6.QtCore import Qt

    widget.setTextFormat(Qt.TextFormat.PlainText)


def content_label(text: str = "", role: str | None = None) -> QLabel:
    """A wrapped label for text from the vault: always plain text, never markup."""
    widget = QLabel()
    plain_text(widget)
    widget.setWordWrap(True)
    widget.setIndent(0)
    widget.setText(text)
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
        self.setProperty("role", "message")
        self.setAccessibleName(accessible_name)
        self._plain = False
        self.hide()

    def show_message(self, text: str, kind: str = "notice") -> None:
        if not self._plain:
            plain_text(self)  # messages may quote a file name; keep them literal
            self._plain = True
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
