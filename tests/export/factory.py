"""Builders for export tests: agreed records, signing identities and signed records.

Records follow the shape of the supervision helper's ``record_content()``; identities are ECDSA
P-256 keys with self-signed certificates, like the vault's own signing identity.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from swreflect.signing.identity import Identity, new_identity
from swreflect.signing.records import SignedRecord, in_room_acknowledgement, sign_record

AGREED_AT = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)


# The export tests sign with real vault identities (same key type, certificate and extensions).
TestIdentity = Identity


def make_identity(name: str) -> TestIdentity:
    return new_identity(name, "supervisor", datetime(2026, 1, 1, tzinfo=UTC))


def make_record(
    *,
    supervisor: str = "Zoë Ó Súilleabháin",
    supervisee: str = "Ольга Петренко",
    date: str = "2026-03-04",
    include_ratings: bool = True,
    notes_text: str = "We talked about a visit that felt rushed and what made it so.",
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "record_id": str(uuid.uuid4()),
        "version": 1,
        "kind": "supervision-record",
        "agreement": {"frequency": "every four weeks", "usual_minutes": 90},
        "parties": {
            "supervisor": {"name": supervisor, "role": "Team manager"},
            "supervisee": {"name": supervisee, "role": "Social worker (ASYE)"},
        },
        "session": {"date": date, "duration_minutes": 85},
        "stages": [
            {
                "key": "check-in",
                "title": "Check-in and agenda",
                "notes": [{"prompt": "How are you arriving today?", "text": "Tired but settled."}],
            },
            {
                "key": "reflection",
                "title": "Reflecting on practice",
                "notes": [
                    {"prompt": "What happened?", "text": notes_text},
                    {"prompt": "What did you feel?", "text": "Anxious at first; calmer later."},
                    {"prompt": "Anything else?", "text": ""},
                ],
            },
            {"key": "empty", "title": "A stage with nothing shared", "notes": []},
        ],
        "functions_minutes": {"management": 20, "development": 30, "support": 25, "mediation": 10},
        "actions": [
            {
                "description": "Read the practice guidance on planned home visits",
                "owner": supervisee,
                "due": "2026-03-18",
                "status": "open",
            },
            {
                "description": "Arrange a joint visit",
                "owner": supervisor,
                "due": "2026-03-25",
                "status": "open",
            },
        ],
        "ratings": {
            "include": include_ratings,
            "supervisor": {"support": 4, "challenge": 3},
            "supervisee": {"support": 5, "challenge": 2},
        },
        "case_file_decisions": ["Plan a joint visit before the next review."],
        "summary": "A steady session with a clear plan for the next visit.",
    }
    if extra:
        record.update(extra)
    return record


def sign_both(
    record: dict[str, Any], supervisor: TestIdentity, supervisee: TestIdentity | None
) -> SignedRecord:
    """Signed by the supervisor; by the supervisee too, or acknowledged in the room if None."""
    signed = SignedRecord(record)
    signed = signed.with_signature(
        sign_record(
            record,
            role="supervisor",
            signer_name=supervisor.display_name,
            private_key=supervisor.private_key,
            certificate=supervisor.certificate,
            signed_at=AGREED_AT,
        )
    )
    if supervisee is None:
        name = record["parties"]["supervisee"]["name"]
        return signed.with_signature(in_room_acknowledgement("supervisee", name, AGREED_AT))
    return signed.with_signature(
        sign_record(
            record,
            role="supervisee",
            signer_name=supervisee.display_name,
            private_key=supervisee.private_key,
            certificate=supervisee.certificate,
            signed_at=AGREED_AT + timedelta(minutes=7),
        )
    )


def make_addendum(
    base: dict[str, Any], text: str, written_on: str = "2026-03-20"
) -> dict[str, Any]:
    """An addendum as the sign-off service writes it: linked to an agreed record."""
    return {
        "record_id": str(uuid.uuid4()),
        "version": 1,
        "kind": "addendum",
        "addendum_to": base["record_id"],
        "addendum_to_version": base["version"],
        "parties": base["parties"],
        "written_on": written_on,
        "text": text,
    }
