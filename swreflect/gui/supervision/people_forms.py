"""Inline forms for adding a person and a supervision agreement (no modal dialogs, so every
step is keyboard-reachable and testable). Errors from the services show in a calm label."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.agreements import DEFAULT_CONFIDENTIALITY, DEFAULT_DISAGREEMENT
from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.supervision.agreement_details import AgreementDetailsFields
from swreflect.gui.supervision.look import date_edit, to_date, to_qdate
from swreflect.gui.ui import hint

FREQUENCY_CHOICES = (
    ("monthly", "At least monthly (experienced staff)"),
    ("asye", "Newly qualified first year (weekly, then fortnightly, then monthly)"),
    ("custom", "Every so many days"),
)


def _add_footer(layout: QVBoxLayout, button: QPushButton) -> QLabel:
    """The form's action button, then the label its messages show in (same on every form)."""
    layout.addWidget(button)
    message = QLabel()
    message.setWordWrap(True)
    message.setAccessibleName("Message")
    layout.addWidget(message)
    layout.addStretch(1)
    return message


class TermsFields:
    """How often and how long: the same three fields in the agreement and change-terms forms.

    The custom gap is only enabled while the frequency is "custom", and only counts then.
    """

    def __init__(self, names: tuple[str, str, str], every_days: int) -> None:
        frequency_name, every_days_name, minutes_name = names
        self.frequency = QComboBox()
        self.frequency.setAccessibleName(frequency_name)
        for key, text in FREQUENCY_CHOICES:
            self.frequency.addItem(text, key)
        self.every_days = QSpinBox()
        self.every_days.setRange(1, 365)
        self.every_days.setValue(every_days)
        self.every_days.setSuffix(" days")
        self.every_days.setAccessibleName(every_days_name)
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(90)
        self.minutes.setSuffix(" minutes")
        self.minutes.setAccessibleName(minutes_name)
        self.frequency.currentIndexChanged.connect(self.on_frequency_current_index_changed)
        self.every_days.setEnabled(False)

    def on_frequency_current_index_changed(self, _index: int) -> None:
        self.every_days.setEnabled(self.frequency.currentData() == "custom")

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow("How often:", self.frequency)
        form.addRow("Custom gap:", self.every_days)
        form.addRow("Usual length:", self.minutes)

    def values(self) -> dict[str, Any]:
        """The keyword arguments the agreements service takes for these terms."""
        frequency = str(self.frequency.currentData())
        return {
            "frequency": frequency,
            "custom_days": self.every_days.value() if frequency == "custom" else None,
            "usual_minutes": self.minutes.value(),
        }


class PersonForm(QWidget):
    person_added = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName("Their name")
        self.role = QComboBox()
        self.role.setAccessibleName("Their role")
        self.role.addItem("Someone I supervise", "supervisee")
        self.role.addItem("Someone who supervises me", "supervisor")
        self.pronouns = QLineEdit()
        self.pronouns.setAccessibleName("Their pronouns (optional)")
        form.addRow("Name:", self.name)
        form.addRow("They are:", self.role)
        form.addRow("Pronouns (optional):", self.pronouns)
        layout.addLayout(form)
        layout.addWidget(
            hint(
                "Only colleagues in supervision belong here. There's no place for the people "
                "you work with, on purpose."
            )
        )
        self.add_button = QPushButton("Add person")
        self.add_button.setAccessibleName("Add the person")
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.message = _add_footer(layout, self.add_button)

    def on_add_button_clicked(self) -> None:
        try:
            person = self._services.people.add(
                self.name.text(), str(self.role.currentData()), self.pronouns.text()
            )
        except SwreflectError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(f"Added {person.display_name}.")
        self.name.clear()
        self.pronouns.clear()
        self.person_added.emit(person.id)


