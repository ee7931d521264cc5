"""Real supervision sessions for sign-off tests, built through the supervision services."""

from __future__ import annotations

from datetime import date

from swreflect.core.services import Services

PRIVATE = "My own worry about the caseload, not for the record."


def pair_people(sam: Services, priya: Services) -> tuple[str, str]:
    """Each adds the other as a person and pairs that person with their identity card."""
    priya_person = sam.people.add("Priya Shah", "supervisee")
    sam_person = priya.people.add("Sam Okafor", "supervisor")
    sam.identity.pair(
        priya_person.id, sam.identity.read_card(priya.identity.export_card()),
        fingerprints_match=True,
    )  # fmt: skip
    priya.identity.pair(
        sam_person.id, priya.identity.read_card(sam.identity.export_card()),
        fingerprints_match=True,
    )  # fmt: skip
    return priya_person.id, sam_person.id


def run_session(sam: Services, person_id: str) -> str:
    agreement = sam.agreements.add(person_id, "Sam Okafor", frequency="monthly")
    sid = sam.sessions.start(agreement.id).id
    sam.sessions.add_note(
        sid, "checkin", "Arrived tired but steady.", prompt_text="How are you arriving?"
    )
    sam.sessions.add_note(sid, "checkin", PRIVATE, visibility="private")
    sam.sessions.add_time(sid, "checkin", 900)
    sam.sessions.add_action(sid, "Book the training day", "supervisee", date(2026, 1, 20))
    sam.sessions.rate(sid, "supervisor", 4, 3)
    sam.sessions.draft_summary(sid)
    sam.sessions.finish(sid)  # only a finished session goes for agreement
    return sid
