"""Interrupted writing comes back as writing: after a lock, the same entry, the same field,
the cursor where it was.

The review found every lock turned the open editor into a "kept safe… but not finished"
banner. On lock the page saves (a new entry becomes a real entry on its first save; later
changes are a draft), then ``remember`` notes which entry, field and cursor position were open,
inside the vault. On the next unlock ``reopen`` loads that entry with its draft, and
``put_cursor_back`` returns the cursor once the page is on screen. The banner remains for
drafts left by a crash.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from swreflect.gui.journal.editor import EntryEditor


class JournalView(Protocol):
    """What resuming needs of the journal page (a Protocol, so this module needn't import the
    page that imports it)."""

    @property
    def editor(self) -> EntryEditor: ...

    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def saved_label(self) -> QLabel: ...

    def open_entry(self, entry_id: int) -> None: ...


def _fields(page: JournalView) -> dict[str, QWidget]:
    editor = page.editor
    fields: dict[str, QWidget] = {
        "title": editor.title_edit,
        "body": editor.body_edit,
        "tags": editor.tags_edit,
    }
    for field in editor.prompt_fields:
        fields[f"prompt:{field.prompt_id}"] = field.edit
    return fields


def _cursor_of(widget: QWidget) -> int:
    if isinstance(widget, QLineEdit):
        return widget.cursorPosition()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.textCursor().position()
    return 0


def _set_cursor(widget: QWidget, position: int) -> None:
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(min(position, len(widget.text())))
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        cursor = widget.textCursor()
        end = len(widget.toPlainText())
        cursor.setPosition(min(position, end), QTextCursor.MoveMode.MoveAnchor)
        widget.setTextCursor(cursor)


def wants_journal(settings: Any) -> bool:
    """Whether the last lock interrupted writing (the window then opens on the journal)."""
    return bool(settings.resume_point())


class Resume:
    def __init__(self, page: JournalView, settings: Any) -> None:
        self.page = page
        self._settings = settings
        self._pending: tuple[str, int] | None = None

    def remember(self) -> None:
        """On lock (after saving): note the open entry, the field with focus and the cursor."""
        page = self.page
        entry_id = page.editor.entry_id
        if entry_id is None or page.stack.currentIndex() != 0:
            return
        focused = QApplication.focusWidget()
        name, position = "body", len(page.editor.body_edit.toPlainText())
        for key, widget in _fields(page).items():
            if widget is focused:
                name, position = key, _cursor_of(widget)
        point = {"entry_id": entry_id, "field": name, "cursor": position}
        self._settings.set_resume_point(json.dumps(point))

    def reopen(self) -> bool:
        """At unlock: open the remembered entry with its unsaved changes; False if none."""
        raw = self._settings.resume_point()
        if not raw:
            return False
        try:
            point = json.loads(raw)
            self.page.open_entry(int(point["entry_id"]))
        except Exception:  # a deleted entry or an unreadable note: just start as usual
            self._settings.set_resume_point("")
            return False
        self.page.saved_label.setText("Back where you were. Everything was kept while locked.")
        self._pending = (str(point.get("field", "body")), int(point.get("cursor", 0)))
        return True

    def put_cursor_back(self) -> None:
        """When the page is first shown after unlocking: focus and cursor where they were."""
        if self._pending is None:
            return
        name, position = self._pending
        self._pending = None
        self._settings.set_resume_point("")
        widget = _fields(self.page).get(name, self.page.editor.body_edit)
        widget.setFocus()
        _set_cursor(widget, position)
