"""Sign-off figures: exchange file size and the cost of sealing, opening and verifying.

Prints numbers only; never fails on timing (run with ``make bench``).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from swreflect.signing import exchange
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.identity import new_identity
from swreflect.signing.messages import Request
from swreflect.signing.records import sign_record, verify_entry


def _record(notes: int) -> dict:
    return {
        "record_id": "5b0c2f1e-8a51-4d7e-9f3b-2d0c6a7e4f11",
        "version": 1,
        "kind": "supervision-record",
        "stages": [
            {"key": f"s{i}", "title": "Stage", "notes": [{"prompt": "How?", "text": "x" * 400}]}
            for i in range(notes)
        ],
        "summary": "A typical summary. " * 40,
    }


def test_exchange_figures() -> None:
    now = datetime(2026, 3, 2, tzinfo=UTC)
    t0 = time.perf_counter()
    sam, priya = new_identity("Sam", "supervisor", now), new_identity("Priya", "supervisee", now)
    keygen = (time.perf_counter() - t0) / 2
    for notes in (10, 100):
        record = _record(notes)
        rounds = 50
        t0 = time.perf_counter()
        for _ in range(rounds):
            entry = sign_record(
                record, role="supervisor", signer_name="Sam", private_key=sam.private_key,
                certificate=sam.certificate, signed_at=now,
            )  # fmt: skip
            data = exchange.seal(
                Request(record, "supervisor", entry, ()).to_json(), sender=sam,
                recipient_key=priya.public_key, recipient_fingerprint=priya.fingerprint,
                created_at=now,
            )  # fmt: skip
        seal_ms = (time.perf_counter() - t0) / rounds * 1000
        t0 = time.perf_counter()
        for _ in range(rounds):
            opened = exchange.open_file(
                data, recipient=priya, sender_key=lambda _fp: sam.public_key
            )
            verify_entry(opened.payload["record"], entry)
        open_ms = (time.perf_counter() - t0) / rounds * 1000
        size = len(canonical_bytes(record))
        print(
            f"\nrecord {size} B canonical -> exchange file {len(data)} B "
            f"(ratio {len(data) / size:.2f}); sign+seal {seal_ms:.2f} ms, "
            f"open+verify {open_ms:.2f} ms; identity keygen+cert {keygen * 1000:.2f} ms"
        )
