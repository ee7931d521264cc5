"""The Journal page inside the real shell: lock keeps typing as a draft, unlock offers it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from swreflect.gui.pages.journal_page import JournalPage
from swreflect.models.journal import EntryContent
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def test_lock_mid_entry_then_unlock_back_into_the_same_editor(
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window.rail, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["journal"]
    assert isinstance(page, JournalPage)
    qtbot.keyClicks(page.editor.title_edit, "Before the auto-lock")
    page.on_autosave_timer_timeout()  # the first save makes it an entry, in the list at once
    assert page.model.rowCount() == 1 and page.editor.entry_id is not None
    qtbot.keyClicks(page.editor.body_edit, "Typed just before the screen locked.")
    cursor = page.editor.body_edit.textCursor()
    cursor.setPosition(5)
    page.editor.body_edit.setTextCursor(cursor)
    page.editor.body_edit.setFocus()
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        qtbot.keyClick(page.editor.body_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=WAIT_MS)

    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    assert window.current_key() == "journal"
    page = window.pages["journal"]
    assert isinstance(page, JournalPage)
    assert page.recovery.isHidden()  # writing, not a "kept safe" banner
    assert page.editor.title_edit.text() == "Before the auto-lock"
    assert page.editor.body_edit.toPlainText() == "Typed just before the screen locked."
    assert page.editor.body_edit.textCursor().position() == 5
    window.activateWindow()
    qtbot.waitUntil(page.editor.body_edit.hasFocus, timeout=WAIT_MS)
    assert page.model.rowCount() == 1
    # Carrying on writing saves into the same entry; the next unlock starts afresh.
    qtbot.keyClicks(page.editor.body_edit, "!")
    page.commit()
    assert len(shell.services.journal.list_entries(0, 10, None)) == 1
    assert shell.services.settings.resume_point() == ""


def test_a_crash_draft_is_still_offered(qtbot, make_shell, existing_vault, vault_dir) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    shell.services.journal.save_draft(None, EntryContent(title="Left by a crash", body="Words."))
    shell.lock()
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    page = shell.main_window.pages["journal"]
    assert not page.recovery.isHidden()
    assert "Left by a crash" in page.recovery.message.text()
    qtbot.mouseClick(page.recovery.restore_button, Qt.MouseButton.LeftButton)
    assert page.editor.body_edit.toPlainText() == "Words."


def test_the_window_search_box_searches_the_journal(
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


def test_home_lists_drafts_and_offers_the_first_step(
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    home = window.pages["home"]
    assert home.drafts.isHidden() and home.write_button.isVisibleTo(home)
    home.write_button.click()  # the empty state's first step
    assert window.current_key() == "journal"
    journal = shell.services.journal
    entry = journal.create(EntryContent(title="Half-written visit notes", body="Started."))
    journal.save_draft(entry.id, EntryContent(title="Half-written visit notes", body="More."))
    window.show_page("home")
    [button] = home.drafts.buttons
    assert "Half-written visit notes" in button.text()
    button.click()
    page = window.pages["journal"]
    assert window.current_key() == "journal"
    assert page.editor.entry_id == entry.id
    assert page.editor.body_edit.toPlainText() == "More."
