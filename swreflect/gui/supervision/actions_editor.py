"""The actions agreed in a session: add, tick off or remove; saved as soon as they change."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.gui.supervision.look import clear_layout, date_edit, to_date, to_qdate
from swreflect.models.vocab import ActionStatus, Role
from swreflect.timefmt import format_date


class ActionsEditor(QWidget):
    def __init__(self, services: Services, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session_id = session_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 1)
        layout.addWidget(self._grid_host)
        add_row = QHBoxLayout()
        self.description = QLineEdit()
        self.description.setPlaceholderText("What will happen next?")
        self.description.setAccessibleName("New action")
        self.description.setAccessibleDescription("What needs doing; press Return to add it.")
        self.description.returnPressed.connect(self.on_add_button_clicked)
        self.owner = QComboBox()
        self.owner.setAccessibleName("Who owns the new action")
        self.owner.setToolTip("Who will do it.")
        for role in Role:
            self.owner.addItem(role.capitalize(), role)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of action")
        self.kind.addItem("Action", "action")
        self.kind.addItem("Raise with the organisation", "raise_with_organisation")
        self.kind.setToolTip("Something to take to the organisation, tracked like any action.")
        self.has_due = QCheckBox("Due by")
        self.has_due.setAccessibleName("The new action has a due date")
        self.has_due.setToolTip("Give the new action a date to be done by.")
        self.due = date_edit(
            "Due date of the new action", to_qdate(services.clock.now().date()).addDays(14)
        )
        add = QPushButton("Add action")
        add.setAccessibleName("Add the action")
        add.setToolTip("Add the action written above to this session.")
        add.clicked.connect(self.on_add_button_clicked)
        for widget in (self.description, self.owner, self.kind, self.has_due, self.due, add):
            add_row.addWidget(widget, 3 if widget is self.description else 0)
        layout.addLayout(add_row)
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self._grid)
        actions = self._services.sessions.get(self._session_id).actions
        if not actions:
            self._grid.addWidget(QLabel("No actions yet."), 0, 0)
        for row, action in enumerate(actions):
            carried = " (carried over)" if action.carried_over_from else ""
            if action.kind == "raise_with_organisation":
                carried = f" (to raise with the organisation){carried}"
            due = f"by {format_date(action.due)}" if action.due else "no date"
            done = QCheckBox(f"{action.description}{carried}")
            done.setAccessibleName(f"Done: {action.description}")
            done.setChecked(action.status == ActionStatus.DONE)
            done.toggled.connect(
                lambda checked, a=action.id: self._services.actions.set_done(a, checked)
            )
            remove = QPushButton("Remove")
            remove.setAccessibleName(f"Remove the action {action.description}")
            remove.clicked.connect(lambda _=False, a=action.id: self._remove(a))
            self._grid.addWidget(done, row, 0)
            self._grid.addWidget(QLabel(f"{action.owner}, {due}"), row, 1)
            self._grid.addWidget(remove, row, 2)

    def _remove(self, action_id: str) -> None:
        self._services.actions.delete(action_id)
        self.refresh()

    def add_action(
        self, description: str, owner: str, due: date | None = None, kind: str = "action"
    ) -> str:
        action_id = self._services.sessions.add_action(
            self._session_id, description, owner, due, kind
        )
        self.refresh()
        return action_id

    def on_add_button_clicked(self) -> None:
        text = self.description.text().strip()
        if not text:
            return
        due = to_date(self.due.date()) if self.has_due.isChecked() else None
        self.add_action(text, str(self.owner.currentData()), due, str(self.kind.currentData()))
        self.description.clear()
