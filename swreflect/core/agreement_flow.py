"""Agreeing a record across two vaults: request, review, comment, sign or return, import.

Lifecycle of one version, as seen by each vault::

    author:    sent -> returned (with notes) | agreed        (or superseded by a new version)
    recipient: received -> returned | agreed                 (or superseded by a new version)

The author signs when sending; the recipient's signature completes the record, and both vaults
then hold the same record with both signatures ("agreed"), so the supervisee keeps their own
copy of everything they signed. An agreed record never changes (the service refuses, and the
database triggers refuse too); corrections are addenda, agreed the same way. Every import is one
transaction that is checked completely before anything is written, so a bad file changes
nothing. An in-room acknowledgement (no cryptography) is stored as its own status and labelled.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from swreflect.core.agreement_import import AgreementImport
from swreflect.core.agreement_store import (
    Deliver,
    ImportResult,
    VersionHistory,
    public_key_of,
)
from swreflect.errors import (
    AgreementStateError,
    NotFoundError,
    RecordAgreedError,
    ValidationError,
)
from swreflect.models.signing import Pairing, VersionRow
from swreflect.models.vocab import AgreementStatus, Decision, Direction, Role, other_role
from swreflect.signing import exchange
from swreflect.signing.canonical import canonical_sha256
from swreflect.signing.identity import Identity
from swreflect.signing.messages import (
    InRoomCopy,
    Note,
    Request,
    Response,
    check_note,
    check_record,
)
from swreflect.signing.records import (
    SignatureEntry,
    in_room_acknowledgement,
    sign_record,
)

__all__ = ["ImportResult", "SignOffService", "VersionHistory"]


class SignOffService(AgreementImport):
    """Author and recipient steps; queries and imports come from the base classes."""

    # ------------------------------------------------------------- author side
    def request_session_agreement(
        self,
        session_id: str,
        *,
        to: str | None = None,
        my_role: str | None = None,
        deliver: Deliver | None = None,
    ) -> bytes:
        """Send a session's shared record; the session tells who it goes to and in which role."""
        if self.session_lookup is None:
            raise NotFoundError("Sessions aren't available in this vault yet.")
        found = self.session_lookup(session_id)
        return self.request_agreement(
            found.record,
            to=to or found.counterpart_ref,
            my_role=my_role or found.my_role,
            deliver=deliver,
        )

    def request_agreement(
        self,
        record: dict[str, Any],
        *,
        to: str,
        my_role: str = Role.SUPERVISOR,
        notes: Iterable[Note] = (),
        deliver: Deliver | None = None,
    ) -> bytes:
        """Sign ``record`` as its author and seal a request for ``to`` (a paired person)."""
        record = check_record(record)
        if my_role not in tuple(Role):
            raise ValidationError("Your role must be supervisor or supervisee.")
        pairing = self._identity.pairing(to)
        me = self._identity.ensure_identity()
        rid, ver = record["record_id"], int(record["version"])
        versions = self._repo.versions(rid)
        if any(v.is_locked for v in versions):
            raise RecordAgreedError()
        if any(v.direction == Direction.INCOMING for v in versions):
            raise AgreementStateError(
                "This record was sent to you by the other person, so only they can revise it."
            )
        sha = canonical_sha256(record)
        previous = versions[-1] if versions else None
        if previous is not None and previous.version > ver:
            raise AgreementStateError("A newer version of this record has already been sent.")
        resend = previous is not None and previous.version == ver
        if previous is not None and resend and previous.record_sha256 != sha:
            raise AgreementStateError(
                "This version has already been sent with different content. "
                "Give the revised record a new version number."
            )
        notes = tuple(notes)
        now = self._clock.now()
        with self._step():
            if previous is not None and resend:
                stored = self.signed_record(rid, ver)
                my_role = previous.my_role
                entry = next(s for s in stored.signatures if s.role == my_role)
                if previous.status == AgreementStatus.RETURNED:
                    self._mark(rid, ver, AgreementStatus.SENT, self._stamp())
            else:
                if previous is not None and previous.status in (
                    AgreementStatus.SENT,
                    AgreementStatus.RETURNED,
                ):
                    self._mark(rid, previous.version, AgreementStatus.SUPERSEDED, self._stamp())
                entry = sign_record(
                    record,
                    role=my_role,
                    signer_name=me.display_name,
                    private_key=me.private_key,
                    certificate=me.certificate,
                    signed_at=now,
                )
                self._insert_version(record, my_role, to, Direction.OUTGOING, AgreementStatus.SENT)
                self._repo.put_signature(
                    rid, ver, my_role, json.dumps(entry.to_json()), self._stamp()
                )
            for note in notes:
                self._repo.add_note(
                    rid, ver, note.kind, my_role, me.display_name, note.text, "mine", self._stamp()
                )
            payload = Request(record, my_role, entry, notes).to_json()
            return _seal_and_deliver(payload, me, pairing, now, deliver)

    def new_addendum(self, record_id: str, text: str) -> dict[str, Any]:
        """A correction or addition to an agreed record, to be agreed the same way."""
        base = self.agreed_record(record_id).record
        if not text.strip():
            raise ValidationError("Please write what the addendum says. Nothing was saved.")
        addendum: dict[str, Any] = {
            "record_id": str(uuid.uuid4()),
            "version": 1,
            "kind": "addendum",
            "addendum_to": record_id,
            "addendum_to_version": base["version"],
            "parties": base.get("parties"),
            "written_on": self._clock.now().date().isoformat(),
            "text": text,
        }
        return addendum

    def acknowledge_session_in_room(
        self,
        session_id: str,
        counterpart_name: str,
        *,
        comment: str = "",
        disagreement: str = "",
    ) -> str:
        """``acknowledge_in_room`` for a session's record; returns the record id."""
        if self.session_lookup is None:
            raise NotFoundError("Sessions aren't available in this vault yet.")
        found = self.session_lookup(session_id)
        self.acknowledge_in_room(
            found.record,
            my_role=found.my_role,
            counterpart_name=counterpart_name,
            to=found.counterpart_ref,
            comment=comment,
            disagreement=disagreement,
        )
        return str(found.record["record_id"])

    def acknowledge_in_room(
        self,
        record: dict[str, Any],
        *,
        my_role: str,
        counterpart_name: str,
        to: str | None = None,
        comment: str = "",
        disagreement: str = "",
    ) -> None:
        """Both people agreed the record face to face: the author signs, the other is noted.

        The other person's own comment and disagreement (typed by them on the same screen) are
        kept with the record under their name and shown in every export. Labelled
        ``acknowledged-in-room`` everywhere: it is not a cryptographic signature."""
        record = check_record(record)
        if not counterpart_name.strip():
            raise ValidationError("Please give the name of the person who agreed in the room.")
        theirs_notes = [
            check_note(kind, text)
            for kind, text in (("comment", comment), ("disagreement", disagreement))
            if text.strip()
        ]
        self.ensure_editable(record["record_id"])
        me = self._identity.ensure_identity()
        now = self._clock.now()
        mine = sign_record(
            record,
            role=my_role,
            signer_name=me.display_name,
            private_key=me.private_key,
            certificate=me.certificate,
            signed_at=now,
        )
        their_role = other_role(my_role)
        theirs = in_room_acknowledgement(their_role, counterpart_name.strip(), now)
        rid, ver = record["record_id"], int(record["version"])
        with self._step():
            if self._repo.version(rid, ver) is not None:
                raise AgreementStateError("This version is already out for agreement.")
            self._insert_version(record, my_role, to, Direction.OUTGOING, AgreementStatus.SENT)
            for entry in (mine, theirs):
                self._repo.put_signature(
                    rid, ver, entry.role, json.dumps(entry.to_json()), self._stamp()
                )
            for note in theirs_notes:
                self._repo.add_note(
                    rid, ver, note.kind, their_role, counterpart_name.strip(), note.text,
                    "theirs", self._stamp(),
                )  # fmt: skip
            self._mark(rid, ver, AgreementStatus.ACKNOWLEDGED_IN_ROOM, self._stamp())

    def in_room_copy(self, record_id: str, deliver: Deliver | None = None) -> bytes:
        """A copy of a record acknowledged in the room, sealed for the other person, so their
        own vault holds it (with the words they typed) and they can add an addendum later."""
        row = self.latest(self.resolve(record_id))
        if row.status != "acknowledged-in-room" or row.direction != "outgoing":
            raise AgreementStateError(
                "Only a record you agreed in the room with someone can be given to them this way."
            )
        if row.counterpart_ref is None:
            raise AgreementStateError()
        pairing = self._identity.pairing(row.counterpart_ref)
        me = self._identity.ensure_identity()
        signed = self.signed_record(row.record_id, row.version)
        mine = next(s for s in signed.signatures if s.role == row.my_role)
        theirs = next(s for s in signed.signatures if s.role != row.my_role)
        notes = tuple(Note(n.kind, n.text) for n in signed.notes if n.role == theirs.role)
        payload = InRoomCopy(signed.record, row.my_role, mine, theirs, notes).to_json()
        with self._step():
            return _seal_and_deliver(payload, me, pairing, self._clock.now(), deliver)

    # ------------------------------------------------------------- recipient side
    def add_note(self, record_id: str, text: str, *, kind: str = "comment") -> None:
        """A comment or recorded disagreement on the version under review; sent with the answer."""
        note = check_note(kind, text)
        row = self.latest(record_id)
        if row.is_locked:
            raise RecordAgreedError()
        if row.direction != Direction.INCOMING or row.status != AgreementStatus.RECEIVED:
            raise AgreementStateError("Notes can be added while you're reviewing a record.")
        me = self._identity.ensure_identity()
        with self._step():
            self._repo.add_note(
                row.record_id, row.version, note.kind, row.my_role, me.display_name, note.text,
                "mine", self._stamp(),
            )  # fmt: skip

    def sign(self, record_id: str, deliver: Deliver | None = None) -> bytes:
        """Sign the version under review; returns the response file for the author."""
        return self._respond(record_id, Decision.SIGNED, deliver)

    def return_with_comments(self, record_id: str, deliver: Deliver | None = None) -> bytes:
        row = self.latest(record_id)
        if not any(n.origin == "mine" for n in self._repo.notes(row.record_id, row.version)):
            raise ValidationError(
                "Please add a comment saying what you'd like changed before returning it."
            )
        return self._respond(record_id, Decision.RETURNED, deliver)

    def _respond(self, record_id: str, decision: str, deliver: Deliver | None) -> bytes:
        row = self.latest(record_id)
        if row.is_locked and row.direction == Direction.INCOMING and decision == Decision.SIGNED:
            return self._resend_signed_answer(row, deliver)
        if row.is_locked:
            raise RecordAgreedError()
        if row.direction != Direction.INCOMING or row.status != AgreementStatus.RECEIVED:
            raise AgreementStateError("There's no record waiting for your answer here.")
        if row.counterpart_ref is None:
            raise AgreementStateError()
        pairing = self._identity.pairing(row.counterpart_ref)
        me = self._identity.ensure_identity()
        record = json.loads(row.canonical_json)
        notes = tuple(
            Note(n.kind, n.text)
            for n in self._repo.notes(row.record_id, row.version)
            if n.origin == "mine"
        )
        now = self._clock.now()
        entry: SignatureEntry | None = None
        with self._step():
            if decision == Decision.SIGNED:
                entry = sign_record(
                    record,
                    role=row.my_role,
                    signer_name=me.display_name,
                    private_key=me.private_key,
                    certificate=me.certificate,
                    signed_at=now,
                )
                self._repo.put_signature(
                    row.record_id,
                    row.version,
                    row.my_role,
                    json.dumps(entry.to_json()),
                    self._stamp(),
                )
                signed = self.signed_record(row.record_id, row.version)
                self._verify_complete(row, record, signed.signatures)
                self._mark(row.record_id, row.version, AgreementStatus.AGREED, self._stamp())
            else:
                self._mark(row.record_id, row.version, AgreementStatus.RETURNED, self._stamp())
            response = Response(
                row.record_id, row.version, row.record_sha256, decision, notes, entry
            )
            return _seal_and_deliver(response.to_json(), me, pairing, now, deliver)

    def _resend_signed_answer(self, row: VersionRow, deliver: Deliver | None) -> bytes:
        """The answer file again for a record you already signed; nothing in the vault changes."""
        if row.counterpart_ref is None:
            raise AgreementStateError()
        pairing = self._identity.pairing(row.counterpart_ref)
        me = self._identity.ensure_identity()
        signed = self.signed_record(row.record_id, row.version)
        mine = next(s for s in signed.signatures if s.role == row.my_role)
        notes = tuple(
            Note(n.kind, n.text)
            for n in self._repo.notes(row.record_id, row.version)
            if n.origin == "mine"
        )
        response = Response(
            row.record_id, row.version, row.record_sha256, Decision.SIGNED, notes, mine
        )
        with self._step():
            return _seal_and_deliver(response.to_json(), me, pairing, self._clock.now(), deliver)


def _seal_and_deliver(
    payload: dict[str, Any],
    me: Identity,
    pairing: Pairing,
    when: datetime,
    deliver: Deliver | None,
) -> bytes:
    """Seal ``payload`` for the paired person and hand it to ``deliver``. Called inside the
    step's transaction, so a delivery that fails undoes the step."""
    data = exchange.seal(
        payload,
        sender=me,
        recipient_key=public_key_of(pairing.certificate_pem),
        recipient_fingerprint=pairing.fingerprint,
        created_at=when,
    )
    if deliver is not None:
        deliver(data)
    return data
