"""The Journal page: the private journal's list, search, editor, Trash and recovery.

Saving: the editor's content is autosaved as a draft every few seconds while it has changes
(and at once by ``save_pending()``, which the shell calls before locking), so a crash or an
auto-lock loses at most a few seconds. The entry itself is saved, keeping the previous version,
when the user moves to another entry, starts a new one, marks an excerpt or moves it to the
Trash; ``commit()`` does the same for the shell on quit. A draft left by a crash is offered on
the next unlock.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.journal import NEW_DRAFT, draft_slot
from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.journal import resume
from swreflect.gui.journal.cpd_export import CpdExport
from swreflect.gui.journal.editor import EntryEditor
from swreflect.gui.journal.list_model import Fetch, IdRole
from swreflect.gui.journal.panes import ActionBar, ListPane, PrivateMarker
from swreflect.gui.journal.private_text import clear_private_clipboard
from swreflect.gui.journal.recovery_banner import RecoveryBanner
from swreflect.gui.journal.revisions_dialog import RevisionsDialog
from swreflect.gui.journal.safe_emit import emit
from swreflect.gui.journal.search_worker import SearchRunner
from swreflect.gui.journal.trash_view import TrashView
from swreflect.gui.supervision.look import PRIVATE_ACCENT, set_privacy
from swreflect.models.journal import Draft, EntryContent, SearchHit
from swreflect.timefmt import format_time

log = logging.getLogger(__name__)

AUTOSAVE_MS = 3000
DEID_MS = 400
PRIVATE_TINT = QColor(PRIVATE_ACCENT)  # the lock glyph: 3.3:1 or more in light and dark

# A search shows this many hits first (a screenful and some): each needs a snippet, which is
# the slow part of a search; the rest of the list comes page by page as it scrolls.
SEARCH_FIRST_PAGE = 30


class JournalPage(QWidget):
    entry_saved = Signal(int)
    draft_saved = Signal()
    search_finished = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("journalPage")
        self.setAccessibleName("Journal (private)")
        self._services = services
        self._journal = services.journal
        self._names = self._journal.never_record()
        self._pending_draft: Draft | None = None
        self.revisions_dialog: RevisionsDialog | None = None
        self.searches = SearchRunner(self)
        self._drafted: tuple[int | None, EntryContent] | None = None

        surface = QFrame()
        surface.setObjectName("privateSurface")
        set_privacy(surface, "surface")
        self.marker = PrivateMarker(PRIVATE_TINT)
        left = ListPane(self._journal.templates)
        self.new_button = left.new_button
        self.trash_button = left.trash_button
        self.search_bar = left.search_bar
        self.model = left.model
        self.list_view = left.list_view
        self.empty_label = left.empty_label
        self.empty_state = left.empty_state
        self.empty_holder = left.empty_holder

        # Right: editor (with its action bar) or the Trash.
        self.editor = EntryEditor(self._journal.templates)
        self.recovery = RecoveryBanner()
        actions = ActionBar()
        self.saved_label = actions.saved_label
        self.mark_button = actions.mark_button
        self.revisions_button = actions.revisions_button
        self.trash_entry_button = actions.trash_entry_button
        self.cpd = CpdExport(self, actions.cpd_button, self.saved_label)
        editor_page = QWidget()
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.addWidget(self.recovery)
        editor_layout.addWidget(actions)
        editor_layout.addWidget(self.editor, 1)
        self.trash_view: TrashView | None = None  # built when first shown
        self.stack = QStackedWidget()
        self.stack.addWidget(editor_page)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 940])
        surface_layout = QVBoxLayout(surface)
        surface_layout.addWidget(self.marker)
        surface_layout.addWidget(splitter, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(surface)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.on_autosave_timer_timeout)
        self.autosave_timer.start()
        self.deid_timer = QTimer(self)
        self.deid_timer.setSingleShot(True)
        self.deid_timer.setInterval(DEID_MS)
        self.deid_timer.timeout.connect(self.on_deid_timer_timeout)

        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.trash_button.toggled.connect(self.on_trash_button_toggled)
        self.search_bar.changed.connect(self.refresh_list)
        self.searches.results_ready.connect(self.on_searches_results_ready)
        self.searches.failed.connect(self.on_searches_failed)
        self.list_view.clicked.connect(self.on_list_view_clicked)
        self.list_view.activated.connect(self.on_list_view_clicked)
        self.editor.changed.connect(self.on_editor_changed)
        self.editor.banner.swap_requested.connect(self.on_banner_swap_requested)
        self.editor.banner.never_record_requested.connect(self.on_banner_never_record_requested)
        self.mark_button.clicked.connect(self.on_mark_button_clicked)
        self.revisions_button.clicked.connect(self.on_revisions_button_clicked)
        self.trash_entry_button.clicked.connect(self.on_trash_entry_button_clicked)
        self.recovery.restore_requested.connect(self.on_recovery_restore_requested)
        self.recovery.discard_requested.connect(self.on_recovery_discard_requested)
        # Ctrl+N and Ctrl+F are the window's menu actions; they call new_entry/focus_search.

        self.refresh_list()
        self._update_actions()
        self._resume = resume.Resume(self, self._services.settings)
        if not self._resume.reopen():
            self._offer_recovered_draft()
        # The tag filter can wait until the first page is on screen.
        self._tags_timer = QTimer(self)
        self._tags_timer.setSingleShot(True)
        self._tags_timer.setInterval(0)
        self._tags_timer.timeout.connect(self.on_tags_timer_timeout)
        self._tags_timer.start()

    # ------------------------------------------------------------ list and search
    def refresh_list(self) -> None:
        """Browse synchronously (one cheap page); search in the worker, newest query wins."""
        journal = self._journal
        flt = self.search_bar.filter(self._services.clock.now())
        query = self.search_bar.query().strip()
        if query:

            def fetch(offset: int, limit: int) -> list[SearchHit]:
                return journal.search(query, flt, limit, offset)

            self.searches.start(fetch, SEARCH_FIRST_PAGE)
            return
        self.searches.cancel()
        self.model.reset(lambda offset, limit: journal.list_entries(offset, limit, flt))
        self._after_list_changed(query="", filtered=flt is not None)

    def on_searches_results_ready(self, result: object) -> None:
        hits, fetch = cast(tuple[list[SearchHit], Fetch], result)
        self.model.show_rows(hits, fetch, SEARCH_FIRST_PAGE)
        self._after_list_changed(query=self.search_bar.query(), filtered=True)
        emit(self.search_finished)

    def on_searches_failed(self, message: str) -> None:
        self.empty_label.setText(message)
        self.empty_label.show()

    def _after_list_changed(self, query: str, filtered: bool) -> None:
        nothing_yet = not self.model.rowCount() and not (query or filtered)
        self.empty_holder.setVisible(nothing_yet)
        self.list_view.setVisible(not nothing_yet)
        if self.model.rowCount() or nothing_yet:
            self.empty_label.hide()
        else:
            self.empty_label.setText("Nothing matches that search.")
            self.empty_label.show()
        if self.editor.entry_id is not None:
            row = self.model.row_of(self.editor.entry_id)
            if row is not None:
                self.list_view.setCurrentIndex(self.model.index(row, 0))

    def focus_search(self) -> None:
        self.search_bar.field.setFocus()
        self.search_bar.field.selectAll()

    def on_list_view_clicked(self, index: object) -> None:
        entry_id = int(index.data(IdRole))  # type: ignore[attr-defined]
        if entry_id != self.editor.entry_id:
            self.open_entry(entry_id)

    def open_entry(self, entry_id: int) -> None:
        self.commit()
        entry = self._journal.get(entry_id)
        draft = self._journal.draft(entry_id)
        if draft is not None:
            self.editor.load(entry_id, draft.content, baseline=entry.content)
            self.saved_label.setText("Showing your unsaved changes.")
        else:
            self.editor.load(entry_id, entry.content)
            self.saved_label.setText("")
        self.trash_button.setChecked(False)
        self._update_actions()
        self.deid_timer.start()

    def on_new_button_clicked(self) -> None:
        self.commit()
        self.trash_button.setChecked(False)
        self.editor.clear()
        self.list_view.clearSelection()
        self.saved_label.setText("")
        self._update_actions()
        self.editor.title_edit.setFocus()

    def new_entry(self) -> None:
        """Ctrl+N (from any page): a fresh entry with the cursor in its title."""
        self.on_new_button_clicked()

    def on_trash_button_toggled(self, on: bool) -> None:
        self.trash_button.setText("Back to journal" if on else "Trash")
        self.trash_button.setAccessibleName("Back to your journal" if on else "Show the Trash")
        if on:
            self.commit()
            self._trash().refresh()
        self.stack.setCurrentIndex(1 if on else 0)

    def _trash(self) -> TrashView:
        if self.trash_view is None:
            self.trash_view = TrashView(self._journal)
            self.trash_view.restored.connect(self.refresh_list)
            self.stack.addWidget(self.trash_view)
        return self.trash_view

    def on_tags_timer_timeout(self) -> None:
        if self._services.vault.is_unlocked:
            self.search_bar.set_tags(self._journal.tags())

    # ------------------------------------------------------------ saving
    def on_editor_changed(self) -> None:
        self.saved_label.setText("Editing…")
        self.deid_timer.start()

    def on_autosave_timer_timeout(self) -> None:
        self.save_pending()

    def save_pending(self) -> None:
        """Keep unsaved typing as a draft now (autosave; the shell calls this before locking)."""
        if not self.editor.is_dirty():
            return
        content = self.editor.content()
        if self.editor.entry_id is None:
            if not content.is_blank():
                self.commit()  # a new entry is an entry (in the list) from its first save
            return
        if (self.editor.entry_id, content) == self._drafted:
            return  # already kept: no write (and no fsync) while the user is only reading
        try:
            self._journal.save_draft(self.editor.entry_id, content)
        except SwreflectError as exc:
            self.saved_label.setText(exc.message)
            return
        self._drafted = (self.editor.entry_id, content)
        self.saved_label.setText(f"Saved {format_time(self._services.clock.now())}")
        emit(self.draft_saved)

    def commit(self) -> None:
        """Save the entry itself (keeping the previous version) and clear its draft."""
        if not self.editor.is_dirty():
            return
        content = self.editor.content()
        entry_id = self.editor.entry_id
        try:
            if entry_id is None:
                if content.is_blank():
                    return
                entry = self._journal.create(content, draft=NEW_DRAFT)
            else:
                entry = self._journal.update(entry_id, content, draft=draft_slot(entry_id))
        except SwreflectError as exc:
            self.saved_label.setText(exc.message)
            return
        self.editor.mark_saved(entry.id, content)
        self._drafted = None
        self.saved_label.setText(f"Saved {format_time(self._services.clock.now())}")
        self._update_actions()
        self.search_bar.set_tags(self._journal.tags())
        self.refresh_list()
        emit(self.entry_saved, entry.id)

    def _update_actions(self) -> None:
        saved = self.editor.entry_id is not None
        self.revisions_button.setEnabled(saved)
        self.trash_entry_button.setEnabled(saved)

    # ------------------------------------------------------------ recovery
    def _offer_recovered_draft(self) -> None:
        drafts = self._journal.drafts()
        if not drafts:
            return
        self._pending_draft = drafts[0]
        self.recovery.offer(drafts[0].content.title, drafts[0].saved_at)

    def on_recovery_restore_requested(self) -> None:
        draft = self._pending_draft
        self.recovery.hide()
        if draft is None:
            return
        self._pending_draft = None
        if draft.entry_id is not None:
            entry = self._journal.get(draft.entry_id)
            self.editor.load(draft.entry_id, draft.content, baseline=entry.content)
        else:
            self.editor.load(None, draft.content, baseline=EntryContent())
        self.saved_label.setText("Recovered. It will be saved as you carry on.")
        self._update_actions()
        self.deid_timer.start()

    def on_recovery_discard_requested(self) -> None:
        if self._pending_draft is not None:
            self._journal.discard_draft(self._pending_draft.slot)
            self._drafted = None
        self._pending_draft = None
        self.recovery.hide()
        self._offer_recovered_draft()

    # ------------------------------------------------------------ entry actions
    def on_trash_entry_button_clicked(self) -> None:
        self.commit()
        entry_id = self.editor.entry_id
        if entry_id is None:
            return
        self._journal.trash(entry_id)
        self.editor.clear()
        self.saved_label.setText("Moved to the Trash. You can restore it from there.")
        self._update_actions()
        self.refresh_list()

    def on_revisions_button_clicked(self) -> None:
        self.commit()
        entry_id = self.editor.entry_id
        if entry_id is None:
            return
        dialog = RevisionsDialog(self._journal.revisions(entry_id), self)
        dialog.revision_chosen.connect(self.on_revisions_dialog_revision_chosen)
        self.revisions_dialog = dialog
        dialog.open()

    def on_revisions_dialog_revision_chosen(self, revision_id: int) -> None:
        entry_id = self.editor.entry_id
        if entry_id is None:
            return
        entry = self._journal.restore_revision(entry_id, revision_id)
        self.editor.load(entry.id, entry.content)
        self.saved_label.setText("Earlier version restored. The one before is kept too.")
        self.refresh_list()

    def on_mark_button_clicked(self) -> None:
        excerpt = self.editor.selected_text()
        self.commit()
        if self.editor.entry_id is None:
            self.saved_label.setText("Write something first, then choose what to bring.")
            return
        chosen = dialogs.ask_text(
            self,
            "Bring to supervision",
            "The excerpt you'd like to bring to your next supervision (you can edit it):",
            excerpt,
        )
        if not chosen or not chosen.strip():
            return
        try:
            self._journal.mark_for_supervision(self.editor.entry_id, chosen)
        except SwreflectError as exc:
            self.saved_label.setText(exc.message)
            return
        self.saved_label.setText("Marked for your next supervision.")

    # ------------------------------------------------------------ de-identification
    def on_deid_timer_timeout(self) -> None:
        findings = self._journal.check_text(self.editor.all_text(), self._names)
        self.editor.banner.show_findings(findings)

    def on_banner_swap_requested(self) -> None:
        names = self._names
        self.editor.apply_to_text(lambda text: self._journal.swap_for_pseudonyms(text, names))
        self.on_deid_timer_timeout()

    def on_banner_never_record_requested(self) -> None:
        name = dialogs.ask_line(
            self,
            "Never record a name",
            "A name you never want kept in your journal. It will be flagged whenever it "
            "appears, with a pseudonym offered instead:",
        )
        if not name or not name.strip():
            return
        self._journal.add_never_record(name)
        self._names = self._journal.never_record()
        self.on_deid_timer_timeout()

    # ------------------------------------------------------------ locking
    def clear_sensitive(self) -> None:
        """Before the page is destroyed on lock: leave no journal text in any widget.

        The shell calls ``save_pending()`` first, while the vault is still open."""
        self._resume.remember()
        self.autosave_timer.stop()
        self.deid_timer.stop()
        self.searches.wait()  # no worker may touch the database once it closes
        # Nothing may reach the database from here on: clearing must not start a search.
        self.search_bar.blockSignals(True)
        self.search_bar.field.clear()
        self.search_bar.debounce.stop()
        self.editor.clear()
        self.editor.banner.show_findings([])
        self.model.clear()
        self._tags_timer.stop()
        if self.trash_view is not None:
            self.trash_view.model.clear()
        clear_private_clipboard()
        if self.revisions_dialog is not None:
            self.revisions_dialog.close()

    def search(self, text: str) -> None:
        """The window's search box was used while the journal is showing."""
        self.trash_button.setChecked(False)
        self.search_bar.field.setText(text)
        self.refresh_list()

    def page_shown(self) -> None:
        self.search_bar.set_tags(self._journal.tags())
        self.refresh_list()
        self._resume.put_cursor_back()


def journal_page(services: Services) -> QWidget:
    """The page factory the main window's registry calls."""
    return JournalPage(services)
