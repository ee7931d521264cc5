"""Supervision fixtures: real vault, real services, a fake clock that only moves when told."""

from __future__ import annotations

import pytest

from swreflect.core.services import Services


@pytest.fixture
def pair(services: Services) -> tuple[str, str]:
    """(person_id, agreement_id): the owner supervises Sam, monthly, from 5 January 2026."""
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    agreement = services.agreements.add(person.id, "Jo Reyes", frequency="monthly")
    return person.id, agreement.id
