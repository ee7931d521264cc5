"""Home content for supervision: sessions due or later than agreed, and open actions.

Worded calmly ("This session is two weeks later than your agreement suggests"), soonest first.
The Home page embeds this panel and calls ``refresh()`` when it is shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.gui.supervision.look import clear_layout

SHOW_STATES = ("overdue", "due_today", "due_soon")
REVIEW_NOTICE_DAYS = 30


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
        for text in self.review_lines():
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
