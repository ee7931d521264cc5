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
import functools
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from swreflect.core import vault_access
from swreflect.core.clock import Clock
from swreflect.gui.screens import gate_window as gate
from swreflect.gui.screens.gate_window import GateWindow

if TYPE_CHECKING:
    from swreflect.core.services import Services
    from swreflect.core.vault_access import KdfPolicy, Vault
    from swreflect.gui.clipboard import SecureClipboard
    from swreflect.gui.idle import IdleWatcher
    from swreflect.gui.main_window import MainWindow
    from swreflect.gui.pages.registry import PageSpec
    from swreflect.gui.session_events import SessionEvents
    from swreflect.gui.unlock_relay import UnlockRelay
    from swreflect.gui.workers import TaskRunner

log = logging.getLogger(__name__)


class State(enum.Enum):
    CREATE = "create"
    RECOVERY_KEY = "recovery_key"
    UNLOCK = "unlock"
    RECOVER = "recover"
    NEW_PASSPHRASE = "new_passphrase"
    UNLOCKED = "unlocked"


class ShellController(QObject):
    state_changed = Signal(str)
    unlocked = Signal()
    locking = Signal()  # about to lock: background work on the vault should stop now
    locked = Signal()
    screen_created = Signal(str, object)  # a gate screen built on first use: (name, widget)

    def __init__(
        self,
        folder: Path,
        clock: Clock,
        kdf: KdfPolicy | Callable[[], KdfPolicy],
        pages: Sequence[PageSpec] | None = None,
        parent: QObject | None = None,
        session_watcher: Callable[[], SessionEvents] | None = None,
    ) -> None:
        """``kdf`` may be a policy or a factory for one, so start-up needn't load the crypto."""
        super().__init__(parent)
        self.folder = Path(folder)
        self.clock = clock
        self._kdf = kdf
        self._pages = pages
        self.state = State.UNLOCK
        self.services: Services | None = None
        self.main_window: MainWindow | None = None
        self._pending_vault: Vault | None = None
        self._shutting_down = False
        self._clipboard: SecureClipboard | None = None
        self._runner: TaskRunner | None = None
        self._idle: IdleWatcher | None = None
        self._unlock_relay: UnlockRelay | None = None
        self._session_watcher_factory = session_watcher
        self.session_watcher: SessionEvents | None = None
        self.gate = GateWindow(clock, lambda: self.clipboard, self._wire_screen)

    # ------------------------------------------------------------ parts built on first use
    @property
    def kdf(self) -> KdfPolicy:
        if callable(self._kdf):
            self._kdf = self._kdf()
        return self._kdf

    @property
    def clipboard(self) -> SecureClipboard:
        if self._clipboard is None:
            from swreflect.gui.clipboard import SecureClipboard

            self._clipboard = SecureClipboard(self.clock, parent=self)
        return self._clipboard

    @property
    def runner(self) -> TaskRunner:
        if self._runner is None:
            from swreflect.gui.workers import TaskRunner

            self._runner = TaskRunner(self)
        return self._runner

    @property
    def unlock_relay(self) -> UnlockRelay:
        """Hands the worker's unlock stages to the gate window, on the UI thread."""
        if self._unlock_relay is None:
            from swreflect.gui.unlock_relay import UnlockRelay

            self._unlock_relay = UnlockRelay(self)
            self._unlock_relay.reported.connect(self.gate.show_unlock_progress)
        return self._unlock_relay

    @property
    def idle(self) -> IdleWatcher:
        if self._idle is None:
            from swreflect.gui.idle import IdleWatcher

            self._idle = IdleWatcher(self.clock, self.auto_lock_seconds, self)
            self._idle.idle_timed_out.connect(self.on_idle_idle_timed_out)
        return self._idle

    def _watch_for_absence(self) -> None:
        """While the vault is open: idle timer, plus screen-lock/sleep signals if offered."""
        self.idle.start()
        if self.session_watcher is None and self._session_watcher_factory is not None:
            watcher = self._session_watcher_factory()
            watcher.setParent(self)
            watcher.screen_locked.connect(self.on_session_watcher_screen_locked)
            watcher.sleeping.connect(self.on_session_watcher_screen_locked)
            watcher.start()
            self.session_watcher = watcher

    def on_session_watcher_screen_locked(self) -> None:
        if self.state in (State.UNLOCKED, State.RECOVERY_KEY, State.NEW_PASSPHRASE):
            log.info("locking because the session locked or is going to sleep")
            self.lock()
            self._say_why_locked(
                "Locked because this computer's screen locked or went to sleep. "
                "Your writing was kept; unlock to carry on."
            )

    def _say_why_locked(self, text: str) -> None:
        """After a lock nobody asked for, the unlock screen says why (and that nothing was lost)."""
        if self.state is State.UNLOCK and not self._shutting_down:
            self.gate.unlock_screen.show_notice(text)

    def _wire_screen(self, name: str, screen: Any) -> None:
        """Connect a screen's signals when the gate first builds it."""
        if name == gate.CREATE:
            screen.create_requested.connect(self.on_create_screen_create_requested)
        elif name == gate.RECOVERY_KEY:
            screen.confirmed.connect(self.on_recovery_panel_confirmed)
        elif name == gate.UNLOCK:
            screen.unlock_requested.connect(self.on_unlock_screen_unlock_requested)
            screen.recovery_requested.connect(self.on_unlock_screen_recovery_requested)
        elif name == gate.RECOVER:
            screen.recovery_key_entered.connect(self.on_recover_screen_recovery_key_entered)
            screen.back_requested.connect(self.on_recover_screen_back_requested)
        elif name == gate.NEW_PASSPHRASE:
            screen.passphrase_chosen.connect(self.on_new_passphrase_screen_passphrase_chosen)
        self.screen_created.emit(name, screen)

    # ------------------------------------------------------------ state
    def vault_exists(self) -> bool:
        """Anything of a vault here means unlock, never create (``core.vault_access``)."""
        return vault_access.vault_files_present(self.folder)

    def start(self) -> None:
        """Show the first screen: create on first run, otherwise unlock."""
        self.gate.show()
        self._enter(State.UNLOCK if self.vault_exists() else State.CREATE)

    def _enter(self, state: State) -> None:
        self.state = state
        if state is not State.UNLOCKED:
            self.gate.show_screen(self.gate.screen_named(state.value))
        if state in (State.RECOVERY_KEY, State.NEW_PASSPHRASE):
            # The vault is already open here (and a recovery key may be on screen), so an
            # unattended screen locks just as the main window would.
            self._watch_for_absence()
        self.state_changed.emit(state.value)

    def auto_lock_seconds(self) -> float:
        if self.services is None:
            from swreflect.core.settings import AUTO_LOCK_DEFAULT_MINUTES

            return float(AUTO_LOCK_DEFAULT_MINUTES * 60)
        return self.services.settings.auto_lock_seconds()

    def _run(self, text: str, work: Any, on_succeeded: Any, on_failed: Any) -> None:
        self.gate.set_busy(True, text)
        self.runner.start(work, on_succeeded, on_failed)
        from swreflect.gui import shell_warmup  # here: start-up paints without it

        shell_warmup.start()  # the window's code loads while the key is derived

    # ------------------------------------------------------------ create
    def on_create_screen_create_requested(self, passphrase: str) -> None:
        folder, kdf = self.folder, self.kdf
        self._run(
            "Creating your vault… this takes a few seconds.",
            lambda: vault_access.create_vault(folder, passphrase, kdf),
            self.on_create_succeeded,
            self.on_create_failed,
        )

    def on_create_succeeded(self, result: object) -> None:
        vault, recovery_key = cast("tuple[Vault, str]", result)
        vault.adopt()  # opened in a worker; the UI thread is its one writer from now on
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
        folder, relay = self.folder, self.unlock_relay
        self._run(
            "Opening your vault…",
            lambda: vault_access.unlock_vault(folder, passphrase, progress=relay),
            self.on_unlock_succeeded,
            self.on_unlock_failed,
        )

    def on_unlock_succeeded(self, vault: object) -> None:
        close_wanted = self.gate.close_wanted
        self.gate.set_busy(False)
        if self._shutting_down or close_wanted:
            vault.lock()  # type: ignore[attr-defined]
            self.close_if_wanted(close_wanted)
            return
        self._open_main(vault)  # type: ignore[arg-type]

    def on_unlock_failed(self, message: str) -> None:
        close_wanted = self.gate.close_wanted
        self.gate.set_busy(False)
        self.gate.unlock_screen.show_error(message)
        self.close_if_wanted(close_wanted)

    def close_if_wanted(self, close_wanted: bool) -> None:
        """The window was closed during an update, which can't be interrupted: close it now."""
        if close_wanted and not self._shutting_down:
            log.info("closing after the update, as asked during it")
            self.gate.close()

    # ------------------------------------------------------------ recovery key
    def on_unlock_screen_recovery_requested(self) -> None:
        self.gate.unlock_screen.reset()
        self._enter(State.RECOVER)

    def on_recover_screen_back_requested(self) -> None:
        self.gate.recover_screen.reset()
        self._enter(State.UNLOCK)

    def on_recover_screen_recovery_key_entered(self, text: str) -> None:
        folder, relay = self.folder, self.unlock_relay
        self._run(
            "Opening your vault with the recovery key…",
            lambda: vault_access.unlock_vault(folder, text, recovery_key=True, progress=relay),
            self.on_recover_succeeded,
            self.on_recover_failed,
        )

    def on_recover_succeeded(self, vault: object) -> None:
        close_wanted = self.gate.close_wanted
        self.gate.set_busy(False)
        if self._shutting_down or close_wanted:
            vault.lock()  # type: ignore[attr-defined]
            self.close_if_wanted(close_wanted)
            return
        vault.adopt()  # type: ignore[attr-defined]
        self._pending_vault = vault  # type: ignore[assignment]
        self.gate.recover_screen.reset()
        self._enter(State.NEW_PASSPHRASE)

    def on_recover_failed(self, message: str) -> None:
        close_wanted = self.gate.close_wanted
        self.gate.set_busy(False)
        self.gate.recover_screen.show_error(message)
        self.close_if_wanted(close_wanted)

    def on_new_passphrase_screen_passphrase_chosen(self, passphrase: str) -> None:
        vault, kdf = self._pending_vault, self.kdf
        if vault is None:
            return
        from swreflect.core.security import SecurityService

        security = SecurityService(vault, kdf)
        self._run(
            "Saving your new passphrase…",
            lambda: security.set_new_passphrase(passphrase),
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
        from swreflect.core.index_upkeep import tidy_apart
        from swreflect.core.services import build_services
        from swreflect.errors import SwreflectError
        from swreflect.gui.main_window import MainWindow
        from swreflect.gui.pages.registry import PAGES
        from swreflect.gui.search_upkeep import SearchTidy
        from swreflect.gui.vault_upkeep import VaultUpkeep

        try:
            vault.adopt()  # opened in a worker; the UI thread is its one writer from now on
            self.services = build_services(vault, self.clock, self.kdf)
            window = MainWindow(self.services, self._pages if self._pages is not None else PAGES)
        except BaseException as exc:
            # D6: a vault that fails to load after unlock is closed at once (connection, key,
            # process lock), so "restore from a backup" works and no key stays in memory.
            services, self.services = self.services, None
            if services is not None:
                services.close()
            vault.lock()
            if not isinstance(exc, SwreflectError):
                raise
            log.warning("the vault failed to load after unlock")
            self.gate.set_busy(False)
            self.gate.unlock_screen.show_error(exc.message)
            return
        VaultUpkeep(vault, window)  # checkpoints off the save path; dies with the window
        SearchTidy(functools.partial(tidy_apart, vault), vault, window)  # idle-time index upkeep
        window.lock_requested.connect(self.on_main_window_lock_requested)
        window.closed.connect(self.on_main_window_closed)
        self.main_window = window
        self.gate.reset_screens()
        self.gate.hide()
        self.state = State.UNLOCKED
        window.show()
        window.activateWindow()
        self._watch_for_absence()
        self.state_changed.emit(State.UNLOCKED.value)
        self.unlocked.emit()
        log.info("vault unlocked")

    def on_main_window_lock_requested(self) -> None:
        self.lock()

    def on_idle_idle_timed_out(self) -> None:
        log.info("locking after the idle timeout")
        from swreflect.timefmt import plural

        minutes = max(1, round(self.auto_lock_seconds() / 60))
        self.lock()
        self._say_why_locked(
            f"Locked because swreflect was left alone for {plural(minutes, 'minute')}. "
            "Your writing was kept; unlock to carry on."
        )

    def on_main_window_closed(self) -> None:
        """Closing the main window quits the app; lock first so nothing stays open."""
        self.lock(show_gate=False)
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def lock(self, show_gate: bool = True) -> None:
        """Save drafts, destroy the main window and pages, close the vault, forget secrets."""
        if self._idle is not None:
            self._idle.stop()
        if self.services is not None:
            self.locking.emit()
        window, self.main_window = self.main_window, None
        if window is not None:
            self._close_window(window)
        # Work still running on the vault's connection in a worker (today's backup, a page's
        # export) must finish before the connection closes: closing under it can crash.
        if self._runner is not None:
            self._runner.wait_for_done()
        services, self.services = self.services, None
        if services is not None:
            services.close()
        pending, self._pending_vault = self._pending_vault, None
        if pending is not None:
            pending.lock()
        if self._clipboard is not None:
            self._clipboard.clear_if_ours()
        self.gate.reset_screens()
        was_unlocked = window is not None or services is not None or pending is not None
        if show_gate and not self._shutting_down:
            self.gate.show()
            self._enter(State.UNLOCK)
            self.gate.activateWindow()
        if was_unlocked:
            log.info("vault locked")
            self.locked.emit()

    def _close_window(self, window: MainWindow) -> None:
        from swreflect.gui.open_dialogs import close_open_dialogs
        from swreflect.gui.pages.protocol import as_page

        close_open_dialogs()
        pages = [as_page(page) for page in window.pages.built()]  # unopened: never built
        for page in pages:
            try:
                page.save_pending()
            except Exception as exc:  # locking must go on; the draft stays unsaved
                log.error("a page could not save before locking: %s", type(exc).__name__)
        for page in pages:
            try:
                page.clear_sensitive()
            except Exception as exc:
                log.error("a page could not clear before locking: %s", type(exc).__name__)
        from swreflect.gui.workers import TaskRunner  # loaded by now; lazy for start-up

        for runner in window.findChildren(TaskRunner):
            runner.wait_for_done()
        window.closed.disconnect(self.on_main_window_closed)
        window.pages.clear()
        window.hide()
        window.deleteLater()

    def shutdown(self) -> None:
        """On quit: lock everything and wait for background work to end."""
        self._shutting_down = True
        self.lock(show_gate=False)
        if self._runner is not None:
            self._runner.wait_for_done()
        self.gate.reset_screens()
