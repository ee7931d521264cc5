"""A session in the real main window survives an auto-lock in the middle of typing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from swreflect.gui.pages.supervision_page import SupervisionPage
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui
from tests.typed import present, stage_panel


def test_auto_lock_mid_session_keeps_every_word(
    qtbot, make_shell, existing_vault, vault_dir, clock
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    services = shell.services
    person = services.people.add("Sam Okafor", "supervisee")
    agreement = services.agreements.add(person.id, "Jo Reyes")
    page = shell.main_window.pages["supervision"]
    assert isinstance(page, SupervisionPage)
    page.refresh()
    runner = page.start_session(agreement.id)
    notes = stage_panel(runner, "checkin").notes
    qtbot.mouseClick(notes.private_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notes.editors[-1].editor, "Typed a moment before the lock")
    clock.advance(6 * 60)  # past the default five idle minutes, before the debounce fired
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        assert shell.idle.check()

    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    session = shell.services.sessions.list(agreement.id)[0]
    assert [(n.text, n.visibility) for n in session.notes] == [
        ("Typed a moment before the lock", "private")
    ]
    assert session.stage("checkin").seconds == 6 * 60
    page = shell.main_window.pages["supervision"]
    page.on_open_button_clicked()
    reopened = stage_panel(present(page.runner), "checkin").notes.editors
    assert [e.text() for e in reopened] == ["Typed a moment before the lock"]
