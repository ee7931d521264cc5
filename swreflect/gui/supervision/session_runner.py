"""The session runner: walks the stages of one session, in any order.

Left, the stages (go to any of them to revisit; move them up or down; skip or bring back).
Centre, the current stage's prompts and notes. A timer per stage from the injected clock.
"Finish" opens the end screen. Everything is saved as it changes; ``save_pending()`` flushes
the last few seconds (the page calls it before the vault locks).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.core.session_record import total_seconds
from swreflect.core.supervision_schedule import weekday_date
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.supervision.agenda_panel import AgendaPanel
from swreflect.gui.supervision.end_screen import EndScreen
from swreflect.gui.supervision.stage_panel import StagePanel
from swreflect.models.supervision import Session
from swreflect.models.vocab import SessionStatus
from swreflect.timefmt import format_date, format_minutes

KEY_ROLE = Qt.ItemDataRole.UserRole


def _clock_text(seconds: int) -> str:
    return f"{seconds // 60} min {seconds % 60:02d} s"


def session_clock_text(seconds: int, agreed_minutes: int) -> str:
    """'Session: 52 of 90 min' (past the agreed length: '95 min, 5 over the agreed 90')."""
    minutes = seconds // 60
    if minutes > agreed_minutes:
        over = minutes - agreed_minutes
        return f"Session: {minutes} min, {over} over the agreed {agreed_minutes}"
    return f"Session: {minutes} of {agreed_minutes} min"


class SessionRunner(QWidget):
    closed = Signal()

    def __init__(self, services: Services, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from swreflect.gui.supervision.stage_timer import StageTimer

        self.services = services
        self.session_id = session_id
        self.discarded = False
        session = services.sessions.get(session_id)
        if session.status == SessionStatus.DRAFT:
            session = services.sessions.begin(session_id)
        agreement = services.agreements.get(session.agreement_id)
        person = services.agreements.person_of(agreement)
        pack = services.prompts.pack_for(session.pack_id)
        self.setAccessibleName("Session runner")

        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        when = format_date(session.held_on) if session.held_on else ""
        what = "Debrief" if session.kind == "debrief" else "Supervision"
        heading = f"<b>{what} with {person.display_name}</b>  ·  {when}"
        if session.follow_up_on:
            heading += f"  ·  follow-up check-in by {weekday_date(session.follow_up_on)}"
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        header.addWidget(self.heading, 1)
        self.agreed_minutes = agreement.terms_on(
            session.held_on or services.clock.now().date()
        ).usual_minutes
        self._stored_seconds = total_seconds(session)
        self.session_clock = QLabel()
        self.session_clock.setAccessibleName("Time in the session against the agreed length")
        self.session_clock.setToolTip(
            f"Time measured in this session so far, against the "
            f"{format_minutes(self.agreed_minutes)} "
            "your agreement sets aside."
        )
        clocks = QHBoxLayout()  # on a line of their own, so the header fits a small screen
        clocks.addWidget(self.session_clock)
        self.timer_label = QLabel()
        self.timer_label.setAccessibleName("Time in this stage")
        clocks.addWidget(self.timer_label)
        clocks.addStretch(1)
        back = QPushButton("Leave for now")
        back.setAccessibleName("Leave the session for now; it is saved")
        back.clicked.connect(self.on_back_button_clicked)
        back.setToolTip("Everything is saved; come back to it from the Supervision page")
        self.discard_button = QPushButton("Discard")
        self.discard_button.setAccessibleName("Discard this session")
        self.discard_button.setAccessibleDescription(
            "Nothing has been written in it yet: remove it as if it was never started"
        )
        self.discard_button.setToolTip("Started by mistake? Remove it (only while it is empty)")
        self.discard_button.clicked.connect(self.on_discard_button_clicked)
        self.discard_button.setEnabled(not session.has_content())
        header.addWidget(self.discard_button)
        header.addWidget(back)
        outer.addLayout(header)
        outer.addLayout(clocks)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        walker = QWidget()
        row = QHBoxLayout(walker)
        row.setContentsMargins(0, 0, 0, 0)
        side = QVBoxLayout()
        self.stage_list = QListWidget()
        self.stage_list.setAccessibleName("Stages of the session")
        self.stage_list.setAccessibleDescription(
            "The stages of this session in order; choose one to open it."
        )
        self.stage_list.setMinimumWidth(170)
        self.stage_list.setMaximumWidth(300)
        self.stage_list.setWordWrap(True)
        self.stage_list.setSpacing(3)
        self.stage_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stage_list.currentRowChanged.connect(self.on_stage_list_current_row_changed)
        side.addWidget(self.stage_list, 1)
        buttons = QHBoxLayout()
        self.up_button = QPushButton("Move up")
        self.up_button.setAccessibleName("Move the stage earlier")
        self.up_button.setToolTip("Move the chosen stage one place earlier in the session.")
        self.up_button.clicked.connect(lambda: self.move_stage(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.setAccessibleName("Move the stage later")
        self.down_button.setToolTip("Move the chosen stage one place later in the session.")
        self.down_button.clicked.connect(lambda: self.move_stage(1))
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        side.addLayout(buttons)
        self.skip_button = QPushButton("Skip this stage")
        self.skip_button.setAccessibleName("Skip or bring back the stage")
        self.skip_button.setToolTip("Leave this stage out of the session, or bring it back.")
        self.skip_button.clicked.connect(self.on_skip_button_clicked)
        side.addWidget(self.skip_button)
        row.addLayout(side)

        centre = QVBoxLayout()
        self.stages = QStackedWidget()
        centre.addWidget(self.stages, 1)
        nav = QHBoxLayout()
        self.previous_button = QPushButton("&Previous")
        self.previous_button.setAccessibleName("Previous stage")
        self.previous_button.setToolTip("Go back to the stage before this one.")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("&Next stage")
        self.next_button.setAccessibleName("Next stage")
        self.next_button.setToolTip("Go on to the next stage.")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.finish_button = QPushButton("&Finish and review")
        self.finish_button.setAccessibleName("Finish the session and review it")
        self.finish_button.setToolTip(
            "See where the time went, rate the session and write the summary."
        )
        self.finish_button.clicked.connect(self.show_end_screen)
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        nav.addWidget(self.finish_button)
        centre.addLayout(nav)
        row.addLayout(centre, 1)
        self.pages.addWidget(walker)

        self.panels: dict[str, StagePanel | AgendaPanel] = {}
        for stage in session.stages:
            content = pack.stage(stage.key)
            panel: StagePanel | AgendaPanel
            if stage.key == "agenda":
                panel = AgendaPanel(services, session, content)
                panel.item_changed.connect(self.on_agenda_item_changed)
                panel.step_changed.connect(self.on_agenda_step_changed)
            else:
                panel = StagePanel(services, session, content)
            self.panels[stage.key] = panel
            self.stages.addWidget(panel)
        self.end_screen = EndScreen(services, session_id)
        self.end_screen.back_requested.connect(self.show_stages)
        self.end_screen.finish_requested.connect(self.on_end_screen_finish_requested)
        self.pages.addWidget(self.end_screen)

        self.timer = StageTimer(services.sessions, session_id, services.clock, self)
        self.timer.ticked.connect(self.on_timer_ticked)
        self._fill_stage_list(session)
        self.timer.start()
        first = next((i for i, s in enumerate(session.stages) if not s.skipped), 0)
        self.stage_list.setCurrentRow(first)

    # ------------------------------------------------------------------ stage list
    def hasHeightForWidth(self) -> bool:
        """The runner scrolls inside itself (stages, end screen): its height is what the page
        gives it, never the sum of its wrapped lines, or the page would scroll around it too
        (two scroll bars side by side at 1024x600)."""
        return False

    def _fill_stage_list(self, session: Session) -> None:
        current = self.current_key()
        self.stage_list.blockSignals(True)
        self.stage_list.clear()
        for stage in session.stages:
            label = f"{stage.title} (skipped)" if stage.skipped else stage.title
            item = QListWidgetItem(label)
            item.setData(KEY_ROLE, stage.key)
            if stage.skipped:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.stage_list.addItem(item)
        self.stage_list.blockSignals(False)
        if current:
            self.select_stage(current)

    def current_key(self) -> str | None:
        item = self.stage_list.currentItem()
        return str(item.data(KEY_ROLE)) if item else None

    def select_stage(self, key: str) -> None:
        for row in range(self.stage_list.count()):
            if self.stage_list.item(row).data(KEY_ROLE) == key:
                self.stage_list.setCurrentRow(row)
                return

    def on_stage_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.stage_list.item(row).data(KEY_ROLE))
        panel = self.panels[key]
        self.stages.setCurrentWidget(panel)
        step = panel.current_step() if isinstance(panel, AgendaPanel) else ""
        self.timer.switch(key, panel.current_agenda_item(), step)
        session = self.services.sessions.get(self.session_id)
        self.skip_button.setText(
            "Bring this stage back" if session.stage(key).skipped else "Skip this stage"
        )
        self.on_timer_ticked(0)

    def on_agenda_item_changed(self, item_id: object) -> None:
        if self.current_key() == "agenda":
            panel = self.panels["agenda"]
            step = panel.current_step() if isinstance(panel, AgendaPanel) else ""
            self.timer.switch("agenda", str(item_id) if item_id else None, step)

    def on_agenda_step_changed(self, step: str) -> None:
        if self.current_key() == "agenda":
            self.timer.switch("agenda", self.panels["agenda"].current_agenda_item(), step)

    def move_stage(self, offset: int) -> None:
        row = self.stage_list.currentRow()
        keys = [str(self.stage_list.item(r).data(KEY_ROLE)) for r in range(self.stage_list.count())]
        target = row + offset
        if row < 0 or not 0 <= target < len(keys):
            return
        keys[row], keys[target] = keys[target], keys[row]
        session = self.services.sessions.reorder_stages(self.session_id, keys)
        self._fill_stage_list(session)

    def on_skip_button_clicked(self) -> None:
        key = self.current_key()
        if key is None:
            return
        skipped = not self.services.sessions.get(self.session_id).stage(key).skipped
        self.services.sessions.skip_stage(self.session_id, key, skipped)
        self._fill_stage_list(self.services.sessions.get(self.session_id))
        if skipped:
            self.step(1)
        else:
            self.on_stage_list_current_row_changed(self.stage_list.currentRow())

    def step(self, direction: int) -> None:
        """Go to the next (or previous) stage that isn't skipped."""
        session = self.services.sessions.get(self.session_id)
        row = self.stage_list.currentRow() + direction
        while 0 <= row < len(session.stages):
            if not session.stages[row].skipped:
                self.stage_list.setCurrentRow(row)
                return
            row += direction
        if direction > 0:
            self.show_end_screen()

    # ------------------------------------------------------------------ end and timers
    def show_end_screen(self) -> None:
        self.save_pending()
        self.timer.pause()
        self.end_screen.refresh()
        self.timer_label.hide()
        self.pages.setCurrentWidget(self.end_screen)

    def show_stages(self) -> None:
        self.end_screen.save_pending()
        self.pages.setCurrentIndex(0)
        self.timer_label.show()
        self.timer.start()

    def on_timer_ticked(self, seconds: int) -> None:
        self.timer_label.setText(f"This stage: {_clock_text(self.timer.current_seconds())}")
        total = self._stored_seconds + self.timer.measured_seconds()
        self.session_clock.setText(session_clock_text(total, self.agreed_minutes))

    def on_back_button_clicked(self) -> None:
        self.save_pending()
        self.timer.pause()
        self.closed.emit()

    def on_discard_button_clicked(self) -> None:
        self.timer.pause()
        self.timer.flush()
        try:
            self.services.sessions.discard(self.session_id)
        except SwreflectError as exc:  # something was written after all: keep it
            self.discard_button.setEnabled(False)
            dialogs.inform(self, "This session is kept", exc.message)
            self.timer.start()
            return
        self.discarded = True
        self.closed.emit()

    def on_end_screen_finish_requested(self) -> None:
        from swreflect.gui.supervision.finish_flow import finish_session, open_next_step

        self.save_pending()
        self.timer.pause()
        window = self.window()
        choice = finish_session(self, self.services, self.session_id)
        if choice is None:
            return
        self.closed.emit()
        open_next_step(window, self.session_id, choice)

    def save_pending(self) -> None:
        if self.discarded:
            return
        for panel in self.panels.values():
            panel.save_pending()
        self.end_screen.save_pending()
        self.timer.flush()

    def clear_sensitive(self) -> None:
        """Blank every text field without telling anyone: the notes were saved by
        ``save_pending`` and an emptied field must never autosave over them."""
        self.heading.clear()
        for field in self.findChildren(QPlainTextEdit) + self.findChildren(QLineEdit):
            blocked = field.blockSignals(True)
            field.clear()
            field.blockSignals(blocked)
