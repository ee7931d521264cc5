"""A journal entry as CPD text, from the editor's action bar.

Social workers keep a yearly CPD record; a reflective entry is often the start of one. This
takes what is in the editor now (title, writing and template answers), shapes it into the
regulator's CPD fields (``core.cpd``, de-identified) and saves it as plain text only where
the user chose, atomically, in a worker. Nothing is saved in the vault and the entry itself
is not changed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.workers import TaskRunner

if TYPE_CHECKING:
    from swreflect.gui.journal.editor import EntryEditor
    from swreflect.models.journal import EntryContent

NOTHING_YET = "Write something first; then it can become a CPD entry."
WRITE_FAILED = "The CPD text couldn't be saved there. Nothing was changed; try another folder."


def entry_for_cpd(editor: EntryEditor, content: EntryContent, created: Any) -> dict[str, Any]:
    """The fields ``cpd.from_journal_entry`` reads; template answers follow the free writing,
    each under its prompt, so nothing the person wrote is dropped."""
    parts = [content.body.strip()] if content.body.strip() else []
    for field in editor.prompt_fields:
        answer = content.answers.get(field.prompt_id, "").strip()
        if answer:
            label = field.findChild(QLabel)
            heading = label.text() if label is not None else ""
            parts.append(f"{heading}\n{answer}" if heading else answer)
    return {"title": content.title, "body": "\n\n".join(parts), "created": created.isoformat()}


def _write(path: Path, text: str) -> Path:
    """Worker body."""
    from swreflect.platform.files import atomic_write

    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise SwreflectError(WRITE_FAILED) from exc
    return path


class CpdExport(QObject):
    """Wires a "CPD text…" button to the journal page's editor and status label."""

    cpd_saved = Signal(object)  # the Path written
    cpd_failed = Signal(str)

    def __init__(self, page: Any, cpd_button: QPushButton, status: QLabel) -> None:
        super().__init__(page)
        self._page = page
        self._status = status
        self._runner = TaskRunner(self)
        self.button = cpd_button
        cpd_button.clicked.connect(self.on_button_clicked)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def on_button_clicked(self) -> None:
        from swreflect.core.cpd import from_journal_entry

        editor: EntryEditor = self._page.editor
        content = editor.content()
        if content.is_blank():
            self._status.setText(NOTHING_YET)
            return
        services = self._page._services
        created = services.clock.now()
        if editor.entry_id is not None:
            with contextlib.suppress(SwreflectError):  # trashed elsewhere: today will do
                created = services.journal.get(editor.entry_id).created_at
        pseudonyms = services.journal.never_record()
        text = from_journal_entry(
            entry_for_cpd(editor, content, created), None, pseudonyms
        ).to_text()
        suggested = Path.home() / f"cpd-entry-{created:%Y-%m-%d}.txt"
        path = dialogs.save_file(self._page, "Save as CPD text", suggested, "Text (*.txt)")
        if path is None:
            return
        self._status.setText("Saving the CPD text…")
        self._runner.start(lambda: _write(path, text), self.on_saved, self.on_failed)

    def on_saved(self, path: object) -> None:
        self._status.setText(
            f"Saved {Path(str(path)).name}. Complete the fields marked 'To complete' in your own "
            "words before you submit it."
        )
        self.cpd_saved.emit(path)

    def on_failed(self, message: str) -> None:
        self._status.setText(message)
        self.cpd_failed.emit(message)
