"""When the next supervision is due, from an agreement and the last session actually held.

Rules (pure functions; "today" always comes from the injected clock via the caller):

- With no session held yet, the first one is due on the agreement's start date (or the next
  working day if that is a weekend or bank holiday).
- Otherwise the next one is due by the first day ``d`` after the last held session for which
  ``d >= base(d) + interval(d)``: ``interval(d)`` is the gap the terms in force on ``d`` ask
  for, and ``base(d)`` is the later of the last session and the day those terms took effect.
  So a change of terms restarts the count on its effective date: switching to weekly on
  1 September makes the next session due by 8 September; a gap that crosses a boundary is
  judged by the rule on the far side of it.
- The newly qualified (ASYE) terms are weekly for six weeks, at least fortnightly to six
  months, then at least monthly, counted from the ASYE start (see ``asye``).
- Cancelled or skipped sessions are not "held", so they never reset the count.
- "Monthly" means the same day next month (clamped to the month's end), not 30 days.
- A due date that falls on a weekend or an England and Wales bank holiday moves to the working
  day before it (never on to or before the last session), so the agreed gap is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from swreflect.core import asye
from swreflect.core.asye import add_months
from swreflect.core.bank_holidays import working_day_on_or_after, working_day_on_or_before
from swreflect.models.supervision import Agreement
from swreflect.timefmt import format_weekday_date

__all__ = ["DueState", "add_months", "describe_due", "due_state", "next_due", "weekday_date"]

DUE_SOON_DAYS = 7
_SEARCH_LIMIT_DAYS = 800


def weekday_date(day: date) -> str:
    """``Monday 12 January 2026``: every due date is shown with its weekday."""
    return format_weekday_date(day)


def required_by(agreement: Agreement, last: date, day: date) -> date:
    """The latest acceptable next-session date, judged by the rule in force on ``day``."""
    terms = agreement.terms_on(day)
    base = max(last, terms.effective_from)
    if terms.frequency == "custom" and terms.custom_days:
        return base + timedelta(days=terms.custom_days)
    if terms.frequency == "asye":
        phase = asye.phase(agreement, day)
        if phase == "weekly":
            return base + timedelta(days=7)
        if phase == "fortnightly":
            return base + timedelta(days=14)
    return add_months(base, 1)


def calendar_due(agreement: Agreement, last_held: date | None) -> date:
    """The due date by the agreement's rule alone, before moving off non-working days."""
    if last_held is None:
        return agreement.start_date
    day = last_held + timedelta(days=1)
    for _ in range(_SEARCH_LIMIT_DAYS):
        required = required_by(agreement, last_held, day)
        if day >= required:
            return day
        day = _next_day_to_judge(agreement, day, required)
    return day  # pragma: no cover - every rule is shorter than the search limit


def _next_day_to_judge(agreement: Agreement, day: date, required: date) -> date:
    """The next day whose judgement could differ from ``day``'s. Under fixed terms (anything
    but the newly qualified phases) ``required_by`` stays the same until the terms change, so
    the search jumps to ``required`` or to the next change of terms, whichever comes first,
    rather than trying every day (Home and Insights judge decades of sessions this way)."""
    if agreement.terms_on(day).frequency == "asye":
        return day + timedelta(days=1)
    changes = [t.effective_from for t in agreement.terms if t.effective_from > day]
    return min([required, *changes])


def next_due(agreement: Agreement, last_held: date | None) -> date:
    raw = calendar_due(agreement, last_held)
    if last_held is None:
        return working_day_on_or_after(raw)
    earlier = working_day_on_or_before(raw)
    return earlier if earlier > last_held else working_day_on_or_after(raw)


@dataclass(frozen=True)
class DueState:
    agreement_id: str
    due_on: date
    state: str  # "not_due", "due_soon", "due_today", "overdue"
    days_late: int
    missed: int  # whole sessions the agreement suggested that have passed without one


def due_state(agreement: Agreement, last_held: date | None, today: date) -> DueState:
    due_on = next_due(agreement, last_held)
    days_late = max(0, (today - due_on).days)
    missed = 0
    if today > due_on:
        cursor = due_on
        while cursor < today and missed < 100:
            missed += 1
            cursor = next_due(agreement, cursor)
    if today > due_on:
        state = "overdue"
    elif today == due_on:
        state = "due_today"
    elif (due_on - today).days <= DUE_SOON_DAYS:
        state = "due_soon"
    else:
        state = "not_due"
    return DueState(agreement.id, due_on, state, days_late, missed)


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(number: int, unit: str) -> str:
    word = _WORDS[number] if number < len(_WORDS) else str(number)
    return f"{word} {unit}{'' if number == 1 else 's'}"


def span(days: int) -> str:
    """'two weeks', 'a week', 'three days': approximate, in words, never alarming."""
    if days == 1:
        return "a day"
    if days == 7:
        return "a week"
    if days >= 14 and days % 7 == 0:
        return _count(days // 7, "week")
    if days >= 60:
        return f"about {_count(round(days / 30), 'month')}"
    if days >= 10:
        return f"about {_count(round(days / 7), 'week')}"
    return _count(days, "day")


def describe_due(state: DueState, person_name: str) -> str:
    """Calm wording for Home and the CLI; never "OVERDUE"; the weekday always shown."""
    when = weekday_date(state.due_on)
    if state.state == "overdue":
        return (
            f"Your session with {person_name} is {span(state.days_late)} later than your "
            f"agreement suggests (it was due on {when})."
        )
    if state.state == "due_today":
        return f"A session with {person_name} is due today."
    if state.state == "due_soon":
        return f"A session with {person_name} is due on {when}."
    return f"Your next session with {person_name} is due on {when}."
