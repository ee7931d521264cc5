"""People and agreements through the real services and a real encrypted vault."""

from __future__ import annotations

from datetime import date

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.errors import NotFoundError, ValidationError


def test_people_are_stored_and_listed(services: Services) -> None:
    sam = services.people.add("  Sam   Okafor ", "supervisee", "they/them")
    services.people.add("Priya Shah", "supervisor")
    names = [(p.display_name, p.role) for p in services.people.list()]
    assert names == [("Priya Shah", "supervisor"), ("Sam Okafor", "supervisee")]
    assert services.people.find("sam okafor").id == sam.id
    assert services.people.find(sam.id[:8]).pronouns == "they/them"


def test_people_validation_is_plain(services: Services) -> None:
    with pytest.raises(ValidationError, match="name"):
        services.people.add("   ", "supervisee")
    with pytest.raises(ValidationError, match="supervisee"):
        services.people.add("Sam", "client")
    assert services.people.list() == []


def test_agreement_defaults_and_validation(services: Services, pair: tuple[str, str]) -> None:
    person_id, agreement_id = pair
    agreement = services.agreements.get(agreement_id)
    assert agreement.start_date == date(2026, 1, 5)
    assert agreement.terms[0].usual_minutes == 90
    assert agreement.record_writer == "supervisor"
    assert agreement.record_due_days == 14
    assert "overwritten" in agreement.disagreement
    with pytest.raises(ValidationError, match="custom"):
        services.agreements.add(person_id, "Jo", frequency="custom")
    with pytest.raises(ValidationError, match="frequency"):
        services.agreements.add(person_id, "Jo", frequency="yearly")
    with pytest.raises(NotFoundError):
        services.agreements.add("nobody", "Jo")
    assert len(services.agreements.list()) == 1


def test_changed_terms_keep_history(services: Services, pair: tuple[str, str]) -> None:
    _, agreement_id = pair
    services.agreements.change_terms(
        agreement_id,
        effective_from=date(2026, 3, 1),
        frequency="custom",
        custom_days=14,
        usual_minutes=60,
    )
    agreement = services.agreements.get(agreement_id)
    assert [t.frequency for t in agreement.terms] == ["monthly", "custom"]
    assert agreement.terms_on(date(2026, 2, 1)).usual_minutes == 90
    assert agreement.terms_on(date(2026, 3, 1)).usual_minutes == 60


def test_overdue_with_injected_clock_ignores_cancelled_sessions(
    services: Services, pair: tuple[str, str], clock: FakeClock
) -> None:
    _, agreement_id = pair
    held = services.sessions.finish(services.sessions.start(agreement_id).id)  # held on 5 Jan
    assert held.held_on == date(2026, 1, 5)
    assert services.agreements.due(agreement_id).due_on == date(2026, 2, 5)
    # A session started and then cancelled (skipped) doesn't count as held.
    clock.advance(20 * 86400)
    services.sessions.cancel(services.sessions.start(agreement_id).id)
    # A draft prepared but not yet held doesn't count either.
    services.sessions.create(agreement_id)
    clock.advance(30 * 86400)  # 24 Feb
    due = services.agreements.due(agreement_id)
    assert due.state == "overdue"
    assert due.due_on == date(2026, 2, 5)
    assert due.days_late == 19
    summary = services.agreements.due_summaries()[0]
    assert "later than your agreement suggests" in summary.wording
    assert "Sam Okafor" in summary.wording


def test_only_a_finished_session_counts_as_held(
    services: Services, pair: tuple[str, str], clock: FakeClock
) -> None:
    _, agreement_id = pair
    before = services.agreements.due(agreement_id).due_on
    opened = services.sessions.start(agreement_id)  # opened, notes written, not finished
    services.sessions.add_note(opened.id, "checkin", "We talked a little.")
    assert not services.sessions.get(opened.id).is_held
    assert services.agreements.due(agreement_id).due_on == before
    finished = services.sessions.finish(opened.id)
    assert finished.is_held and finished.is_finished
    assert services.agreements.due(agreement_id).due_on > before


def test_an_empty_session_can_be_discarded_but_one_with_writing_cannot(
    services: Services, pair: tuple[str, str]
) -> None:
    _, agreement_id = pair
    empty = services.sessions.start(agreement_id)
    services.sessions.discard(empty.id)
    assert all(s.id != empty.id for s in services.sessions.list(agreement_id))
    written = services.sessions.start(agreement_id)
    services.sessions.add_note(written.id, "checkin", "Something worth keeping.")
    with pytest.raises(ValidationError):
        services.sessions.discard(written.id)
    assert services.sessions.get(written.id).notes
