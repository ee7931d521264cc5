"""Agreements: import a file, read a record without being able to change it, then comment,
record a disagreement, sign or send it back.

The record pane is read-only by construction (a read-only text view of exactly what will be
signed). Every step goes through ``SignOffService``; files are chosen through the dialog seams
and written inside the step's transaction, so a failed write changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.record_text import status_words
from swreflect.core.services import Services
from swreflect.errors import SwreflectError, VerificationFailedError
from swreflect.gui import dialogs
from swreflect.gui.empty_state import EmptyState, go_to
from swreflect.gui.signing.agreements_model import AgreementsModel
from swreflect.gui.signing.record_browser import RecordBrowser
from swreflect.gui.signing.record_exports import RecordExports
from swreflect.gui.signing.review_rating import ReviewRating
from swreflect.gui.signing.send_panel import SendPanel
from swreflect.gui.ui import MessageLabel, button, hint, label, title
from swreflect.models.vocab import AgreementStatus, Direction
from swreflect.platform.files import atomic_write

EXCHANGE_FILTER = "swreflect agreement files (*.swx);;All files (*)"


class AgreementInboxPage(QWidget):
    record_imported = Signal(str)
    record_answered = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._signoff = services.signoff
        self._current: str | None = None
        self.setAccessibleName("Agreements")

        self.import_button = button(
            "Import a file…", "Open an agreement request or answer someone sent you.", "primary"
        )
        self.model = AgreementsModel(services.signoff, services.identity)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Records for agreement")
        self.table.setAccessibleDescription(
            "Session records waiting to be agreed, by you or the other person, and agreed ones."
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)

        self.record_view = RecordBrowser()
        self.status_label = label("", "subsection")
        self.status_label.setAccessibleName("Where this record stands")

        self.note_field = QPlainTextEdit()
        self.note_field.setAccessibleName("Your comment")
        self.note_field.setAccessibleDescription(
            "A comment or a disagreement to send back with your answer."
        )
        self.note_field.setPlaceholderText("Anything you'd word differently or disagree with")
        self.note_field.setTabChangesFocus(True)
        self.note_field.setMaximumHeight(90)
        self.comment_button = button("Add comment", "Keep this comment with your answer.")
        self.disagree_button = button(
            "Record disagreement", "Keep this as a recorded disagreement with your answer."
        )
        self.sign_button = button(
            "Sign…", "Agree the record: sign it and save your answer file.", "primary"
        )
        self.return_button = button(
            "Send back with comments…", "Don't sign yet: save an answer asking for changes."
        )
        self.resend_button = button(
            "Save my answer again…", "Make your signed answer file again if it went astray."
        )
        self.rating = ReviewRating(services)
        self.message = MessageLabel("Agreements message")
        self.send_panel = SendPanel(services)
        self.exports = RecordExports(services, self.message)

        self._build_layout()
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.send_panel.request_saved.connect(self.on_send_panel_request_saved)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.comment_button.clicked.connect(self.on_comment_button_clicked)
        self.disagree_button.clicked.connect(self.on_disagree_button_clicked)
        self.sign_button.clicked.connect(self.on_sign_button_clicked)
        self.return_button.clicked.connect(self.on_return_button_clicked)
        self.resend_button.clicked.connect(self.on_resend_button_clicked)
        self._show_record(None)

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 24)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(title("Agreements"))
        top.addStretch(1)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        layout.addWidget(
            hint(
                "Records you've sent or been asked to agree. Agreement files travel however "
                "you like (email, a shared drive); only the named person's vault can open them."
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(self.send_panel)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        right_layout.addWidget(self.status_label)
        right_layout.addWidget(self.record_view, 1)
        right_layout.addWidget(self.note_field)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.comment_button)
        notes_row.addWidget(self.disagree_button)
        notes_row.addStretch(1)
        right_layout.addLayout(notes_row)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.resend_button)
        answer_row.addStretch(1)
        answer_row.addWidget(self.return_button)
        answer_row.addWidget(self.sign_button)
        right_layout.addWidget(self.rating)
        right_layout.addLayout(answer_row)
        right_layout.addWidget(self.exports)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 740])
        layout.addWidget(splitter, 1)
        self.splitter = splitter
        self.empty_state = EmptyState(
            "No records yet",
            "When you finish a supervision session, send its record here for the other person "
            "to agree, or agree it together in the room. A file someone sent you opens with "
            "Import a file…",
            "Go to Supervision",
            "Open the Supervision page to hold or finish a session.",
            lambda: go_to(self, "supervision"),
        )
        layout.addWidget(self.empty_state)
        layout.addStretch(0)
        self.model.modelReset.connect(self._update_empty)
        self._update_empty()
        self.setTabOrder(self.import_button, self.send_panel.session_box)
        self.setTabOrder(self.send_panel.session_box, self.send_panel.send_button)
        self.setTabOrder(self.send_panel.send_button, self.send_panel.addendum_field)
        self.setTabOrder(self.send_panel.addendum_field, self.send_panel.addendum_button)
        self.setTabOrder(self.send_panel.addendum_button, self.table)
        self.setTabOrder(self.table, self.record_view)
        self.setTabOrder(self.record_view, self.note_field)
        self.setTabOrder(self.note_field, self.comment_button)
        self.setTabOrder(self.comment_button, self.disagree_button)
        self.setTabOrder(self.disagree_button, self.resend_button)
        self.setTabOrder(self.resend_button, self.return_button)
        self.setTabOrder(self.return_button, self.sign_button)
        self.setTabOrder(self.sign_button, self.exports)

    # ------------------------------------------------------------ showing
    def _update_empty(self) -> None:
        """With no records at all, say what this page is for instead of "choose a record"."""
        empty = self.model.rowCount() == 0
        self.empty_state.setVisible(empty)
        self.splitter.setVisible(not empty)

    def select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)

    def _reload(self, keep: str | None) -> None:
        self.model.refresh()
        if keep:
            self.select_record(keep)
        self._show_record(keep)

    def _show_record(self, record_id: str | None) -> None:
        self._current = record_id
        if record_id is None:
            self.record_view.show_parts(None)
            self.status_label.setText("")
            self._set_answerable(False)
            self.resend_button.hide()
            self.send_panel.set_addendum_target(None)
            self.exports.show_record(None)
            self.rating.show_for(None)
            return
        try:
            history = self._signoff.history(record_id)
        except VerificationFailedError as exc:  # rows read back from the file failed (D1)
            self.record_view.setPlainText(exc.message)
            self.status_label.setText("The signatures on this record don't check out")
            self._set_answerable(False)
            self.resend_button.hide()
            self.exports.show_record(None)
            return
        latest = history[-1]
        earlier = []
        for h in history[:-1]:
            earlier.append(f"Version {h.version}: {status_words(h.status)}")
            earlier += [f"{n.author_name} ({n.author_role}), {n.kind}: {n.text}" for n in h.notes]
        self.record_view.show_parts(
            self._services.records.outline(
                record_id, status=status_words(latest.status), history=earlier
            )
        )
        self.status_label.setText(status_words(latest.status))
        self._set_answerable(
            latest.direction == Direction.INCOMING and latest.status == AgreementStatus.RECEIVED
        )
        self.resend_button.setVisible(
            latest.direction == Direction.INCOMING and latest.status == AgreementStatus.AGREED
        )
        agreed = latest.status in (AgreementStatus.AGREED, AgreementStatus.ACKNOWLEDGED_IN_ROOM)
        row = self._signoff.latest(record_id)
        can_add = agreed and row.kind != "addendum" and row.counterpart_ref is not None
        self.send_panel.set_addendum_target(record_id if can_add else None)  # either person
        self.exports.show_record(record_id, agreed=agreed)
        theirs = latest.direction == Direction.INCOMING and row.kind == "supervision-record"
        self.rating.show_for(record_id if theirs else None)

    def _set_answerable(self, answerable: bool) -> None:
        for widget in (
            self.note_field,
            self.comment_button,
            self.disagree_button,
            self.sign_button,
            self.return_button,
        ):
            widget.setEnabled(answerable)
            widget.setVisible(answerable)

    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        record_id = self.model.record_id(rows[0].row()) if rows else None
        if record_id != self._current:
            self.message.clear_message()
            self._show_record(record_id)

    def on_send_panel_request_saved(self, record_id: str) -> None:
        self._reload(record_id)

    # ------------------------------------------------------------ import
    def on_import_button_clicked(self) -> None:
        path = dialogs.open_file(self, "Import an agreement file", Path.home(), EXCHANGE_FILTER)
        if path is not None:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Import one agreement file (the button, or a file opened with the app)."""
        try:
            data = Path(path).read_bytes()
        except OSError:
            self.message.show_message("That file couldn't be read. Nothing was changed.")
            return
        try:
            result = self._signoff.import_file(data)
        except SwreflectError as exc:
            self.message.show_message(exc.message)
            return
        if result.kind == "copy":
            text = (
                f"Your copy of the record you acknowledged in the room with "
                f"{result.sender_name}. You can add an addendum to it at any time."
            )
        elif result.kind == "request":
            text = f"{result.sender_name} asked you to agree a record. Read it, then answer."
        elif result.status == AgreementStatus.AGREED:
            text = f"{result.sender_name} signed. Both signatures check out: it's agreed."
        else:
            text = f"{result.sender_name} sent the record back with comments."
        self._reload(result.record_id)
        self.message.show_message(text, "success")
        self.record_imported.emit(result.record_id)

    # ------------------------------------------------------------ notes
    def _add_note(self, kind: str) -> None:
        text = self.note_field.toPlainText()
        if self._current is None:
            return
        try:
            self._signoff.add_note(self._current, text, kind=kind)
        except SwreflectError as exc:
            self.message.show_message(exc.message)
            return
        self.note_field.clear()
        self._reload(self._current)
        done = "Your disagreement is recorded" if kind == "disagreement" else "Comment added"
        self.message.show_message(f"{done}; it goes with your answer.", "success")

    def on_comment_button_clicked(self) -> None:
        self._add_note("comment")

    def on_disagree_button_clicked(self) -> None:
        self._add_note("disagreement")

    # ------------------------------------------------------------ answers
    def _answer_path(self, caption: str) -> Path | None:
        suggested = Path.home() / f"answer-{(self._current or '')[:8]}.swx"
        return dialogs.save_file(self, caption, suggested, EXCHANGE_FILTER)

    def on_sign_button_clicked(self) -> None:
        record_id = self._current
        if record_id is None:
            return
        agreed = dialogs.confirm(
            self,
            "Sign this record",
            "Once you've both signed, the record can't be changed; later corrections are "
            "added as addenda. Any comment you added goes with your signature.",
            "Sign",
        )
        if not agreed:
            return
        path = self._write_answer("Save your signed answer", self._signoff.sign, record_id)
        if path is None:
            return
        self._reload(record_id)
        self.message.show_message(
            f"Signed. Your vault keeps its own agreed copy. Send {path.name} back to them.",
            "success",
        )
        self.record_answered.emit(record_id)

    def on_return_button_clicked(self) -> None:
        record_id = self._current
        if record_id is None:
            return
        path = self._write_answer("Save your answer", self._signoff.return_with_comments, record_id)
        if path is None:
            return
        self._reload(record_id)
        self.message.show_message(f"Sent back with your comments in {path.name}.", "success")
        self.record_answered.emit(record_id)

    def on_resend_button_clicked(self) -> None:
        record_id = self._current
        if record_id is None:
            return
        path = self._write_answer("Save your signed answer again", self._signoff.sign, record_id)
        if path is None:
            return
        self.message.show_message(f"Saved your signed answer again as {path.name}.", "success")

    def _write_answer(self, title: str, answer: Callable[..., Any], record_id: str) -> Path | None:
        """Ask where to save, then let ``answer`` deliver the file there (atomically).

        Returns the path, or None when the user cancelled or it failed (already said)."""
        path = self._answer_path(title)
        if path is None:
            return None
        try:
            answer(record_id, deliver=lambda data: atomic_write(path, data))
        except (SwreflectError, OSError) as exc:
            self.message.show_message(_failure(exc))
            return None
        return path

    # ------------------------------------------------------------ page protocol
    def page_shown(self) -> None:
        """Sessions finished elsewhere appear at once, without locking and unlocking."""
        self.send_panel.refresh()

    def send_session(self, session_id: str) -> None:
        """After "Finish session" → "Send it for agreement": pairing is checked first."""
        if self.send_panel.select_session(session_id):
            self.send_panel.on_send_button_clicked()

    def agree_in_room(self, session_id: str) -> None:
        """After "Finish session" → "Agree it together now"."""
        if self.send_panel.select_session(session_id):
            self.send_panel.on_in_room_button_clicked()

    def clear_sensitive(self) -> None:
        self.note_field.clear()
        self.send_panel.addendum_field.clear()
        self.record_view.clear()
        self.exports.clear_sensitive()

    def save_pending(self) -> None:
        """A note being written to the other person is not a draft: it is sent or dropped."""


def _failure(exc: Exception) -> str:
    if isinstance(exc, SwreflectError):
        return exc.message
    return "That file couldn't be written. Nothing was changed; try another folder."
