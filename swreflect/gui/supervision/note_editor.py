"""One note in a session: the prompt it answers, the text, and a clear shared/private choice.

The note is created in the vault on the first non-empty save and updated after that; the
prompt text is stored with it. Switching shared/private saves at once and restyles the frame
(lock glyph and tint when private).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.deidentify import Finding
from swreflect.core.record_guidance import (
    PRIVATE_BY_DEFAULT,
    PRIVATE_NOTE_CAUTION,
    SHARE_WARNING,
    default_visibility,
)
from swreflect.core.sessions import SessionService
from swreflect.gui.supervision.autosave import Debouncer
from swreflect.gui.supervision.look import (
    PRIVATE_LABEL,
    SHARED_LABEL,
    lock_pixmap,
    set_privacy,
)
from swreflect.models.supervision import Note


class NoteEditor(QFrame):
    note_saved = Signal(str)

    def __init__(
        self,
        sessions: SessionService,
        session_id: str,
        stage_key: str,
        *,
        note: Note | None = None,
        prompt_id: str = "",
        prompt_text: str = "",
        agenda_item_id: str | None = None,
        visibility: str | None = None,
        check: Callable[[str], Sequence[Finding]] | None = None,
        supervisor: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._session_id = session_id
        self._stage_key = stage_key
        self._agenda_item_id = note.agenda_item_id if note else agenda_item_id
        self._prompt_id = note.prompt_id if note else prompt_id
        self._prompt_text = note.prompt_text if note else prompt_text
        self.note_id: str | None = note.id if note else None
        self._visibility = note.visibility if note else visibility or default_visibility(stage_key)
        self._check = check
        self._supervisor = supervisor
        self._saver = Debouncer(self._save, parent=self)
        self._saver.failed.connect(self.on_saver_failed)
        self._saver.saved.connect(self.on_saver_saved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        if self._prompt_text:
            prompt = QLabel(self._prompt_text)
            prompt.setWordWrap(True)
            prompt.setProperty("role", "hint")
            prompt.setAccessibleName("Prompt this note answers")
            layout.addWidget(prompt)
        marker_row = QHBoxLayout()
        self.lock = QLabel()
        self.lock.setPixmap(lock_pixmap(16))
        self.lock.setAccessibleName("Locked: private note")
        self.marker = QLabel()
        self.marker.setAccessibleName("Who can see this note")
        marker_row.addWidget(self.lock)
        marker_row.addWidget(self.marker, 1)
        layout.addLayout(marker_row)
        self.editor = QPlainTextEdit(note.text if note else "")
        self.editor.setAccessibleName("Note")
        self.editor.setAccessibleDescription("Your note for this stage; it is saved as you type.")
        self.editor.setPlaceholderText("Write as much or as little as helps. You can skip this.")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(70)
        self.editor.setMaximumHeight(160)
        self.editor.textChanged.connect(self.on_editor_text_changed)
        layout.addWidget(self.editor)

        self.caution = QLabel()
        self.caution.setWordWrap(True)
        self.caution.setProperty("role", "hint")
        self.caution.setAccessibleName("What this choice means")
        layout.addWidget(self.caution)
        self.deid = QLabel()
        self.deid.setWordWrap(True)
        self.deid.setProperty("role", "calm")
        self.deid.setAccessibleName("Identifying details notice")
        self.deid.hide()
        layout.addWidget(self.deid)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "calm")
        self.problem.setAccessibleName("Problem saving this note")
        self.problem.hide()
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.shared_button = QRadioButton("Shared record")
        self.shared_button.setAccessibleName("Keep this note in the shared record")
        self.shared_button.setToolTip("This note can go in the record you both agree.")
        self.private_button = QRadioButton("Private to me")
        self.private_button.setAccessibleName("Keep this note private to me")
        self.private_button.setToolTip(
            "Only you will ever see this note; it never goes in the shared record."
        )
        group = QButtonGroup(self)
        group.addButton(self.shared_button)
        group.addButton(self.private_button)
        (self.private_button if self._visibility == "private" else self.shared_button).setChecked(
            True
        )
        self.shared_button.toggled.connect(self.on_shared_button_toggled)
        row.addWidget(self.shared_button)
        row.addWidget(self.private_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._restyle()

    @property
    def visibility(self) -> str:
        return self._visibility

    def text(self) -> str:
        return self.editor.toPlainText()

    def _restyle(self) -> None:
        private = self._visibility == "private"
        self.marker.setText(PRIVATE_LABEL if private else SHARED_LABEL)
        self.lock.setVisible(private)
        caution = ""
        if private and self._supervisor:
            caution = PRIVATE_NOTE_CAUTION
        elif not private and self._stage_key in PRIVATE_BY_DEFAULT:
            caution = SHARE_WARNING
        self.caution.setText(caution)
        self.caution.setVisible(bool(caution))
        set_privacy(self, self._visibility)

    def on_editor_text_changed(self) -> None:
        self._saver.touch()

    def on_shared_button_toggled(self, checked: bool) -> None:
        self._visibility = "shared" if checked else "private"
        self._restyle()
        self._saver.touch()
        self._saver.save_pending()

    def on_saver_failed(self, message: str) -> None:
        self.problem.setText(f"{message} Your text is still here.")
        self.problem.show()

    def on_saver_saved(self) -> None:
        self.problem.hide()
        self.check_identifiers()

    def check_identifiers(self) -> None:
        """A calm line when the text looks identifying; it never stops the save."""
        if self._check is None:
            return
        from swreflect.gui.journal.deid_banner import describe

        found = list(self._check(self.editor.toPlainText()))
        self.deid.setText(describe(found) if found else "")
        self.deid.setVisible(bool(found))

    def save_pending(self) -> None:
        self._saver.save_pending()

    def _save(self) -> None:
        text = self.editor.toPlainText()
        if self.note_id is None:
            if not text.strip():
                return
            self.note_id = self._sessions.add_note(
                self._session_id,
                self._stage_key,
                text,
                visibility=self._visibility,
                prompt_id=self._prompt_id,
                prompt_text=self._prompt_text,
                agenda_item_id=self._agenda_item_id,
            )
        else:
            self._sessions.update_note(
                self._session_id, self.note_id, text=text, visibility=self._visibility
            )
        self.note_saved.emit(self.note_id)
