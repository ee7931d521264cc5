"""The Actions page: every current action across agreements, with filters, ticked off here.

An action carried over several times appears once (its newest copy). Dates past due are
described calmly ("past its date"), never as failures.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.actions import ActionFilter
from swreflect.core.services import Services
from swreflect.gui.empty_state import EmptyState, at_the_top, go_to
from swreflect.gui.supervision.look import date_edit, to_date, to_qdate
from swreflect.gui.ui import hint
from swreflect.timefmt import format_short_date

ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Action", "Who", "Due", "With", "Status")


class ActionsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setAccessibleName("Actions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(QLabel("<h2>Actions</h2>"))
        filters = QHBoxLayout()
        self.agreement = QComboBox()
        self.agreement.setAccessibleName("Show actions for")
        self.agreement.setToolTip(
            "Show the actions of one supervision agreement, or of all of them."
        )
        self.owner = QComboBox()
        self.owner.setAccessibleName("Whose actions")
        self.owner.setToolTip("Show actions for you, the other person, or both.")
        for text, key in (
            ("Anyone's", None),
            ("The supervisor's", "supervisor"),
            ("The supervisee's", "supervisee"),
        ):
            self.owner.addItem(text, key)
        self.status = QComboBox()
        self.status.setAccessibleName("Which actions")
        self.status.setToolTip("Show open actions, done ones, or all.")
        for text, key in (("Open", "open"), ("Done", "done"), ("All", None)):
            self.status.addItem(text, key)
        self.use_due = QCheckBox("Due by")
        self.use_due.setAccessibleName("Only actions due by a date")
        self.use_due.setToolTip("Show only actions due on or before the date beside it.")
        self.due_by = date_edit("Due by date", to_qdate(services.clock.now().date()).addDays(7))
        filters.addWidget(QLabel("Show:"))
        for widget in (self.agreement, self.owner, self.status, self.use_due, self.due_by):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Actions")
        self.table.setAccessibleDescription(
            "Actions agreed in supervision: what, whose, by when, and whether done."
        )
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.empty = hint("No actions match these choices.")
        layout.addWidget(self.empty)
        self.empty_state = EmptyState(
            "No actions yet",
            "Actions you agree in a supervision session (what, whose, by when) appear here "
            "until they're done, so nothing agreed gets lost between sessions.",
            "Go to Supervision",
            "Open the Supervision page to set up an agreement or hold a session.",
            lambda: go_to(self, "supervision"),
        )
        self.empty_holder = at_the_top(self.empty_state)
        self.empty_holder.hide()
        layout.addWidget(self.empty_holder, 1)
        row = QHBoxLayout()
        self.done_button = QPushButton("Mark done")
        self.done_button.setAccessibleName("Mark the selected action done")
        self.done_button.setToolTip("Mark the action chosen in the table as done.")
        self.done_button.clicked.connect(self.on_done_button_clicked)
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        for combo in (self.agreement, self.owner, self.status):
            combo.currentIndexChanged.connect(self.refresh)
        self.use_due.toggled.connect(self.refresh)
        self.due_by.dateChanged.connect(self.refresh)
        self._fill_agreements()
        self.refresh()

    def _fill_agreements(self) -> None:
        self.agreement.blockSignals(True)
        self.agreement.clear()
        self.agreement.addItem("All agreements", None)
        for summary in self.services.agreements.due_summaries():
            self.agreement.addItem(summary.person.display_name, summary.agreement.id)
        self.agreement.blockSignals(False)

    def current_filter(self) -> ActionFilter:
        return ActionFilter(
            agreement_id=self.agreement.currentData(),
            owner=self.owner.currentData(),
            status=self.status.currentData(),
            due_by=to_date(self.due_by.date()) if self.use_due.isChecked() else None,
        )

    def refresh(self) -> None:
        names = {
            s.agreement.id: s.person.display_name for s in self.services.agreements.due_summaries()
        }
        actions = self.services.actions.list(self.current_filter())
        self.table.setRowCount(len(actions))
        for row, action in enumerate(actions):
            due = format_short_date(action.due) if action.due else "No date"
            if self.services.actions.is_late(action):
                due += " (past its date)"
            status = "Done" if action.status == "done" else "Open"
            if action.carried_over_from:
                status += ", carried over"
            raise_it = "Raise with the organisation: " if action.kind != "action" else ""
            cells = (
                raise_it + action.description,
                action.owner.capitalize(),
                due,
                names.get(action.agreement_id, ""),
                status,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, action.id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        none_at_all = not actions and not self.services.actions.list(ActionFilter(status=None))
        self.empty_holder.setVisible(none_at_all)
        self.table.setVisible(not none_at_all)
        self.done_button.setVisible(not none_at_all)
        self.empty.setVisible(not actions and not none_at_all)
        self.done_button.setEnabled(bool(actions))

    def on_done_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 0)
        if item is None:
            return
        action_id = str(item.data(ID_ROLE))
        self.services.actions.set_done(action_id, True)
        self.refresh()

    def page_shown(self) -> None:
        self._fill_agreements()
        self.refresh()

    def save_pending(self) -> None:
        """Actions are saved as they are ticked; nothing waits."""

    def clear_sensitive(self) -> None:
        self.table.setRowCount(0)
        self.agreement.clear()
