"""Home's debrief follow-ups come from one query; it must name exactly the debriefs the rule
picks from every session: a follow-up suggested by the day, with no session held since."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.models.supervision import Session


def by_the_rule(sessions: list[Session], until: date) -> list[tuple[str, date]]:
    """The rule over every session, as Home used to apply it."""
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
        if not later and follow <= until:
            out.append((debrief.agreement_id, follow))
    return out


def test_the_query_finds_the_same_follow_ups_as_the_rule(
    services: Services, clock: FakeClock
) -> None:
    rng = random.Random(7)
    for n in range(4):
        person = services.people.add(f"Person {n}", "supervisee")
        agreement = services.agreements.add(person.id, "Jo", start_date=date(2025, 1, 6)).id
        day = date(2025, 1, 6)
        for _ in range(14):
            day += timedelta(days=rng.choice((0, 3, 8, 15)))
            clock.set(datetime(day.year, day.month, day.day, 9, tzinfo=UTC))
            kind = "debrief" if rng.random() < 0.4 else "regular"
            session = services.sessions.create(agreement, kind=kind)
            if rng.random() < 0.15:
                services.sessions.cancel(session.id, on=day)
                continue
            services.sessions.begin(session.id, held_on=day)
            if rng.random() < 0.8:
                services.sessions.finish(session.id)
    sessions = services.sessions.list()
    assert sum(1 for s in sessions if s.kind == "debrief") >= 10
    found = 0
    for until in (date(2025, 1, 1), date(2025, 2, 20), date(2025, 4, 1), date(2026, 1, 1)):
        expected = by_the_rule(sessions, until)
        assert services.agreements.follow_ups_due(until) == expected
        found += len(expected)
    assert found > 0  # some debriefs really were waiting for a follow-up
