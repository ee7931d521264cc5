"""Journal fixtures: services over a real SQLCipher vault, with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(vault: object, clock: FakeClock) -> Iterator[Services]:
    yield build_services(vault, clock)  # type: ignore[arg-type]
