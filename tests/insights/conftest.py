"""Insights fixtures: a real vault, real services and a fake clock the tests move by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.models.journal import EntryContent, Wellbeing

TODAY = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TODAY)


@pytest.fixture
def agreement_id(services: Services) -> str:
    """The owner supervises Sam, monthly, from 5 January 2026."""
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    return services.agreements.add(
        person.id, "Jo Reyes", frequency="monthly", start_date=date(2026, 1, 5)
    ).id


SessionMaker = Callable[..., str]


@pytest.fixture
def held(services: Services) -> SessionMaker:
    """Hold a session on a day, with optional ratings {rater: (support, challenge)} and minutes
    per stage {stage_key: minutes}."""

    def make(
        agreement: str,
        on: date,
        ratings: dict[str, tuple[int, int]] | None = None,
        minutes: dict[str, int] | None = None,
    ) -> str:
        session = services.sessions.create(agreement)
        services.sessions.begin(session.id, held_on=on)
        for rater, (support, challenge) in (ratings or {}).items():
            services.sessions.rate(session.id, rater, support, challenge)
        for stage, mins in (minutes or {}).items():
            services.sessions.add_time(session.id, stage, mins * 60)
        services.sessions.finish(session.id)  # only a finished session counts as held
        return session.id

    return make


@pytest.fixture
def write(services: Services, clock: FakeClock) -> Callable[..., int]:
    """Write a journal entry on a given day with an optional check-in."""

    def make(
        on: date,
        energy: int | None = None,
        stress: int | None = None,
        workload: int | None = None,
        template: str = "free",
    ) -> int:
        saved = clock.now()
        clock.set(datetime(on.year, on.month, on.day, 12, 0, tzinfo=UTC))
        entry = services.journal.create(
            EntryContent(
                title="A day",
                body="Some words.",
                template_id=template,
                wellbeing=Wellbeing(energy, stress, workload),
            )
        )
        clock.set(saved)
        return entry.id

    return make
