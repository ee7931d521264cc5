"""Walk every screen and state of the app on a throwaway vault, yielding each one by name.

Shared by the fit test (tests/gui/test_window_fits.py), its 125% run in a child process, and
the screenshot tool (tools/screenshots.py), so all three see the same screens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QWidget

from swreflect.core.clock import FakeClock
from swreflect.gui.controller import ShellController
from swreflect.gui.launch import compose
from swreflect.models.journal import EntryContent
from swreflect.vault.kdf import KdfPolicy

PASSPHRASE = "amber lantern over a quiet harbour"
LONG = (
    "A very long title written after a difficult home visit that goes on and on without "
    "a break so that any label showing it must wrap or elide rather than push the window"
)


@dataclass
class State:
    name: str
    window: QWidget  # the top-level window to check and grab
    page: QWidget | None = None  # the page showing, when it is the main window


def settle() -> None:
    for _ in range(4):
        QThreadPool.globalInstance().waitForDone(20000)
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _main(shell: ShellController) -> QWidget:
    assert shell.main_window is not None
    return shell.main_window


def walk(
    folder: Path, size: tuple[int, int], on_shell: Callable[[ShellController], None] | None = None
) -> Iterator[State]:
    """Yield every state; the caller checks or grabs it before asking for the next."""
    clock = FakeClock()
    shell = compose(folder, clock, KdfPolicy.from_environment())
    if on_shell is not None:
        on_shell(shell)
    shell.start()
    gate = shell.gate
    gate.resize(*size)
    settle()
    try:
        yield State("gate-create", gate)
        form = gate.create_screen.form
        form.passphrase_field.setText(PASSPHRASE)
        form.confirm_field.setText(PASSPHRASE + " not the same")
        settle()
        yield State("gate-create-mismatch", gate)
        form.confirm_field.setText(PASSPHRASE)
        gate.create_screen.create_button.click()
        settle()
        recovery_key = gate.recovery_panel.key_label.text()
        yield State("gate-recovery-key", gate)
        gate.recovery_panel.stored_box.setChecked(True)
        gate.recovery_panel.continue_button.click()
        settle()
        yield from _main_states(shell, clock, size)
        shell.lock()
        settle()
        gate.resize(*size)
        yield State("gate-unlock", gate)
        gate.unlock_screen.passphrase_field.setText("not the right one at all")
        gate.unlock_screen.unlock_button.click()
        settle()
        yield State("gate-unlock-wrong", gate)
        from swreflect.gui.backup_hooks import BackupHooks

        hooks = BackupHooks.of(shell)
        hooks.unlock_link.click()
        settle()
        yield State("gate-restore", gate)
        hooks.restore_screen.back_button.click()
        settle()
        gate.unlock_screen.reset()
        gate.unlock_screen.recovery_button.click()
        settle()
        yield State("gate-recover", gate)
        gate.recover_screen.key_field.setText("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH")
        gate.recover_screen.open_button.click()
        settle()
        yield State("gate-recover-wrong", gate)
        gate.recover_screen.key_field.setText(recovery_key)
        gate.recover_screen.open_button.click()
        settle()
        yield State("gate-new-passphrase", gate)
    finally:
        shell.shutdown()
        gate.close()
        settle()


def _main_states(
    shell: ShellController, clock: FakeClock, size: tuple[int, int]
) -> Iterator[State]:
    window = _main(shell)
    window.resize(*size)
    settle()
    keys = [key for key, _title in window.page_titles()]  # type: ignore[attr-defined]
    for key in keys:
        window.show_page(key)  # type: ignore[attr-defined]
        settle()
        yield State(f"{key}-empty", window, window.current_page())  # type: ignore[attr-defined]
    # Fill the vault a little, the way a few weeks of use would.
    services = shell.services
    assert services is not None
    person = services.people.add("Priya Ramaswamy-Okonkwo", "supervisee", "she/her")
    agreement = services.agreements.add(
        person.id,
        "Sam Okafor",
        frequency="custom",
        custom_days=14,
        start_date=clock.now().date() - timedelta(days=60),  # so a session is overdue
    )
    for n in range(3):
        services.journal.create(
            EntryContent(title=LONG if n == 0 else f"After the visit {n}", body="Quiet words.")
        )
    session = services.sessions.start(agreement.id)
    services.sessions.add_note(session.id, "checkin", "A shared note about workload " * 6)
    for key in keys:
        window.show_page(key)  # type: ignore[attr-defined]
        settle()
        yield State(f"{key}-populated", window, window.current_page())  # type: ignore[attr-defined]

    window.show_page("journal")  # type: ignore[attr-defined]
    journal = window.current_page()  # type: ignore[attr-defined]
    journal.new_entry()
    box = journal.editor.template_box
    for index in range(box.count()):
        box.setCurrentIndex(index)
        settle()
        yield State(f"journal-template-{box.itemData(index)}", window, journal)
    journal.saved_label.setText(LONG)
    settle()
    yield State("journal-long-status", window, journal)
    journal.trash_button.setChecked(True)
    settle()
    yield State("journal-trash", window, journal)
    journal.trash_button.setChecked(False)

    window.show_page("supervision")  # type: ignore[attr-defined]
    supervision = window.current_page()  # type: ignore[attr-defined]
    for index in range(supervision.tabs.count()):
        supervision.tabs.setCurrentIndex(index)
        settle()
        yield State(f"supervision-tab-{index}", window, supervision)
    supervision.tabs.setCurrentIndex(0)
    runner = supervision.open_session(session.id)
    settle()
    yield State("supervision-runner", window, supervision)
    runner.show_end_screen()
    settle()
    yield State("supervision-end-screen", window, supervision)
    runner.on_back_button_clicked()
    settle()

    from swreflect.gui.about_dialog import show_about
    from swreflect.gui.help_dialog import show_help
    from swreflect.gui.menus import SHORTCUTS
    from swreflect.gui.verify_hooks import VerifyHooks

    for key in keys:
        window.show_page(key)  # type: ignore[attr-defined]
        dialog = show_help(window, key, SHORTCUTS)
        settle()
        yield State(f"help-{key}", dialog)
        dialog.close()
    about = show_about(window)
    settle()
    yield State("about", about)
    about.close()
    verify = VerifyHooks.of(shell).show_dialog()
    settle()
    yield State("verify", verify)
    verify.close()
    settle()
