"""When the next supervision is due, from an agreement and the last session actually held.

Rules (pure functions; "today" always comes from the injected clock via the caller):

- With no session held yet, the first one is due on the agreement's start date.
- Otherwise the next one is due on the first day ``d`` after the last held session for which
  ``d >= last + interval(d)``, where ``interval(d)`` is the gap the agreement asks for on day
  ``d``. This one rule covers the edge cases:
  - a change of terms applies only from its effective date (a tighter rule taking effect makes
    the session due on that date at the earliest; a looser one pushes the date out);
  - the newly-qualified (ASYE) schedule moves from weekly to fortnightly after six weeks and to
    monthly after six months, measured from the agreement's start date; a gap that crosses a
    boundary is judged by the rule on the far side of it;
  - cancelled or skipped sessions are simply not "held", so they never reset the count.
- "Monthly" means the same day next month (clamped to the month's end), not 30 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from swreflect.models.supervision import Agreement

ASYE_WEEKLY_DAYS = 42  # the first six weeks
ASYE_FORTNIGHTLY_MONTHS = 6
DUE_SOON_DAYS = 7
_SEARCH_LIMIT_DAYS = 800


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate_day))
        except ValueError:
            continue
    raise ValueError("unreachable")  # pragma: no cover


def asye_phase(agreement: Agreement, day: date) -> str:
    """``weekly``, ``fortnightly`` or ``monthly`` for the newly-qualified schedule."""
    if day < agreement.start_date + timedelta(days=ASYE_WEEKLY_DAYS):
        return "weekly"
    if day < add_months(agreement.start_date, ASYE_FORTNIGHTLY_MONTHS):
        return "fortnightly"
    return "monthly"


def required_by(agreement: Agreement, last: date, day: date) -> date:
    """The latest acceptable next-session date, judged by the rule in force on ``day``."""
    terms = agreement.terms_on(day)
    if terms.frequency == "custom" and terms.custom_days:
        return last + timedelta(days=terms.custom_days)
    if terms.frequency == "asye":
        phase = asye_phase(agreement, day)
        if phase == "weekly":
            return last + timedelta(days=7)
        if phase == "fortnightly":
            return last + timedelta(days=14)
    return add_months(last, 1)


def next_due(agreement: Agreement, last_held: date | None) -> date:
    if last_held is None:
        return agreement.start_date
    day = last_held + timedelta(days=1)
    for _ in range(_SEARCH_LIMIT_DAYS):
        if day >= required_by(agreement, last_held, day):
            return day
        day += timedelta(days=1)
    return day  # pragma: no cover - every rule is shorter than the search limit


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


def _span(days: int) -> str:
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
    """Calm wording for Home and the CLI; never "OVERDUE"."""
    when = state.due_on.strftime("%d %B %Y").lstrip("0")
    if state.state == "overdue":
        return (
            f"Your session with {person_name} is {_span(state.days_late)} later than your "
            f"agreement suggests (it was due on {when})."
        )
    if state.state == "due_today":
        return f"A session with {person_name} is due today."
    if state.state == "due_soon":
        return f"A session with {person_name} is due on {when}."
    return f"Your next session with {person_name} is due on {when}."
