"""Supervision fixtures: real vault, real services, a fake clock that only moves when told."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))


@pytest.fixture
def services(vault: object, clock: FakeClock) -> Services:
    return build_services(vault, clock)  # type: ignore[arg-type]


@pytest.fixture
def pair(services: Services) -> tuple[str, str]:
    """(person_id, agreement_id): the owner supervises Sam, monthly, from 5 January 2026."""
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    agreement = services.agreements.add(person.id, "Jo Reyes", frequency="monthly")
    return person.id, agreement.id
