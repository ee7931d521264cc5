"""Signed records: a record's canonical content plus the parties' signatures over it.

This module is the contract between sign-off (``signing``) and exports (``export``):

- ``record`` is a JSON-like dict (see ``canonical``), with at least ``record_id`` (str),
  ``version`` (int) and ``kind`` (``"supervision-record"`` or ``"addendum"``).
- Each ``SignatureEntry`` is either an ECDSA P-256 / SHA-256 signature by a vault identity
  (``method == SIGNATURE_METHOD``, with the signer's self-signed certificate and its SHA-256
  fingerprint) or an in-room acknowledgement without cryptography
  (``method == IN_ROOM_METHOD``), which must be labelled as such wherever it is shown.
- ``notes`` are the parties' comments and recorded disagreements on the agreed version (the
  right of reply): each names its author, role and time. They sit beside the record, not inside
  it, so adding a reply never changes what was signed; inside a PDF they are covered by the PDF's
  own signature, and the verifier checks that the pages show them.
- A signature covers ``signing_input``: the canonical form of the record's SHA-256 together with
  the signer's role and the signing time, so neither can be swapped afterwards.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from swreflect.errors import VerificationFailedError
from swreflect.models.vocab import Role
from swreflect.signing.canonical import canonical_bytes, canonical_sha256

FORMAT = "swreflect-signed-record"
FORMAT_VERSION = 1
SIGNATURE_METHOD = "ecdsa-p256-sha256"
IN_ROOM_METHOD = "in-room-acknowledgement"


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """Lower-case hex SHA-256 of the certificate's DER encoding."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def format_fingerprint(hex_digest: str, groups: int = 8) -> str:
    """First ``groups`` groups of four upper-case hex digits, for reading aloud."""
    text = hex_digest.upper()
    return " ".join(text[i : i + 4] for i in range(0, 4 * groups, 4))


def signing_input(record: dict[str, Any], role: str, signed_at: str) -> bytes:
    return canonical_bytes(
        {
            "purpose": "swreflect-record-signature-v1",
            "record_sha256": canonical_sha256(record),
            "role": role,
            "signed_at": signed_at,
        }
    )


@dataclass(frozen=True)
class SignatureEntry:
    role: str
    signer_name: str
    method: str
    signed_at: str
    fingerprint: str | None = None
    certificate_pem: str | None = None
    signature: str | None = None

    @property
    def is_cryptographic(self) -> bool:
        return self.method == SIGNATURE_METHOD

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "signer_name": self.signer_name,
            "method": self.method,
            "signed_at": self.signed_at,
            "fingerprint": self.fingerprint,
            "certificate_pem": self.certificate_pem,
            "signature": self.signature,
        }

    @classmethod
    def from_json(cls, data: Any) -> SignatureEntry:
        if not isinstance(data, dict):
            raise VerificationFailedError("A signature entry is malformed.")
        fields = ("role", "signer_name", "method", "signed_at")
        if any(not isinstance(data.get(f), str) for f in fields):
            raise VerificationFailedError("A signature entry is incomplete.")
        optional = ("fingerprint", "certificate_pem", "signature")
        if any(data.get(f) is not None and not isinstance(data.get(f), str) for f in optional):
            raise VerificationFailedError("A signature entry is malformed.")
        return cls(**{f: data.get(f) for f in fields + optional})  # type: ignore[arg-type]


NOTE_KINDS = ("comment", "disagreement")


@dataclass(frozen=True)
class RecordNote:
    """A comment or recorded disagreement by one of the parties, kept with the agreed record."""

    kind: str
    role: str
    author_name: str
    text: str
    written_at: str
    in_room: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "role": self.role,
            "author_name": self.author_name,
            "text": self.text,
            "written_at": self.written_at,
            "in_room": self.in_room,
        }

    @classmethod
    def from_json(cls, data: Any) -> RecordNote:
        fields = ("kind", "role", "author_name", "text", "written_at")
        if not isinstance(data, dict) or any(not isinstance(data.get(f), str) for f in fields):
            raise VerificationFailedError("A comment on the record is malformed.")
        if data["kind"] not in NOTE_KINDS or data["role"] not in tuple(Role):
            raise VerificationFailedError("A comment on the record is malformed.")
        return cls(
            data["kind"],
            data["role"],
            data["author_name"],
            data["text"],
            data["written_at"],
            in_room=data.get("in_room") is True,
        )


