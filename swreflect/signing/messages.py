"""The payloads carried inside exchange files: agreement requests and responses.

A request carries one version of a record, the author's signature over it and any notes the
author wants to send with it (for example, what changed since the last version)::

    {"type": "agreement-request", "record": {...}, "author_role": "supervisor",
     "author_signature": <SignatureEntry>, "notes": [{"kind": "comment", "text": "..."}]}

A response answers one version, named by record id, version and the record's SHA-256::

    {"type": "agreement-response", "record_id": "...", "version": 2, "record_sha256": "...",
     "decision": "signed" | "returned", "notes": [...], "signature": <SignatureEntry> | null}

A copy gives the other person a record they acknowledged in the room, so their own vault holds
it and they can answer later with an addendum; their notes are the words they typed in the room::

    {"type": "agreement-copy", "record": {...}, "author_role": "supervisor",
     "author_signature": <SignatureEntry>, "acknowledgement": <in-room SignatureEntry>,
     "notes": [...]}

Notes are comments or recorded disagreements; a disagreement can travel with a signature
("I agree this is the record, and I disagree with this point"). Parsing checks shape only;
signatures are checked by the agreement flow against the paired identity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from swreflect.errors import (
    ExchangeTamperedError,
    ExchangeTooNewError,
    ValidationError,
    VerificationFailedError,
)
from swreflect.models.vocab import Decision, Role
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.records import SignatureEntry

REQUEST = "agreement-request"
RESPONSE = "agreement-response"
COPY = "agreement-copy"
DECISIONS = tuple(Decision)
NOTE_KINDS = ("comment", "disagreement")
RECORD_KINDS = ("supervision-record", "addendum")
MAX_NOTE_CHARS = 20_000


def _malformed() -> ExchangeTamperedError:
    return ExchangeTamperedError(
        "That agreement file opened, but what's inside isn't laid out as expected. "
        "Nothing was changed; ask the sender to make a new one."
    )


@dataclass(frozen=True)
class Note:
    kind: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text}


def check_note(kind: str, text: str) -> Note:
    if kind not in NOTE_KINDS:
        raise ValidationError("A note is either a comment or a recorded disagreement.")
    if not text.strip():
        raise ValidationError("Please write something in the note. Nothing was saved.")
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError("That note is too long to send. Nothing was saved.")
    return Note(kind, text)


def check_record(record: Any) -> dict[str, Any]:
    """The fields every signable record needs; raises ``ValidationError``."""
    if not isinstance(record, dict):
        raise ValidationError("A record must be a set of named fields.")
    record_id, version, kind = record.get("record_id"), record.get("version"), record.get("kind")
    if not isinstance(record_id, str) or not record_id.strip():
        raise ValidationError("A record needs a record id.")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValidationError("A record's version must be a whole number from 1.")
    if kind not in RECORD_KINDS:
        raise ValidationError("Only supervision records and addenda can be agreed.")
    if kind == "addendum" and not isinstance(record.get("addendum_to"), str):
        raise ValidationError("An addendum must name the record it adds to.")
    canonical_bytes(record)
    return record


@dataclass(frozen=True)
class Request:
    record: dict[str, Any]
    author_role: str
    author_signature: SignatureEntry
    notes: tuple[Note, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": REQUEST,
            "record": self.record,
            "author_role": self.author_role,
            "author_signature": self.author_signature.to_json(),
            "notes": [n.to_json() for n in self.notes],
        }


@dataclass(frozen=True)
class Response:
    record_id: str
    version: int
    record_sha256: str
    decision: str
    notes: tuple[Note, ...]
    signature: SignatureEntry | None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": RESPONSE,
            "record_id": self.record_id,
            "version": self.version,
            "record_sha256": self.record_sha256,
            "decision": self.decision,
            "notes": [n.to_json() for n in self.notes],
            "signature": self.signature.to_json() if self.signature else None,
        }


@dataclass(frozen=True)
class InRoomCopy:
    record: dict[str, Any]
    author_role: str
    author_signature: SignatureEntry
    acknowledgement: SignatureEntry
    notes: tuple[Note, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": COPY,
            "record": self.record,
            "author_role": self.author_role,
            "author_signature": self.author_signature.to_json(),
            "acknowledgement": self.acknowledgement.to_json(),
            "notes": [n.to_json() for n in self.notes],
        }


def _notes(value: Any) -> tuple[Note, ...]:
    if not isinstance(value, list):
        raise _malformed()
    notes = []
    for item in value:
        if not isinstance(item, dict):
            raise _malformed()
        kind, text = item.get("kind"), item.get("text")
        if not isinstance(kind, str) or not isinstance(text, str):
            raise _malformed()
        try:
            notes.append(check_note(kind, text))
        except ValidationError as exc:
            raise _malformed() from exc
    return tuple(notes)


def _signature(value: Any) -> SignatureEntry:
    try:
        entry = SignatureEntry.from_json(value)
    except VerificationFailedError as exc:
        raise _malformed() from exc
    if entry.role not in tuple(Role):
        raise _malformed()
    return entry


def parse_payload(payload: dict[str, Any]) -> Request | Response | InRoomCopy:
    kind = payload.get("type")
    if kind == COPY:
        try:
            record = check_record(payload.get("record"))
        except ValidationError as exc:
            raise _malformed() from exc
        role = payload.get("author_role")
        entry = _signature(payload.get("author_signature"))
        ack = _signature(payload.get("acknowledgement"))
        if (
            role not in tuple(Role)
            or ack.is_cryptographic
            or ack.role == role
            or entry.role != role
        ):
            raise _malformed()
        return InRoomCopy(record, str(role), entry, ack, _notes(payload.get("notes")))
    if kind == REQUEST:
        try:
            record = check_record(payload.get("record"))
        except ValidationError as exc:
            raise _malformed() from exc
        role = payload.get("author_role")
        if role not in tuple(Role):
            raise _malformed()
        entry = _signature(payload.get("author_signature"))
        return Request(record, str(role), entry, _notes(payload.get("notes")))
    if kind == RESPONSE:
        record_id, version = payload.get("record_id"), payload.get("version")
        sha, decision = payload.get("record_sha256"), payload.get("decision")
        if not isinstance(record_id, str) or not isinstance(sha, str):
            raise _malformed()
        if not isinstance(version, int) or isinstance(version, bool) or decision not in DECISIONS:
            raise _malformed()
        raw_sig = payload.get("signature")
        signature = _signature(raw_sig) if raw_sig is not None else None
        if (decision == Decision.SIGNED) != (signature is not None):
            raise _malformed()
        return Response(
            record_id, version, sha, str(decision), _notes(payload.get("notes")), signature
        )
    if isinstance(kind, str) and kind.startswith("agreement-"):
        raise ExchangeTooNewError()
    raise _malformed()
