"""Insights, "CPD this registration year": the pieces marked so far (1 December to
30 November), whether one includes peer reflection, and a dialog to mark a journal entry or a
held session as a piece of CPD tagged to the professional standards."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.cpd_year import STANDARDS, YearView, registration_year
from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui.hfw_layout import HfwColumn
from swreflect.gui.insights.pair_card import readable
from swreflect.gui.ui import content_label, hint
from swreflect.timefmt import format_date

RECENT_ENTRIES = 60


class CpdTagDialog(QDialog):
    """Choose an entry or session from this registration year, its standards and peer flag."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Mark a piece of CPD")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.item = QComboBox()
        self.item.setAccessibleName("The journal entry or session")
        start, end = registration_year(services.clock.now().date())
        for entry in services.journal.list_entries(0, RECENT_ENTRIES):
            day = entry.created_at.date()
            if start <= day <= end:
                title = entry.title or "Untitled entry"
                self.item.addItem(f"Journal: {title} ({format_date(day)})", ("journal", entry.id))
        for session in services.sessions.list():
            if session.is_held and session.held_on and start <= session.held_on <= end:
                self.item.addItem(
                    f"Supervision on {format_date(session.held_on)}", ("session", session.id)
                )
        form.addRow("Piece:", self.item)
        layout.addLayout(form)
        layout.addWidget(hint("Which professional standards does it relate to?"))
        grid = QGridLayout()
        self.standards: dict[str, QCheckBox] = {}
        for index, (code, name) in enumerate(STANDARDS):
            box = QCheckBox(name)
            box.setAccessibleName(f"Standard {name}")
            self.standards[code] = box
            grid.addWidget(box, index % 7, index // 7)
        layout.addLayout(grid)
        self.peer = QCheckBox("It includes peer reflection (supervision counts)")
        self.peer.setAccessibleName("Includes peer reflection")
        layout.addWidget(self.peer)
        self.item.currentIndexChanged.connect(self.on_item_current_index_changed)
        self.on_item_current_index_changed(0)
        self.message = hint("")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def on_item_current_index_changed(self, _index: int) -> None:
        data = self.item.currentData()
        self.peer.setChecked(bool(data) and data[0] == "session")

    def save(self) -> bool:
        data = self.item.currentData()
        if not data:
            self.message.setText("There's nothing from this registration year to mark yet.")
            return False
        chosen = [code for code, box in self.standards.items() if box.isChecked()]
        kind, item_id = data
        try:
            if kind == "journal":
                self._services.cpd.tag_journal(int(item_id), chosen, self.peer.isChecked())
            else:
                self._services.cpd.tag_session(str(item_id), chosen, self.peer.isChecked())
        except SwreflectError as exc:
            self.message.setText(exc.message)
            return False
        self.accept()
        return True


class CpdYearCard(QFrame):
    def __init__(
        self, services: Services, view: YearView | None = None, parent: QWidget | None = None
    ) -> None:
        """``view`` is the year already read (Insights reads it in its worker)."""
        super().__init__(parent)
        self._services = services
        self.setProperty("role", "card")
        self.setAccessibleName("CPD this registration year")
        self.column = HfwColumn(self)  # see hfw_layout
        self.column.setContentsMargins(18, 14, 18, 16)
        self.wording = readable(content_label(""), "Your CPD this year")
        self.column.addWidget(self.wording)
        self.list_box = QVBoxLayout()
        self.column.addLayout(self.list_box)
        row = QHBoxLayout()
        self.mark_button = QPushButton("Mark a piece of CPD…")
        self.mark_button.setAccessibleName("Mark a journal entry or session as a piece of CPD")
        self.mark_button.setToolTip(
            "Count a journal entry or a session towards this year's CPD record."
        )
        self.mark_button.clicked.connect(self.on_mark_button_clicked)
        row.addWidget(self.mark_button)
        row.addStretch(1)
        self.column.addLayout(row)
        self.refresh(view)

    def refresh(self, view: YearView | None = None) -> None:
        if view is None:
            view = self._services.cpd.year()
        self.wording.setText(view.wording)
        while self.list_box.count():
            item = self.list_box.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        labels = dict(STANDARDS)
        self.rows = []
        for piece in view.pieces:
            standards = "; ".join(labels[s] for s in piece.piece.standards) or "no standard"
            peer = " · peer reflection" if piece.piece.peer else ""
            text = f"{format_date(piece.piece.on_date)}: {piece.title} ({standards}){peer}"
            row = content_label(text)
            self.rows.append(row)
            self.list_box.addWidget(row)

    def run_dialog(self, dialog: CpdTagDialog) -> bool:
        """Show the dialog (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def on_mark_button_clicked(self) -> None:
        if self.run_dialog(CpdTagDialog(self._services, self)):
            self.refresh()
