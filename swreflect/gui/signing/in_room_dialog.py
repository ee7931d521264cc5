"""Agreeing a record in the room: the other person reads all of it and has their own say.

The whole record is shown on the same screen, as it will be kept. The other person types their
own comment or disagreement in their own box; both are kept with the record under their name
and shown in every export. It is labelled everywhere as acknowledged in the room, not signed by
them, and either person can add a signed addendum later from their own vault.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui.signing.record_browser import RecordBrowser
from swreflect.gui.ui import hint

READ_FIRST = "Tick to confirm you have read the whole record."


class InRoomDialog(QDialog):
    def __init__(self, services: Services, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session_id = session_id
        self.record_id: str | None = None
        session = services.sessions.get(session_id)
        person = services.agreements.person_of(services.agreements.get(session.agreement_id))
        self.setWindowTitle("Agree the record in the room")
        self.setAccessibleName("Agree the record in the room")
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                f"{person.display_name}, please read the whole record below. It is what will be "
                "kept on the supervision file. Your comment or disagreement, in your own words, "
                "is kept with it under your name and shown wherever it is exported."
            )
        )
        self.record = RecordBrowser()
        self.record.setAccessibleName("The record to agree, read-only")
        self.record.show_parts(services.records.session_outline(session_id))
        layout.addWidget(self.record, 1)

        form = QFormLayout()
        self.name = QLineEdit(person.display_name)
        self.name.setAccessibleName("Your name, as it will appear on the record")
        form.addRow("Your name", self.name)
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName("Your comment (optional)")
        self.comment.setPlaceholderText("Anything you'd like kept with the record")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(70)
        form.addRow("Your comment", self.comment)
        self.disagreement = QPlainTextEdit()
        self.disagreement.setAccessibleName("What you disagree with (optional)")
        self.disagreement.setPlaceholderText("Anything in the record you don't agree with")
        self.disagreement.setTabChangesFocus(True)
        self.disagreement.setMaximumHeight(70)
        form.addRow("What you disagree with", self.disagreement)
        layout.addLayout(form)
        self.read_it = QCheckBox(
            "I have read the whole record. I acknowledge it in the room; this is not my signature."
        )
        self.read_it.setAccessibleName(READ_FIRST)
        layout.addWidget(self.read_it)
        layout.addWidget(
            hint(
                "Acknowledged in the room, not a cryptographic signature. Either of you can add "
                "a signed addendum later from your own vault."
            )
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.agree_button = self.buttons.addButton(
            "Acknowledge in the room", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.agree_button.setEnabled(False)
        self.read_it.toggled.connect(self.agree_button.setEnabled)
        self.buttons.accepted.connect(self.on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 760)

    def on_accepted(self) -> None:
        if not self.read_it.isChecked():
            self.problem.setText(READ_FIRST)
            return
        try:
            self.record_id = self._services.signoff.acknowledge_session_in_room(
                self._session_id,
                self.name.text(),
                comment=self.comment.toPlainText(),
                disagreement=self.disagreement.toPlainText(),
            )
        except SwreflectError as exc:
            self.problem.setText(exc.message)
            return
        self.accept()
