"""Read and edit the written agreement after it was made (agreement v2): its purpose, where you
meet, cancelling, access, escalation, difference, the assessment boundary and, in the newly
qualified year, its start, assessor and protected time. How often you meet changes through the
Change tab instead, so earlier due dates stay as they were."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui.supervision.agreement_details import AgreementDetailsFields
from swreflect.gui.supervision.look import to_qdate
from swreflect.gui.ui import hint


class AgreementTextDialog(QDialog):
    def __init__(self, services: Services, agreement_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._agreement = services.agreements.get(agreement_id)
        person = services.agreements.person_of(self._agreement)
        self.setWindowTitle(f"Your agreement with {person.display_name}")
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        if self._agreement.details.purpose == "":
            layout.addWidget(
                hint(
                    "This agreement was made before these parts existed, so they are empty. "
                    "Fill in what you have agreed together."
                )
            )
        self.fields = AgreementDetailsFields(to_qdate(self._agreement.start_date))
        self.fields.toggle.setChecked(True)
        self.fields.toggle.hide()
        today = services.agreements.today()
        self.newly_qualified = self._agreement.terms_on(today).frequency == "asye"
        self.fields.show_asye(self.newly_qualified)
        self.fields.set_details(self._agreement.details, self._agreement.asye_start)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.fields)
        layout.addWidget(scroller, 1)
        self.message = hint("")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> bool:
        changed = replace(
            self._agreement,
            details=self.fields.details(self.newly_qualified),
            asye_start=self.fields.asye_start_date() if self.newly_qualified else None,
        )
        if not self.newly_qualified:
            changed = replace(changed, asye_start=self._agreement.asye_start)
        try:
            self._services.agreements.update_details(changed)
        except SwreflectError as exc:
            self.message.setText(exc.message)
            return False
        self.accept()
        return True
