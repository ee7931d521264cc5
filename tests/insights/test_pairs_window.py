"""Insights reads only the sessions its figures look at (the last few months, the latest held
and rated ones), and the figures are exactly those computed from every session."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from swreflect.core.clock import FakeClock
from swreflect.core.insights import LOOK_BACK, REGULARITY_MONTHS, pair_insight
from swreflect.core.services import Services
from swreflect.core.supervision_schedule import add_months


def _history(services: Services, clock: FakeClock) -> list[str]:
    """Three agreements over three years: held sessions, some rated, some timed, some still
    open (not finished), cancelled ones and a few held on the same day."""
    rng = random.Random(16)
    ids = []
    for n, frequency in enumerate(("monthly", "asye", "monthly")):
        person = services.people.add(f"Person {n}", "supervisee" if n != 1 else "supervisor")
        start = date(2023, 1, 2) + timedelta(days=40 * n)
        agreement = services.agreements.add(
            person.id, "Jo", frequency=frequency, start_date=start
        ).id
        ids.append(agreement)
        day = start
        while day < date(2026, 5, 1):
            clock.set(datetime(day.year, day.month, day.day, 10, tzinfo=UTC))
            session = services.sessions.create(agreement)
            roll = rng.random()
            if roll < 0.1:
                services.sessions.cancel(session.id, on=day)
            else:
                services.sessions.begin(session.id, held_on=day)
                if rng.random() < 0.35:  # rated by one side or both
                    services.sessions.rate(session.id, "supervisor", rng.randint(1, 5), 3)
                    if rng.random() < 0.5:
                        services.sessions.rate(session.id, "supervisee", 2, rng.randint(1, 5))
                if rng.random() < 0.6:
                    services.sessions.add_time(session.id, "agenda", rng.randint(5, 70) * 60)
                if roll > 0.15:  # otherwise left open: not held
                    services.sessions.finish(session.id)
            day += timedelta(days=rng.choice((0, 9, 20, 31, 45)))
    return ids


def test_the_figures_from_the_window_equal_the_figures_from_every_session(
    services: Services, clock: FakeClock
) -> None:
    agreements = _history(services, clock)
    compared = 0
    for today in (date(2023, 3, 1), date(2024, 2, 29), date(2025, 7, 14), date(2026, 6, 1)):
        clock.set(datetime(today.year, today.month, today.day, 9, tzinfo=UTC))
        pairs = {p.agreement_id: p for p in services.insights.pairs()}
        assert set(pairs) == set(agreements)
        for agreement_id in agreements:
            agreement = services.agreements.get(agreement_id)
            assert agreement is not None
            person = services.agreements.person_of(agreement)
            every = services.sessions.list_overview(agreement_id)
            assert pairs[agreement_id] == pair_insight(agreement, person, every, today)
            compared += 1
    assert compared == 12


def test_only_a_handful_of_a_long_history_is_read(services: Services, clock: FakeClock) -> None:
    agreements = _history(services, clock)
    today = date(2026, 6, 1)
    for agreement_id in agreements:
        every = services.sessions.list_overview(agreement_id)
        read = services.sessions.insight_overview(
            agreement_id, add_months(today, -REGULARITY_MONTHS), today, LOOK_BACK
        )
        assert len(every) > 30
        assert 0 < len(read) <= 2 * LOOK_BACK + 12  # six months of monthly-ish sessions at most
        assert {s.id for s in read} <= {s.id for s in every}
