"""The Trash: entries moved out of the journal, with restore and delete-for-good."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from swreflect.core.journal import JournalService
from swreflect.gui import dialogs
from swreflect.gui.journal.list_model import IdRole, JournalListModel
from swreflect.gui.journal.row_delegate import entry_list_view
from swreflect.gui.journal.safe_emit import emit


class TrashView(QWidget):
    restored = Signal(int)
    purged = Signal(int)

    def __init__(self, journal: JournalService) -> None:
        super().__init__()
        self._journal = journal
        intro = QLabel(
            "Entries you've moved to the Trash. Restore one to put it back in your journal, "
            "or delete it for good."
        )
        intro.setWordWrap(True)
        self.model = JournalListModel()
        self.view = entry_list_view(
            "Entries in the Trash",
            self.model,
            "Deleted entries; restore one to bring it back.",
        )
        self.empty_note = QLabel("The Trash is empty.")
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setAccessibleName("Restore the selected entry")
        self.restore_button.setToolTip("Put the chosen entry back in your journal.")
        self.purge_button = QPushButton("Delete for good…")
        self.purge_button.setAccessibleName("Delete the selected entry permanently")
        self.purge_button.setToolTip("Delete the chosen entry for good; it can't be brought back.")
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.purge_button.clicked.connect(self.on_purge_button_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.reset(self._journal.list_trash)
        self.empty_note.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(IdRole)) if index.isValid() else None

    def _update_buttons(self, *_args: object) -> None:
        chosen = self._selected_id() is not None
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)

    def on_restore_button_clicked(self) -> None:
        entry_id = self._selected_id()
        if entry_id is None:
            return
        self._journal.restore(entry_id)
        self.refresh()
        emit(self.restored, entry_id)

    def on_purge_button_clicked(self) -> None:
        entry_id = self._selected_id()
        if entry_id is None:
            return
        if not dialogs.confirm(
            self,
            "Delete for good?",
            "This entry, its earlier versions and any excerpts marked for supervision will be "
            "deleted permanently. This can't be undone.",
            "Delete for good",
        ):
            return
        self._journal.purge(entry_id)
        self.refresh()
        emit(self.purged, entry_id)
