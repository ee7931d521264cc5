"""The agreement flow between two real vaults: request, review, comment, revise, sign, import."""

from __future__ import annotations

import pytest

from swreflect.core.services import Services
from swreflect.errors import (
    AgreementStateError,
    NotPairedError,
    RecordAgreedError,
    ValidationError,
)
from swreflect.models.vocab import other_role
from swreflect.signing.records import IN_ROOM_METHOD, SIGNATURE_METHOD, verify_all
from swreflect.vault.connection import DatabaseError
from tests.signing.records import RECORD_ID, make_record

Pair = tuple[Services, Services]


def test_request_sign_and_import_agrees_on_both_sides(paired: Pair) -> None:
    sam, priya = paired
    request = sam.signoff.request_agreement(make_record(), to="priya")
    assert sam.signoff.status(RECORD_ID) == "sent"

    result = priya.signoff.import_file(request)
    assert (result.kind, result.status, result.sender_name) == ("request", "received", "Sam Okafor")
    assert priya.signoff.signed_record(RECORD_ID).record == make_record()
    assert priya.signoff.latest(RECORD_ID).my_role == "supervisee"

    response = priya.signoff.sign(RECORD_ID)
    assert priya.signoff.status(RECORD_ID) == "agreed"  # the supervisee's own copy

    result = sam.signoff.import_file(response)
    assert (result.kind, result.status, result.decision) == ("response", "agreed", "signed")
    for side in (sam, priya):
        signed = side.signoff.agreed_record(RECORD_ID)
        assert {s.role for s in signed.signatures} == {"supervisor", "supervisee"}
        assert all(s.method == SIGNATURE_METHOD for s in signed.signatures)
        assert len(verify_all(signed)) == 2
        assert len(side.signoff.verify(RECORD_ID)) == 2
    assert sam.signoff.agreed_record(RECORD_ID) == priya.signoff.agreed_record(RECORD_ID)


def test_return_with_comments_then_revise_and_sign(paired: Pair) -> None:
    sam, priya = paired
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(1), to="priya"))
    with pytest.raises(ValidationError):
        priya.signoff.return_with_comments(RECORD_ID)  # needs a comment first
    priya.signoff.add_note(RECORD_ID, "Please add that I asked for the training day.")
    returned = priya.signoff.return_with_comments(RECORD_ID)
    assert priya.signoff.status(RECORD_ID) == "returned"

    result = sam.signoff.import_file(returned)
    assert (result.status, result.decision) == ("returned", "returned")
    [note] = sam.signoff.history(RECORD_ID)[0].notes
    assert (note.kind, note.origin, note.author_role) == ("comment", "theirs", "supervisee")

    revised = make_record(2, "We talked about workload; Priya asked for the training day.")
    from swreflect.signing.messages import Note

    request2 = sam.signoff.request_agreement(
        revised, to="priya", notes=[Note("comment", "Added the training day.")]
    )
    priya.signoff.import_file(request2)
    priya.signoff.add_note(
        RECORD_ID, "I still think the caseload figure is too low.", kind="disagreement"
    )
    sam.signoff.import_file(priya.signoff.sign(RECORD_ID))

    for side in (sam, priya):
        history = side.signoff.history(RECORD_ID)
        assert [(h.version, h.status) for h in history] == [(1, "superseded"), (2, "agreed")]
        assert history[1].record["summary"].endswith("training day.")
        kinds = [(n.version, n.kind) for h in history for n in h.notes]
        assert kinds == [(1, "comment"), (2, "comment"), (2, "disagreement")]
    assert sam.signoff.agreed_record(RECORD_ID).record["version"] == 2


def test_agreed_record_is_immutable_in_core_and_database(paired: Pair) -> None:
    sam, priya = paired
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(), to="priya"))
    sam.signoff.import_file(priya.signoff.sign(RECORD_ID))
    with pytest.raises(RecordAgreedError):
        sam.signoff.ensure_editable(RECORD_ID)
    with pytest.raises(RecordAgreedError):
        sam.signoff.request_agreement(make_record(2, "changed"), to="priya")
    with pytest.raises(RecordAgreedError):
        priya.signoff.add_note(RECORD_ID, "one more thing")
    repo = sam.signoff._repo
    with pytest.raises(RecordAgreedError), sam.vault.transaction():
        repo.update_content(RECORD_ID, 1, "{}", "0" * 64)
    with pytest.raises(RecordAgreedError), sam.vault.transaction():
        repo.set_status(RECORD_ID, 1, "sent", "2026-01-01T00:00:00+00:00")
    # The database itself refuses, even to code that bypasses the repository.
    with pytest.raises(DatabaseError, match="immutable"), sam.vault.transaction() as conn:
        conn.execute("DELETE FROM agreement_signatures WHERE record_id = ?", (RECORD_ID,))
    with pytest.raises(DatabaseError, match="immutable"), sam.vault.transaction() as conn:
        conn.execute("DELETE FROM agreement_versions WHERE record_id = ?", (RECORD_ID,))
    assert len(sam.signoff.verify(RECORD_ID)) == 2


