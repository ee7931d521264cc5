"""Home content for supervision: a session begun and not finished (with a button to carry on
with it), sessions due or later than agreed, and open actions.

Worded calmly ("This session is two weeks later than your agreement suggests"), soonest first.
The Home page embeds this panel and calls ``refresh()`` when it is shown.

Home is the page painted at unlock, and what is due is worked out from every agreement's
whole history (seconds at a career's scale), so the figures are gathered in a worker (its own
read-only connection, see ``vault.threads``) and drawn when they arrive; until then the panel
says it is checking.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from swreflect.core.agreements import asye_reminders
from swreflect.core.services import Services
from swreflect.core.supervision_schedule import weekday_date
from swreflect.gui.supervision.look import clear_layout
from swreflect.gui.workers import TaskRunner
from swreflect.models.supervision import SessionInProgress
from swreflect.timefmt import format_date, plural

SHOW_STATES = ("overdue", "due_today", "due_soon")
REVIEW_NOTICE_DAYS = 30
FOLLOW_UP_NOTICE_DAYS = 7
CHECKING = "Checking what is due…"
# Home names the first few of each kind; a career's fifty agreements made a hundred wrapped
# lines whose layout froze the window for most of a second after unlock.
LINES_SHOWN = 4
IN_PROGRESS_SHOWN = 2  # a session left open is rare; two is already a lot


def in_progress_text(session: SessionInProgress) -> str:
    what = "debrief" if session.kind == "debrief" else "session"
    begun = "" if session.held_on is None else f", begun on {weekday_date(session.held_on)},"
    return (
        f"Your {what} with {session.person_name}{begun} isn't finished yet. It counts as held "
        "once you finish it."
    )


def more_due(count: int) -> str:
    sessions = "session is" if count == 1 else "sessions are"
    return f"And {count} more {sessions} due or later than agreed: see the Supervision page."


def more_reminders(count: int) -> str:
    reminders = "reminder" if count == 1 else "reminders"
    return f"And {count} more {reminders} about reviews and follow-ups."


@dataclass(frozen=True)
class HomeFigures:
    has_agreements: bool
    due: list[tuple[str, str]]  # (wording, state) of the sessions to show
    reviews: list[str]  # reviews due, newly qualified reminders and debrief follow-ups
    open_actions: int
    late_actions: int
    in_progress: list[SessionInProgress] = field(default_factory=list)  # newest first


class SupervisionHomePanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setAccessibleName("Supervision due and open actions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<h3>Supervision</h3>"))
        self._items = QVBoxLayout()
        layout.addLayout(self._items)
        self.actions_line = QLabel()
        self.actions_line.setAccessibleName("Open actions")
        layout.addWidget(self.actions_line)
        self.is_ready = False
        self._again = False
        self._runner = TaskRunner(self)
        self._runner.busy_changed.connect(self.on_runner_busy_changed)
        self._items.addWidget(QLabel(CHECKING))
        self.refresh()

    def lines(self) -> list[str]:
        return [
            s.wording
            for s in self._services.agreements.due_summaries()
            if s.due.state in SHOW_STATES
        ]

    def review_lines(self, summaries: list[Any] | None = None) -> list[str]:
        """Agreements whose review date is within a month (or has passed)."""
        today = self._services.agreements.today()
        out = []
        if summaries is None:
            summaries = self._services.agreements.due_summaries()
        for summary in summaries:
            review = summary.agreement.review_date
            if review is not None and (review - today).days <= REVIEW_NOTICE_DAYS:
                when = format_date(review)
                verb = "was" if review < today else "is"
                out.append(
                    f"Your agreement with {summary.person.display_name} {verb} due for "
                    f"review on {when}."
                )
        return out

    def asye_lines(self, summaries: list[Any] | None = None) -> list[str]:
        today = self._services.agreements.today()
        if summaries is None:
            summaries = self._services.agreements.due_summaries()
        return [
            f"{s.person.display_name}: {line}"
            for s in summaries
            for line in asye_reminders(s.agreement, today)
        ]

    def follow_up_lines(self, summaries: list[Any] | None = None) -> list[str]:
        """A check-in a week or two after a debrief, until a later session has taken place."""
        today = self._services.agreements.today()
        if summaries is None:
            summaries = self._services.agreements.due_summaries()
        names = {s.agreement.id: s.person.display_name for s in summaries}
        until = today + timedelta(days=FOLLOW_UP_NOTICE_DAYS)
        return [
            f"A follow-up check-in with {names.get(agreement_id, '')} after the debrief is "
            f"suggested by {weekday_date(follow)}."
            for agreement_id, follow in self._services.agreements.follow_ups_due(until)
        ]

    def gather(self) -> HomeFigures:
        """Everything the panel shows, from the vault (runs in a worker)."""
        summaries = self._services.agreements.due_summaries()
        actions = self._services.actions.list()
        return HomeFigures(
            has_agreements=bool(summaries),
            due=[(s.wording, s.due.state) for s in summaries if s.due.state in SHOW_STATES],
            reviews=self.review_lines(summaries)
            + self.asye_lines(summaries)
            + self.follow_up_lines(summaries),
            open_actions=len(actions),
            late_actions=sum(1 for a in actions if self._services.actions.is_late(a)),
            in_progress=self._services.unfinished_sessions.newest(IN_PROGRESS_SHOWN + 1),
        )

    def refresh(self) -> None:
        """Gather again in the worker; the panel is redrawn when the figures arrive."""
        self.is_ready = False
        if self._runner.busy:
            self._again = True
            return
        self._runner.start(self.gather, self.on_gathered, self.on_gather_failed)

    def on_gather_failed(self, _message: str) -> None:
        self._settle()

    def _settle(self) -> None:
        if self._again:  # asked again meanwhile: gather once more, now or (while the
            if not self._runner.busy:  # runner still counts the last task) when it is free
                self._again = False
                self.refresh()
            return
        self.is_ready = True

    def on_runner_busy_changed(self, busy: bool) -> None:
        if not busy and self._again:
            self._again = False
            self.refresh()

    def on_gathered(self, result: object) -> None:
        self._show(cast(HomeFigures, result))
        self._settle()

    def _show(self, figures: HomeFigures) -> None:
        clear_layout(self._items)
        if not figures.has_agreements:
            note = QLabel("No supervision agreements yet. Set one up on the Supervision page.")
            note.setProperty("role", "hint")
            self._items.addWidget(note)
        for session in figures.in_progress[:IN_PROGRESS_SHOWN]:
            self._items.addWidget(self._in_progress_row(session))
        if len(figures.in_progress) > IN_PROGRESS_SHOWN:
            self._line("There are more unfinished sessions on the Supervision page.", "hint")
        if figures.has_agreements and not figures.due:
            self._items.addWidget(QLabel("No sessions are due this week."))
        for wording, state in figures.due[:LINES_SHOWN]:
            self._line(wording, "calm" if state == "overdue" else "")
        if len(figures.due) > LINES_SHOWN:
            self._line(more_due(len(figures.due) - LINES_SHOWN), "hint")
        for text in figures.reviews[:LINES_SHOWN]:
            self._line(text)
        if len(figures.reviews) > LINES_SHOWN:
            self._line(more_reminders(len(figures.reviews) - LINES_SHOWN), "hint")
        count, late = figures.open_actions, figures.late_actions
        if not count:
            self.actions_line.setText("No open actions.")
        else:
            text = f"{plural(count, 'open action')}"
            if late:
                text += f", {late} past {'its' if late == 1 else 'their'} date"
            self.actions_line.setText(text + ". See the Actions page.")

    def _in_progress_row(self, session: SessionInProgress) -> QWidget:
        row = QWidget()
        row.setAccessibleName("Unfinished session")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(in_progress_text(session))
        text.setWordWrap(True)
        layout.addWidget(text, 1)
        carry_on = QPushButton("Carry on")
        carry_on.setAccessibleName(f"Carry on with the session with {session.person_name}")
        carry_on.setAccessibleDescription("Open this unfinished session on the Supervision page")
        carry_on.setToolTip("Open this session where you left it")
        carry_on.clicked.connect(lambda: self.open_session(session.session_id))
        layout.addWidget(carry_on)
        return row

    def open_session(self, session_id: str) -> None:
        """Show the Supervision page with the session open in its runner."""
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if not callable(show_page):
            return
        show_page("supervision")
        open_it = getattr(window.current_page(), "open_session", None)  # type: ignore[attr-defined]
        if callable(open_it):
            open_it(session_id)

    def _line(self, text: str, role: str = "") -> None:
        line = QLabel(text)
        line.setWordWrap(True)
        if role:
            line.setProperty("role", role)
        self._items.addWidget(line)

    def clear_sensitive(self) -> None:
        clear_layout(self._items)
        self.actions_line.clear()