@dataclass(frozen=True)
class SignedRecord:
    record: dict[str, Any]
    signatures: tuple[SignatureEntry, ...] = ()
    notes: tuple[RecordNote, ...] = ()

    @property
    def record_id(self) -> str:
        return str(self.record.get("record_id", ""))

    @property
    def canonical(self) -> bytes:
        return canonical_bytes(self.record)

    def with_signature(self, entry: SignatureEntry) -> SignedRecord:
        kept = tuple(s for s in self.signatures if s.role != entry.role)
        return SignedRecord(self.record, (*kept, entry), self.notes)

    def with_notes(self, notes: tuple[RecordNote, ...]) -> SignedRecord:
        return SignedRecord(self.record, self.signatures, notes)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "record": self.record,
            "signatures": [s.to_json() for s in self.signatures],
        }
        if self.notes:  # records without replies keep the exact form older versions wrote
            out["notes"] = [n.to_json() for n in self.notes]
        return out

    @classmethod
    def from_json(cls, data: Any) -> SignedRecord:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise VerificationFailedError("This is not a swreflect record.")
        if data.get("version") != FORMAT_VERSION:
            raise VerificationFailedError("This record was written by a newer swreflect.")
        record, sigs = data.get("record"), data.get("signatures")
        notes = data.get("notes", [])
        if not isinstance(record, dict) or not isinstance(sigs, list):
            raise VerificationFailedError("The record is incomplete.")
        if not isinstance(notes, list):
            raise VerificationFailedError("The comments on the record are malformed.")
        return cls(
            record,
            tuple(SignatureEntry.from_json(s) for s in sigs),
            tuple(RecordNote.from_json(n) for n in notes),
        )


def sign_record(
    record: dict[str, Any],
    *,
    role: str,
    signer_name: str,
    private_key: ec.EllipticCurvePrivateKey,
    certificate: x509.Certificate,
    signed_at: datetime,
) -> SignatureEntry:
    if role not in tuple(Role):
        raise ValueError(f"unknown role {role!r}")
    stamp = signed_at.isoformat(timespec="seconds")
    signature = private_key.sign(signing_input(record, role, stamp), ec.ECDSA(hashes.SHA256()))
    return SignatureEntry(
        role=role,
        signer_name=signer_name,
        method=SIGNATURE_METHOD,
        signed_at=stamp,
        fingerprint=certificate_fingerprint(certificate),
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        signature=base64.b64encode(signature).decode("ascii"),
    )


def in_room_acknowledgement(
    role: str, signer_name: str, acknowledged_at: datetime
) -> SignatureEntry:
    return SignatureEntry(
        role, signer_name, IN_ROOM_METHOD, acknowledged_at.isoformat(timespec="seconds")
    )


def verify_entry(record: dict[str, Any], entry: SignatureEntry) -> None:
    """Raise VerificationFailedError unless ``entry`` is a valid signature over ``record``."""
    if not entry.is_cryptographic:
        raise VerificationFailedError(
            f"The {entry.role}'s agreement is an in-room acknowledgement, not a signature."
        )
    if not (entry.certificate_pem and entry.signature and entry.fingerprint):
        raise VerificationFailedError(f"The {entry.role}'s signature is incomplete.")
    try:
        certificate = x509.load_pem_x509_certificate(entry.certificate_pem.encode("ascii"))
        public_key = certificate.public_key()
        signature = base64.b64decode(entry.signature, validate=True)
    except Exception as exc:  # untrusted bytes: the X.509 parser raises many kinds
        raise VerificationFailedError(f"The {entry.role}'s signature is malformed.") from exc
    if (
        not isinstance(public_key, ec.EllipticCurvePublicKey)
        or public_key.curve.name != "secp256r1"
    ):
        raise VerificationFailedError(f"The {entry.role}'s key is not of the expected kind.")
    if certificate_fingerprint(certificate) != entry.fingerprint:
        raise VerificationFailedError(f"The {entry.role}'s fingerprint doesn't match the key.")
    try:
        public_key.verify(
            signature, signing_input(record, entry.role, entry.signed_at), ec.ECDSA(hashes.SHA256())
        )
    except InvalidSignature as exc:
        raise VerificationFailedError(
            f"The {entry.role}'s signature doesn't match this record: it may have been changed."
        ) from exc


def verify_all(signed: SignedRecord) -> list[SignatureEntry]:
    """Check every cryptographic signature; returns them. In-room entries are passed over."""
    verified = []
    for entry in signed.signatures:
        if entry.is_cryptographic:
            verify_entry(signed.record, entry)
            verified.append(entry)
    return verified
