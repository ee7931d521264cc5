"""A scripted GUI session in a child process, so Qt's own folders land in the sandbox.

Usage: ``python -m tests.privacy.gui_session CANARY [MEMORY_DUMP]``

Builds the real shell with the real pages (``compose``), offscreen, and goes through it as a
person would: create a vault, write a journal entry, copy text, search, lock, unlock, quit by
closing the window. With MEMORY_DUMP, the process copies its own writable memory there
right after the lock (and a garbage collection), for the parent to search. Prints one line
per step; exits non-zero, with the reason, if any step
could not be completed. Qt warnings are reported on stderr and make the run fail, as in the
test suite.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.conftest import TEST_PASSPHRASE
from tests.typed import page_of, present

WAIT_MS = 30000
WARNINGS: list[str] = []
IGNORED = ("This plugin does not support propagateSizeHints",)


def on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    if kind != QtMsgType.QtDebugMsg and not any(text in message for text in IGNORED):
        WARNINGS.append(message)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    waited = 0
    while not condition():
        if waited >= WAIT_MS:
            raise RuntimeError(f"gave up waiting: {what}")
        QTest.qWait(20)
        waited += 20


def wait_for_state(shell: object, state: object, what: str) -> None:
    """Sleep in an event loop until the shell changes state: no polling, so a worker thread
    deriving keys is not interrupted every few milliseconds (which strace makes very slow)."""
    deadline = QTimer()
    deadline.setSingleShot(True)
    while shell.state is not state:  # type: ignore[attr-defined]
        loop = QEventLoop()
        shell.state_changed.connect(loop.quit)  # type: ignore[attr-defined]
        deadline.timeout.connect(loop.quit)
        if not deadline.isActive():
            deadline.start(WAIT_MS)
        loop.exec()
        shell.state_changed.disconnect(loop.quit)  # type: ignore[attr-defined]
        if shell.state is not state and not deadline.isActive():  # type: ignore[attr-defined]
            raise RuntimeError(f"gave up waiting: {what}")


def step(text: str) -> None:
    print(f"step: {text}", flush=True)


def script(app: QApplication, canary: str, outcome: list[str], dump: str = "") -> None:
    from swreflect.core.clock import SystemClock
    from swreflect.core.vault_access import kdf_from_environment
    from swreflect.gui.controller import State
    from swreflect.gui.launch import compose
    from swreflect.gui.pages.journal_page import JournalPage
    from swreflect.paths import default_vault_dir

    shell = compose(default_vault_dir(), SystemClock(), kdf_from_environment)
    app.aboutToQuit.connect(shell.shutdown)
    shell.start()
    step("create")
    screen = shell.gate.create_screen
    QTest.keyClicks(screen.form.passphrase_field, TEST_PASSPHRASE)
    QTest.keyClicks(screen.form.confirm_field, TEST_PASSPHRASE)
    screen.create_button.click()
    wait_for_state(shell, State.RECOVERY_KEY, "the recovery key panel")
    panel = shell.gate.recovery_panel
    panel.stored_box.setChecked(True)
    panel.continue_button.click()
    wait_for_state(shell, State.UNLOCKED, "the main window")

    step("write")
    window = present(shell.main_window)
    window.show_page("journal")
    page = page_of(window, "journal", JournalPage)
    QTest.keyClicks(page.editor.title_edit, f"Title {canary}")
    QTest.keyClicks(page.editor.body_edit, f"Body {canary} and more words")
    page.save_pending()
    page.commit()

    step("copy")
    page.editor.body_edit.selectAll()
    page.editor.body_edit.copy()
    wait_until(lambda: canary in QGuiApplication.clipboard().text(), "the copied text")
    shell.clipboard.copy(f"Copied {canary}")

    step("search")
    QTest.keyClicks(window.search_box, canary.split("-")[1])
    QTest.keyClick(window.search_box, Qt.Key.Key_Return)
    wait_until(lambda: page.model.rowCount() == 1, "a search hit")

    step("lock")
    shell.lock()
    wait_until(lambda: shell.state is State.UNLOCK, "the unlock screen")
    if canary in QGuiApplication.clipboard().text():
        raise RuntimeError("the clipboard still held journal text after locking")
    if dump:
        import gc

        from tests.privacy.memory_child import dump_memory

        QTest.qWait(50)  # let deleteLater run: the main window and pages go away on lock
        gc.collect()
        print(f"dumped: {dump_memory(Path(dump))}", flush=True)

    step("unlock")
    QTest.keyClicks(shell.gate.unlock_screen.passphrase_field, TEST_PASSPHRASE)
    shell.gate.unlock_screen.unlock_button.click()
    wait_for_state(shell, State.UNLOCKED, "unlocking again")
    window = present(shell.main_window)
    window.show_page("journal")
    page = page_of(window, "journal", JournalPage)
    page.page_shown()
    wait_until(lambda: page.model.rowCount() == 1, "the saved entry listed")

    step("quit")
    window.close()  # closing the main window locks and quits (aboutToQuit -> shutdown)
    outcome.append("done")


def main(argv: list[str]) -> int:
    from swreflect.app import setup_logging
    from swreflect.gui.launch import make_application
    from swreflect.platform.hardening import harden_process

    harden_process()
    setup_logging()  # the app's real log file, as run_gui has it
    qInstallMessageHandler(on_qt_message)
    app = make_application(["swreflect"])
    outcome: list[str] = []

    def run() -> None:
        try:
            script(app, argv[0], outcome, argv[1] if len(argv) > 1 else "")
        except Exception as exc:
            outcome.append(f"failed: {type(exc).__name__}: {exc}")
            app.exit(3)

    QTimer.singleShot(0, run)
    code = int(app.exec())
    for warning in WARNINGS:
        print(f"Qt warning: {warning}", file=sys.stderr)
    print(f"outcome: {outcome}", flush=True)
    if outcome != ["done"] or WARNINGS:
        return code or 4
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
