"""Sending for agreement from the Agreements page: a session's record, or an addendum to an
agreed record. Either way the result is a request file saved where the person chooses, made
inside the sign-off step so a failed write changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from swreflect.core.agreement_store import Deliver
from swreflect.core.services import Services
from swreflect.core.signoff_sessions import sessions_ready_to_send
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.ui import MessageLabel, button, field_label, label
from swreflect.platform.files import atomic_write

EXCHANGE_FILTER = "swreflect agreement files (*.swx);;All files (*)"


class SendPanel(QFrame):
    request_saved = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._addendum_to: str | None = None
        self.setProperty("role", "card")
        self.setAccessibleName("Send for agreement")

        self.session_box = QComboBox()
        self.session_box.setAccessibleName("Session to send")
        self.session_box.setToolTip(
            "The finished session whose record you want the other person to agree."
        )
        self.send_button = button(
            "Save a request file…", "Sign the session's record and save it for the other person."
        )
        self.in_room_button = button(
            "Agreed in the room…",
            "Record that you both agreed it face to face (not a cryptographic signature).",
        )
        self.addendum_field = QPlainTextEdit()
        self.addendum_field.setAccessibleName("Addendum text")
        self.addendum_field.setAccessibleDescription(
            "A correction or addition to the agreed record you've chosen."
        )
        self.addendum_field.setPlaceholderText("What the addendum says")
        self.addendum_field.setTabChangesFocus(True)
        self.addendum_field.setMaximumHeight(70)
        self.addendum_button = button(
            "Send an addendum…", "Save an addendum to the chosen agreed record for agreement."
        )
        self.message = MessageLabel("Sending message")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        row = QHBoxLayout()
        row.addWidget(field_label("Send a session", self.session_box))
        row.addWidget(self.session_box, 1)
        row.addWidget(self.send_button)
        row.addWidget(self.in_room_button)
        layout.addLayout(row)
        self.addendum_title = label("", "hint")
        layout.addWidget(self.addendum_title)
        addendum_row = QHBoxLayout()
        addendum_row.addWidget(self.addendum_field, 1)
        addendum_row.addWidget(self.addendum_button)
        layout.addLayout(addendum_row)
        layout.addWidget(self.message)

        self.send_button.clicked.connect(self.on_send_button_clicked)
        self.addendum_button.clicked.connect(self.on_addendum_button_clicked)
        self.in_room_button.clicked.connect(self.on_in_room_button_clicked)
        self.refresh()
        self.set_addendum_target(None)

    def refresh(self) -> None:
        self.session_box.clear()
        ready = sessions_ready_to_send(self._services.sessions, self._services.agreements)
        for session_id, text in ready:
            self.session_box.addItem(text, session_id)
        if not ready:
            self.session_box.addItem("No session is ready to send yet", None)
        self.session_box.setEnabled(bool(ready))
        self.send_button.setEnabled(bool(ready))
        self.in_room_button.setEnabled(bool(ready))

    def set_addendum_target(self, record_id: str | None) -> None:
        """Addenda are offered for any agreed or in-room record, to either person."""
        self._addendum_to = record_id
        self.addendum_title.setText(
            f"Agreed records can't change. To correct or add to {record_id[:8]}, send an addendum:"
            if record_id
            else ""
        )
        for widget in (self.addendum_title, self.addendum_field, self.addendum_button):
            widget.setEnabled(record_id is not None)
            widget.setVisible(record_id is not None)

    def _save(self, caption: str, make: Callable[[Deliver], str]) -> str | None:
        path = dialogs.save_file(self, caption, Path.home() / "request.swx", EXCHANGE_FILTER)
        if path is None:
            return None
        try:
            return make(lambda data: atomic_write(path, data))
        except OSError:
            self.message.show_message("That file couldn't be written. Nothing was changed.")
        except SwreflectError as exc:
            self.message.show_message(exc.message)
        return None

    def select_session(self, session_id: str) -> bool:
        """Choose ``session_id`` in the list (after refreshing it); False if it isn't there."""
        self.refresh()
        index = self.session_box.findData(session_id)
        if index < 0:
            return False
        self.session_box.setCurrentIndex(index)
        return True

    def _not_paired_with(self, session_id: str) -> str | None:
        """The other person's name if this vault hasn't paired with them yet."""
        services = self._services
        session = services.sessions.get(session_id)
        person = services.agreements.person_of(services.agreements.get(session.agreement_id))
        try:
            services.identity.pairing(str(person.id))
        except SwreflectError:
            return person.display_name
        return None

    def on_send_button_clicked(self) -> None:
        session_id = self.session_box.currentData()
        if not session_id:
            return
        unpaired = self._not_paired_with(session_id)
        if unpaired is not None:  # say so before asking where to save anything
            self.message.show_message(
                f"You haven't paired with {unpaired} yet, so a request can't be made for them. "
                "Pair in Settings, under Your identity (you each check the other's "
                "fingerprint), then send it from here. You can also agree it together in "
                "the room."
            )
            return
        signoff = self._services.signoff

        def make(deliver: Deliver) -> str:
            signoff.request_session_agreement(session_id, deliver=deliver)
            return str(self._services.sessions.get(session_id).record_id)

        record_id = self._save("Save the agreement request", make)
        if record_id:
            self.refresh()
            self.message.show_message(
                "Saved. Send the file to them; only their vault can open it.", "success"
            )
            self.request_saved.emit(record_id)

    def on_in_room_button_clicked(self) -> None:
        """The other person reads the whole record here and has their own comment box."""
        from swreflect.gui.signing.in_room_dialog import InRoomDialog

        session_id = self.session_box.currentData()
        if not session_id:
            return
        try:
            dialog = InRoomDialog(self._services, session_id, self)
        except SwreflectError as exc:
            self.message.show_message(exc.message)
            return
        self.in_room_dialog = dialog
        dialog.accepted.connect(self.on_in_room_dialog_accepted)
        dialog.open()

    def on_in_room_dialog_accepted(self) -> None:
        record_id = self.in_room_dialog.record_id
        if record_id is None:
            return
        self.refresh()
        message = "Recorded as acknowledged in the room, with their own words kept alongside."
        ref = self._services.signoff.latest(record_id).counterpart_ref
        if any(p.person_ref == ref for p in self._services.identity.pairings()):
            path = dialogs.save_file(
                self, "Save a copy for them", Path.home() / "in-room-copy.swx", EXCHANGE_FILTER
            )
            if path is not None:
                try:
                    self._services.signoff.in_room_copy(
                        record_id, deliver=lambda data: atomic_write(path, data)
                    )
                    message += " Their copy is saved: send it so their vault holds it too."
                except (OSError, SwreflectError):
                    message += " Their copy couldn't be saved; make it again from the record."
        self.message.show_message(message, "success")
        self.request_saved.emit(record_id)

    def on_addendum_button_clicked(self) -> None:
        target = self._addendum_to
        if target is None:
            return
        text = self.addendum_field.toPlainText()
        records = self._services.records

        def make(deliver: Deliver) -> str:
            return str(records.send_addendum(target, text, deliver=deliver))

        record_id = self._save("Save the addendum request", make)
        if record_id:
            self.addendum_field.clear()
            self.message.show_message("Saved the addendum for them to agree.", "success")
            self.request_saved.emit(record_id)
