"""The exchange file format on its own: sealing, opening, and every way a file can be wrong."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swreflect.errors import (
    ExchangeFileError,
    ExchangeTamperedError,
    ExchangeTooNewError,
    ExchangeTruncatedError,
    ExchangeUnknownSenderError,
    ExchangeWrongRecipientError,
    NotAnExchangeFileError,
)
from swreflect.signing import exchange
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.identity import Identity, new_identity

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
SAM = new_identity("Sam Okafor", "supervisor", NOW)
PRIYA = new_identity("Priya Shah", "supervisee", NOW)
MALLORY = new_identity("Mallory", "supervisor", NOW)
PAYLOAD = {"type": "note", "text": "Résumé of Tuesday — 10 mins on workload", "n": 3}


def _keys(*known: Identity):
    table = {i.fingerprint: i.public_key for i in known}
    return lambda fp: table.get(fp)


def _sealed(payload: dict | None = None, sender: Identity = SAM) -> bytes:
    return exchange.seal(
        payload or PAYLOAD,
        sender=sender,
        recipient_key=PRIYA.public_key,
        recipient_fingerprint=PRIYA.fingerprint,
        created_at=NOW,
    )


def _open(data: bytes, *known: Identity) -> exchange.OpenedMessage:
    return exchange.open_file(data, recipient=PRIYA, sender_key=_keys(*(known or (SAM,))))


def test_round_trip() -> None:
    data = _sealed()
    opened = _open(data)
    assert opened.payload == PAYLOAD
    assert opened.sender_fingerprint == SAM.fingerprint
    assert len(opened.message_id) == 32
    assert opened.created_at == NOW.isoformat(timespec="seconds")


def test_content_is_not_readable_in_the_file() -> None:
    data = _sealed()
    assert b"workload" not in data
    assert "Résumé".encode() not in data
    header = json.loads(data.split(b"\n")[1])
    assert set(header) == {
        "format", "version", "message_id", "created_at", "sender_fingerprint",
        "recipient_fingerprint", "ephemeral_key", "nonce",
    }  # fmt: skip


def test_each_file_uses_a_fresh_key_and_id() -> None:
    a, b = _sealed(), _sealed()
    assert a.split(b"\n")[1] != b.split(b"\n")[1]
    assert a.split(b"\n")[2] != b.split(b"\n")[2]


def _mutate_header(data: bytes, **changes: object) -> bytes:
    lines = data.split(b"\n")
    header = json.loads(lines[1])
    header.update(changes)
    lines[1] = canonical_bytes(header)
    return b"\n".join(lines)


@pytest.mark.parametrize("field", ["created_at", "message_id"])
def test_changed_header_field_is_tampering(field: str) -> None:
    value = "2030-01-01T00:00:00+00:00" if field == "created_at" else "ab" * 16
    with pytest.raises(ExchangeTamperedError):
        _open(_mutate_header(_sealed(), **{field: value}))


def test_flipped_ciphertext_byte_is_tampering() -> None:
    lines = _sealed().split(b"\n")
    raw = bytearray(base64.b64decode(lines[2]))
    raw[len(raw) // 2] ^= 0x01
    lines[2] = base64.b64encode(bytes(raw))
    with pytest.raises(ExchangeTamperedError):
        _open(b"\n".join(lines))


def test_sender_claiming_another_fingerprint_is_tampering() -> None:
    # Mallory seals a file but claims to be Sam: the inner signature doesn't verify.
    forged = exchange.seal(
        PAYLOAD,
        sender=MALLORY,
        recipient_key=PRIYA.public_key,
        recipient_fingerprint=PRIYA.fingerprint,
        created_at=NOW,
    )
    forged = forged.replace(MALLORY.fingerprint.encode(), SAM.fingerprint.encode())
    with pytest.raises(ExchangeTamperedError):
        _open(forged)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_files(keep: float) -> None:
    data = _sealed()
    with pytest.raises(ExchangeTruncatedError):
        _open(data[: max(1, int(len(data) * keep))])


@pytest.mark.parametrize("cut", [2, 3, 4, 5, 6, 30])
def test_truncated_near_the_end(cut: int) -> None:
    with pytest.raises(ExchangeTruncatedError):
        _open(_sealed()[:-cut])


def test_cut_inside_the_magic_is_truncated() -> None:
    with pytest.raises(ExchangeTruncatedError):
        _open(exchange.MAGIC[:5])


def test_missing_final_newline_and_crlf_line_ends_are_fine() -> None:
    assert _open(_sealed().rstrip(b"\n")).payload == PAYLOAD
    assert _open(_sealed().replace(b"\n", b"\r\n")).payload == PAYLOAD


def test_trailing_junk_is_tampering() -> None:
    with pytest.raises(ExchangeTamperedError):
        _open(_sealed() + b"extra\n")


def test_wrong_recipient() -> None:
    data = exchange.seal(
        PAYLOAD,
        sender=SAM,
        recipient_key=MALLORY.public_key,
        recipient_fingerprint=MALLORY.fingerprint,
        created_at=NOW,
    )
    with pytest.raises(ExchangeWrongRecipientError):
        _open(data)


def test_unknown_sender() -> None:
    with pytest.raises(ExchangeUnknownSenderError):
        _open(_sealed(sender=MALLORY))


def test_newer_format() -> None:
    with pytest.raises(ExchangeTooNewError):
        _open(_mutate_header(_sealed(), version=2))


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"%PDF-1.7\n...", b"{}", b"\x00" * 64, b"SWREFLECT-exchange\n"],
)
def test_not_an_exchange_file(data: bytes) -> None:
    with pytest.raises(NotAnExchangeFileError):
        _open(data)


def test_every_error_is_an_exchange_file_error_with_plain_wording() -> None:
    for cls in (
        ExchangeTamperedError, ExchangeTruncatedError, ExchangeTooNewError,
        ExchangeUnknownSenderError, ExchangeWrongRecipientError, NotAnExchangeFileError,
    ):  # fmt: skip
        err = cls()
        assert isinstance(err, ExchangeFileError)
        assert "Nothing was changed" in err.message
        assert err.exit_code == 6


# ----------------------------------------------------------------------------- fuzzing

VALID = _sealed()


def _open_or_typed(data: bytes) -> None:
    try:
        _open(data)
    except ExchangeFileError:
        return


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_fuzz_random_bytes_never_crash(data: bytes) -> None:
    _open_or_typed(data)
    _open_or_typed(exchange.MAGIC + data)


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_fuzz_mutated_valid_file_is_never_accepted_and_never_crashes(data: st.DataObject) -> None:
    blob = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        pos = data.draw(st.integers(0, max(0, len(blob) - 1)))
        if op == "flip" and blob:
            blob[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif op == "delete" and blob:
            del blob[pos : pos + data.draw(st.integers(1, 40))]
        elif op == "insert":
            blob[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            del blob[pos:]
    mutated = bytes(blob)
    try:
        opened = _open(mutated)
    except ExchangeFileError:
        return
    # Only a change the format tolerates (a CR before a line end) may pass.
    assert opened.payload == PAYLOAD


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_fuzz_header_json_values(value: object) -> None:
    lines = VALID.split(b"\n")
    lines[1] = json.dumps(value).encode()
    _open_or_typed(b"\n".join(lines))
    header = json.loads(VALID.split(b"\n")[1])
    for key in list(header):
        changed = dict(header, **{key: value})
        lines[1] = json.dumps(changed).encode()
        _open_or_typed(b"\n".join(lines))


def test_key_type_is_p256() -> None:
    assert isinstance(SAM.public_key.curve, ec.SECP256R1)
