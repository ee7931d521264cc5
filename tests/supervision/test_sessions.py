"""Sessions: lifecycle, notes, time, actions carried over, summary and the shared record."""

from __future__ import annotations

import json
from datetime import date

import pytest

from swreflect.core.actions import ActionFilter
from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.core.session_record import balance_message
from swreflect.errors import SessionClosedError, ValidationError
from swreflect.signing.canonical import canonical_bytes

PRIVATE = "my own worry: I felt out of my depth"


def _run_session(services: Services, agreement_id: str) -> str:
    s = services.sessions.start(agreement_id)
    sid = s.id
    services.sessions.add_note(
        sid,
        "checkin",
        "Arrived tired but keen.",
        prompt_id="checkin.1",
        prompt_text="How are you arriving?",
    )
    services.sessions.add_note(sid, "checkin", PRIVATE, visibility="private")
    item = services.sessions.add_agenda_item(
        sid, "Home visit with the family", function="management"
    )
    services.sessions.add_note(
        sid,
        "agenda",
        "We looked at two explanations.",
        agenda_item_id=item,
        prompt_text="What else?",
    )
    services.sessions.add_time(sid, "checkin", 600)
    services.sessions.add_time(sid, "agenda", 1800, agenda_item_id=item)
    services.sessions.add_action(sid, "Read the research summary", "supervisee", date(2026, 1, 20))
    services.sessions.rate(sid, "supervisor", 4, 3)
    services.sessions.rate(sid, "supervisee", 5, 3)
    services.sessions.set_case_file_decisions(sid, ["Record the visit plan", "  "])
    return sid


def test_lifecycle_and_prompt_text_is_kept(services: Services, pair: tuple[str, str]) -> None:
    _, agreement_id = pair
    draft = services.sessions.create(agreement_id)
    assert draft.status == "draft" and draft.held_on is None
    assert draft.stages[0].key == "checkin"
    assert (draft.pack_id, draft.pack_version) == ("swreflect-core", 2)
    sid = _run_session(services, agreement_id)
    session = services.sessions.get(sid)
    assert session.status == "in_session"
    assert session.notes[0].prompt_text == "How are you arriving?"
    services.sessions.draft_summary(sid)
    assert services.sessions.get(sid).status == "summary_drafted"


def test_private_notes_never_reach_summary_or_record(
    services: Services, pair: tuple[str, str]
) -> None:
    _, agreement_id = pair
    sid = _run_session(services, agreement_id)
    summary = services.sessions.draft_summary(sid)
    assert summary.startswith("Discussed: Check-in and wellbeing")  # an outline, not a copy
    assert "Arrived tired but keen." not in summary
    assert PRIVATE not in summary
    record = services.sessions.record_content(sid)
    assert PRIVATE not in json.dumps(record)
    # Turning a shared note private takes it out too.
    shared_id = services.sessions.get(sid).notes[0].id
    services.sessions.update_note(sid, shared_id, visibility="private")
    services.sessions.set_summary(sid, "Edited summary")
    record = services.sessions.record_content(sid)
    assert "Arrived tired" not in json.dumps(record)
    assert record["summary"] == "Edited summary"


def test_record_content_shape_passes_canonical(services: Services, pair: tuple[str, str]) -> None:
    _, agreement_id = pair
    sid = _run_session(services, agreement_id)
    record = services.sessions.record_content(sid)
    assert canonical_bytes(record)
    assert record["kind"] == "supervision-record"
    assert record["version"] == 1
    assert record["agreement"] == {"frequency": "At least monthly", "usual_minutes": 90}
    assert record["parties"] == {
        "supervisor": {"name": "Jo Reyes", "role": "supervisor"},
        "supervisee": {"name": "Sam Okafor", "role": "supervisee"},
    }
    assert record["session"] == {"date": "2026-01-05", "duration_minutes": 40}
    assert [s["key"] for s in record["stages"]] == ["checkin", "agenda.1"]
    assert record["stages"][0]["notes"] == [
        {"prompt": "How are you arriving?", "text": "Arrived tired but keen."}
    ]
    assert record["stages"][1]["title"].endswith("Home visit with the family")
    # The minutes table stays out of the shared record until both people include it.
    assert record["functions_minutes"] is None
    services.sessions.include_minutes(sid, "supervisor")
    assert services.sessions.record_content(sid)["functions_minutes"] is None
    services.sessions.include_minutes(sid, "supervisee")
    assert services.sessions.record_content(sid)["functions_minutes"] == {
        "management": 30,
        "development": 0,
        "support": 10,
        "mediation": 0,
    }
    services.sessions.include_minutes(sid, "supervisee", False)
    record = services.sessions.record_content(sid)
    assert record["functions_minutes"] is None
    assert record["actions"] == [
        {
            "description": "Read the research summary",
            "owner": "supervisee",
            "due": "2026-01-20",
            "status": "open",
        }
    ]
    assert record["ratings"] is None  # nobody chose to include their rating
    assert record["case_file_decisions"] == ["Record the visit plan"]
    assert isinstance(record["summary"], str)