def test_sent_content_is_fixed_even_before_agreement(paired: Pair) -> None:
    sam, _priya = paired
    sam.signoff.request_agreement(make_record(), to="priya")
    with pytest.raises(RecordAgreedError), sam.vault.transaction():
        sam.signoff._repo.update_content(RECORD_ID, 1, "{}", "0" * 64)
    with pytest.raises(AgreementStateError):
        sam.signoff.request_agreement(make_record(1, "quietly changed"), to="priya")
    assert sam.signoff.signed_record(RECORD_ID).record == make_record()


def test_resending_the_same_version_gives_a_fresh_file(paired: Pair) -> None:
    sam, priya = paired
    first = sam.signoff.request_agreement(make_record(), to="priya")
    again = sam.signoff.request_agreement(make_record(), to="priya")
    assert first != again
    priya.signoff.import_file(first)
    assert priya.signoff.import_file(again).status == "received"
    assert len(priya.signoff.history(RECORD_ID)) == 1


def test_addendum_is_agreed_the_same_way(paired: Pair) -> None:
    sam, priya = paired
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(), to="priya"))
    sam.signoff.import_file(priya.signoff.sign(RECORD_ID))
    with pytest.raises(AgreementStateError):
        priya.signoff.new_addendum("no-such-record", "x")
    addendum = sam.signoff.new_addendum(RECORD_ID, "The training day is on the 21st.")
    assert addendum["kind"] == "addendum" and addendum["addendum_to"] == RECORD_ID
    priya.signoff.import_file(sam.signoff.request_agreement(addendum, to="priya"))
    sam.signoff.import_file(priya.signoff.sign(addendum["record_id"]))
    for side in (sam, priya):
        signed = side.signoff.agreed_record(addendum["record_id"])
        assert signed.record["addendum_to"] == RECORD_ID
        assert len(verify_all(signed)) == 2
        assert side.signoff.status(RECORD_ID) == "agreed"


def test_in_room_acknowledgement_is_labelled(paired: Pair) -> None:
    sam, _priya = paired
    sam.signoff.acknowledge_in_room(
        make_record(), my_role="supervisor", counterpart_name="Priya Shah", to="priya"
    )
    assert sam.signoff.status(RECORD_ID) == "acknowledged-in-room"
    signed = sam.signoff.agreed_record(RECORD_ID)
    methods = {s.role: s.method for s in signed.signatures}
    assert methods == {"supervisor": SIGNATURE_METHOD, "supervisee": IN_ROOM_METHOD}
    assert len(verify_all(signed)) == 1
    with pytest.raises(RecordAgreedError):
        sam.signoff.ensure_editable(RECORD_ID)


def test_request_needs_a_paired_person(supervisor: Services) -> None:
    with pytest.raises(NotPairedError):
        supervisor.signoff.request_agreement(make_record(), to="nobody")
    assert supervisor.signoff.records() == []


def test_bad_records_are_refused(paired: Pair) -> None:
    sam, _ = paired
    for bad in ({"record_id": "x"}, dict(make_record(), version=0), dict(make_record(), kind="x")):
        with pytest.raises(ValidationError):
            sam.signoff.request_agreement(bad, to="priya")
    with pytest.raises(ValidationError):
        sam.signoff.request_agreement(dict(make_record(), score=1.5), to="priya")


def test_recipient_cannot_send_the_record_as_author(paired: Pair) -> None:
    sam, priya = paired
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(), to="priya"))
    with pytest.raises(AgreementStateError):
        priya.signoff.request_agreement(make_record(2), to="sam", my_role="supervisee")


def test_other_role() -> None:
    assert other_role("supervisor") == "supervisee"
    assert other_role("supervisee") == "supervisor"


