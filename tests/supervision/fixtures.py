"""Fixtures shared by the supervision GUI tests (imported by tests/gui/test_supervision_*.py,
which live in a folder other helpers share)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services


@pytest.fixture
def sup_clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


@pytest.fixture
def sup_services(vault: object, sup_clock: FakeClock) -> Services:
    return build_services(vault, sup_clock)  # type: ignore[arg-type]


@pytest.fixture
def sup_agreement(sup_services: Services) -> str:
    person = sup_services.people.add("Sam Okafor", "supervisee", "they/them")
    return sup_services.agreements.add(person.id, "Jo Reyes", frequency="monthly").id
