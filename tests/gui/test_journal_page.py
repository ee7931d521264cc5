"""The Journal page driven as a person would: typing, clicking, searching."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.gui import dialogs
from swreflect.gui.journal.list_model import HtmlRole, IdRole
from swreflect.gui.pages.journal_page import JournalPage
from swreflect.models.journal import EntryContent
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.journal.gui_fixtures import make_page


def _page(qtbot: QtBot, services: Services) -> JournalPage:
    page = make_page(qtbot, services)
    assert isinstance(page, JournalPage)
    return page


def test_writing_an_entry(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    assert page.empty_state.isVisibleTo(page) and not page.list_view.isVisibleTo(page)
    assert "private place" in page.empty_state.text.text()
    assert page.empty_state.action.text() == "Write your first entry"
    qtbot.keyClicks(page.editor.title_edit, "After the panel")
    qtbot.keyClicks(page.editor.body_edit, "I spoke up about the plan.")
    qtbot.keyClicks(page.editor.tags_edit, "panel, Courage")
    page.editor.wellbeing.enabled_box.setChecked(True)
    page.editor.wellbeing.sliders["stress"].setValue(4)
    with qtbot.waitSignal(page.entry_saved):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    [summary] = services.journal.list_entries()
    entry = services.journal.get(summary.id)
    assert entry.title == "After the panel"
    assert entry.content.body == "I spoke up about the plan."
    assert entry.content.tags == ("panel", "courage")
    assert entry.content.wellbeing.stress == 4
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data(IdRole) == entry.id
    assert page.editor.title_edit.text() == ""  # a fresh entry is ready
    assert page.list_view.isVisibleTo(page) and not page.empty_state.isVisibleTo(page)


def test_template_prompts_become_fields_and_answers_are_saved(
    qtbot: QtBot, services: Services
) -> None:
    page = _page(qtbot, services)
    box = page.editor.template_box
    box.setCurrentIndex(box.findData("driscoll"))
    labels = [f.edit.accessibleName() for f in page.editor.prompt_fields]
    assert labels == ["What?", "So what?", "Now what?"]
    qtbot.keyClicks(page.editor.prompt_fields[2].edit, "Ask for a co-worker next time.")
    page.commit()
    [summary] = services.journal.list_entries()
    entry = services.journal.get(summary.id)
    assert entry.content.template_id == "driscoll"
    assert entry.content.answers == {"now_what": "Ask for a co-worker next time."}


def test_autosave_recovers_after_a_crash(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    clock = services.clock
    assert isinstance(clock, FakeClock)
    page = _page(qtbot, services)
    qtbot.keyClicks(page.editor.title_edit, "Night shift")
    qtbot.keyClicks(page.editor.body_edit, "Words that must survive a crash.")
    clock.advance(3)
    page.autosave_timer.setInterval(20)  # let the real timer fire soon
    with qtbot.waitSignal(page.entry_saved):  # a new entry is an entry from its first save
        pass
    qtbot.keyClicks(page.editor.body_edit, " And more.")
    with qtbot.waitSignal(page.draft_saved):  # later changes are kept as a draft
        pass
    qtbot.keyClicks(page.editor.body_edit, " Lost after the last autosave.")
    # The crash: no commit, no save_pending; the window and the database just go away.
    page.autosave_timer.stop()
    page.setParent(None)
    services.vault.lock()

    vault = Vault.unlock(tmp_path / "vault", TEST_PASSPHRASE)
    reopened = build_services(vault, clock)
    try:
        again = _page(qtbot, reopened)
        assert not again.recovery.isHidden()
        assert "Night shift" in again.recovery.message.text()
        qtbot.mouseClick(again.recovery.restore_button, Qt.MouseButton.LeftButton)
        assert again.editor.body_edit.toPlainText() == "Words that must survive a crash. And more."
        assert again.editor.is_dirty()
        again.commit()
        [summary] = reopened.journal.list_entries()
        assert summary.title == "Night shift"
        assert reopened.journal.drafts() == []
    finally:
        reopened.close()


def test_save_pending_on_lock_keeps_a_draft_and_clears_every_widget(
    qtbot: QtBot, services: Services
) -> None:
    page = _page(qtbot, services)
    entry = services.journal.create(EntryContent(title="Saved", body="old"))
    page.refresh_list()
    page.open_entry(entry.id)
    qtbot.keyClicks(page.editor.body_edit, " and new")
    page.save_pending()
    page.clear_sensitive()
    draft = services.journal.draft(entry.id)
    assert draft is not None and draft.content.body == "old and new"
    assert page.editor.body_edit.toPlainText() == ""
    assert page.editor.title_edit.text() == ""
    assert page.model.rowCount() == 0


def test_search_as_you_type_shows_highlighted_snippets(qtbot: QtBot, services: Services) -> None:
    j = services.journal
    j.create(EntryContent(title="Kitchen table talk", body="We sat at the kitchen table."))
    j.create(EntryContent(title="Court", body="A long day in court.", tags=("court",)))
    page = _page(qtbot, services)
    assert page.model.rowCount() == 2
    qtbot.keyClicks(page.search_bar.field, "kitch")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "<b><u>" in page.model.index(0, 0).data(HtmlRole)
    page.search_bar.field.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.search_bar.tag_box.setCurrentIndex(page.search_bar.tag_box.findData("court"))
    assert page.model.rowCount() == 1
    qtbot.keyClicks(page.search_bar.field, '"unbalanced')
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert "Nothing matches" in page.empty_label.text()


def test_trash_restore_and_delete_for_good(qtbot: QtBot, services: Services) -> None:
    j = services.journal
    entry = j.create(EntryContent(title="To bin", body="binnable"))
    page = _page(qtbot, services)
    page.open_entry(entry.id)
    qtbot.mouseClick(page.trash_entry_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.trash_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.trash_view
    trash = page.trash_view
    assert trash is not None
    assert trash.model.rowCount() == 1
    trash.select_row(0)
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    assert trash.model.rowCount() == 0
    assert page.model.rowCount() == 1

    j.trash(entry.id)
    trash.refresh()
    trash.select_row(0)
    dialogs.set_next_answer(False)  # "Cancel"
    qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    assert j.count_trash() == 1
    dialogs.set_next_answer(True)
    qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    assert j.count_trash() == 0
    assert trash.model.rowCount() == 0


def test_deidentification_banner_and_pseudonym_swap(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    banner = page.editor.banner
    qtbot.keyClicks(page.editor.body_edit, "Met at M1 1AE; call 07700 900123 later.")
    qtbot.waitUntil(lambda: not banner.isHidden())
    assert "a postcode and a phone number" in banner.message.text()
    assert "saved either way" in banner.message.text()
    qtbot.mouseClick(banner.swap_button, Qt.MouseButton.LeftButton)
    assert page.editor.body_edit.toPlainText() == "Met at [postcode]; call [phone] later."
    assert banner.isHidden()

    qtbot.keyClicks(page.editor.body_edit, " Jordan Blake was there.")
    dialogs.set_next_text("Jordan Blake")
    banner.show_findings([])  # the page flags names once they're on the list
    qtbot.mouseClick(banner.never_button, Qt.MouseButton.LeftButton)
    assert not banner.isHidden()
    qtbot.mouseClick(banner.swap_button, Qt.MouseButton.LeftButton)
    assert page.editor.body_edit.toPlainText().endswith("Person A was there.")
    # Saving is never blocked.
    page.commit()
    assert services.journal.count_entries() == 1


def test_bring_selected_words_to_supervision(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    qtbot.keyClicks(page.editor.body_edit, "Long day. I felt out of my depth at the meeting.")
    cursor = page.editor.body_edit.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(len("Long day. I felt out of my depth"), cursor.MoveMode.KeepAnchor)
    page.editor.body_edit.setTextCursor(cursor)
    dialogs.set_next_text(dialogs.AS_OFFERED)
    qtbot.mouseClick(page.mark_button, Qt.MouseButton.LeftButton)
    [mark] = services.journal.marked_excerpts()
    assert mark.excerpt == "I felt out of my depth"
    assert "next supervision" in page.saved_label.text()


def test_earlier_versions_can_be_restored(qtbot: QtBot, services: Services) -> None:
    j = services.journal
    entry = j.create(EntryContent(title="Draft thoughts", body="first version"))
    page = _page(qtbot, services)
    page.open_entry(entry.id)
    page.editor.body_edit.setPlainText("second version")
    qtbot.mouseClick(page.revisions_button, Qt.MouseButton.LeftButton)
    dialog = page.revisions_dialog
    assert dialog is not None
    assert dialog.list.count() == 1
    assert "first version" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert page.editor.body_edit.toPlainText() == "first version"
    assert [r.content.body for r in j.revisions(entry.id)] == ["second version", "first version"]


def test_every_control_has_an_accessible_name(qtbot: QtBot, services: Services) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QSlider,
        QWidget,
    )

    page = _page(qtbot, services)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSlider)
    unnamed = [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, kinds)
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and w.parent() is not None
        and type(w).__name__ not in ("QScrollBar",)
        and not isinstance(w.parent(), QComboBox)
        and not isinstance(w.parent(), QLineEdit)
    ]
    assert unnamed == []


def test_autosave_writes_only_when_something_changed(qtbot: QtBot, services: Services) -> None:
    page = _page(qtbot, services)
    saved: list[int] = []
    page.draft_saved.connect(lambda: saved.append(1))
    qtbot.keyClicks(page.editor.body_edit, "first words")
    page.save_pending()  # the first save makes the entry itself (it shows in the list)
    assert page.model.rowCount() == 1 and saved == []
    qtbot.keyClicks(page.editor.body_edit, " and more")
    page.save_pending()
    page.save_pending()  # nothing new: no second write
    assert saved == [1]
    qtbot.keyClicks(page.editor.body_edit, " again")
    page.save_pending()
    assert saved == [1, 1]
    draft = services.journal.draft(page.editor.entry_id)
    assert draft is not None and draft.content.body == "first words and more again"


def test_copied_journal_text_is_marked_private_and_cleared_on_lock(
    qtbot: QtBot, services: Services
) -> None:
    from PySide6.QtGui import QGuiApplication

    from swreflect.gui.clipboard import HINT_FORMATS

    page = _page(qtbot, services)
    qtbot.keyClicks(page.editor.body_edit, "Private words to copy")
    page.editor.body_edit.selectAll()
    page.editor.body_edit.copy()
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    assert data.text() == "Private words to copy"
    assert all(data.hasFormat(fmt) for fmt in HINT_FORMATS)
    page.save_pending()
    page.clear_sensitive()
    assert clipboard.text() == ""


def test_lock_leaves_other_clipboard_content_alone(qtbot: QtBot, services: Services) -> None:
    from PySide6.QtGui import QGuiApplication

    page = _page(qtbot, services)
    QGuiApplication.clipboard().setText("something the user copied elsewhere")
    page.clear_sensitive()
    assert QGuiApplication.clipboard().text() == "something the user copied elsewhere"
    QGuiApplication.clipboard().clear()
