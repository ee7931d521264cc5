"""Insights compare the length of held sessions with the length the agreement sets aside."""

from __future__ import annotations

from datetime import date

from swreflect.core.insights import PairInsight
from swreflect.core.services import Services
from tests.insights.conftest import SessionMaker


def _pair(services: Services) -> PairInsight:
    (pair,) = services.insights.pairs()
    return pair


def test_no_held_sessions_means_nothing_to_compare(services: Services, agreement_id: str) -> None:
    assert _pair(services).length_wording is None


def test_short_sessions_are_named_calmly(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    held(agreement_id, date(2026, 1, 5), minutes={"checkin": 20, "agenda": 70})
    short = held(agreement_id, date(2026, 2, 5), minutes={"checkin": 20})
    services.sessions.set_duration(held(agreement_id, date(2026, 3, 5)), 45)
    # A session opened but cancelled is not held and never counts.
    dropped = services.sessions.create(agreement_id)
    services.sessions.cancel(dropped.id, by="supervisor")
    wording = _pair(services).length_wording
    assert wording is not None
    assert wording.startswith("Of your last 3 sessions, 2 had less time than the 90 minutes")
    assert "about 32 minutes on average" in wording
    for word in ("fail", "overdue", "poor"):
        assert word not in wording.lower()
    assert services.sessions.get(short).is_held


def test_sessions_that_had_the_time_are_said_so(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    held(agreement_id, date(2026, 1, 5), minutes={"agenda": 85})
    held(agreement_id, date(2026, 2, 5), minutes={"agenda": 95})
    wording = _pair(services).length_wording
    assert wording == (
        "Your last 2 sessions each had about the time your agreement sets aside (90 minutes) "
        "or more."
    )