def test_status_listeners_hear_committed_changes_only(paired: Pair) -> None:
    sam, priya = paired
    heard: list[tuple[str, int, str]] = []
    sam.signoff.status_listeners.append(lambda *change: heard.append(change))

    def broken(_data: bytes) -> None:
        raise ValidationError("no")

    with pytest.raises(ValidationError):
        sam.signoff.request_agreement(make_record(1), to="priya", deliver=broken)
    assert heard == []
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(1), to="priya"))
    priya.signoff.add_note(RECORD_ID, "More on the training day, please.")
    sam.signoff.import_file(priya.signoff.return_with_comments(RECORD_ID))
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(2), to="priya"))
    sam.signoff.import_file(priya.signoff.sign(RECORD_ID))
    assert heard == [
        (RECORD_ID, 1, "sent"),
        (RECORD_ID, 1, "returned"),
        (RECORD_ID, 1, "superseded"),
        (RECORD_ID, 2, "sent"),
        (RECORD_ID, 2, "agreed"),
    ]


def test_a_lost_answer_can_be_made_again_and_imported_once_more(paired: Pair) -> None:
    sam, priya = paired
    request = sam.signoff.request_agreement(make_record(), to="priya")
    second_copy = sam.signoff.request_agreement(make_record(), to="priya")  # sent twice
    priya.signoff.import_file(request)
    priya.signoff.add_note(RECORD_ID, "Fine by me.")
    first = priya.signoff.sign(RECORD_ID)  # ...and this file goes astray
    again = priya.signoff.sign(RECORD_ID)  # the same signature, in a fresh file
    assert first != again
    assert sam.signoff.import_file(again).status == "agreed"
    # The first file turning up later is harmless: same signature, already agreed.
    result = sam.signoff.import_file(first)
    assert (result.status, result.decision) == ("agreed", "signed")
    assert [n.text for n in sam.signoff.history(RECORD_ID)[0].notes] == ["Fine by me."]
    # The second copy of the request arriving after agreement changes nothing either.
    assert priya.signoff.import_file(second_copy).status == "agreed"
    with pytest.raises(RecordAgreedError):  # and the author can't send an agreed record again
        sam.signoff.request_agreement(make_record(), to="priya")
    assert len(priya.signoff.verify(RECORD_ID)) == 2


def test_same_version_sent_again_after_a_return_can_be_answered(paired: Pair) -> None:
    sam, priya = paired
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(), to="priya"))
    priya.signoff.add_note(RECORD_ID, "Could we add the training day?")
    sam.signoff.import_file(priya.signoff.return_with_comments(RECORD_ID))
    # Sam thinks it's right as it is and sends the same version back.
    from swreflect.signing.messages import Note

    again = sam.signoff.request_agreement(
        make_record(), to="priya", notes=[Note("comment", "It's in the actions already.")]
    )
    assert sam.signoff.status(RECORD_ID) == "sent"
    assert priya.signoff.import_file(again).status == "received"
    sam.signoff.import_file(priya.signoff.sign(RECORD_ID))
    assert sam.signoff.status(RECORD_ID) == "agreed"
    notes = [(n.author_role, n.text) for n in sam.signoff.history(RECORD_ID)[0].notes]
    assert notes == [
        ("supervisee", "Could we add the training day?"),
        ("supervisor", "It's in the actions already."),
    ]


def test_records_signed_before_a_re_pairing_still_verify(paired: Pair, clock: object) -> None:
    from swreflect.core.clock import FakeClock
    from swreflect.errors import VerificationFailedError
    from swreflect.signing.identity import new_identity

    assert isinstance(clock, FakeClock)
    sam, priya = paired
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(), to="priya"))
    sam.signoff.import_file(priya.signoff.sign(RECORD_ID))
    # Priya moves to a new laptop: Sam re-pairs with her new key on purpose.
    new_key = new_identity("Priya Shah", "supervisee", clock.now()).card()
    sam.identity.pair("priya", new_key, fingerprints_match=True, replace_key=True)
    assert len(sam.signoff.verify(RECORD_ID)) == 2  # signed with a key she was paired with
    # An answer arriving now must come from her current key: the old one no longer counts.
    row = sam.signoff.latest(RECORD_ID)
    with pytest.raises(VerificationFailedError):
        sam.signoff._verify_complete(
            row, make_record(), sam.signoff.signed_record(RECORD_ID).signatures
        )
