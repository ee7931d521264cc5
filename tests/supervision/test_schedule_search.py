"""The due-date search jumps over days that cannot be the answer (Home and Insights judge a
career's history with it); it must land on exactly the day a day-by-day search finds."""

from __future__ import annotations

import random
from datetime import date, timedelta

from swreflect.core import supervision_schedule
from swreflect.core.supervision_schedule import calendar_due, due_state, required_by
from swreflect.models.supervision import Agreement, AgreementTerms


def day_by_day(agreement: Agreement, last_held: date | None) -> date:
    """The rule as written: the first day after the last session that meets its requirement."""
    if last_held is None:
        return agreement.start_date
    day = last_held + timedelta(days=1)
    while day < required_by(agreement, last_held, day):
        day += timedelta(days=1)
    return day


def _random_agreement(rng: random.Random) -> Agreement:
    start = date(2020, 1, 1) + timedelta(days=rng.randrange(900))
    terms = []
    effective = start
    for _ in range(rng.randint(1, 4)):
        frequency = rng.choice(["monthly", "custom", "custom", "asye"])
        days = rng.choice([7, 14, 21, 28, 42]) if frequency == "custom" else None
        terms.append(AgreementTerms(effective, frequency, days, 90))
        effective += timedelta(days=rng.randint(5, 120))
    return Agreement("a1", "p1", "Jo", start, None, "supervisor", 14, "", "", tuple(terms))


def test_the_jumping_search_finds_the_same_day_as_trying_every_day() -> None:
    rng = random.Random(16)
    checked = 0
    for _ in range(300):
        agreement = _random_agreement(rng)
        for _ in range(6):
            last = agreement.start_date + timedelta(days=rng.randint(-20, 400))
            assert calendar_due(agreement, last) == day_by_day(agreement, last), (agreement, last)
            checked += 1
    assert checked == 1800


def test_a_long_overdue_agreement_is_judged_without_trying_every_day() -> None:
    """Ten years without a session: the missed count walks 100 due dates; with fixed terms
    each due date is found in a step or two rather than a month of single days."""
    terms = (AgreementTerms(date(2010, 1, 4), "monthly", None, 90),)
    agreement = Agreement("a1", "p1", "Jo", date(2010, 1, 4), None, "supervisor", 14, "", "", terms)
    calls = []
    original = supervision_schedule.required_by

    def counting(*args: object) -> date:
        calls.append(args)
        return original(*args)  # type: ignore[arg-type]

    supervision_schedule.required_by = counting  # type: ignore[assignment]
    try:
        state = due_state(agreement, date(2010, 2, 1), date(2020, 2, 1))
    finally:
        supervision_schedule.required_by = original
    assert state.state == "overdue" and state.missed == 100
    assert len(calls) <= 3 * 101
