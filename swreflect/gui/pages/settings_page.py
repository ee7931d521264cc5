"""Settings: security (passphrase, recovery key) and auto-lock.

Changing the passphrase proves the current one and rewraps the key in a worker (it runs the
slow key derivation twice), so the window stays responsive. A new recovery key is shown once,
inline, with the same save/print/confirm panel as at creation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.core.settings import (
    AUTO_LOCK_MAX_MINUTES,
    AUTO_LOCK_MIN_MINUTES,
    CLIPBOARD_MAX_SECONDS,
    CLIPBOARD_MIN_SECONDS,
)
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.clipboard import SecureClipboard
from swreflect.gui.pages.backups_panel import BackupsPanel
from swreflect.gui.pages.organisation_panel import OrganisationPanel
from swreflect.gui.screens.passphrase_form import PassphraseForm
from swreflect.gui.screens.recovery_key_panel import RecoveryKeyPanel
from swreflect.gui.signing.identity_panel import IdentityPanel, people_choices
from swreflect.gui.ui import MessageLabel, button, field_label, hint, label, password_field, title
from swreflect.gui.workers import TaskRunner


class SettingsPage(QScrollArea):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._pending_recovery_key: str | None = None
        self._runner = TaskRunner(self)
        self._clipboard = SecureClipboard(
            services.clock, services.settings.clipboard_clear_seconds(), parent=self
        )
        self.setAccessibleName("Settings")
        self.setWidgetResizable(True)

        # --- passphrase
        self.current_field = password_field(
            "Current passphrase", "The passphrase you use to unlock the vault now."
        )
        self.new_form = PassphraseForm("New passphrase")
        self.change_button = button(
            "Change passphrase", "Lock the vault with the new passphrase from now on.", "primary"
        )
        self.change_busy = QProgressBar()
        self.change_busy.setProperty("role", "busy")
        self.change_busy.setRange(0, 0)
        self.change_busy.setTextVisible(False)
        self.change_busy.setAccessibleName("Changing the passphrase")
        self.change_busy.hide()
        self.passphrase_message = MessageLabel("Passphrase message")

        # --- recovery key
        self.rotate_button = button(
            "Make a new recovery key…",
            "Show a new recovery key; the old one stops once you confirm you stored it.",
        )
        self.recovery_panel = RecoveryKeyPanel(
            services.clock, self._clipboard, "Your new recovery key", "Done"
        )
        self.recovery_panel.hide()
        self.recovery_message = MessageLabel("Recovery key message")

        # --- auto-lock
        self.auto_lock_box = QSpinBox()
        self.auto_lock_box.setRange(AUTO_LOCK_MIN_MINUTES, AUTO_LOCK_MAX_MINUTES)
        self.auto_lock_box.setSuffix(" minutes")
        self.auto_lock_box.setMinimumWidth(140)
        self.auto_lock_box.setValue(services.settings.auto_lock_minutes())
        self.auto_lock_box.setAccessibleName("Auto-lock after")
        self.auto_lock_box.setAccessibleDescription(
            "Lock swreflect after this many minutes without use (1 to 60)."
        )
        self.auto_lock_saved = hint("")
        self.auto_lock_saved.setAccessibleName("Auto-lock saved")

        # --- clipboard
        self.clipboard_box = QSpinBox()
        self.clipboard_box.setRange(CLIPBOARD_MIN_SECONDS, CLIPBOARD_MAX_SECONDS)
        self.clipboard_box.setSuffix(" seconds")
        self.clipboard_box.setMinimumWidth(140)
        self.clipboard_box.setValue(services.settings.clipboard_clear_seconds())
        self.clipboard_box.setAccessibleName("Clear the clipboard after")
        self.clipboard_box.setAccessibleDescription(
            f"Anything copied from swreflect is cleared after this many seconds "
            f"({CLIPBOARD_MIN_SECONDS} to {CLIPBOARD_MAX_SECONDS}), and always on lock."
        )
        self.clipboard_saved = hint("")
        self.clipboard_saved.setAccessibleName("Clipboard setting saved")

        body = QWidget()
        body.setObjectName("pageArea")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(12)
        layout.addWidget(title("Settings"))
        layout.addWidget(label("Security", "section"))
        layout.addWidget(label("Change your passphrase", "subsection"))
        self.new_form.form_layout.insertRow(
            0, field_label("Current passphrase", self.current_field), self.current_field
        )
        layout.addWidget(self.new_form)
        row = QHBoxLayout()
        row.addWidget(self.change_busy, 1)
        row.addStretch(1)
        row.addWidget(self.change_button)
        layout.addLayout(row)
        layout.addWidget(self.passphrase_message)

        layout.addWidget(label("Recovery key", "subsection"))
        layout.addWidget(
            hint(
                "If your recovery key may have been seen by someone else, make a new one. "
                "The old key keeps working until you confirm that the new one is stored."
            )
        )
        rotate_row = QHBoxLayout()
        rotate_row.addWidget(self.rotate_button)
        rotate_row.addStretch(1)
        layout.addLayout(rotate_row)
        layout.addWidget(self.recovery_message)
        layout.addWidget(self.recovery_panel)

        layout.addWidget(label("Auto-lock", "subsection"))
        layout.addWidget(hint("swreflect locks itself when you haven't used it for a while."))
        lock_row = QHBoxLayout()
        lock_row.addWidget(field_label("Lock after", self.auto_lock_box))
        lock_row.addWidget(self.auto_lock_box)
        lock_row.addWidget(self.auto_lock_saved)
        lock_row.addStretch(1)
        layout.addLayout(lock_row)
        clip_row = QHBoxLayout()
        clip_row.addWidget(field_label("Clear the clipboard after", self.clipboard_box))
        clip_row.addWidget(self.clipboard_box)
        clip_row.addWidget(self.clipboard_saved)
        clip_row.addStretch(1)
        layout.addLayout(clip_row)
        layout.addWidget(label("Your organisation", "section"))
        self.organisation_panel = OrganisationPanel(services)
        layout.addWidget(self.organisation_panel)
        layout.addWidget(label("Your data", "section"))
        self.backups_panel = BackupsPanel(services)
        layout.addWidget(self.backups_panel)

        layout.addWidget(label("Signing and pairing", "section"))
        self.identity_panel = IdentityPanel(services.identity, people_choices(services))
        layout.addWidget(self.identity_panel)
        layout.addStretch(1)
        for child in (body,):
            child.setMaximumWidth(760)
        self.setWidget(body)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.new_form.changed.connect(self.on_new_form_changed)
        self.current_field.textChanged.connect(self.on_new_form_changed)
        self.change_button.clicked.connect(self.on_change_button_clicked)
        self.rotate_button.clicked.connect(self.on_rotate_button_clicked)
        self.recovery_panel.confirmed.connect(self.on_recovery_panel_confirmed)
        self.auto_lock_box.valueChanged.connect(self.on_auto_lock_box_value_changed)
        self.clipboard_box.valueChanged.connect(self.on_clipboard_box_value_changed)
        self._runner.busy_changed.connect(self.on_runner_busy_changed)
        self.setTabOrder(self.current_field, self.new_form.passphrase_field)
        self.setTabOrder(self.new_form.suggest_button, self.change_button)
        self.setTabOrder(self.change_button, self.rotate_button)
        self.setTabOrder(self.rotate_button, self.auto_lock_box)
        self.setTabOrder(self.auto_lock_box, self.clipboard_box)
        self.on_new_form_changed()

    # ------------------------------------------------------------ passphrase
    def on_new_form_changed(self, _text: str = "") -> None:
        ready = bool(self.current_field.text()) and self.new_form.is_ready()
        self.change_button.setEnabled(ready and not self._runner.busy)

    def on_change_button_clicked(self) -> None:
        current = self.current_field.text()
        new = self.new_form.passphrase()
        confirm = self.new_form.confirm_field.text()
        if not current or not self.new_form.is_ready():
            return
        self.passphrase_message.clear_message()
        security = self._services.security
        self._runner.start(
            lambda: security.change_passphrase(current, new, confirm),
            self.on_change_succeeded,
            self.on_change_failed,
        )

    def on_change_succeeded(self, _result: object) -> None:
        self.current_field.clear()
        self.new_form.clear()
        self.passphrase_message.show_message(
            "Your passphrase has been changed. Use the new one next time you unlock.", "success"
        )

    def on_change_failed(self, message: str) -> None:
        self.current_field.clear()
        self.passphrase_message.show_message(message)
        self.current_field.setFocus()

    def on_runner_busy_changed(self, busy: bool) -> None:
        self.change_busy.setVisible(busy)
        for widget in (self.current_field, self.new_form, self.rotate_button):
            widget.setEnabled(not busy)
        self.on_new_form_changed()

    # ------------------------------------------------------------ recovery key
    def on_rotate_button_clicked(self) -> None:
        agreed = dialogs.confirm(
            self,
            "Make a new recovery key",
            "You'll see a new recovery key once, to save or print. Your current key keeps "
            "working until you confirm that you have stored the new one.",
            "Make a new key",
        )
        if not agreed:
            return
        # Nothing is written yet (D3): the old key is revoked only after "I have stored it".
        self._pending_recovery_key = self._services.security.propose_recovery_key()
        self.recovery_message.clear_message()
        self.recovery_panel.show_key(self._pending_recovery_key)
        self.recovery_panel.show()
        self.rotate_button.setEnabled(False)
        self.recovery_panel.focus_first()

    def on_recovery_panel_confirmed(self) -> None:
        pending, self._pending_recovery_key = self._pending_recovery_key, None
        self.recovery_panel.clear()
        self.recovery_panel.hide()
        self.rotate_button.setEnabled(True)
        if pending is None:
            return
        try:
            self._services.security.confirm_recovery_key(pending)
        except SwreflectError as exc:
            self.recovery_message.show_message(exc.message)
            return
        self.recovery_message.show_message(
            "Your new recovery key is in place. The old one no longer works.", "success"
        )

    # ------------------------------------------------------------ auto-lock
    def on_auto_lock_box_value_changed(self, minutes: int) -> None:
        try:
            self._services.settings.set_auto_lock_minutes(minutes)
        except SwreflectError as exc:
            self.auto_lock_saved.setText(exc.message)
            return
        self.auto_lock_saved.setText("Saved")

    def on_clipboard_box_value_changed(self, seconds: int) -> None:
        try:
            self._services.settings.set_clipboard_clear_seconds(seconds)
        except SwreflectError as exc:
            self.clipboard_saved.setText(exc.message)
            return
        self._clipboard.clear_after_seconds = float(seconds)
        self.clipboard_saved.setText("Saved")

    # ------------------------------------------------------------ page protocol
    def save_pending(self) -> None:
        """Before locking: let a passphrase change that is under way finish first."""
        self._runner.wait_for_done()

    def clear_sensitive(self) -> None:
        self.current_field.clear()
        self.new_form.clear()
        # A key shown but not confirmed is dropped: the old key stays in force.
        self._pending_recovery_key = None
        self.recovery_panel.clear()
        self.recovery_panel.hide()
        self.rotate_button.setEnabled(True)
        self._clipboard.clear_if_ours()

    def page_shown(self) -> None:
        self.backups_panel.refresh_status()
