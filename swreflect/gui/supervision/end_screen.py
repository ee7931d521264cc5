"""The end of a session: where the time went, your own support and challenge rating (private
unless you include it), actions, what goes on the case file elsewhere, and a short summary.

Says plainly when case management crowded out reflection and support. Every edit is saved
within a couple of seconds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swreflect.core import session_record
from swreflect.core.record_guidance import SUMMARY_PROMPT
from swreflect.core.services import Services
from swreflect.gui.supervision.actions_editor import ActionsEditor
from swreflect.gui.supervision.autosave import Debouncer
from swreflect.gui.supervision.look import clear_layout
from swreflect.gui.supervision.minutes_consent import MinutesConsent
from swreflect.gui.ui import hint
from swreflect.models.vocab import Function
from swreflect.timefmt import format_minutes, format_short_minutes

NO_BALANCE_WORRY = "The time was spread across the functions; nothing crowded the rest out."
TOO_SHORT = "Less than ten minutes were timed, so there's no balance to show yet."


NO_STAGE_TIME = "No time was recorded on the stages; the timer runs while a stage is open."
NO_FUNCTION_TIME = "No time was recorded yet, so there is nothing to split by function."


def _bar(minutes: int, total: int, name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, max(total, 1))
    bar.setValue(minutes)
    bar.setFormat(format_short_minutes(minutes))
    bar.setAccessibleName(f"{name}: {format_minutes(minutes)}")
    bar.setMaximumHeight(18)
    return bar


def _fill(grid: QGridLayout, rows: list[tuple[str, int]], total: int, none_text: str) -> None:
    """One bar per row that took time (at least a minute); a calm line when none did."""
    timed = [(name, minutes) for name, minutes in rows if minutes > 0]
    if not timed:
        empty = hint(none_text)
        empty.setObjectName("noTimeRecorded")
        grid.addWidget(empty, 0, 0, 1, 2)
    for row, (name, minutes) in enumerate(timed):
        grid.addWidget(QLabel(name), row, 0)
        grid.addWidget(_bar(minutes, total, name), row, 1)


class EndScreen(QScrollArea):
    back_requested = Signal()
    finish_requested = Signal()

    def __init__(self, services: Services, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session_id = session_id
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>How the session went</h2>"), 1)
        back = QPushButton("Back to the stages")
        back.setAccessibleName("Back to the stages")
        back.clicked.connect(self.back_requested)
        back.setToolTip("Go back to the stages to add or change notes")
        top.addWidget(back)
        self.finish_button = QPushButton("Finish session")
        self.finish_button.setProperty("role", "primary")
        self.finish_button.setAccessibleName("Finish session")
        self.finish_button.setAccessibleDescription(
            "Mark the session as held, then send it for agreement or agree it together"
        )
        self.finish_button.setToolTip("Mark it as held, then send it or agree it together")
        self.finish_button.clicked.connect(self.finish_requested)
        top.addWidget(self.finish_button)
        layout.addLayout(top)

        columns = QHBoxLayout()
        self.functions_box = QGroupBox("Time by supervision function")
        self.functions_grid = QGridLayout(self.functions_box)
        self.stages_box = QGroupBox("Time by stage")
        self.stages_grid = QGridLayout(self.stages_box)
        self.functions_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stages_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self.functions_box, 1)
        columns.addWidget(self.stages_box, 1)
        layout.addLayout(columns)
        self.balance = QLabel()
        self.balance.setWordWrap(True)
        self.balance.setAccessibleName("Balance of the session")
        layout.addWidget(self.balance)
        self.minutes_consent = MinutesConsent(services, session_id)
        layout.addWidget(self.minutes_consent)

        ratings = QGroupBox("Your support and challenge (1 = very little, 5 = a lot)")
        grid = QGridLayout(ratings)
        grid.addWidget(
            hint(
                "Your rating is yours: it stays in your vault for your own insights. The other "
                "person rates in their own vault when they review the record."
            ),
            0, 0, 1, 4,
        )  # fmt: skip
        grid.addWidget(QLabel("Support"), 1, 1)
        grid.addWidget(QLabel("Challenge"), 1, 2)
        self.my_role = services.sessions.my_role(session_id)
        grid.addWidget(QLabel("How it felt to you"), 2, 0)
        pair = (
            self._rating_combo("Support you felt"),
            self._rating_combo("Challenge you felt"),
        )
        self.rating_boxes: dict[str, tuple[QComboBox, QComboBox]] = {self.my_role: pair}
        grid.addWidget(pair[0], 2, 1)
        grid.addWidget(pair[1], 2, 2)
        self.include_rating = QCheckBox("Include my rating in the shared record")
        self.include_rating.setAccessibleName("Include my rating in the shared record")
        self.include_rating.setToolTip(
            "Off unless you choose: if ticked, your rating is signed into the agreed record."
        )
        self.include_rating.toggled.connect(self.on_rating_changed)
        grid.addWidget(self.include_rating, 3, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        layout.addWidget(ratings)

        actions_box = QGroupBox("Actions")
        actions_layout = QVBoxLayout(actions_box)
        self.actions_editor = ActionsEditor(services, session_id)
        actions_layout.addWidget(self.actions_editor)
        layout.addWidget(actions_box)

        decisions_box = QGroupBox("Decisions to write on the case file elsewhere")
        decisions_layout = QVBoxLayout(decisions_box)
        decisions_layout.addWidget(
            hint(
                "This app isn't the case record. List each decision that needs writing on the "
                "case file, one per line, so it isn't missed."
            )
        )
        self.decisions = QPlainTextEdit()
        self.decisions.setAccessibleName("Decisions to write on the case file, one per line")
        self.decisions.setAccessibleDescription(
            "A reminder of what to record on the case file elsewhere; it is not sent anywhere."
        )
        self.decisions.setTabChangesFocus(True)
        self.decisions.setMaximumHeight(90)
        decisions_layout.addWidget(self.decisions)
        layout.addWidget(decisions_box)

        summary_box = QGroupBox("Summary")
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(hint(SUMMARY_PROMPT + " It is saved as you type."))
        self.assemble_button = QPushButton("Start from a short outline")
        self.assemble_button.setAccessibleName("Start the summary from a short outline")
        self.assemble_button.setToolTip(
            "Fill the summary with an outline of the shared notes, to edit in your own words."
        )
        self.assemble_button.clicked.connect(self.on_assemble_button_clicked)
        summary_layout.addWidget(self.assemble_button)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName("Draft summary")
        self.summary.setAccessibleDescription(
            "The summary that goes in the record, in your own words."
        )
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(180)
        summary_layout.addWidget(self.summary)
        self.summary_problem = QLabel()
        self.summary_problem.setWordWrap(True)
        self.summary_problem.setAccessibleName("Problem saving the summary")
        summary_layout.addWidget(self.summary_problem)
        layout.addWidget(summary_box)
        self.deid = QLabel()
        self.deid.setWordWrap(True)
        self.deid.setProperty("role", "calm")
        self.deid.setAccessibleName("Identifying details notice")
        self.deid.hide()
        layout.addWidget(self.deid)
        layout.addStretch(1)
        self.setWidget(body)

        self._decisions_saver = Debouncer(self._save_decisions, parent=self)
        self._summary_saver = Debouncer(self._save_summary, parent=self)
        self._summary_saver.failed.connect(self.summary_problem.setText)
        self._summary_saver.saved.connect(self.summary_problem.clear)
        self.refresh()
        self.decisions.textChanged.connect(self._decisions_saver.touch)
        self.summary.textChanged.connect(self._summary_saver.touch)

    def _rating_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip("From 1 (very little) to 5 (a lot); private unless you include it.")
        combo.setMinimumWidth(130)
        combo.addItem("Not rated", 0)
        for value in range(1, 6):
            combo.addItem(str(value), value)
        combo.currentIndexChanged.connect(self.on_rating_changed)
        return combo

    def refresh(self) -> None:
        """Reload everything from the vault (time split, ratings, actions, texts)."""
        session = self._services.sessions.get(self._session_id)
        for grid in (self.functions_grid, self.stages_grid):
            clear_layout(grid)
        total = max(1, session_record.minutes(session_record.total_seconds(session)))
        split = session_record.seconds_by_function(session)
        functions = [(f.capitalize(), session_record.minutes(split[f])) for f in Function]
        stages = [
            (title, session_record.minutes(seconds))
            for title, seconds in session_record.seconds_by_stage(session)
        ]
        _fill(self.functions_grid, functions, total, NO_FUNCTION_TIME)
        _fill(self.stages_grid, stages, total, NO_STAGE_TIME)
        message = session_record.balance_message(session)
        too_short = session_record.too_short(session)
        self.balance.setText(message or (TOO_SHORT if too_short else NO_BALANCE_WORRY))
        self.balance.setProperty("role", "calm" if message else "hint")
        self.balance.style().unpolish(self.balance)
        self.balance.style().polish(self.balance)
        for rating in session.ratings:
            if rating.rater not in self.rating_boxes:
                continue  # only your own rating is shown on your screen
            support, challenge = self.rating_boxes[rating.rater]
            for combo, value in ((support, rating.support), (challenge, rating.challenge)):
                combo.blockSignals(True)
                combo.setCurrentIndex(value)
                combo.blockSignals(False)
            self.include_rating.blockSignals(True)
            self.include_rating.setChecked(rating.include_in_record)
            self.include_rating.blockSignals(False)
        self.actions_editor.refresh()
        self._set_quietly(self.decisions, "\n".join(session.case_file_decisions))
        if session.summary is not None:
            self._set_quietly(self.summary, session.summary)
        self.assemble_button.setText(
            "Start again from an outline (replaces the text below)"
            if self.summary.toPlainText().strip()
            else "Start from a short outline"
        )

    @staticmethod
    def _set_quietly(editor: QPlainTextEdit, text: str) -> None:
        if editor.toPlainText() != text:
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.blockSignals(False)

    def on_rating_changed(self, _value: object = None) -> None:
        for role, (support, challenge) in self.rating_boxes.items():
            s, c = int(support.currentData()), int(challenge.currentData())
            if s and c:
                self._services.sessions.rate(
                    self._session_id, role, s, c,
                    include_in_record=self.include_rating.isChecked(),
                )  # fmt: skip

    def on_assemble_button_clicked(self) -> None:
        self.save_pending()
        self._services.sessions.set_summary(self._session_id, "")
        text = self._services.sessions.draft_summary(self._session_id)
        self._set_quietly(self.summary, text)
        self.assemble_button.setText("Start again from an outline (replaces the text below)")

    def _save_decisions(self) -> None:
        self._services.sessions.set_case_file_decisions(
            self._session_id, self.decisions.toPlainText().splitlines()
        )
        self.check_identifiers()

    def _save_summary(self) -> None:
        self._services.sessions.set_summary(self._session_id, self.summary.toPlainText())
        self.check_identifiers()

    def check_identifiers(self) -> None:
        """Shared notes, summary, actions and decisions: a calm line, never a block."""
        spotted = self._services.records.identifiers_in_session(self._session_id)
        where = "; ".join(dict.fromkeys(f"{s.where}: {s.finding.label}" for s in spotted))
        self.deid.setText(
            f"This might identify someone ({where}). The record is safer without it; you can "
            "change it now. Everything is saved either way."
            if spotted
            else ""
        )
        self.deid.setVisible(bool(spotted))

    def save_pending(self) -> None:
        self._decisions_saver.save_pending()
        self._summary_saver.save_pending()
