"""Home content for supervision: sessions due or later than agreed, and open actions.

Worded calmly ("This session is two weeks later than your agreement suggests"), soonest first.
The Home page embeds this panel and calls ``refresh()`` when it is shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from swreflect.core.agreements import asye_reminders
from swreflect.core.services import Services
from swreflect.core.supervision_schedule import weekday_date
from swreflect.gui.supervision.look import clear_layout

SHOW_STATES = ("overdue", "due_today", "due_soon")
REVIEW_NOTICE_DAYS = 30
FOLLOW_UP_NOTICE_DAYS = 7


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
        self.refresh()

    def lines(self) -> list[str]:
        return [
            s.wording
            for s in self._services.agreements.due_summaries()
            if s.due.state in SHOW_STATES
        ]

    def review_lines(self) -> list[str]:
        """Agreements whose review date is within a month (or has passed)."""
        today = self._services.agreements.today()
        out = []
        for summary in self._services.agreements.due_summaries():
            review = summary.agreement.review_date
            if review is not None and (review - today).days <= REVIEW_NOTICE_DAYS:
                when = review.strftime("%d %B %Y").lstrip("0")
                verb = "was" if review < today else "is"
                out.append(
                    f"Your agreement with {summary.person.display_name} {verb} due for "
                    f"review on {when}."
                )
        return out

    def asye_lines(self) -> list[str]:
        today = self._services.agreements.today()
        return [
            f"{s.person.display_name}: {line}"
            for s in self._services.agreements.due_summaries()
            for line in asye_reminders(s.agreement, today)
        ]

    def follow_up_lines(self) -> list[str]:
        """A check-in a week or two after a debrief, until a later session has taken place."""
        today = self._services.agreements.today()
        names = {
            s.agreement.id: s.person.display_name for s in self._services.agreements.due_summaries()
        }
        sessions = self._services.sessions.list()
        out = []
        for debrief in sessions:
            follow = debrief.follow_up_on
            if debrief.kind != "debrief" or follow is None or debrief.held_on is None:
                continue
            later = any(
                s.is_held and s.held_on and s.held_on > debrief.held_on and s.id != debrief.id
                for s in sessions
                if s.agreement_id == debrief.agreement_id
            )
            if not later and (follow - today).days <= FOLLOW_UP_NOTICE_DAYS:
                who = names.get(debrief.agreement_id, "")
                out.append(
                    f"A follow-up check-in with {who} after the debrief is suggested by "
                    f"{weekday_date(follow)}."
                )
        return out

    def refresh(self) -> None:
        clear_layout(self._items)
        summaries = self._services.agreements.due_summaries()
        shown = [s for s in summaries if s.due.state in SHOW_STATES]
        if not summaries:
            note = QLabel("No supervision agreements yet. Set one up on the Supervision page.")
            note.setProperty("role", "hint")
            self._items.addWidget(note)
        elif not shown:
            self._items.addWidget(QLabel("No sessions are due this week."))
        for summary in shown:
            line = QLabel(summary.wording)
            line.setWordWrap(True)
            if summary.due.state == "overdue":
                line.setProperty("role", "calm")
            self._items.addWidget(line)
        for text in self.review_lines() + self.asye_lines() + self.follow_up_lines():
            line = QLabel(text)
            line.setWordWrap(True)
            self._items.addWidget(line)
        actions = self._services.actions.list()
        late = sum(1 for a in actions if self._services.actions.is_late(a))
        if not actions:
            self.actions_line.setText("No open actions.")
        else:
            text = f"{len(actions)} open action{'s' if len(actions) != 1 else ''}"
            if late:
                text += f", {late} past {'its' if late == 1 else 'their'} date"
            self.actions_line.setText(text + ". See the Actions page.")

    def clear_sensitive(self) -> None:
        clear_layout(self._items)
        self.actions_line.clear()