def test_actions_carried_over_twice(
    services: Services, pair: tuple[str, str], clock: FakeClock
) -> None:
    _, agreement_id = pair
    first = services.sessions.start(agreement_id)
    a = services.sessions.add_action(first.id, "Book the training", "supervisee")
    b = services.sessions.add_action(first.id, "Ask about caseload", "supervisor")
    services.actions.set_done(b)
    clock.advance(28 * 86400)
    second = services.sessions.start(agreement_id)
    carried = second.actions
    assert [x.description for x in carried] == ["Book the training"]
    # the rule is the service's: only the copy in the newest session is still to carry
    assert services.sessions.actions_to_carry(agreement_id) == [carried[0].id]
    assert carried[0].carried_over_from == a
    clock.advance(28 * 86400)
    third = services.sessions.start(agreement_id)
    twice = third.actions[0]
    assert twice.carried_over_from == carried[0].id
    # One open action in the list, however many times it moved.
    open_actions = services.actions.list()
    assert [x.id for x in open_actions] == [twice.id]
    # Marking the original done resolves the newest copy.
    services.actions.set_done(a)
    assert services.actions.list() == []
    assert services.actions.list(ActionFilter(status="done"))[0].id in {twice.id, b}
    # The first session's record still shows the action as it stood then.
    first_record = services.sessions.record_content(first.id)
    assert {x["status"] for x in first_record["actions"]} == {"open", "done"}


def test_action_filters(services: Services, pair: tuple[str, str]) -> None:
    _, agreement_id = pair
    sid = services.sessions.start(agreement_id).id
    services.sessions.add_action(sid, "Mine", "supervisor", date(2026, 1, 10))
    services.sessions.add_action(sid, "Theirs", "supervisee", date(2026, 3, 1))
    assert [a.description for a in services.actions.list(ActionFilter(owner="supervisor"))] == [
        "Mine"
    ]
    due_soon = services.actions.list(ActionFilter(due_by=date(2026, 2, 1)))
    assert [a.description for a in due_soon] == ["Mine"]


def test_stages_reorder_skip_and_function(services: Services, pair: tuple[str, str]) -> None:
    _, agreement_id = pair
    s = services.sessions.start(agreement_id)
    keys = [st.key for st in s.stages]
    new_order = [keys[-1], *keys[:-1]]
    s = services.sessions.reorder_stages(s.id, new_order)
    assert [st.key for st in s.stages] == new_order
    services.sessions.skip_stage(s.id, "safety")
    services.sessions.set_stage_function(s.id, "learning", "support")
    s = services.sessions.get(s.id)
    assert s.stage("safety").skipped and s.stage("learning").function == "support"
    with pytest.raises(ValidationError):
        services.sessions.reorder_stages(s.id, keys[:-1])
    with pytest.raises(ValidationError):
        services.sessions.set_stage_function(s.id, "learning", "surveillance")


def test_balance_message_when_management_crowds_out(
    services: Services, pair: tuple[str, str]
) -> None:
    _, agreement_id = pair
    s = services.sessions.start(agreement_id)
    services.sessions.add_time(s.id, "review", 60 * 60)
    services.sessions.add_time(s.id, "checkin", 5 * 60)
    message = balance_message(services.sessions.get(s.id))
    assert message is not None and "Case management took 60 of 65 minutes" in message
    services.sessions.add_time(s.id, "balance", 30 * 60)
    assert balance_message(services.sessions.get(s.id)) is None


