"""The shell's state machine: create or unlock, show the main window, lock again.

States::

    CREATE --create--> RECOVERY_KEY --"I have stored it"--> UNLOCKED
    UNLOCK --passphrase--> UNLOCKED
    UNLOCK <--> RECOVER --recovery key--> NEW_PASSPHRASE --new passphrase--> UNLOCKED
    UNLOCKED --Lock button / Ctrl+L / idle timeout--> UNLOCK

Slow steps (creating the vault, key derivation, rewrapping) run in workers, so the window
stays responsive. Locking asks each page to save its drafts, destroys the main window with
every page, closes the services (database closed, key zeroed), clears a clipboard that still
holds our text, and shows the unlock screen.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from swreflect.core.clock import Clock
from swreflect.core.settings import AUTO_LOCK_DEFAULT_MINUTES
from swreflect.gui.clipboard import SecureClipboard
from swreflect.gui.idle import IdleWatcher
from swreflect.gui.screens.gate_window import GateWindow
from swreflect.gui.workers import TaskRunner

if TYPE_CHECKING:
    from swreflect.core.services import Services
    from swreflect.gui.main_window import MainWindow
    from swreflect.gui.pages.registry import PageSpec
    from swreflect.vault.kdf import KdfPolicy
    from swreflect.vault.vault import Vault

log = logging.getLogger(__name__)

DB_FILE = "vault.db"  # swreflect.vault.connection.DB_NAME, without importing the vault early


class State(enum.Enum):
    CREATE = "create"
    RECOVERY_KEY = "recovery_key"
    UNLOCK = "unlock"
    RECOVER = "recover"
    NEW_PASSPHRASE = "new_passphrase"
    UNLOCKED = "unlocked"


def _unlock_with(folder: Path, slot_kind: str, secret: str) -> Vault:
    """Worker body: derive the key (slow), then open the database (fast)."""
    from swreflect.vault.keyslots import PASSPHRASE_SLOT, RECOVERY_SLOT
    from swreflect.vault.recovery import parse_recovery_key
    from swreflect.vault.vault import Vault

    if slot_kind == "recovery":
        slot_id, raw = RECOVERY_SLOT, parse_recovery_key(secret)
    else:
        slot_id, raw = PASSPHRASE_SLOT, secret.encode("utf-8")
    slots, dek = Vault.derive_key(folder, slot_id, raw)
    return Vault.open_with_key(folder, slots, dek)


def _create(folder: Path, passphrase: str, kdf: KdfPolicy) -> tuple[Vault, str]:
    from swreflect.vault.vault import Vault

    return Vault.create(folder, passphrase, kdf)


class ShellController(QObject):
    state_changed = Signal(str)
    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        folder: Path,
        clock: Clock,
        kdf: KdfPolicy,
        pages: Sequence[PageSpec] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.clock = clock
        self.kdf = kdf
        self._pages = pages
        self.state = State.UNLOCK
        self.services: Services | None = None
        self.main_window: MainWindow | None = None
        self._pending_vault: Vault | None = None
        self._shutting_down = False
        self.clipboard = SecureClipboard(clock, parent=self)
        self.runner = TaskRunner(self)
        self.idle = IdleWatcher(clock, self.auto_lock_seconds, self)
        self.gate = GateWindow(clock, self.clipboard)

        self.gate.create_screen.create_requested.connect(self.on_create_screen_create_requested)
        self.gate.recovery_panel.confirmed.connect(self.on_recovery_panel_confirmed)
        self.gate.unlock_screen.unlock_requested.connect(self.on_unlock_screen_unlock_requested)
        self.gate.unlock_screen.recovery_requested.connect(self.on_unlock_screen_recovery_requested)
        self.gate.recover_screen.recovery_key_entered.connect(
            self.on_recover_screen_recovery_key_entered
        )
        self.gate.recover_screen.back_requested.connect(self.on_recover_screen_back_requested)
        self.gate.new_passphrase_screen.passphrase_chosen.connect(
            self.on_new_passphrase_screen_passphrase_chosen
        )
        self.idle.idle_timed_out.connect(self.on_idle_idle_timed_out)

    # ------------------------------------------------------------ state
    def vault_exists(self) -> bool:
        return (self.folder / DB_FILE).exists()

    def start(self) -> None:
        """Show the first screen: create on first run, otherwise unlock."""
        self._enter(State.UNLOCK if self.vault_exists() else State.CREATE)
        self.gate.show()

    def _enter(self, state: State) -> None:
        screens: dict[State, QWidget] = {
            State.CREATE: self.gate.create_screen,
            State.RECOVERY_KEY: self.gate.recovery_panel,
            State.UNLOCK: self.gate.unlock_screen,
            State.RECOVER: self.gate.recover_screen,
            State.NEW_PASSPHRASE: self.gate.new_passphrase_screen,
        }
        self.state = state
        if state in screens:
            self.gate.show_screen(screens[state])
        self.state_changed.emit(state.value)

    def auto_lock_seconds(self) -> float:
        if self.services is None:
            return float(AUTO_LOCK_DEFAULT_MINUTES * 60)
        return self.services.settings.auto_lock_seconds()

    def _run(self, text: str, work: Any, on_succeeded: Any, on_failed: Any) -> None:
        self.gate.set_busy(True, text)
        self.runner.start(work, on_succeeded, on_failed)

    # ------------------------------------------------------------ create
    def on_create_screen_create_requested(self, passphrase: str) -> None:
        folder, kdf = self.folder, self.kdf
        self._run(
            "Creating your vault… this takes a few seconds.",
            lambda: _create(folder, passphrase, kdf),
            self.on_create_succeeded,
            self.on_create_failed,
        )

    def on_create_succeeded(self, result: object) -> None:
        vault, recovery_key = cast("tuple[Vault, str]", result)
        self.gate.set_busy(False)
        if self._shutting_down:
            vault.lock()
            return
        self._pending_vault = vault
        self.gate.create_screen.reset()
        self.gate.recovery_panel.show_key(recovery_key)
        self._enter(State.RECOVERY_KEY)

    def on_create_failed(self, message: str) -> None:
        self.gate.set_busy(False)
        self.gate.create_screen.show_error(message)

    def on_recovery_panel_confirmed(self) -> None:
        self.gate.recovery_panel.clear()
        vault, self._pending_vault = self._pending_vault, None
        if vault is not None:
            self._open_main(vault)

    # ------------------------------------------------------------ unlock
    def on_unlock_screen_unlock_requested(self, passphrase: str) -> None:
        folder = self.folder
        self._run(
            "Opening your vault…",
            lambda: _unlock_with(folder, "passphrase", passphrase),
            self.on_unlock_succeeded,
            self.on_unlock_failed,
        )

    def on_unlock_succeeded(self, vault: object) -> None:
        self.gate.set_busy(False)
        if self._shutting_down:
            vault.lock()  # type: ignore[attr-defined]
            return
        self._open_main(vault)  # type: ignore[arg-type]

    def on_unlock_failed(self, message: str) -> None:
        self.gate.set_busy(False)
        self.gate.unlock_screen.show_error(message)

    # ------------------------------------------------------------ recovery key
    def on_unlock_screen_recovery_requested(self) -> None:
        self.gate.unlock_screen.reset()
        self._enter(State.RECOVER)

    def on_recover_screen_back_requested(self) -> None:
        self.gate.recover_screen.reset()
        self._enter(State.UNLOCK)

    def on_recover_screen_recovery_key_entered(self, text: str) -> None:
        folder = self.folder
        self._run(
            "Opening your vault with the recovery key…",
            lambda: _unlock_with(folder, "recovery", text),
            self.on_recover_succeeded,
            self.on_recover_failed,
        )

    def on_recover_succeeded(self, vault: object) -> None:
        self.gate.set_busy(False)
        if self._shutting_down:
            vault.lock()  # type: ignore[attr-defined]
            return
        self._pending_vault = vault  # type: ignore[assignment]
        self.gate.recover_screen.reset()
        self._enter(State.NEW_PASSPHRASE)

    def on_recover_failed(self, message: str) -> None:
        self.gate.set_busy(False)
        self.gate.recover_screen.show_error(message)

    def on_new_passphrase_screen_passphrase_chosen(self, passphrase: str) -> None:
        vault, kdf = self._pending_vault, self.kdf
        if vault is None:
            return
        self._run(
            "Saving your new passphrase…",
            lambda: vault.change_passphrase(passphrase, kdf),
            self.on_new_passphrase_succeeded,
            self.on_new_passphrase_failed,
        )

    def on_new_passphrase_succeeded(self, _result: object) -> None:
        self.gate.set_busy(False)
        vault, self._pending_vault = self._pending_vault, None
        self.gate.new_passphrase_screen.reset()
        if vault is not None and not self._shutting_down:
            self._open_main(vault)

    def on_new_passphrase_failed(self, message: str) -> None:
        self.gate.set_busy(False)
        self.gate.new_passphrase_screen.show_error(message)

    # ------------------------------------------------------------ unlocked
    def _open_main(self, vault: Vault) -> None:
        from swreflect.core.services import build_services
        from swreflect.gui.main_window import MainWindow
        from swreflect.gui.pages.registry import PAGES

        self.services = build_services(vault, self.clock, self.kdf)
        window = MainWindow(self.services, self._pages if self._pages is not None else PAGES)
        window.lock_requested.connect(self.on_main_window_lock_requested)
        window.closed.connect(self.on_main_window_closed)
        self.main_window = window
        self.gate.reset_screens()
        self.gate.hide()
        self.state = State.UNLOCKED
        window.show()
        window.activateWindow()
        self.idle.start()
        self.state_changed.emit(State.UNLOCKED.value)
        self.unlocked.emit()
        log.info("vault unlocked")

    def on_main_window_lock_requested(self) -> None:
        self.lock()

    def on_idle_idle_timed_out(self) -> None:
        log.info("locking after the idle timeout")
        self.lock()

    def on_main_window_closed(self) -> None:
        """Closing the main window quits the app; lock first so nothing stays open."""
        self.lock(show_gate=False)
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def lock(self, show_gate: bool = True) -> None:
        """Save drafts, destroy the main window and pages, close the vault, forget secrets."""
        self.idle.stop()
        window, self.main_window = self.main_window, None
        if window is not None:
            self._close_window(window)
        services, self.services = self.services, None
        if services is not None:
            services.close()
        pending, self._pending_vault = self._pending_vault, None
        if pending is not None:
            pending.lock()
        self.clipboard.clear_if_ours()
        self.gate.reset_screens()
        was_unlocked = window is not None or services is not None
        if show_gate and not self._shutting_down:
            self._enter(State.UNLOCK)
            self.gate.show()
            self.gate.activateWindow()
        if was_unlocked:
            log.info("vault locked")
            self.locked.emit()

    def _close_window(self, window: MainWindow) -> None:
        pages = list(window.pages.values())
        for page in pages:
            save = getattr(page, "save_pending", None)
            if callable(save):
                try:
                    save()
                except Exception as exc:  # locking must go on; the draft stays unsaved
                    log.error("a page could not save before locking: %s", type(exc).__name__)
        for page in pages:
            clear = getattr(page, "clear_sensitive", None)
            if callable(clear):
                try:
                    clear()
                except Exception as exc:
                    log.error("a page could not clear before locking: %s", type(exc).__name__)
        window.closed.disconnect(self.on_main_window_closed)
        window.pages.clear()
        window.hide()
        window.deleteLater()

    def shutdown(self) -> None:
        """On quit: lock everything and wait for background work to end."""
        self._shutting_down = True
        self.lock(show_gate=False)
        self.runner.wait_for_done()
        self.gate.reset_screens()
