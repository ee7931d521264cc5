"""A realistic, entirely made-up vault for the Insights GUI test and the screenshots: two
supervision pairs (one busy with case management, one newly agreed) and twelve weeks of
journal entries with check-ins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.models.journal import EntryContent, Wellbeing

TODAY = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def seed_supervision(services: Services) -> None:
    sam = services.people.add("Sam Okafor", "supervisee", "they/them")
    first = services.agreements.add(sam.id, "Jo Reyes", start_date=date(2026, 1, 5))
    plan = [
        (date(2026, 1, 6), {"supervisor": (3, 2), "supervisee": (3, 2)}, (40, 15, 20)),
        (date(2026, 2, 5), {"supervisor": (3, 3), "supervisee": (2, 3)}, (55, 10, 10)),
        (date(2026, 3, 9), {"supervisee": (2, 4)}, (60, 5, 8)),
        (date(2026, 4, 7), {"supervisor": (4, 3), "supervisee": (2, 4)}, (62, 6, 6)),
        (date(2026, 5, 12), {"supervisor": (4, 4), "supervisee": (3, 4)}, (58, 8, 4)),
    ]
    for day, ratings, (management, support, development) in plan:
        session = services.sessions.create(first.id)
        services.sessions.begin(session.id, held_on=day)
        for rater, (s, c) in ratings.items():
            services.sessions.rate(session.id, rater, s, c)
        services.sessions.add_time(session.id, "agenda", management * 60)
        services.sessions.add_time(session.id, "checkin", support * 60)
        services.sessions.add_time(session.id, "learning", development * 60)
        services.sessions.finish(session.id)  # only a finished session counts as held
    ana = services.people.add("Ana Silva", "supervisor", "she/her")
    services.agreements.add(ana.id, "Jo Reyes", start_date=date(2026, 5, 20), frequency="asye")


def seed_journal(services: Services, clock: FakeClock) -> None:
    start = TODAY - timedelta(weeks=11)
    stress = [2, 3, 2, 3, 3, None, 3, 4, 4, 5, 4, 4]
    energy = [4, 4, 3, 4, 3, None, 3, 3, 2, 2, 2, 3]
    workload = [3, 3, 3, 4, 4, None, 4, 4, 5, 5, 4, 5]
    templates = ["free", "gibbs", "driscoll", "free"]
    for week in range(12):
        for n in range(1 + week % 2):
            clock.set(start + timedelta(weeks=week, days=n * 2))
            services.journal.create(
                EntryContent(
                    title="Reflection",
                    body="Made-up practice words.",
                    template_id=templates[(week + n) % 4],
                    wellbeing=Wellbeing(energy[week], stress[week], workload[week]),
                )
            )
    clock.set(TODAY)


def seed_all(services: Services, clock: FakeClock) -> None:
    seed_supervision(services)
    seed_journal(services, clock)
