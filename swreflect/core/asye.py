"""The newly qualified year (ASYE): its anchor, phases, review points and end.

Standard 5 asks for weekly supervision in the first six weeks, at least fortnightly until six
months, then at least monthly. The phases are counted from the ASYE start date, not from the
agreement: an agreement can be switched to the newly qualified terms part-way through, and a
new supervisor takes over the same year rather than restarting it. The anchor is, in order:
the agreement's own ``asye_start``; otherwise the day the newly qualified terms in force took
effect. Reviews of the development plan fall at 3, 6 and 12 months; after month 12 the year is
over and the terms read as "at least monthly".
"""

from __future__ import annotations

from datetime import date, timedelta

from swreflect.core.bank_holidays import working_day_on_or_before
from swreflect.models.supervision import Agreement

WEEKLY_DAYS = 42  # the first six weeks
FORTNIGHTLY_MONTHS = 6
YEAR_MONTHS = 12
REVIEW_MONTHS = (3, 6, 12)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError("unreachable")  # pragma: no cover


def anchor(agreement: Agreement, day: date) -> date | None:
    """The ASYE start date that counts on ``day``, or None if no ASYE terms apply by then."""
    if agreement.asye_start is not None:
        return agreement.asye_start
    run_start: date | None = None
    for terms in agreement.terms:
        if terms.effective_from > day:
            break
        is_asye = terms.frequency == "asye"
        run_start = (run_start or terms.effective_from) if is_asye else None
    return run_start


def phase(agreement: Agreement, day: date) -> str:
    """``weekly``, ``fortnightly`` or ``monthly`` on ``day`` for the newly qualified terms."""
    start = anchor(agreement, day) or agreement.start_date
    if day < start + timedelta(days=WEEKLY_DAYS):
        return "weekly"
    if day < add_months(start, FORTNIGHTLY_MONTHS):
        return "fortnightly"
    return "monthly"


def year_ends(start: date) -> date:
    return add_months(start, YEAR_MONTHS)


def year_over(agreement: Agreement, day: date) -> bool:
    start = anchor(agreement, day)
    return start is not None and day >= year_ends(start)


def reviews(start: date) -> list[tuple[str, date]]:
    """(label, working day) for the 3, 6 and 12-month development plan reviews."""
    return [
        (f"{months}-month review", working_day_on_or_before(add_months(start, months)))
        for months in REVIEW_MONTHS
    ]
