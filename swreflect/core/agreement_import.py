"""Importing exchange files: requests to review and responses to requests this vault sent.

Everything is checked before anything is written, and the writes happen in one transaction, so
a file that fails any check (tampered, truncated, replayed, wrong recipient, unknown sender,
signature not from the paired key, wrong state) leaves the vault exactly as it was.
"""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric import ec

from swreflect.core.agreement_store import AgreementStore, ImportResult, public_key_of
from swreflect.errors import (
    AgreementStateError,
    ExchangeReplayedError,
    RecordAgreedError,
    VerificationFailedError,
)
from swreflect.models.vocab import AgreementStatus, Decision, Direction, other_role
from swreflect.signing import exchange
from swreflect.signing.canonical import canonical_sha256
from swreflect.signing.messages import (
    InRoomCopy,
    Request,
    Response,
    parse_payload,
)
from swreflect.signing.records import (
    verify_entry,
)


class AgreementImport(AgreementStore):
    def import_file(self, data: bytes) -> ImportResult:
        """Open, check and store a request or response. A failure changes nothing."""
        me = self._identity.ensure_identity()

        def sender_key(fingerprint: str) -> ec.EllipticCurvePublicKey | None:
            found = self._identity.pairing_by_fingerprint(fingerprint)
            return public_key_of(found.certificate_pem) if found else None

        opened = exchange.open_file(data, recipient=me, sender_key=sender_key)
        sender = self._identity.pairing_by_fingerprint(opened.sender_fingerprint)
        assert sender is not None
        if self._repo.message_seen(opened.sender_fingerprint, opened.message_id):
            raise ExchangeReplayedError()
        message = parse_payload(opened.payload)
        with self._step():
            if isinstance(message, Request):
                result = self._import_request(message, sender.person_ref, sender.display_name)
            elif isinstance(message, InRoomCopy):
                result = self._import_copy(message, sender.person_ref, sender.display_name)
            else:
                result = self._import_response(message, sender.person_ref, sender.display_name)
            self._repo.remember_message(sender.fingerprint, opened.message_id, self._stamp())
        return result

    def _import_request(self, req: Request, person_ref: str, sender_name: str) -> ImportResult:
        record = req.record
        rid, ver = record["record_id"], int(record["version"])
        pairing = self._identity.pairing(person_ref)
        entry = req.author_signature
        if entry.role != req.author_role or entry.fingerprint != pairing.fingerprint:
            raise VerificationFailedError(
                "The record's signature isn't from the person who sent it. Nothing was changed."
            )
        verify_entry(record, entry)
        versions = self._repo.versions(rid)
        if any(
            v.direction == Direction.OUTGOING or v.counterpart_ref != person_ref for v in versions
        ):
            raise AgreementStateError("That record id already belongs to another agreement here.")
        existing = self._repo.version(rid, ver)
        if existing is not None and existing.record_sha256 != canonical_sha256(record):
            raise AgreementStateError(
                "You already have this version of the record with different content."
            )
        if existing is not None and existing.is_locked:
            # Sent again after you signed (your answer may have gone astray): nothing to change;
            # 'session sign' gives you your answer file again.
            return ImportResult("request", rid, ver, existing.status, sender_name)
        if any(v.is_locked for v in versions):
            raise RecordAgreedError()
        if existing is not None:
            status = existing.status
            if (
                status == AgreementStatus.RETURNED
            ):  # they sent the same version again: it's yours to answer
                self._mark(rid, ver, AgreementStatus.RECEIVED, self._stamp())
                status = AgreementStatus.RECEIVED
        else:
            if versions and versions[-1].version > ver:
                raise AgreementStateError("You already have a newer version of this record.")
            for older in versions:
                if older.status in (AgreementStatus.RECEIVED, AgreementStatus.RETURNED):
                    self._mark(rid, older.version, AgreementStatus.SUPERSEDED, self._stamp())
            my_role = other_role(req.author_role)
            self._insert_version(
                record, my_role, person_ref, Direction.INCOMING, AgreementStatus.RECEIVED
            )
            self._repo.put_signature(
                rid, ver, entry.role, json.dumps(entry.to_json()), self._stamp()
            )
            status = AgreementStatus.RECEIVED
        self._store_their_notes(rid, ver, req.notes, req.author_role, sender_name)
        return ImportResult("request", rid, ver, status, sender_name)

    def _import_copy(self, copy: InRoomCopy, person_ref: str, sender_name: str) -> ImportResult:
        """Your copy of a record you acknowledged in the room: kept as acknowledged, with the
        words you typed there as your own notes, so you can answer it later with an addendum."""
        record = copy.record
        rid, ver = record["record_id"], int(record["version"])
        pairing = self._identity.pairing(person_ref)
        entry = copy.author_signature
        if entry.fingerprint != pairing.fingerprint:
            raise VerificationFailedError(
                "The record's signature isn't from the person who sent it. Nothing was changed."
            )
        verify_entry(record, entry)
        versions = self._repo.versions(rid)
        if any(v.direction == "outgoing" or v.counterpart_ref != person_ref for v in versions):
            raise AgreementStateError("That record id already belongs to another agreement here.")
        existing = self._repo.version(rid, ver)
        if existing is not None:
            if existing.record_sha256 != canonical_sha256(record) or not existing.is_locked:
                raise AgreementStateError("You already have this record in another state.")
            return ImportResult("copy", rid, ver, existing.status, sender_name)
        my_role = other_role(copy.author_role)
        self._insert_version(record, my_role, person_ref, "incoming", "received")
        for signature in (entry, copy.acknowledgement):
            self._repo.put_signature(
                rid, ver, signature.role, json.dumps(signature.to_json()), self._stamp()
            )
        for note in copy.notes:
            self._repo.add_note(
                rid, ver, note.kind, my_role, copy.acknowledgement.signer_name, note.text,
                "mine", self._stamp(),
            )  # fmt: skip
        self._mark(rid, ver, "acknowledged-in-room", self._stamp())
        return ImportResult("copy", rid, ver, "acknowledged-in-room", sender_name)

    def _import_response(self, resp: Response, person_ref: str, sender_name: str) -> ImportResult:
        row = self._repo.version(resp.record_id, resp.version)
        if row is None or row.direction != Direction.OUTGOING or row.counterpart_ref != person_ref:
            raise AgreementStateError(
                "That answer is about a record this vault didn't send to them. Nothing was changed."
            )
        if row.record_sha256 != resp.record_sha256:
            raise VerificationFailedError(
                "That answer is about different content from the record you sent. "
                "Nothing was changed."
            )
        if row.is_locked:
            if resp.signature is not None and resp.signature.to_json() in [
                json.loads(e) for e in self._repo.signatures(row.record_id, row.version)
            ]:  # the same answer again (sent twice): already agreed, nothing to change
                return ImportResult(
                    "response", row.record_id, row.version, row.status, sender_name, Decision.SIGNED
                )
            raise RecordAgreedError()
        if row.status not in (AgreementStatus.SENT, AgreementStatus.RETURNED):
            raise AgreementStateError("That version has been replaced by a newer one you sent.")
        their_role = other_role(row.my_role)
        self._store_their_notes(row.record_id, row.version, resp.notes, their_role, sender_name)
        if resp.decision == Decision.SIGNED:
            entry = resp.signature
            assert entry is not None
            pairing = self._identity.pairing(person_ref)
            if entry.role != their_role or entry.fingerprint != pairing.fingerprint:
                raise VerificationFailedError(
                    "The signature isn't from the person you sent the record to. "
                    "Nothing was changed."
                )
            record = json.loads(row.canonical_json)
            verify_entry(record, entry)
            self._repo.put_signature(
                row.record_id, row.version, entry.role, json.dumps(entry.to_json()), self._stamp()
            )
            signed = self.signed_record(row.record_id, row.version)
            self._verify_complete(row, record, signed.signatures)
            status = AgreementStatus.AGREED
        else:
            status = AgreementStatus.RETURNED
        self._mark(row.record_id, row.version, status, self._stamp())
        return ImportResult(
            "response", row.record_id, row.version, status, sender_name, resp.decision
        )
