"""End to end with real supervision sessions: two vaults, pairing, a session run by the
supervisor, request, return with a comment, revise, sign, verify, edits refused, addendum.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.core.services import Services, build_services
from swreflect.errors import RecordAgreedError, SessionClosedError
from swreflect.signing.records import verify_all
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.signing.sessions import PRIVATE, pair_people, run_session


def test_a_real_session_is_agreed_across_two_vaults(
    supervisor: Services, supervisee: Services, tmp_path: Path
) -> None:
    sam, priya = supervisor, supervisee
    priya_id, _sam_id = pair_people(sam, priya)
    sid = run_session(sam, priya_id)
    record_id = sam.sessions.get(sid).record_id

    # Version 1: the session tells sign-off who it goes to and in which role.
    v1 = sam.signoff.request_session_agreement(sid)
    assert sam.sessions.get(sid).status == "sent_for_agreement"
    with pytest.raises(SessionClosedError):
        sam.sessions.add_note(sid, "checkin", "a late change")
    priya.signoff.import_file(v1)
    received = priya.signoff.signed_record(record_id).record
    assert received["parties"]["supervisee"]["name"] == "Priya Shah"
    assert PRIVATE not in json.dumps(received)  # private notes never travel
    assert priya.signoff.latest(record_id).my_role == "supervisee"

    # Returned with a comment: the session opens again as version 2.
    priya.signoff.add_note(record_id, "Please say the training day was my idea.")
    sam.signoff.import_file(priya.signoff.return_with_comments(record_id))
    session = sam.sessions.get(sid)
    assert (session.record_version, session.is_editable) == (2, True)
    sam.sessions.set_summary(sid, "We talked about workload. Priya proposed the training day.")

    # Version 2 goes round and is signed, with a recorded disagreement.
    priya.signoff.import_file(sam.signoff.request_session_agreement(sid))
    priya.signoff.add_note(record_id, "I see the caseload differently.", kind="disagreement")
    sam.signoff.import_file(priya.signoff.sign(record_id))

    assert sam.sessions.get(sid).status == "agreed"
    for side in (sam, priya):
        agreed = side.signoff.agreed_record(record_id)
        assert agreed.record["version"] == 2
        assert agreed.record["summary"].endswith("proposed the training day.")
        assert len(verify_all(agreed)) == 2
        assert len(side.signoff.verify(record_id)) == 2
        assert [h.status for h in side.signoff.history(record_id)] == ["superseded", "agreed"]

    # Edits are refused: the session is closed and the record is locked.
    with pytest.raises(SessionClosedError):
        sam.sessions.set_summary(sid, "A quiet change afterwards")
    with pytest.raises(RecordAgreedError):
        sam.signoff.ensure_editable(record_id)
    with pytest.raises(RecordAgreedError):
        sam.signoff.request_session_agreement(sid)

    # A correction is an addendum, signed by both the same way.
    addendum = sam.signoff.new_addendum(record_id, "The training day moved to the 21st.")
    priya.signoff.import_file(sam.signoff.request_agreement(addendum, to=priya_id))
    sam.signoff.import_file(priya.signoff.sign(addendum["record_id"]))
    for side in (sam, priya):
        assert len(verify_all(side.signoff.agreed_record(addendum["record_id"]))) == 2


def test_the_cli_sends_a_session_without_naming_the_person(
    supervisor: Services, supervisee: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sam, priya = supervisor, supervisee
    priya_id, _ = pair_people(sam, priya)
    sid = run_session(sam, priya_id)
    folders = (sam.vault.folder, priya.vault.folder)
    sam.close()
    priya.close()
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    request = tmp_path / "request.swx"
    code = main(["session", "request-agreement", sid[:8], "-o", str(request),
                 "--vault", str(folders[0])])  # fmt: skip
    assert code == 0 and request.exists()
    assert main(["inbox", "import", str(request), "--vault", str(folders[1])]) == 0
    reopened = build_services(Vault.unlock(folders[0], TEST_PASSPHRASE))
    try:
        assert reopened.sessions.get(sid).status == "sent_for_agreement"
    finally:
        reopened.close()


def test_in_room_acknowledgement_of_a_session(supervisor: Services, supervisee: Services) -> None:
    sam, priya = supervisor, supervisee
    priya_id, _ = pair_people(sam, priya)
    sid = run_session(sam, priya_id)
    record_id = sam.signoff.acknowledge_session_in_room(sid, "Priya Shah")
    assert sam.signoff.status(record_id) == "acknowledged-in-room"
    assert sam.sessions.get(sid).status == "acknowledged_in_room"
    with pytest.raises(SessionClosedError):
        sam.sessions.add_note(sid, "checkin", "later")