def test_closed_session_refuses_edits(services: Services, pair: tuple[str, str]) -> None:
    _, agreement_id = pair
    sid = services.sessions.start(agreement_id).id
    services.sessions.set_status(sid, "sent_for_agreement")
    with pytest.raises(SessionClosedError):
        services.sessions.add_note(sid, "checkin", "late note")
    assert services.sessions.get(sid).notes == ()


def test_ratings_null_until_someone_rates(services: Services, pair: tuple[str, str]) -> None:
    _, agreement_id = pair
    sid = services.sessions.start(agreement_id).id
    assert services.sessions.record_content(sid)["ratings"] is None
    services.sessions.rate(sid, "supervisee", 2, 5)
    assert services.sessions.record_content(sid)["ratings"] is None  # not chosen: not included
    services.sessions.rate(sid, "supervisee", 2, 5, include_in_record=True)
    assert services.sessions.record_content(sid)["ratings"] == {
        "include": True,
        "supervisor": None,
        "supervisee": {"support": 2, "challenge": 5},
    }
    with pytest.raises(ValidationError):
        services.sessions.rate(sid, "supervisor", 0, 6)


def test_session_survives_lock_and_unlock(
    services: Services, pair: tuple[str, str], vault_dir: object
) -> None:
    from swreflect.core.services import build_services
    from swreflect.vault.vault import Vault
    from tests.conftest import TEST_PASSPHRASE

    _, agreement_id = pair
    sid = _run_session(services, agreement_id)
    services.close()
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)  # type: ignore[arg-type]
    try:
        again = build_services(vault, services.clock)
        session = again.sessions.get(sid)
        assert len(session.notes) == 3 and session.stage("checkin").seconds == 600
    finally:
        vault.lock()


def test_signoff_view_and_new_versions(services: Services, pair: tuple[str, str]) -> None:
    person_id, agreement_id = pair
    sid = _run_session(services, agreement_id)
    record, counterpart, my_role = services.sessions.signoff_view(sid)
    assert (counterpart, my_role) == (person_id, "supervisor")
    assert record == services.sessions.record_content(sid)
    services.sessions.set_status(sid, "sent_for_agreement")
    assert services.sessions.new_record_version(sid) == 2
    assert services.sessions.record_content(sid)["version"] == 2
    assert services.sessions.get(sid).is_editable
    assert record["record_id"] == services.sessions.record_content(sid)["record_id"]


def test_parties_when_the_owner_is_the_supervisee(services: Services) -> None:
    priya = services.people.add("Priya Shah", "supervisor")
    agreement = services.agreements.add(priya.id, "Sam Okafor")
    sid = services.sessions.start(agreement.id).id
    record, counterpart, my_role = services.sessions.signoff_view(sid)
    assert record["parties"] == {
        "supervisor": {"name": "Priya Shah", "role": "supervisor"},
        "supervisee": {"name": "Sam Okafor", "role": "supervisee"},
    }
    assert (counterpart, my_role) == (priya.id, "supervisee")


def test_a_case_discussion_splits_its_time_by_the_cycle(
    services: Services, pair: tuple[str, str]
) -> None:
    """50 minutes of reflective case discussion is not reported as case management."""
    from swreflect.core.session_record import balance_message, seconds_by_function

    _, agreement_id = pair
    sid = services.sessions.start(agreement_id).id
    item = services.sessions.add_agenda_item(sid, "A family where things are stuck")
    assert services.sessions.get(sid).agenda[0].function == "case"
    for cycle, minutes in (("experience", 10), ("reflection", 15), ("analysis", 15)):
        services.sessions.add_time(sid, "agenda", minutes * 60, item, cycle)
    services.sessions.add_time(sid, "agenda", 10 * 60, item, "action")
    session = services.sessions.get(sid)
    split = seconds_by_function(session)
    assert split == {"management": 1200, "support": 900, "development": 900, "mediation": 0}
    assert balance_message(session) is None
    # Time with no step recorded is shared out like the recorded time.
    other = services.sessions.add_agenda_item(sid, "Untimed steps")
    services.sessions.add_time(sid, "agenda", 400, other)
    untimed = seconds_by_function(services.sessions.get(sid))
    assert untimed == {"management": 1400, "support": 1000, "development": 1000, "mediation": 0}
    # Named as management instead, the same time would be reported as crowding out reflection.
    services.sessions.update_agenda_item(sid, item, function="management")
    assert "Case management took" in (balance_message(services.sessions.get(sid)) or "")