class AgreementForm(QWidget):
    agreement_added = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        qtoday = to_qdate(services.clock.now().date())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setAccessibleName("The other person")
        self.person.setPlaceholderText("Add a person first")
        self.me = QLineEdit()
        self.me.setAccessibleName("Your name as it should appear on records")
        self.terms = TermsFields(
            ("How often you meet", "Days between sessions", "Usual length"), every_days=21
        )
        self.frequency, self.every_days = self.terms.frequency, self.terms.every_days
        self.minutes = self.terms.minutes
        self.start = date_edit("Start date", qtoday)
        self.has_review = QCheckBox("Review by")
        self.has_review.setAccessibleName("Set a review date")
        self.has_review.setChecked(True)  # agreements are reviewed yearly unless you say not
        self.review = date_edit("Review date", qtoday.addYears(1))
        self.writer = QComboBox()
        self.writer.setAccessibleName("Who writes the record")
        self.writer.addItem("The supervisor", "supervisor")
        self.writer.addItem("The supervisee", "supervisee")
        self.due_days = QSpinBox()
        self.due_days.setRange(0, 90)
        self.due_days.setValue(14)
        self.due_days.setSuffix(" days")
        self.due_days.setAccessibleName("Days to write the record")
        form.addRow("With:", self.person)
        form.addRow("Your name:", self.me)
        self.terms.add_rows(form)
        form.addRow("Starts on:", self.start)
        form.addRow(self.has_review, self.review)
        form.addRow("Record written by:", self.writer)
        form.addRow("Record due within:", self.due_days)
        self.disagreement = QPlainTextEdit(DEFAULT_DISAGREEMENT)
        self.disagreement.setAccessibleName("How disagreement with the record is recorded")
        self.disagreement.setTabChangesFocus(True)
        self.disagreement.setMaximumHeight(64)
        self.confidentiality = QPlainTextEdit(DEFAULT_CONFIDENTIALITY)
        self.confidentiality.setAccessibleName("Confidentiality and its limits")
        self.confidentiality.setTabChangesFocus(True)
        self.confidentiality.setMaximumHeight(80)
        form.addRow("Disagreement:", self.disagreement)
        form.addRow("Confidentiality:", self.confidentiality)
        layout.addLayout(form)
        self.details = AgreementDetailsFields(qtoday)
        layout.addWidget(self.details)
        self.frequency.currentIndexChanged.connect(
            lambda _i: self.details.show_asye(self.frequency.currentData() == "asye")
        )
        self.add_button = QPushButton("Add agreement")
        self.add_button.setAccessibleName("Add the agreement")
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.message = _add_footer(layout, self.add_button)
        self.reload_people()

    def reload_people(self, select: str | None = None) -> None:
        self.person.clear()
        for person in self._services.people.list():
            self.person.addItem(person.display_name, person.id)
        if self.person.count():
            found = self.person.findData(select) if select else -1
            self.person.setCurrentIndex(max(found, 0))

    def on_add_button_clicked(self) -> None:
        if self.person.currentIndex() < 0:
            self.message.setText("Add the other person first, then the agreement.")
            return
        try:
            agreement = self._services.agreements.add(
                str(self.person.currentData()),
                self.me.text(),
                start_date=to_date(self.start.date()),
                **self.terms.values(),
                record_writer=str(self.writer.currentData()),
                record_due_days=self.due_days.value(),
                review_date=to_date(self.review.date()) if self.has_review.isChecked() else None,
                disagreement=self.disagreement.toPlainText(),
                confidentiality=self.confidentiality.toPlainText(),
                no_review=not self.has_review.isChecked(),
                asye_start=self.details.asye_start_date(),
                details=self.details.details(self.frequency.currentData() == "asye"),
            )
        except SwreflectError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText("Agreement added.")
        self.agreement_added.emit(agreement.id)


class TermsChangeForm(QWidget):
    """Change how often and how long, from a date: earlier due dates stay as they were."""

    terms_changed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.agreement_id: str | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.terms = TermsFields(
            ("New frequency", "New days between sessions", "New usual length"), every_days=14
        )
        self.frequency, self.every_days = self.terms.frequency, self.terms.every_days
        self.minutes = self.terms.minutes
        self.effective = date_edit(
            "Date the change applies from", to_qdate(services.clock.now().date())
        )
        intro = QLabel("Changes the agreement selected on the right.")
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        self.terms.add_rows(form)
        form.addRow("Applies from:", self.effective)
        layout.addLayout(form)
        layout.addWidget(hint("Sessions due before that date are judged by the old terms."))
        self.preview = hint("")
        self.preview.setAccessibleName("What the change would do")
        layout.addWidget(self.preview)
        self.apply_button = QPushButton("Change the agreement…")
        self.apply_button.setAccessibleName("Change how often and how long, from the date")
        self.apply_button.setToolTip("Shows what the change would do and asks before saving.")
        self.apply_button.clicked.connect(self.on_apply_button_clicked)
        self.message = _add_footer(layout, self.apply_button)
        for signal in (
            self.frequency.currentIndexChanged,
            self.every_days.valueChanged,
            self.minutes.valueChanged,
            self.effective.dateChanged,
        ):
            signal.connect(lambda *_: self.update_preview())

    def _preview_text(self) -> str:
        assert self.agreement_id is not None
        return self._services.agreements.preview_change(
            self.agreement_id, effective_from=to_date(self.effective.date()), **self.terms.values()
        )

    def update_preview(self) -> None:
        if self.agreement_id is None:
            self.preview.clear()
            return
        try:
            self.preview.setText(self._preview_text())
        except SwreflectError as exc:
            self.preview.setText(exc.message)

    def confirm(self, effect: str) -> bool:
        """Ask before saving (tests replace this)."""
        return dialogs.confirm(
            self,
            "Change the agreement?",
            f"{effect}\n\nSessions due before that date are judged by the old terms.",
            "Change it",
        )

    def on_apply_button_clicked(self) -> None:
        if self.agreement_id is None:
            self.message.setText("Choose an agreement first.")
            return
        try:
            effect = self._preview_text()
            if not self.confirm(effect):
                self.message.setText("Nothing was changed.")
                return
            self._services.agreements.change_terms(
                self.agreement_id,
                effective_from=to_date(self.effective.date()),
                **self.terms.values(),
            )
        except SwreflectError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(f"Changed. {effect}")
        self.terms_changed.emit(self.agreement_id)
