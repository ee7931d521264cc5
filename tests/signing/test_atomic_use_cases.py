"""Use cases that write through several repositories are one transaction: all or nothing.

Each test makes the database itself refuse one statement half-way through a real use case (a
temporary trigger on the owner's connection, nothing mocked), then checks that nothing the use
case had already written survived, and that the same step succeeds once the fault is gone.
"""

from __future__ import annotations

from datetime import date

import pytest

from swreflect.core.services import Services
from swreflect.vault.connection import DatabaseError
from tests.signing.sessions import pair_people, run_session


def _fail_on(services: Services, name: str, when: str) -> None:
    services.vault.conn.execute(
        f"CREATE TEMP TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
    )


def _clear(services: Services, name: str) -> None:
    services.vault.conn.execute(f"DROP TRIGGER temp.{name}")


def _count(services: Services, table: str) -> int:
    sql = f"SELECT count(*) FROM {table}"  # noqa: S608
    return int(services.vault.conn.execute(sql).fetchone()[0])


def test_a_new_session_and_its_carried_actions_are_written_together(
    supervisor: Services,
) -> None:
    sam = supervisor
    person = sam.people.add("Priya Shah", "supervisee")
    agreement = sam.agreements.add(person.id, "Sam Okafor")
    first = sam.sessions.start(agreement.id).id
    action = sam.sessions.add_action(first, "Book the training day", "supervisee")
    sam.sessions.finish(first)
    sessions_before = _count(sam, "sessions")

    # Copying the carried action fails after the session row and its stages went in.
    _fail_on(sam, "no_carry", "BEFORE INSERT ON actions WHEN NEW.carried_over_from IS NOT NULL")
    with pytest.raises(DatabaseError, match="injected fault"):
        sam.sessions.start(agreement.id)
    assert _count(sam, "sessions") == sessions_before
    assert sam.actions.current(action).session_id == first  # not marked as carried anywhere

    # Creating succeeds but opening it fails: ``start`` is one use case, so no stray draft.
    _clear(sam, "no_carry")
    _fail_on(sam, "no_begin", "BEFORE UPDATE OF held_on ON sessions")
    with pytest.raises(DatabaseError, match="injected fault"):
        sam.sessions.start(agreement.id)
    assert _count(sam, "sessions") == sessions_before
    assert _count(sam, "session_stages") == len(sam.sessions.get(first).stages)

    _clear(sam, "no_begin")
    second = sam.sessions.start(agreement.id)
    assert [a.description for a in second.actions] == ["Book the training day"]
    assert sam.actions.current(action).session_id == second.id


def test_changing_an_agreements_terms_is_one_step(supervisor: Services) -> None:
    sam = supervisor
    person = sam.people.add("Priya Shah", "supervisee")
    agreement = sam.agreements.add(person.id, "Sam Okafor", start_date=date(2026, 1, 5))
    day = date(2026, 3, 2)
    # The new terms go in, then recording when the newly qualified year starts fails.
    _fail_on(sam, "no_year", "BEFORE UPDATE OF asye_start ON agreements")
    with pytest.raises(DatabaseError, match="injected fault"):
        sam.agreements.change_terms(
            agreement.id, effective_from=day, frequency="asye", asye_start=day
        )
    assert sam.agreements.get(agreement.id).terms == agreement.terms
    _clear(sam, "no_year")
    changed = sam.agreements.change_terms(
        agreement.id, effective_from=day, frequency="asye", asye_start=day
    )
    assert len(changed.terms) == 2 and changed.asye_start == day


def test_signing_and_the_session_it_closes_change_together(
    supervisor: Services, supervisee: Services
) -> None:
    sam, priya = supervisor, supervisee
    priya_id, _sam_id = pair_people(sam, priya)
    sid = run_session(sam, priya_id)
    record_id = sam.sessions.get(sid).record_id
    priya.signoff.import_file(sam.signoff.request_session_agreement(sid))
    answer = priya.signoff.sign(record_id)
    signatures_before = _count(sam, "agreement_signatures")
    seen_before = _count(sam, "exchange_seen")

    # The signature and the agreed status are written, then moving the session on fails.
    _fail_on(sam, "no_session_move", "BEFORE UPDATE OF status ON sessions")
    with pytest.raises(DatabaseError, match="injected fault"):
        sam.signoff.import_file(answer)
    assert sam.signoff.latest(record_id).status == "sent"
    assert _count(sam, "agreement_signatures") == signatures_before
    assert _count(sam, "exchange_seen") == seen_before  # the file can be imported again
    assert sam.sessions.get(sid).status == "sent_for_agreement"

    _clear(sam, "no_session_move")
    sam.signoff.import_file(answer)
    assert sam.signoff.latest(record_id).status == "agreed"
    assert sam.sessions.get(sid).status == "agreed"
    assert len(sam.signoff.verify(record_id)) == 2
