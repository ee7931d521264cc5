"""Showing a recovery key once, with ways to keep it and a confirmation gate.

Used after creating a vault and after making a new recovery key in Settings. The key stays in
this panel only until ``clear()`` (called when the person continues, or when the app locks).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from swreflect.core.clock import Clock
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.clipboard import SecureClipboard
from swreflect.gui.ui import MessageLabel, button, hint, title
from swreflect.timefmt import format_date

log = logging.getLogger(__name__)


class RecoveryKeyPanel(QWidget):
    confirmed = Signal()

    def __init__(
        self,
        clock: Clock,
        clipboard: SecureClipboard,
        heading: str = "Your recovery key",
        continue_text: str = "Continue",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(heading)
        self._clock = clock
        self._clipboard = clipboard
        self._key = ""
        self.key_label = QLabel()
        self.key_label.setProperty("role", "recovery-key")
        self.key_label.setWordWrap(True)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName("Recovery key")
        self.save_button = button("Save as PDF…", "Save a printable sheet with this key.")
        self.print_button = button("Print…", "Print a sheet with this key.")
        self.copy_button = button(
            "Copy", "Copy the key; it is cleared from the clipboard after a few seconds."
        )
        self.stored_box = QCheckBox("I have stored my recovery key safely")
        self.stored_box.setAccessibleName("I have stored my recovery key safely")
        self.stored_box.setAccessibleDescription("Tick this once the key is saved or printed.")
        self.message = MessageLabel("Message")
        self.continue_button = button(continue_text, "Carry on once the key is stored.", "primary")
        self.continue_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title(heading))
        layout.addWidget(
            hint(
                "If you ever forget your passphrase, this key is the only way back into your "
                "vault. It is shown only this once. Save it as a PDF or print it, and keep it "
                "somewhere safe, away from this computer."
            )
        )
        layout.addWidget(self.key_label)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.stored_box)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        layout.addLayout(row)
        layout.addStretch(1)

        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.stored_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.on_continue_button_clicked)

    def show_key(self, recovery_key: str) -> None:
        self._key = recovery_key
        groups = recovery_key.split("-")
        lines = ["  ".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
        self.key_label.setText("\n".join(lines))
        self.key_label.setAccessibleDescription(" ".join(groups))
        self.stored_box.setChecked(False)
        self.message.clear_message()

    def clear(self) -> None:
        self._key = ""
        self.key_label.clear()
        self.key_label.setAccessibleDescription("")
        self.stored_box.setChecked(False)
        self.message.clear_message()

    def focus_first(self) -> None:
        self.save_button.setFocus()

    def on_save_button_clicked(self) -> None:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = Path(documents or Path.home()) / "swreflect-recovery-key.pdf"
        path = dialogs.save_file(
            self, "Save recovery key as PDF", suggested, "PDF documents (*.pdf)"
        )
        if path is None:
            return
        from swreflect.core.recovery_sheet import save_recovery_sheet

        try:
            written = save_recovery_sheet(path, self._key, self._clock.now())
        except (OSError, SwreflectError) as exc:
            log.warning("recovery sheet not saved: %s", type(exc).__name__)
            self.message.show_message(
                "The PDF couldn't be saved there. Nothing was written; "
                "please choose another folder."
            )
            return
        self.message.show_message(f"Saved as {written.name}.", "success")

    def on_print_button_clicked(self) -> None:
        printer = dialogs.choose_printer(self, "Print recovery key")
        if printer is None:
            return
        from swreflect.gui.recovery_print import print_recovery_key

        print_recovery_key(printer, self._key, format_date(self._clock.now()))
        self.message.show_message("Sent to the printer.", "success")

    def on_copy_button_clicked(self) -> None:
        self._clipboard.copy(self._key)
        self.message.show_message(
            "Copied. It will be cleared from the clipboard in a few seconds.", "success"
        )

    def on_continue_button_clicked(self) -> None:
        if self.stored_box.isChecked():
            self.confirmed.emit()
