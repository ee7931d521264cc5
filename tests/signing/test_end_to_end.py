"""The whole story on two vaults in tmp_path, as two laptops would live it.

Pair both ways by swapping identity card files, send a record for agreement, return it with a
comment, revise, sign with a recorded disagreement, import the answer, verify both signatures
in both vaults, be refused when editing, then add an addendum and agree it the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.errors import RecordAgreedError, UsageError
from swreflect.signing.messages import Note
from swreflect.signing.records import SignedRecord, verify_all
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.signing.records import RECORD_ID, make_record


def _reopen(services: Services, clock: FakeClock) -> Services:
    folder = services.vault.folder
    services.close()
    return build_services(Vault.unlock(folder, TEST_PASSPHRASE), clock)


def test_two_laptops_agree_revise_and_add_an_addendum(
    supervisor: Services, supervisee: Services, clock: FakeClock, tmp_path: Path
) -> None:
    sam, priya = supervisor, supervisee
    # Pairing: each exports a card file and the other imports it after comparing fingerprints.
    (tmp_path / "sam.card").write_bytes(sam.identity.export_card())
    (tmp_path / "priya.card").write_bytes(priya.identity.export_card())
    priya_card = sam.identity.read_card((tmp_path / "priya.card").read_bytes())
    sam_card = priya.identity.read_card((tmp_path / "sam.card").read_bytes())
    assert priya_card.short_fingerprint == priya.identity.ensure_identity().short_fingerprint
    sam.identity.pair("priya", priya_card, fingerprints_match=True)
    priya.identity.pair("sam", sam_card, fingerprints_match=True)

    # Version 1 goes over and comes back with a comment.
    (tmp_path / "v1.swx").write_bytes(sam.signoff.request_agreement(make_record(1), to="priya"))
    clock.advance(3600)
    priya.signoff.import_file((tmp_path / "v1.swx").read_bytes())
    priya.signoff.add_note(RECORD_ID, "Could we say the training day was my idea?")
    (tmp_path / "r1.swx").write_bytes(priya.signoff.return_with_comments(RECORD_ID))
    clock.advance(3600)
    assert sam.signoff.import_file((tmp_path / "r1.swx").read_bytes()).status == "returned"

    # Version 2 answers the comment; Priya signs it but records one disagreement.
    v2 = make_record(2, "We talked about workload. Priya proposed the training day.")
    (tmp_path / "v2.swx").write_bytes(
        sam.signoff.request_agreement(v2, to="priya", notes=[Note("comment", "Reworded.")])
    )
    priya.signoff.import_file((tmp_path / "v2.swx").read_bytes())
    priya.signoff.add_note(RECORD_ID, "I see the caseload differently.", kind="disagreement")
    (tmp_path / "s2.swx").write_bytes(priya.signoff.sign(RECORD_ID))
    clock.advance(3600)
    assert sam.signoff.import_file((tmp_path / "s2.swx").read_bytes()).status == "agreed"

    # Both vaults hold the same agreed record; both signatures verify, also after relocking,
    # and also as exported JSON read back by anyone.
    sam, priya = _reopen(sam, clock), _reopen(priya, clock)
    try:
        agreed = sam.signoff.agreed_record(RECORD_ID)
        theirs = priya.signoff.agreed_record(RECORD_ID)
        assert (agreed.record, agreed.signatures) == (theirs.record, theirs.signatures)
        # Each vault stamps a reply when it stores it; who wrote what is the same in both.
        assert [(n.kind, n.role, n.author_name, n.text) for n in agreed.notes] == [
            (n.kind, n.role, n.author_name, n.text) for n in theirs.notes
        ]
        assert agreed.record == v2
        assert {e.signer_name for e in verify_all(agreed)} == {"Sam Okafor", "Priya Shah"}
        assert len(sam.signoff.verify(RECORD_ID)) == len(priya.signoff.verify(RECORD_ID)) == 2
        assert verify_all(SignedRecord.from_json(agreed.to_json())) == list(agreed.signatures)
        history = priya.signoff.history(RECORD_ID)
        assert [h.status for h in history] == ["superseded", "agreed"]
        assert [n.kind for n in history[1].notes] == ["comment", "disagreement"]

        # Editing is refused, in the core and by the database.
        with pytest.raises(RecordAgreedError):
            sam.signoff.ensure_editable(RECORD_ID)
        with pytest.raises(RecordAgreedError):
            sam.signoff.request_agreement(make_record(3, "edited"), to="priya")

        # A correction is an addendum, agreed the same way.
        addendum = sam.signoff.new_addendum(RECORD_ID, "The training day moved to the 21st.")
        (tmp_path / "a1.swx").write_bytes(sam.signoff.request_agreement(addendum, to="priya"))
        priya.signoff.import_file((tmp_path / "a1.swx").read_bytes())
        (tmp_path / "as.swx").write_bytes(priya.signoff.sign(addendum["record_id"]))
        sam.signoff.import_file((tmp_path / "as.swx").read_bytes())
        for side in (sam, priya):
            signed = side.signoff.agreed_record(addendum["record_id"])
            assert signed.record["addendum_to"] == RECORD_ID
            assert len(verify_all(signed)) == 2
            original = side.signoff.agreed_record(RECORD_ID)  # the original is untouched
            assert (original.record, original.signatures) == (agreed.record, agreed.signatures)
    finally:
        sam.close()
        priya.close()


def test_a_failed_file_write_undoes_the_step(paired: tuple[Services, Services]) -> None:
    sam, priya = paired

    def broken(_data: bytes) -> None:
        raise UsageError("Couldn't write the file. Nothing was changed.")

    with pytest.raises(UsageError):
        sam.signoff.request_agreement(make_record(), to="priya", deliver=broken)
    assert sam.signoff.records() == []
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(), to="priya"))
    with pytest.raises(UsageError):
        priya.signoff.sign(RECORD_ID, deliver=broken)
    assert priya.signoff.status(RECORD_ID) == "received"
    assert [s.role for s in priya.signoff.signed_record(RECORD_ID).signatures] == ["supervisor"]
    written: list[bytes] = []
    priya.signoff.sign(RECORD_ID, deliver=written.append)
    assert sam.signoff.import_file(written[0]).status == "agreed"
