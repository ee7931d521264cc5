"""The stored side of agreements: queries over versions, signatures and notes, and the checks
that an agreed version really carries both valid signatures from the right keys.

Shared by the author and recipient halves of the agreement flow (``agreement_flow``) and by the
import of exchange files (``agreement_import``).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from swreflect.core.clock import Clock
from swreflect.core.identity_service import IdentityService
from swreflect.errors import (
    AgreementStateError,
    NotFoundError,
    RecordAgreedError,
    ValidationError,
    VerificationFailedError,
)
from swreflect.models.signing import NoteRow, VersionRow
from swreflect.models.vocab import AgreementStatus, other_role
from swreflect.signing.canonical import canonical_bytes, canonical_sha256
from swreflect.signing.messages import (
    Note,
)
from swreflect.signing.records import (
    RecordNote,
    SignatureEntry,
    SignedRecord,
    verify_entry,
)
from swreflect.vault.signing_repo import SigningRepository
from swreflect.vault.vault import Vault


@dataclass(frozen=True)
class ImportResult:
    kind: str  # "request", "response" or "copy"
    record_id: str
    version: int
    status: str
    sender_name: str
    decision: str | None = None


@dataclass(frozen=True)
class VersionHistory:
    version: int
    status: str
    direction: str
    record: dict[str, Any]
    notes: tuple[NoteRow, ...]
    signatures: tuple[SignatureEntry, ...]


log = logging.getLogger(__name__)

Deliver = Callable[[bytes], None]


@dataclass(frozen=True)
class SessionForSignOff:
    """What sign-off needs from a supervision session: its record and who it goes to."""

    record: dict[str, Any]
    counterpart_ref: str
    my_role: str


SessionLookup = Callable[[str], SessionForSignOff]
StatusListener = Callable[[str, int, str], None]


class AgreementStore:
    """Reads and checks; the flow subclasses add the steps that write."""

    def __init__(
        self,
        vault: Vault,
        repo: SigningRepository,
        identity: IdentityService,
        clock: Clock,
        session_lookup: SessionLookup | None = None,
    ) -> None:
        self._vault = vault
        self._repo = repo
        self._identity = identity
        self._clock = clock
        self.session_lookup = session_lookup
        # Heard after the step has committed (a refresh); a failure is only logged.
        self.status_listeners: list[StatusListener] = []
        # Part of the step: called inside its transaction as each status changes (sessions
        # following sign-off), so a failure undoes the whole step (docs/architecture.md §3).
        self.status_followers: list[StatusListener] = []
        self._pending: list[tuple[str, int, str]] = []

    def _stamp(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")

    @contextlib.contextmanager
    def _step(self) -> Iterator[None]:
        """One transaction for the whole step, the sessions that follow it included (their
        ``status_followers`` run inside it); status listeners hear of its changes only once
        it has committed."""
        self._pending = []
        try:
            with self._vault.transaction():
                yield
        except BaseException:
            self._pending = []
            raise
        changes, self._pending = self._pending, []
        for record_id, version, status in changes:
            for listener in self.status_listeners:
                try:
                    listener(record_id, version, status)
                except Exception:  # the step itself has committed; say so, don't undo it
                    log.warning("a sign-off status listener failed", exc_info=True)

    def _mark(self, record_id: str, version: int, status: str, at: str) -> None:
        self._repo.set_status(record_id, version, status, at)
        self._status_changed(record_id, version, status)

    def _status_changed(self, record_id: str, version: int, status: str) -> None:
        self._pending.append((record_id, version, status))
        for follower in self.status_followers:
            follower(record_id, version, status)

    # ------------------------------------------------------------- queries
    def records(self) -> list[VersionRow]:
        """The newest version of every record this vault has sent or received."""
        return self._repo.latest_versions()

    def resolve(self, record_ref: str) -> str:
        """A full record id from a full id or an unambiguous prefix (at least 4 characters)."""
        from swreflect.core.id_prefix import MIN_ID_PREFIX, too_short

        ref = str(record_ref).strip()
        if self._repo.versions(ref):
            return ref
        if len(ref) < MIN_ID_PREFIX:
            raise too_short("record")
        found = self._repo.record_ids_like(ref)
        if len(found) > 1:
            raise ValidationError("More than one record matches that id; give more of it.")
        if len(found) != 1:
            raise NotFoundError("No agreement matches that record id. Nothing was changed.")
        return found[0]

    def find(self, record_ref: str) -> str | None:
        """Like ``resolve`` but ``None`` when nothing (or more than one record) matches."""
        try:
            return self.resolve(record_ref)
        except (NotFoundError, ValidationError):  # none, too short, or more than one
            return None

    def latest(self, record_id: str) -> VersionRow:
        versions = self._repo.versions(record_id)
        if not versions:
            raise NotFoundError("That record hasn't been sent or received for agreement.")
        return versions[-1]

    def status(self, record_id: str) -> str:
        return self.latest(record_id).status

    def is_locked(self, record_id: str) -> bool:
        return any(v.is_locked for v in self._repo.versions(record_id))

    def ensure_editable(self, record_id: str) -> None:
        """Callers that edit a record's content ask this first: agreed records never change."""
        if self.is_locked(record_id):
            raise RecordAgreedError()

    def signed_record(self, record_id: str, version: int | None = None) -> SignedRecord:
        row = self.latest(record_id) if version is None else self._repo.version(record_id, version)
        if row is None:
            raise NotFoundError()
        entries = tuple(
            SignatureEntry.from_json(json.loads(e))
            for e in self._repo.signatures(row.record_id, row.version)
        )
        in_room = {e.role for e in entries if not e.is_cryptographic}
        notes = tuple(
            RecordNote(n.kind, n.author_role, n.author_name, n.text, n.created_at,
                       in_room=n.author_role in in_room)
            for n in self._repo.notes(row.record_id, row.version)
        )  # fmt: skip
        return SignedRecord(json.loads(row.canonical_json), entries, notes)

    def agreed_record(self, record_id: str) -> SignedRecord:
        """The agreed version with both signatures, for showing and exports; refuses anything
        not agreed. Both signatures are checked again every time (SECURITY.md row 5): rows
        read back from the file are never taken on trust."""
        for row in reversed(self._repo.versions(record_id)):
            if row.is_locked:
                signed = self.signed_record(record_id, row.version)
                self._verify_complete(row, signed.record, signed.signatures, historical=True)
                return signed
        raise AgreementStateError("This record hasn't been agreed yet. Nothing was exported.")

    def agreed_records(self) -> list[SignedRecord]:
        """Every record agreed in this vault (its agreed version, with both signatures), in
        the order ``records`` lists them; records still under agreement are left out."""
        found = []
        for row in self.records():
            try:
                found.append(self.agreed_record(row.record_id))
            except AgreementStateError:
                continue
        return found

    def history(self, record_id: str) -> list[VersionHistory]:
        """Every version, for showing; an agreed version's signatures are checked again."""
        out = []
        for row in self._repo.versions(record_id):
            signed = self.signed_record(record_id, row.version)
            if row.is_locked:
                self._verify_complete(row, signed.record, signed.signatures, historical=True)
            out.append(
                VersionHistory(
                    row.version,
                    row.status,
                    row.direction,
                    signed.record,
                    tuple(self._repo.notes(record_id, row.version)),
                    signed.signatures,
                )
            )
        return out

    def verify(self, record_id: str) -> list[SignatureEntry]:
        """Check both signatures of the agreed version against this vault's known identities."""
        row = self.latest(record_id)
        signed = self.signed_record(record_id, row.version)
        self._verify_complete(row, signed.record, signed.signatures, historical=True)
        return list(signed.signatures)

    def _insert_version(
        self,
        record: dict[str, Any],
        my_role: str,
        counterpart: str | None,
        direction: str,
        status: str,
    ) -> None:
        stamp = self._stamp()
        self._repo.insert_version(
            VersionRow(
                record_id=record["record_id"],
                version=int(record["version"]),
                kind=record["kind"],
                addendum_to=record.get("addendum_to"),
                canonical_json=canonical_bytes(record).decode("utf-8"),
                record_sha256=canonical_sha256(record),
                my_role=my_role,
                counterpart_ref=counterpart,
                direction=direction,
                status=status,
                created_at=stamp,
                updated_at=stamp,
            )
        )
        self._status_changed(record["record_id"], int(record["version"]), status)

    def _store_their_notes(
        self, rid: str, ver: int, notes: tuple[Note, ...], role: str, name: str
    ) -> None:
        kept = {(n.kind, n.text) for n in self._repo.notes(rid, ver) if n.origin == "theirs"}
        for note in notes:
            if (note.kind, note.text) in kept:  # the same file content sent again
                continue
            self._repo.add_note(rid, ver, note.kind, role, name, note.text, "theirs", self._stamp())

    def _verify_complete(
        self,
        row: VersionRow,
        record: dict[str, Any],
        entries: Iterable[SignatureEntry],
        *,
        historical: bool = False,
    ) -> None:
        """Both roles signed, each signature valid, mine by my key and theirs by the paired key.

        ``historical``: checking a record agreed earlier, so any key this person was paired
        with at some point counts (they may have re-paired with a new key since)."""
        by_role = {e.role: e for e in entries}
        mine, theirs = by_role.get(row.my_role), by_role.get(other_role(row.my_role))
        if mine is None or theirs is None:
            raise VerificationFailedError("The record doesn't have both signatures yet.")
        if row.status == AgreementStatus.ACKNOWLEDGED_IN_ROOM and not (
            mine.is_cryptographic and theirs.is_cryptographic
        ):
            self._verify_in_room(row, record, mine, theirs)
            return
        if row.counterpart_ref is None:
            raise VerificationFailedError("This record isn't linked to a paired person.")
        pairing = self._identity.pairing(row.counterpart_ref)
        if mine.fingerprint != self._identity.ensure_identity().fingerprint:
            raise VerificationFailedError("Your signature on this record isn't from your key.")
        known = {pairing.fingerprint}
        if historical:
            known |= {fp for fp, _e, _at in self._identity.pairing_history(row.counterpart_ref)}
        if theirs.fingerprint not in known:
            raise VerificationFailedError(
                "The other signature isn't from the key you paired with. Nothing was changed."
            )
        verify_entry(record, mine)
        verify_entry(record, theirs)

    def _verify_in_room(
        self, row: VersionRow, record: dict[str, Any], mine: SignatureEntry, theirs: SignatureEntry
    ) -> None:
        """One signature and one in-room acknowledgement: the signature must be valid and from
        the expected key (mine if I wrote it, the paired one if it is my copy of theirs)."""
        if mine.is_cryptographic == theirs.is_cryptographic:
            raise VerificationFailedError("The record doesn't have both signatures yet.")
        signed = mine if mine.is_cryptographic else theirs
        if signed is mine:
            expected = {self._identity.ensure_identity().fingerprint}
        else:
            if row.counterpart_ref is None:
                raise VerificationFailedError("This record isn't linked to a paired person.")
            expected = {self._identity.pairing(row.counterpart_ref).fingerprint}
            expected |= {fp for fp, _e, _at in self._identity.pairing_history(row.counterpart_ref)}
        if signed.fingerprint not in expected:
            raise VerificationFailedError(
                "The signature on this record isn't from the key expected."
            )
        verify_entry(record, signed)


def public_key_of(certificate_pem: str) -> ec.EllipticCurvePublicKey:
    key = x509.load_pem_x509_certificate(certificate_pem.encode("ascii")).public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise VerificationFailedError("A paired identity holds the wrong kind of key.")
    return key
