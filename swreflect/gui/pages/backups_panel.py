"""Backups panel (shown in Settings): an encrypted backup file, back up now, JSON export.

"Back up to…" writes one encrypted file (the passphrase or the recovery key opens it). The
JSON export is the one way data leaves swreflect unencrypted, so the page asks first and says
so plainly. All three run in a worker; the page only shows progress and the outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from swreflect.core.portability import PLAINTEXT_WARNING
from swreflect.core.record_service import Spotted
from swreflect.core.services import Services
from swreflect.gui import dialogs
from swreflect.gui.ui import MessageLabel, button, hint, label
from swreflect.gui.workers import TaskRunner
from swreflect.timefmt import format_moment, plural

EXPORT_TITLE = "Export without encryption?"


class BackupsPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = TaskRunner(self)
        self.setAccessibleName("Backups")

        self.status = label("", "hint")
        self.status.setAccessibleName("Automatic backups")
        self.backup_to_button = button(
            "Back up to…", "Save one encrypted backup file where you choose.", "primary"
        )
        self.backup_now_button = button(
            "Back up now", "Make an encrypted copy in the vault's backups folder now."
        )
        self.export_button = button(
            "Export everything as JSON…", "Save all your records as a plain, unencrypted file."
        )
        self.busy = QProgressBar()
        self.busy.setProperty("role", "busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        self.message = MessageLabel("Backup message")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(label("Backups", "subsection"))
        layout.addWidget(
            hint(
                "swreflect keeps an encrypted copy of your vault on this computer once a day: "
                "the ten most recent, plus one a month for a year. To be safe if this computer "
                "is lost, also keep a backup file somewhere else, such as a USB stick."
            )
        )
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.backup_to_button)
        row.addWidget(self.backup_now_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(label("Take your records elsewhere", "subsection"))
        layout.addWidget(
            hint(
                "An export holds everything in your vault as JSON, a plain format other tools "
                "can read. It is not encrypted, so keep it safe."
            )
        )
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        layout.addLayout(export_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)

        self.backup_to_button.clicked.connect(self.on_backup_to_button_clicked)
        self.backup_now_button.clicked.connect(self.on_backup_now_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.refresh_status()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_status()
        super().showEvent(event)

    def refresh_status(self) -> None:
        backups = self._services.backups.list_backups()
        if not backups:
            self.status.setText("There are no automatic backups yet.")
        else:
            newest = format_moment(backups[0].taken_at, with_zone=True)
            count = plural(len(backups), "backup")
            self.status.setText(f"{count} kept. The newest was made {newest}.")

    def _today(self) -> str:
        return self._services.clock.now().strftime("%Y-%m-%d")

    # ------------------------------------------------------------ actions
    def on_backup_to_button_clicked(self) -> None:
        dest = dialogs.save_file(
            self,
            "Back up to",
            Path.home() / f"swreflect-backup-{self._today()}.swrbak",
            "swreflect backups (*.swrbak)",
        )
        if dest is None:
            return
        backups = self._services.backups
        self._start(
            lambda: backups.back_up_to(dest),
            f"Saved an encrypted backup to {dest}. Your passphrase or recovery key opens it.",
        )

    def on_backup_now_button_clicked(self) -> None:
        backups = self._services.backups
        self._start(backups.create_backup, "Made an encrypted backup in the backups folder.")

    def on_export_button_clicked(self) -> None:
        if not dialogs.confirm(self, EXPORT_TITLE, PLAINTEXT_WARNING, "Export anyway"):
            return
        dest = dialogs.save_file(
            self,
            "Export everything as JSON",
            Path.home() / f"swreflect-export-{self._today()}.json",
            "JSON files (*.json)",
        )
        if dest is None:
            return
        services = self._services

        def gather() -> tuple[dict[str, Any], list[Spotted]]:
            # In the worker: read everything once and look for identifying details in it.
            from swreflect.core.export_check import identifiers_in_export

            document = services.portability.export_document()
            agreed = services.signoff.agreed_records()
            names = services.records.pseudonyms()
            return document, identifiers_in_export(document, agreed, names)

        def checked(result: object) -> None:
            document, spotted = cast(tuple[dict[str, Any], list[Spotted]], result)
            self._set_busy(False)
            if spotted and not self._go_on_despite(spotted):
                self.message.show_message("Nothing was exported.")
                return
            self._start(
                lambda: services.portability.export_json(dest, document),
                f"Exported everything to {dest}. Remember: this file is not encrypted.",
            )

        self._set_busy(True)
        self.message.clear_message()
        self._runner.start(gather, checked, self.on_work_failed)

    def _go_on_despite(self, spotted: list[Spotted]) -> bool:
        """The last check before the plain-text copy leaves the vault: they decide."""
        listed = "\n".join(f"• {s.describe()}" for s in spotted[:8])
        more = f"\n…and {len(spotted) - 8} more." if len(spotted) > 8 else ""
        return dialogs.confirm(
            self,
            "This might identify someone",
            "The export would include these, which look like identifying details:\n\n"
            f"{listed}{more}\n\nYou can change them first (a journal entry's pseudonym swap "
            "helps), or export anyway if you need your full copy.",
            "Export anyway",
        )

    # ------------------------------------------------------------ worker plumbing
    def _start(self, work: Callable[[], object], done_text: str) -> None:
        self._set_busy(True)
        self.message.clear_message()

        def succeeded(_result: object) -> None:
            self.on_work_succeeded(done_text)

        self._runner.start(work, succeeded, self.on_work_failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.backup_to_button, self.backup_now_button, self.export_button):
            widget.setEnabled(not busy)

    def on_work_succeeded(self, text: str) -> None:
        self._set_busy(False)
        self.refresh_status()
        self.message.show_message(text, "success")

    def on_work_failed(self, message: str) -> None:
        self._set_busy(False)
        self.message.show_message(message)

    def clear_sensitive(self) -> None:
        self.message.clear_message()
