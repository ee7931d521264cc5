"""A column of notes for one stage (or one agenda item) with "shared note" / "private note"
buttons. New notes answer whatever prompt is showing at the moment they are added."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from swreflect.core.deidentify import Finding
from swreflect.core.prompt_packs import Prompt
from swreflect.core.record_guidance import SHARE_WARNING, guidance
from swreflect.core.sessions import SessionService
from swreflect.gui.supervision.look import lock_icon
from swreflect.gui.supervision.note_editor import NoteEditor
from swreflect.models.supervision import Note


class NotesList(QWidget):
    def __init__(
        self,
        sessions: SessionService,
        session_id: str,
        stage_key: str,
        notes: Sequence[Note],
        current_prompt: Callable[[], Prompt | None],
        agenda_item_id: str | None = None,
        parent: QWidget | None = None,
        *,
        check: Callable[[str], Sequence[Finding]] | None = None,
        supervisor: bool = False,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._supervisor = supervisor
        self._sessions = sessions
        self._session_id = session_id
        self._stage_key = stage_key
        self._current_prompt = current_prompt
        self._agenda_item_id = agenda_item_id
        self.editors: list[NoteEditor] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.guidance = QLabel(guidance(stage_key))
        self.guidance.setWordWrap(True)
        self.guidance.setProperty("role", "hint")
        self.guidance.setAccessibleName("About notes in this stage")
        self.guidance.setVisible(bool(guidance(stage_key)))
        buttons = QHBoxLayout()
        self.shared_button = QPushButton("Add a shared note")
        self.shared_button.setAccessibleName("Add a note to the shared record")
        self.shared_button.setToolTip("A note that can go in the record you both agree.")
        self.shared_button.clicked.connect(self.on_shared_button_clicked)
        self.private_button = QPushButton("Add a private note")
        self.private_button.setIcon(lock_icon())
        self.private_button.setAccessibleName("Add a note that stays private to you")
        self.private_button.setToolTip("A note only you will ever see.")
        self.private_button.clicked.connect(self.on_private_button_clicked)
        # A stage that is private by default (learning, identity, a debrief's) offers the
        # private note first; its shared button says what sharing means.
        first, second = self.shared_button, self.private_button
        if sessions.default_visibility(stage_key) == "private":
            first, second = second, first
            self.shared_button.setToolTip(SHARE_WARNING)
        buttons.addWidget(first)
        buttons.addWidget(second)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.guidance)  # the calm line about this stage, under the buttons
        self._column = QVBoxLayout()
        layout.addLayout(self._column)
        for note in notes:
            self._append(
                NoteEditor(
                    sessions, session_id, stage_key, note=note, check=check,
                    supervisor=supervisor,
                )
            )  # fmt: skip

    def _append(self, editor: NoteEditor) -> NoteEditor:
        self.editors.append(editor)
        self._column.addWidget(editor)
        return editor

    def add_note(self, visibility: str | None) -> NoteEditor:
        prompt = self._current_prompt()
        editor = self._append(
            NoteEditor(
                self._sessions,
                self._session_id,
                self._stage_key,
                prompt_id=prompt.id if prompt else "",
                prompt_text=prompt.text if prompt else "",
                agenda_item_id=self._agenda_item_id,
                visibility=visibility,
                check=self._check,
                supervisor=self._supervisor,
            )
        )
        editor.editor.setFocus()
        return editor

    def on_shared_button_clicked(self) -> None:
        self.add_note("shared")

    def on_private_button_clicked(self) -> None:
        self.add_note("private")

    def save_pending(self) -> None:
        for editor in self.editors:
            editor.save_pending()
