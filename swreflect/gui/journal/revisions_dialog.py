"""Earlier versions of an entry: look at any of them and bring one back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from swreflect.gui.journal.safe_emit import emit
from swreflect.models.journal import Revision
from swreflect.timefmt import format_moment


class RevisionsDialog(QDialog):
    revision_chosen = Signal(int)

    def __init__(self, revisions: list[Revision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier versions")
        self.resize(760, 460)
        self._revisions = revisions
        self.list = QListWidget()
        self.list.setAccessibleName("Earlier versions")
        for rev in revisions:
            item = QListWidgetItem(f"{format_moment(rev.saved_at)}  {rev.content.title}")
            self.list.addItem(item)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Text of the chosen version")
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            "Restore this version", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self.on_list_current_row_changed)
        buttons.accepted.connect(self.on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        if revisions:
            self.list.setCurrentRow(0)

    def on_list_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._revisions):
            self.preview.clear()
            self.restore_button.setEnabled(False)
            return
        content = self._revisions[row].content
        parts = [content.title, "", *content.answers.values(), content.body]
        self.preview.setPlainText("\n".join(p for p in parts if p is not None))
        self.restore_button.setEnabled(True)

    def on_buttons_accepted(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._revisions):
            emit(self.revision_chosen, self._revisions[row].id)
        self.accept()
