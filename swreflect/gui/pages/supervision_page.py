"""The Supervision page: people and agreements, each agreement's sessions and balance, the
prompt pack in use, and the session runner.

A page factory ``SupervisionPage(services)`` for the main window's registry. The runner
replaces the overview while a session is open; ``save_pending()`` (called before the vault
locks) flushes its last edits, so a session survives an auto-lock in the middle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.agreements import frequency_label
from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.current_stack import CurrentStack
from swreflect.gui.empty_state import EmptyState, at_the_top
from swreflect.gui.flow_layout import WrapRow
from swreflect.gui.supervision.agreement_text_dialog import AgreementTextDialog
from swreflect.gui.supervision.balance_grid import BalanceGrid
from swreflect.gui.supervision.cancel_dialog import CancelDialog
from swreflect.gui.supervision.people_forms import AgreementForm, PersonForm, TermsChangeForm
from swreflect.gui.supervision.session_runner import SessionRunner
from swreflect.timefmt import format_date, format_minutes, plural

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_WORDS = {
    "draft": "prepared, not yet held",
    "in_session": "in progress",
    "summary_drafted": "summary drafted",
    "cancelled": "didn't take place",
}
EMPTY_TEXT = (
    "Add the people you supervise, or who supervise you, then set up an agreement with each. "
    "Due dates, sessions and actions all follow from the agreement."
)


class SupervisionPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner: SessionRunner | None = None
        self.setAccessibleName("Supervision")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = CurrentStack()
        outer.addWidget(self.stack)

        overview = QWidget()
        row = QHBoxLayout(overview)
        row.setContentsMargins(16, 12, 16, 12)
        self.tabs = QTabWidget()
        self.tabs.setMinimumWidth(300)
        self.tabs.setMaximumWidth(380)
        # On a narrow window every tab stays in view (shortened), rather than hiding behind
        # small scroll arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.agreements = QListWidget()
        self.agreements.setAccessibleName("Your supervision agreements")
        self.agreements.setWordWrap(True)
        self.agreements.setSpacing(4)
        self.agreements.currentRowChanged.connect(self.on_agreements_current_row_changed)
        self.tabs.addTab(self.agreements, "Agreements")
        self.person_form = PersonForm(services)
        self.person_form.person_added.connect(self.on_person_form_person_added)
        self.tabs.addTab(self.person_form, "New person")
        self.agreement_form = AgreementForm(services)
        self.agreement_form.agreement_added.connect(self.on_agreement_form_agreement_added)
        self.tabs.addTab(self.agreement_form, "New agreement")
        self.terms_form = TermsChangeForm(services)
        self.terms_form.terms_changed.connect(lambda _id: self.refresh())
        self.tabs.addTab(self.terms_form, "Change")
        for index, tip in enumerate(
            (
                "Your supervision agreements",
                "Add a new person: someone you supervise, or who supervises you",
                "Set up a new supervision agreement",
                "Change how often or how long you meet, from a date",
            )
        ):
            self.tabs.setTabToolTip(index, tip)
        row.addWidget(self.tabs)

        detail = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setAccessibleName("Selected agreement")
        detail.addWidget(self.heading)
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.due.setProperty("role", "calm")
        self.due.setAccessibleName("When the next session is due")
        detail.addWidget(self.due)
        self.terms = QLabel()
        self.terms.setWordWrap(True)
        self.terms.setProperty("role", "hint")
        detail.addWidget(self.terms)
        buttons = WrapRow()
        self.start_button = QPushButton("Start a session")
        self.start_button.setAccessibleName("Start a session with this agreement")
        self.start_button.setToolTip("Open a new supervision session with the chosen person.")
        self.start_button.clicked.connect(self.on_start_button_clicked)
        self.open_button = QPushButton("Open the selected session")
        self.open_button.setAccessibleName("Open the selected session")
        self.open_button.setToolTip(
            "Carry on with the session chosen in the list, or read it again."
        )
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.debrief_button = QPushButton("Start a debrief")
        self.debrief_button.setAccessibleName("Start a debrief after a critical incident")
        self.debrief_button.setToolTip(
            "After a critical incident: wellbeing first, notes private unless shared, and a "
            "follow-up check-in a week or two later."
        )
        self.debrief_button.clicked.connect(lambda: self.start_session(kind="debrief"))
        self.cancel_button = QPushButton("Record a cancellation…")
        self.cancel_button.setAccessibleName("Record that the selected session didn't take place")
        self.cancel_button.setToolTip("Who cancelled it is kept; the reason is up to you.")
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.debrief_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cancel_button)
        self.text_button = QPushButton("The written agreement…")
        self.text_button.setAccessibleName("Read or edit the written agreement")
        self.text_button.setToolTip("Purpose, where you meet, cancelling, access, escalation…")
        self.text_button.clicked.connect(self.on_text_button_clicked)
        buttons.addWidget(self.text_button)
        detail.addWidget(buttons)
        self.buttons_row = buttons
        self.empty_state = EmptyState(
            "No supervision set up yet",
            EMPTY_TEXT,
            "Add a person",
            "Add someone you supervise, or who supervises you.",
            self.on_empty_state_action,
        )
        self.empty_holder = at_the_top(self.empty_state)
        detail.addWidget(self.empty_holder, 1)
        self.lower_box = QWidget()
        lower = QHBoxLayout(self.lower_box)
        lower.setContentsMargins(0, 0, 0, 0)
        sessions_column = QVBoxLayout()
        sessions_column.addWidget(QLabel("<b>Sessions</b>"))
        self.sessions = QListWidget()
        self.sessions.setAccessibleName("Sessions under this agreement")
        self.sessions.setAccessibleDescription(
            "Every session held or planned under this agreement, newest first."
        )
        self.sessions.itemActivated.connect(lambda _item: self.on_open_button_clicked())
        self.sessions.setSpacing(2)
        self.sessions.setWordWrap(True)
        self.sessions.setMinimumWidth(170)  # dates stay readable beside the grid
        sessions_column.addWidget(self.sessions, 1)
        lower.addLayout(sessions_column, 1)
        grid_column = QVBoxLayout()
        grid_column.addWidget(QLabel("<b>Support and challenge, from your ratings</b>"))
        self.grid = BalanceGrid()
        grid_column.addWidget(self.grid)
        grid_column.addStretch(1)
        lower.addLayout(grid_column)
        detail.addWidget(self.lower_box, 1)
        pack_row = QHBoxLayout()
        self.pack_label = QLabel()
        self.pack_label.setAccessibleName("Prompt pack in use")
        self.pack_combo = QComboBox()
        self.pack_combo.setAccessibleName("Prompt pack for new sessions")
        self.pack_combo.setToolTip("Which set of prompts new sessions with this person offer.")
        self.pack_combo.currentIndexChanged.connect(self.on_pack_combo_current_index_changed)
        import_button = QPushButton("Import a prompt pack…")
        import_button.setToolTip(
            "Use your organisation's own prompts for new sessions (a .toml prompt pack file)"
        )
        import_button.setAccessibleName("Import an organisation's prompt pack")
        import_button.clicked.connect(self.on_import_button_clicked)
        self.pack_label.setWordWrap(True)
        pack_row.addWidget(self.pack_combo, 1)
        pack_row.addWidget(import_button)
        detail.addWidget(self.pack_label)
        detail.addLayout(pack_row)
        self.pack_message = QLabel()
        self.pack_message.setWordWrap(True)
        self.pack_message.setAccessibleName("Message")
        self.pack_message.setProperty("role", "calm")
        self.pack_message.hide()
        detail.addWidget(self.pack_message)
        row.addLayout(detail, 1)
        self.stack.addWidget(overview)
        self.refresh()

    # ------------------------------------------------------------------ overview
    def refresh(self) -> None:
        current = self.selected_agreement()
        self.agreements.blockSignals(True)
        self.agreements.clear()
        for summary in self.services.agreements.due_summaries():
            item = QListWidgetItem(f"{summary.person.display_name}\n{summary.wording}")
            item.setData(ID_ROLE, summary.agreement.id)
            self.agreements.addItem(item)
        self.agreements.blockSignals(False)
        rows = [self.agreements.item(r).data(ID_ROLE) for r in range(self.agreements.count())]
        self.agreements.setCurrentRow(rows.index(current) if current in rows else 0)
        if not rows:
            self.show_agreement(None)
        pack = self.services.prompts.active()
        self.pack_label.setText("Prompts for new sessions:")
        self.pack_combo.blockSignals(True)
        self.pack_combo.clear()
        for option in self.services.prompts.packs():
            self.pack_combo.addItem(f"{option.name} (version {option.version})", option.id)
        self.pack_combo.setCurrentIndex(max(0, self.pack_combo.findData(pack.id)))
        self.pack_combo.blockSignals(False)
        self.agreement_form.reload_people()

    def selected_agreement(self) -> str | None:
        item = self.agreements.currentItem()
        return str(item.data(ID_ROLE)) if item else None

    def on_agreements_current_row_changed(self, _row: int) -> None:
        self.show_agreement(self.selected_agreement())

    def show_agreement(self, agreement_id: str | None) -> None:
        self.terms_form.agreement_id = agreement_id
        self.terms_form.update_preview()
        self.start_button.setEnabled(agreement_id is not None)
        self.debrief_button.setEnabled(agreement_id is not None)
        self.cancel_button.setEnabled(agreement_id is not None)
        self.text_button.setEnabled(agreement_id is not None)
        self.open_button.setEnabled(agreement_id is not None)
        self.sessions.clear()
        nothing = agreement_id is None
        self.empty_holder.setVisible(nothing)
        self.buttons_row.setVisible(not nothing)
        self.lower_box.setVisible(not nothing)
        self.due.setVisible(not nothing)
        if agreement_id is None:
            self.heading.setText("<h2>Supervision</h2>")
            self.due.clear()
            self.terms.clear()
            self.grid.set_sessions([])
            has_people = bool(self.services.people.list())
            self.empty_state.action.setText("Set up an agreement" if has_people else "Add a person")
            self.empty_state.action.setAccessibleName(self.empty_state.action.text())
            return
        agreement = self.services.agreements.get(agreement_id)
        person = self.services.agreements.person_of(agreement)
        summary = next(
            s for s in self.services.agreements.due_summaries() if s.agreement.id == agreement_id
        )
        relation = "Someone you supervise" if person.role == "supervisee" else "Your supervisor"
        pronouns = f" ({person.pronouns})" if person.pronouns else ""
        self.heading.setText(f"<h2>{person.display_name}{pronouns}</h2>{relation}")
        self.due.setText(" ".join((summary.wording, *summary.reminders)))
        today = self.services.agreements.today()
        terms = agreement.terms_on(today)
        self.terms.setText(
            f"{frequency_label(terms, agreement, today)}; usually "
            f"{format_minutes(terms.usual_minutes)}. The {agreement.record_writer} writes the "
            f"record within {plural(agreement.record_due_days, 'day')}."
        )
        sessions = self.services.sessions.list(agreement_id)
        for session in reversed(sessions):
            when = format_date(session.held_on) if session.held_on else ""
            words = STATUS_WORDS.get(session.status, session.status.replace("_", " "))
            if session.cancelled_by:
                why = f": {session.cancel_reason}" if session.cancel_reason else ""
                words += f" (cancelled by the {session.cancelled_by}{why})"
            if session.kind == "debrief":
                words = f"debrief · {words}"
            item = QListWidgetItem(f"{when or 'Not held yet'} · {words}")
            item.setData(ID_ROLE, session.id)
            self.sessions.addItem(item)
        if self.sessions.count():
            self.sessions.setCurrentRow(0)
        else:
            empty = QListWidgetItem("No sessions yet. Start one when you meet.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.sessions.addItem(empty)
        self.open_button.setEnabled(bool(sessions))
        self.grid.set_sessions(sessions)

    def on_empty_state_action(self) -> None:
        """The first step: add a person, or, once someone is added, their agreement."""
        form = self.agreement_form if self.services.people.list() else self.person_form
        self.tabs.setCurrentWidget(form)
        first = form.findChild(QLineEdit)
        (first if first is not None else form).setFocus()

    def on_person_form_person_added(self, person_id: str) -> None:
        self.agreement_form.reload_people(select=person_id)
        if self.selected_agreement() is None:
            self.show_agreement(None)  # the first step is now the agreement
        self.tabs.setCurrentWidget(self.agreement_form)

    def on_agreement_form_agreement_added(self, agreement_id: str) -> None:
        self.refresh()
        rows = [self.agreements.item(r).data(ID_ROLE) for r in range(self.agreements.count())]
        self.agreements.setCurrentRow(rows.index(agreement_id))
        self.tabs.setCurrentWidget(self.agreements)

    # ------------------------------------------------------------------ sessions
    def start_session(
        self, agreement_id: str | None = None, kind: str = "regular"
    ) -> SessionRunner:
        agreement_id = agreement_id or self.selected_agreement()
        if agreement_id is None:
            raise ValueError("no agreement selected")
        session = self.services.sessions.start(agreement_id, kind=kind)
        runner = self.open_session(session.id)
        assert runner is not None  # a new session is always editable
        return runner

    def open_session(self, session_id: str) -> SessionRunner | None:
        """Open the runner; a session that has moved on to sign-off is not reopened here."""
        if not self.services.sessions.get(session_id).is_editable:
            self.pack_message.setText(
                "That session has moved on to sign-off or didn't take place, so it can't be "
                "changed here. Its record is in the agreement inbox."
            )
            self.pack_message.show()
            return None
        self.close_runner()
        self.runner = SessionRunner(self.services, session_id)
        self.runner.closed.connect(self.close_runner)
        self.stack.addWidget(self.runner)
        self.stack.setCurrentWidget(self.runner)
        return self.runner

    def close_runner(self) -> None:
        if self.runner is None:
            return
        runner, self.runner = self.runner, None
        runner.save_pending()
        runner.timer.pause()
        self.stack.removeWidget(runner)
        runner.deleteLater()
        self.stack.setCurrentIndex(0)
        self.refresh()

    def on_start_button_clicked(self) -> None:
        if self.selected_agreement():
            self.start_session()

    def on_cancel_button_clicked(self) -> None:
        """Record a cancellation for the selected session, or for a new one when none is
        selected (a session that was planned and never started)."""
        agreement_id = self.selected_agreement()
        if agreement_id is None:
            return
        dialog = CancelDialog(self)
        if not self.run_dialog(dialog):
            return
        by, reason = dialog.chosen()
        item = self.sessions.currentItem()
        session_id = str(item.data(ID_ROLE)) if item and item.data(ID_ROLE) else None
        today = self.services.agreements.today()
        try:
            selected = self.services.sessions.get(session_id) if session_id else None
            if selected is None or selected.status not in ("draft", "in_session") or selected.notes:
                # Nothing unwritten is selected: record the cancelled meeting on its own.
                session_id = self.services.sessions.create(agreement_id).id
            assert session_id is not None
            self.services.sessions.cancel(session_id, by=by, reason=reason, on=today)
        except SwreflectError as exc:
            self.pack_message.setText(exc.message)
            self.pack_message.show()
            return
        self.show_agreement(agreement_id)

    def on_text_button_clicked(self) -> None:
        agreement_id = self.selected_agreement()
        if agreement_id is not None:
            self.run_dialog(AgreementTextDialog(self.services, agreement_id, self))

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog and say whether it was accepted (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def on_open_button_clicked(self) -> None:
        item = self.sessions.currentItem()
        if item is not None:
            self.open_session(str(item.data(ID_ROLE)))

    # ------------------------------------------------------------------ prompt packs
    def import_pack(self, path: Path) -> bool:
        """Import and switch to an organisation's pack; on any problem say what and where,
        and keep the current pack."""
        try:
            pack = self.services.prompts.import_file(path)
        except SwreflectError as exc:
            active = self.services.prompts.active()
            self.pack_message.setText(
                f"That prompt pack couldn't be used. {exc.message} "
                f'Nothing was changed; sessions keep using "{active.name}".'
            )
            self.pack_message.show()
            return False
        self.pack_message.setText(
            f'Imported "{pack.name}" (version {pack.version}). New sessions will use it.'
        )
        self.pack_message.show()
        self.refresh()
        return True

    def on_pack_combo_current_index_changed(self, _index: int) -> None:
        pack_id = self.pack_combo.currentData()
        if pack_id:
            self.services.prompts.set_active(str(pack_id))

    def on_import_button_clicked(self) -> None:
        path = dialogs.open_file(self, "Import a prompt pack", Path(), "Prompt packs (*.toml)")
        if path is not None:
            self.import_pack(path)

    # ------------------------------------------------------------------ shell hooks
    def save_pending(self) -> None:
        if self.runner is not None:
            self.runner.save_pending()

    def page_shown(self) -> None:
        if self.runner is None:
            self.refresh()

    def clear_sensitive(self) -> None:
        """Forget names, sessions and the open session's notes before the page goes."""
        if self.runner is not None:
            self.runner.clear_sensitive()
        self.agreements.clear()
        self.sessions.clear()
        self.heading.clear()
        self.due.clear()
        self.terms.clear()
