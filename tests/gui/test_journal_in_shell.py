"""The Journal page inside the real shell: lock keeps typing as a draft, unlock offers it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from swreflect.gui.pages.journal_page import JournalPage
from swreflect.models.journal import EntryContent
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def test_lock_saves_a_draft_and_the_next_unlock_offers_it(  # type: ignore[no-untyped-def]
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    window.show_page("journal")
    page = window.pages["journal"]
    assert isinstance(page, JournalPage)
    qtbot.keyClicks(page.editor.title_edit, "Before the auto-lock")
    qtbot.keyClicks(page.editor.body_edit, "Typed just before the screen locked.")
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=WAIT_MS)

    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    page = shell.main_window.pages["journal"]
    assert isinstance(page, JournalPage)
    assert not page.recovery.isHidden()
    assert "Before the auto-lock" in page.recovery.message.text()
    qtbot.mouseClick(page.recovery.restore_button, Qt.MouseButton.LeftButton)
    assert page.editor.body_edit.toPlainText() == "Typed just before the screen locked."


def test_the_window_search_box_searches_the_journal(  # type: ignore[no-untyped-def]
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    shell.services.journal.create(EntryContent(title="Allotment", body="Quiet digging."))
    shell.services.journal.create(EntryContent(title="Court", body="A long wait."))
    window = shell.main_window
    window.show_page("journal")
    page = window.pages["journal"]
    page.page_shown()
    assert page.model.rowCount() == 2
    qtbot.keyClicks(window.search_box, "digg")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.search_bar.field.text() == "digg"
