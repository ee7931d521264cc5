"""Restoring the vault from a backup: the latest automatic copy, or a "Back up to…" file.

Reached from the create-vault screen (a new computer: only the file choice is offered) and
from the unlock screen (for example after a "damaged vault" message). The screen only
gathers the choice and the secret; the restore itself runs in a worker owned by
``swreflect.gui.backup_hooks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.backup_labels import BackupLabel, label_for_file
from swreflect.gui import dialogs
from swreflect.gui.ui import MessageLabel, button, field_label, hint, password_field, title

LATEST = "latest"
FILE = "file"
PASSPHRASE = "passphrase"
RECOVERY = "recovery"


@dataclass(frozen=True)
class RestoreRequest:
    mode: str  # LATEST or FILE
    path: Path | None
    kind: str  # PASSPHRASE or RECOVERY
    secret: str
    label: BackupLabel | None = None  # the backup named on the screen, if one could be


def _radio(text: str, description: str) -> QRadioButton:
    widget = QRadioButton(text)
    widget.setAccessibleName(text)
    widget.setAccessibleDescription(description)
    return widget


class RestoreScreen(QWidget):
    restore_requested = Signal(object)  # RestoreRequest
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Restore from a backup")
        self._path: Path | None = None
        self._newest: BackupLabel | None = None
        self._file_label: BackupLabel | None = None

        self.latest_choice = _radio(
            "The latest automatic backup on this computer",
            "swreflect keeps a daily encrypted copy of your vault; use the newest sound one.",
        )
        self.file_choice = _radio(
            "A backup file, for example on a USB stick",
            "A file made with 'Back up to…'.",
        )
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.latest_choice)
        self.mode_group.addButton(self.file_choice)
        self.file_field = QLineEdit()
        self.file_field.setReadOnly(True)
        self.file_field.setPlaceholderText("No file chosen yet")
        self.file_field.setAccessibleName("Backup file")
        self.file_field.setAccessibleDescription("The backup file that will be restored.")
        self.choose_button = button("Choose file…", "Pick the backup file to restore.")

        self.passphrase_choice = _radio("Passphrase", "Open the backup with its passphrase.")
        self.recovery_choice = _radio("Recovery key", "Open the backup with the recovery key.")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.passphrase_choice)
        self.kind_group.addButton(self.recovery_choice)
        self.passphrase_choice.setChecked(True)
        self.secret_field = password_field(
            "Passphrase or recovery key",
            "The passphrase the vault had when the backup was made, or its recovery key.",
        )
        self.which = hint("")
        self.which.setObjectName("restoreWhich")
        self.which.setAccessibleName("Which backup")
        self.message = MessageLabel("Message")
        self.restore_button = button(
            "Restore", "Check the backup, then put it in place of the vault here.", "primary"
        )
        self.restore_button.setDefault(True)
        self.back_button = button("Back", "Return to the previous screen.", "link")

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title("Restore from a backup"))
        self.explanation = hint("")
        layout.addWidget(self.explanation)
        layout.addWidget(self.latest_choice)
        layout.addWidget(self.file_choice)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(self.choose_button)
        layout.addLayout(file_row)
        layout.addWidget(self.which)
        kind_row = QHBoxLayout()
        kind_row.addWidget(field_label("Open it with"))
        kind_row.addWidget(self.passphrase_choice)
        kind_row.addWidget(self.recovery_choice)
        kind_row.addStretch(1)
        layout.addLayout(kind_row)
        layout.addWidget(self.secret_field)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        layout.addStretch(1)

        self.mode_group.buttonToggled.connect(self.on_mode_group_button_toggled)
        self.kind_group.buttonToggled.connect(self.on_kind_group_button_toggled)
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        self.secret_field.textChanged.connect(self.on_secret_field_text_changed)
        self.secret_field.returnPressed.connect(self.on_restore_button_clicked)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.back_button.clicked.connect(self.back_requested)
        self.offer(latest=False)

    # ------------------------------------------------------------ set-up
    def offer(self, *, latest: bool, newest: BackupLabel | None = None) -> None:
        """Show the choices that make sense here: the latest backup only for an existing vault
        (``newest`` names it, before anything is asked)."""
        self.reset()
        self._newest = newest if latest else None
        self.latest_choice.setVisible(latest)
        self.file_choice.setVisible(latest)
        (self.latest_choice if latest else self.file_choice).setChecked(True)
        if latest:
            self.explanation.setText(
                "If the vault on this computer is damaged, swreflect can put back the newest "
                "automatic backup that passes its checks. Changes made since then will be lost."
            )
        else:
            self.explanation.setText(
                "Moving to a new computer? Choose the backup file you made with 'Back up to…' "
                "and open it with your passphrase or recovery key."
            )
        self._refresh()

    def focus_first(self) -> None:
        if self.file_choice.isChecked() and self._path is None:
            self.choose_button.setFocus()
        else:
            self.secret_field.setFocus()

    # ------------------------------------------------------------ slots
    def on_mode_group_button_toggled(self, _button: object, _checked: bool) -> None:
        self._refresh()

    def on_kind_group_button_toggled(self, _button: object, _checked: bool) -> None:
        recovery = self.recovery_choice.isChecked()
        self.secret_field.setPlaceholderText(
            "Your recovery key, e.g. ABCD-EFGH-…" if recovery else "The backup's passphrase"
        )

    def on_choose_button_clicked(self) -> None:
        chosen = dialogs.open_file(
            self, "Choose a backup file", Path.home(), "swreflect backups (*.swrbak);;All files (*)"
        )
        if chosen is not None:
            self._path = chosen
            self._file_label = label_for_file(chosen)
            self.file_field.setText(str(chosen))
            self.secret_field.setFocus()
        self._refresh()

    def on_secret_field_text_changed(self, _text: str) -> None:
        self._refresh()

    def on_restore_button_clicked(self) -> None:
        if not self.restore_button.isEnabled():
            return
        self.message.clear_message()
        mode = LATEST if self.latest_choice.isChecked() else FILE
        kind = RECOVERY if self.recovery_choice.isChecked() else PASSPHRASE
        path = self._path if mode == FILE else None
        self.restore_requested.emit(
            RestoreRequest(mode, path, kind, self.secret_field.text(), self.chosen_label())
        )

    def chosen_label(self) -> BackupLabel | None:
        """The backup the screen names: the newest automatic one, or the chosen file."""
        return self._file_label if self.file_choice.isChecked() else self._newest

    # ------------------------------------------------------------ state
    def _refresh(self) -> None:
        wants_file = self.file_choice.isChecked()
        self.file_field.setEnabled(wants_file)
        self.choose_button.setEnabled(wants_file)
        ready = bool(self.secret_field.text()) and (not wants_file or self._path is not None)
        self.restore_button.setEnabled(ready)
        which = self._which_text(wants_file)
        self.which.setText(which)
        self.which.setVisible(bool(which))

    def _which_text(self, wants_file: bool) -> str:
        if wants_file:
            if self._path is None:
                return ""
            if self._file_label is None:
                return f"“{self._path.name}” can't be read; choose another file."
            return f"This will restore {self._file_label.describe()}."
        if self._newest is None:
            return "There is no automatic backup on this computer yet."
        return (
            f"The newest automatic backup is {self._newest.describe()}. If it fails its "
            "checks, the newest sound one before it is used."
        )

    def show_error(self, text: str) -> None:
        self.secret_field.clear()
        self.message.show_message(text)
        self.secret_field.setFocus()

    def reset(self) -> None:
        self._path = None
        self._file_label = None
        self.file_field.clear()
        self.secret_field.clear()
        self.passphrase_choice.setChecked(True)
        self.on_kind_group_button_toggled(None, True)
        self.message.clear_message()
        self._refresh()
