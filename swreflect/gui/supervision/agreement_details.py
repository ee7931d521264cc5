"""The agreement's written contents (agreement v2) as form fields, pre-filled with our default
wording: purpose, where you meet and whether it is uninterrupted, preparation, cancellation,
where the record is kept, who can see it, escalation, how difference and racism will be talked
about, the boundary with assessment, and for the newly qualified year its start, assessor and
protected development time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.agreement_texts import DEFAULT_PROTECTED_TIME
from swreflect.core.agreements import DEFAULT_DETAILS
from swreflect.gui.supervision.look import date_edit, to_date
from swreflect.gui.ui import hint
from swreflect.models.supervision import AgreementDetails

SHOW_REST = "Show the rest of the agreement…"
HIDE_REST = "Hide the rest of the agreement"
TEXT_ROWS = (
    ("purpose", "Purpose:", "The purpose of supervision and the four functions"),
    ("preparation", "Preparation:", "How each of you prepares"),
    ("cancellation", "Cancelling:", "Cancelling and rearranging sessions"),
    ("record_place", "Record kept:", "Where the agreed record is kept"),
    ("access", "Who can see it:", "Who can see the record"),
    ("escalation", "If we disagree:", "Where an unresolved disagreement goes"),
    ("difference", "Difference:", "How you will talk about difference and racism"),
    ("assessment", "Assessment:", "The boundary between supervision and assessment"),
)


def _text(name: str, value: str, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(value)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class AgreementDetailsFields(QWidget):
    def __init__(self, today: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.toggle = QPushButton(SHOW_REST)
        self.toggle.setAccessibleName("Show or hide the rest of the agreement")
        self.toggle.setToolTip("Purpose, where you meet, preparation, cancelling, access, …")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.on_toggle_toggled)
        outer.addWidget(self.toggle)
        self.body = QWidget()
        outer.addWidget(self.body)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        d = DEFAULT_DETAILS
        self.location = QLineEdit(d.location)
        self.location.setAccessibleName("Where you meet")
        self.uninterrupted = QCheckBox("Uninterrupted: phones away, no one dropping in")
        self.uninterrupted.setAccessibleName("The time is uninterrupted")
        self.uninterrupted.setChecked(True)
        form.addRow("Where:", self.location)
        form.addRow("", self.uninterrupted)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, row_label, name in TEXT_ROWS:
            self.texts[key] = _text(name, str(getattr(d, key)))
            form.addRow(row_label, self.texts[key])
        layout.addLayout(form)
        self.asye_box = QWidget()
        asye = QFormLayout(self.asye_box)
        asye.setContentsMargins(0, 0, 0, 0)
        self.has_asye_start = QCheckBox("The newly qualified year began earlier, on")
        self.has_asye_start.setAccessibleName(
            "The newly qualified year began before this agreement"
        )
        self.asye_start = date_edit("Date the newly qualified year began", today)
        self.asye_start.setEnabled(False)
        self.has_asye_start.toggled.connect(self.asye_start.setEnabled)
        asye.addRow(self.has_asye_start, self.asye_start)
        asye.addRow(
            "",
            hint(
                "With a new supervisor, give the year's first day so the schedule carries on "
                "rather than starting again. Reviews fall at 3, 6 and 12 months."
            ),
        )
        self.assessor = QLineEdit()
        self.assessor.setAccessibleName("The ASYE assessor")
        asye.addRow("Assessor:", self.assessor)
        self.protected_time = _text("Protected development time", DEFAULT_PROTECTED_TIME, 48)
        asye.addRow("Protected time:", self.protected_time)
        outer.addWidget(self.asye_box)
        self.show_asye(False)
        self.body.setVisible(False)

    def on_toggle_toggled(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.toggle.setText(HIDE_REST if shown else SHOW_REST)

    def show_asye(self, on: bool) -> None:
        """The newly qualified fields sit outside the fold: they matter as soon as the
        frequency is chosen."""
        self.asye_box.setVisible(on)

    def set_details(self, details: AgreementDetails, asye_start: date | None) -> None:
        """Show an agreement's own contents (an older agreement's empty ones stay empty)."""
        self.location.setText(details.location)
        self.uninterrupted.setChecked(details.uninterrupted)
        for key, box in self.texts.items():
            box.setPlainText(str(getattr(details, key)))
        self.assessor.setText(details.assessor)
        self.protected_time.setPlainText(details.protected_time)
        self.has_asye_start.setChecked(asye_start is not None)
        if asye_start is not None:
            self.asye_start.setDate(QDate(asye_start.year, asye_start.month, asye_start.day))

    def asye_start_date(self) -> date | None:
        if not (self.asye_box.isVisibleTo(self) and self.has_asye_start.isChecked()):
            return None
        return to_date(self.asye_start.date())

    def details(self, newly_qualified: bool) -> AgreementDetails:
        texts = {key: box.toPlainText() for key, box in self.texts.items()}
        return AgreementDetails(
            location=self.location.text(),
            uninterrupted=self.uninterrupted.isChecked(),
            assessor=self.assessor.text() if newly_qualified else "",
            protected_time=self.protected_time.toPlainText() if newly_qualified else "",
            **texts,
        )
