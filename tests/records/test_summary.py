"""A summary, not a copy: the record never prints a shared note twice (issue 11, H14)."""

from __future__ import annotations

import pytest

from swreflect.core.services import Services


@pytest.fixture
def sup_agreement(services: Services) -> str:
    person = services.people.add("Sam Okafor", "supervisee")
    return services.agreements.add(person.id, "Jo Reyes", frequency="monthly").id


def test_the_summary_is_an_outline_and_never_repeats_a_shared_note(
    services: Services, sup_agreement: str
) -> None:
    sessions = services.sessions
    sid = sessions.start(sup_agreement).id
    sessions.add_note(sid, "checkin", "Arrived tired but steady.")
    sessions.add_action(sid, "Book the training day", "supervisee")
    outline = sessions.draft_summary(sid)
    assert outline.splitlines() == [
        "Discussed: Check-in and wellbeing",
        "Agreed: Book the training day",
        "Decided: ",
    ]
    sessions.set_summary(sid, "- Arrived tired but steady.\nWe agreed a joint visit.")
    record = sessions.record_content(sid)
    assert record["summary"] == "We agreed a joint visit."
    assert sessions.get(sid).status == "summary_drafted"  # finished: it counts as held
    sessions.set_summary(sid, outline)  # the outline as it came: its empty line is left out
    assert sessions.record_content(sid)["summary"] == (
        "Discussed: Check-in and wellbeing\nAgreed: Book the training day"
    )
