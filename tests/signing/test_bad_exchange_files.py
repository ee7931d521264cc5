"""Every kind of bad exchange file gets its own typed error and changes nothing in the vault."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swreflect.core.services import Services
from swreflect.errors import (
    ExchangeFileError,
    ExchangeReplayedError,
    ExchangeTamperedError,
    ExchangeTooNewError,
    ExchangeTruncatedError,
    ExchangeUnknownSenderError,
    ExchangeWrongRecipientError,
    NotAnExchangeFileError,
    SwreflectError,
)
from swreflect.signing import exchange
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.identity import new_identity
from tests.signing.records import RECORD_ID, make_record

Pair = tuple[Services, Services]


def snapshot(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a failed import wrote nothing."""
    conn = services.vault.conn
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    out = {}
    for t in tables:
        rows = conn.execute(f'SELECT * FROM "{t}"').fetchall()  # noqa: S608
        out[t] = sorted(map(tuple, rows), key=repr)
    return out


def _header_swap(data: bytes, **changes: object) -> bytes:
    lines = data.split(b"\n")
    header = json.loads(lines[1])
    header.update(changes)
    lines[1] = canonical_bytes(header)
    return b"\n".join(lines)


def _flip_body(data: bytes) -> bytes:
    lines = data.split(b"\n")
    raw = bytearray(base64.b64decode(lines[2]))
    raw[5] ^= 0x80
    lines[2] = base64.b64encode(bytes(raw))
    return b"\n".join(lines)


@pytest.fixture
def request_file(paired: Pair) -> bytes:
    sam, _ = paired
    return sam.signoff.request_agreement(make_record(), to="priya")


def _refused(services: Services, data: bytes, error: type[SwreflectError]) -> None:
    before = snapshot(services)
    with pytest.raises(error) as caught:
        services.signoff.import_file(data)
    assert type(caught.value) is error
    assert "Nothing was changed" in caught.value.message
    assert caught.value.exit_code == 6
    assert snapshot(services) == before


def test_tampered(paired: Pair, request_file: bytes) -> None:
    _refused(paired[1], _flip_body(request_file), ExchangeTamperedError)
    _refused(paired[1], _header_swap(request_file, created_at="2020-01-01"), ExchangeTamperedError)


def test_truncated(paired: Pair, request_file: bytes) -> None:
    _refused(paired[1], request_file[: len(request_file) // 2], ExchangeTruncatedError)
    _refused(paired[1], request_file[:-4], ExchangeTruncatedError)


def test_replayed_request_and_response(paired: Pair, request_file: bytes) -> None:
    sam, priya = paired
    priya.signoff.import_file(request_file)
    _refused(priya, request_file, ExchangeReplayedError)
    response = priya.signoff.sign(RECORD_ID)
    sam.signoff.import_file(response)
    _refused(sam, response, ExchangeReplayedError)


def test_wrong_recipient(paired: Pair, request_file: bytes) -> None:
    sam, _ = paired
    # The supervisor's own vault can't open what it sealed for the supervisee.
    _refused(sam, request_file, ExchangeWrongRecipientError)


def test_unknown_sender(paired: Pair, clock: Any) -> None:
    _, priya = paired
    stranger = new_identity("Stranger", "supervisor", clock.now())
    me = priya.identity.ensure_identity()
    data = exchange.seal(
        {"type": "agreement-request"},
        sender=stranger,
        recipient_key=me.public_key,
        recipient_fingerprint=me.fingerprint,
        created_at=clock.now(),
    )
    _refused(priya, data, ExchangeUnknownSenderError)


def test_not_an_exchange_file(paired: Pair) -> None:
    _refused(paired[1], b"%PDF-1.7 not an exchange file", NotAnExchangeFileError)
    _refused(paired[1], paired[0].identity.export_card(), NotAnExchangeFileError)


def test_newer_format(paired: Pair, request_file: bytes) -> None:
    _refused(paired[1], _header_swap(request_file, version=2), ExchangeTooNewError)


def test_newer_message_type_inside_a_valid_file(paired: Pair, clock: Any) -> None:
    sam, priya = paired
    me, them = sam.identity.ensure_identity(), priya.identity.ensure_identity()
    data = exchange.seal(
        {"type": "agreement-something-new"},
        sender=me,
        recipient_key=them.public_key,
        recipient_fingerprint=them.fingerprint,
        created_at=clock.now(),
    )
    _refused(priya, data, ExchangeTooNewError)


def test_well_sealed_but_malformed_payload_is_refused(paired: Pair, clock: Any) -> None:
    sam, priya = paired
    me, them = sam.identity.ensure_identity(), priya.identity.ensure_identity()
    for payload in (
        {"type": "agreement-request", "record": make_record(), "author_role": "boss"},
        {"type": "agreement-response", "record_id": RECORD_ID, "version": 1},
        {},
    ):
        data = exchange.seal(
            payload,
            sender=me,
            recipient_key=them.public_key,
            recipient_fingerprint=them.fingerprint,
            created_at=clock.now(),
        )
        _refused(priya, data, ExchangeTamperedError)


def test_request_with_a_forged_author_signature_is_refused(paired: Pair, clock: Any) -> None:
    """A paired sender can't pass off a record signed by someone else's key."""
    sam, priya = paired
    me, them = sam.identity.ensure_identity(), priya.identity.ensure_identity()
    other = new_identity("Sam Okafor", "supervisor", clock.now())
    from swreflect.signing.messages import Request
    from swreflect.signing.records import sign_record

    entry = sign_record(
        make_record(),
        role="supervisor",
        signer_name="Sam Okafor",
        private_key=other.private_key,
        certificate=other.certificate,
        signed_at=clock.now(),
    )
    data = exchange.seal(
        Request(make_record(), "supervisor", entry, ()).to_json(),
        sender=me,
        recipient_key=them.public_key,
        recipient_fingerprint=them.fingerprint,
        created_at=clock.now(),
    )
    from swreflect.errors import VerificationFailedError

    before = snapshot(priya)
    with pytest.raises(VerificationFailedError):
        priya.signoff.import_file(data)
    assert snapshot(priya) == before


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cut=st.integers(0, 4000), flip=st.integers(0, 4000), bit=st.integers(0, 7))
def test_fuzz_import_into_a_real_vault(
    paired: Pair, request_file: bytes, cut: int, flip: int, bit: int
) -> None:
    _, priya = paired
    blob = bytearray(request_file[: max(0, len(request_file) - cut)])
    if blob:
        blob[flip % len(blob)] ^= 1 << bit
    before = snapshot(priya)
    with pytest.raises(ExchangeFileError):
        priya.signoff.import_file(bytes(blob))
    assert snapshot(priya) == before
