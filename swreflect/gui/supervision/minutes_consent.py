"""Whether the minutes-per-function table goes into the shared record: both people must say yes.

The minutes measure which screen was open, not what was talked about, so the table stays out of
the signed record unless the supervisor and the supervisee each tick to include it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.gui.ui import hint
from swreflect.models.vocab import Role


class MinutesConsent(QGroupBox):
    def __init__(self, services: Services, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__("Put the time by function in the shared record?", parent)
        self._services = services
        self._session_id = session_id
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                "The minutes show which screen was open, not what you talked about. They go in "
                "the record only if both of you tick."
            )
        )
        session = services.sessions.get(session_id)
        self.boxes: dict[str, QCheckBox] = {}
        for bit, role in enumerate(tuple(Role), start=1):  # supervisor = 1, supervisee = 2
            box = QCheckBox(f"The {role} agrees to include it")
            box.setAccessibleName(f"The {role} agrees to include the minutes in the record")
            box.setToolTip("Minutes go in the record only when both of you agree.")
            box.setChecked(bool(session.minutes_in_record & bit))
            box.toggled.connect(lambda checked, r=role: self.on_box_toggled(r, checked))
            self.boxes[role] = box
            layout.addWidget(box)

    def on_box_toggled(self, role: str, checked: bool) -> None:
        self._services.sessions.include_minutes(self._session_id, role, checked)
