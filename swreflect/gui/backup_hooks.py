"""Backups in the shell: the daily backup after unlocking, and restoring from the gate.

Attached to a ``ShellController`` by ``launch.compose`` (one object per shell, found again
with ``BackupHooks.of(shell)``). It adds:

* a "Restore from a backup file…" link on the create-vault screen (a new computer);
* a "Restore from a backup…" link on the unlock screen, which also offers the latest
  automatic backup: the remedy the "damaged vault" message points to;
* the restore screen itself, whose work (checks, atomic swap, then unlocking with the same
  secret) runs in the shell's worker pool;
* after every unlock, today's automatic backup in a worker (once a day, decided by the
  backup service with the injected clock); its result is recorded on the UI thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from swreflect.core import vault_access
from swreflect.gui.gate_links import GateLink
from swreflect.gui.screens import gate_window as gate_names
from swreflect.gui.ui import button

if TYPE_CHECKING:
    from swreflect.core.backup_labels import BackupLabel
    from swreflect.core.services import Services
    from swreflect.core.vault_access import Vault
    from swreflect.gui.controller import ShellController
    from swreflect.gui.screens.restore_screen import RestoreRequest, RestoreScreen
    from swreflect.models.unlock_progress import UnlockListener

# The restore screen, its dialogs and the backup labels load when a restore is first asked
# for: the unlock screen shows only the link (issue 16: start-up within 1.5x a bare window).

log = logging.getLogger(__name__)

REPLACE_TITLE = "Replace your vault with the backup?"
RESTORED_TITLE = "Vault restored"
REPLACE_TEXT = (
    "Everything in the vault on this computer will be replaced by what the backup holds. "
    "Anything written since the backup was made will be lost."
)


def _restore_and_open(
    folder: Path, request: RestoreRequest, progress: UnlockListener | None = None
) -> tuple[Vault, BackupLabel | None]:
    """Worker body: restore (every check happens before the swap), then unlock. Returns the
    vault and the backup that was used (for "latest", the one that passed the checks).
    A backup made by an earlier version is updated while it is opened: ``progress`` hears it."""
    from swreflect.core import backup_service
    from swreflect.core.backup_labels import label_for_taken
    from swreflect.gui.screens.restore_screen import LATEST, RECOVERY

    if request.kind == RECOVERY:
        secret: dict[str, str] = {"recovery_key": request.secret}
    else:
        secret = {"passphrase": request.secret}
    used = request.label
    if request.mode == LATEST:
        info = backup_service.restore_latest_backup(folder, **secret)
        used = label_for_taken(info.path, info.taken_at)
    else:
        assert request.path is not None
        backup_service.restore_from_file(folder, request.path, replace_other=True, **secret)
    recovery = request.kind == RECOVERY
    vault = vault_access.unlock_vault(
        folder, request.secret, recovery_key=recovery, progress=progress
    )
    return vault, used


def restored_text(used: BackupLabel | None) -> str:
    """What the app says once a restore has worked: which backup, made when."""
    what = "the backup" if used is None else used.describe()
    return (
        f"Your vault was restored from {what}. It passed both integrity checks. "
        "Anything written after that backup was made is not in it."
    )


DAILY_BACKUP_DELAY_MS = 1500  # after unlock: Home paints first, the backup follows
LATER_TODAY_MS = 2 * 60 * 60 * 1000  # a backup put off is tried again two hours later


class BackupHooks(QObject):
    daily_backup_finished = Signal(object)  # BackupInfo, or None when today's already exists
    daily_backup_failed = Signal(str)
    restore_failed = Signal(str)
    restored = Signal(str)  # what the person was told: which backup, made when

    def __init__(self, shell: ShellController) -> None:
        super().__init__(shell)
        self.shell = shell
        # before the first screen is chosen, so a restore cut short still finds its vault
        vault_access.finish_interrupted_restore(shell.folder)
        self._restore_screen: RestoreScreen | None = None
        self._came_from: QWidget | None = None

        self.create_link = button(
            "Restore from a backup file…",
            "Moving to a new computer? Put your vault back from a backup file.",
            "link",
        )
        self.unlock_link = button(
            "Restore from a backup…",
            "If the vault is damaged, put back the latest automatic backup or a backup file.",
            "link",
        )
        GateLink(shell, gate_names.CREATE, self.create_link)
        GateLink(shell, gate_names.UNLOCK, self.unlock_link)

        self.create_link.clicked.connect(self.on_create_link_clicked)
        self.unlock_link.clicked.connect(self.on_unlock_link_clicked)
        shell.unlocked.connect(self.on_shell_unlocked)
        shell.locked.connect(self.on_shell_locked)

    @property
    def restore_screen(self) -> RestoreScreen:
        """Built the first time someone asks to restore."""
        if self._restore_screen is None:
            from swreflect.gui.screens.restore_screen import RestoreScreen

            screen = RestoreScreen()
            self.shell.gate.stack.addWidget(screen)
            screen.restore_requested.connect(self.on_restore_screen_restore_requested)
            screen.back_requested.connect(self.on_restore_screen_back_requested)
            self._restore_screen = screen
        return self._restore_screen

    @staticmethod
    def of(shell: ShellController) -> BackupHooks:
        found = shell.findChild(BackupHooks)
        assert found is not None
        return found

    # ------------------------------------------------------------ navigation
    def _show_restore(self, *, latest: bool) -> None:
        from swreflect.core.backup_labels import newest_automatic

        self._came_from = self.shell.gate.current_screen()
        newest = newest_automatic(self.shell.folder) if latest else None
        self.restore_screen.offer(latest=latest, newest=newest)
        self.shell.gate.show_screen(self.restore_screen)

    def on_create_link_clicked(self) -> None:
        self._show_restore(latest=False)

    def on_unlock_link_clicked(self) -> None:
        self.shell.gate.unlock_screen.reset()
        self._show_restore(latest=True)

    def on_restore_screen_back_requested(self) -> None:
        self.restore_screen.reset()
        target = self._came_from or self.shell.gate.unlock_screen
        self.shell.gate.show_screen(target)

    def on_shell_locked(self) -> None:
        if self._restore_screen is not None:
            self._restore_screen.reset()

    # ------------------------------------------------------------ restore
    def on_restore_screen_restore_requested(self, request: object) -> None:
        from swreflect.gui import dialogs
        from swreflect.gui.screens.restore_screen import LATEST

        req = cast("RestoreRequest", request)
        shell = self.shell
        replacing = shell.vault_exists() or req.mode == LATEST
        named = "" if req.label is None else f"The backup is {req.label.describe()}.\n\n"
        if replacing and not dialogs.confirm(
            self.restore_screen, REPLACE_TITLE, named + REPLACE_TEXT, "Replace with the backup"
        ):
            return
        folder = shell.folder
        what = "the backup" if req.label is None else f"“{req.label.name}”"
        shell.gate.set_busy(True, f"Checking and restoring {what}…")

        relay = shell.unlock_relay

        def work() -> tuple[Vault, BackupLabel | None]:
            return _restore_and_open(folder, req, relay)

        def succeeded(result: object) -> None:
            vault, used = cast("tuple[Vault, BackupLabel | None]", result)
            self.on_restore_succeeded(vault, req, used)

        shell.runner.start(work, succeeded, self.on_restore_failed)

    def on_restore_succeeded(
        self, vault: object, request: RestoreRequest, used: BackupLabel | None = None
    ) -> None:
        from swreflect.gui import dialogs
        from swreflect.gui.screens.restore_screen import FILE, RECOVERY

        self.restore_screen.reset()
        log.info("vault restored from a backup (%s)", request.mode or FILE)
        self.shell.gate.set_busy(False)
        text = restored_text(used)
        dialogs.inform(self.shell.gate, RESTORED_TITLE, text)
        self.restored.emit(text)
        if request.kind == RECOVERY:
            self.shell.on_recover_succeeded(vault)  # asks for a new passphrase next
        else:
            self.shell.on_unlock_succeeded(vault)

    def on_restore_failed(self, message: str) -> None:
        close_wanted = self.shell.gate.close_wanted  # closed while the restored copy updated
        self.shell.gate.set_busy(False)
        self.restore_screen.show_error(message)
        self.restore_failed.emit(message)
        self.shell.close_if_wanted(close_wanted)

    # ------------------------------------------------------------ daily backup
    def on_shell_unlocked(self) -> None:
        """Start the day's backup a moment after Home has painted, never before it."""
        services = self.shell.services
        if services is None:
            return
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, lambda: self.start_daily_backup(services))

    def start_daily_backup(self, services: Services) -> None:
        if self.shell.services is not services:  # locked again meanwhile
            return
        previous = services.backups.claim_daily_backup()
        if previous is False:
            self.daily_backup_finished.emit(None)
            return

        from swreflect.gui.backup_progress import BackupProgress

        stop = threading.Event()
        indicator = BackupProgress.show_in(self.shell.main_window, services.backups.progress, stop)
        self.backup_progress = indicator
        released = threading.Event()  # the claim is undone once, by lock or by failure

        def release() -> None:
            if not released.is_set():
                released.set()
                services.backups.release_daily_backup(previous)

        def put_off_for_lock() -> None:
            stop.set()
            release()  # the vault is still open here: the next unlock tries again

        def tidy() -> None:
            with contextlib.suppress(RuntimeError):  # already gone with a locked window
                self.shell.locking.disconnect(put_off_for_lock)
            with contextlib.suppress(RuntimeError):
                indicator.finish()

        def succeeded(info: object) -> None:
            tidy()
            self.daily_backup_finished.emit(info)

        def failed(message: str) -> None:
            tidy()
            self.on_daily_backup_failed(services, release, message)
            if stop.is_set():  # put off by the person (a lock also sets it, and ends here)
                self.try_again_later(services)

        self.shell.locking.connect(put_off_for_lock)
        self.shell.runner.start(
            lambda: services.backups.write_daily_backup(stop.is_set), succeeded, failed
        )

    def try_again_later(self, services: Services) -> None:
        """A backup put off is tried again later today if the vault is still unlocked then
        (and at the next unlock in any case)."""
        QTimer.singleShot(LATER_TODAY_MS, self, lambda: self.start_daily_backup(services))

    def on_daily_backup_failed(
        self, services: Services, release: Callable[[], None], message: str
    ) -> None:
        log.warning("the daily backup was not made")
        current = self.shell.services
        if current is not None and current is services:  # still unlocked: retry next time
            release()
        self.daily_backup_failed.emit(message)
