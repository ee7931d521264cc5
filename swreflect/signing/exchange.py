"""Exchange files: a signed message encrypted to one paired person's vault.

File layout (UTF-8 text, four lines)::

    SWREFLECT-EXCHANGE
    <header: canonical JSON, see below>
    <base64 of the AES-256-GCM ciphertext with its 16-byte tag>
    END

The header is ``{"format": "swreflect-exchange", "version": 1, "message_id": <32 hex>,
"created_at": <ISO time>, "sender_fingerprint": <hex>, "recipient_fingerprint": <hex>,
"ephemeral_key": <base64 X9.62 uncompressed P-256 point>, "nonce": <base64 12 bytes>}``.

Encryption: a fresh ephemeral P-256 key does ECDH with the recipient's identity key; HKDF-SHA256
(salt = the message id, info = ``swreflect-exchange-v1``) turns the shared secret into an AES-256
key; the header line's exact bytes are the GCM associated data, so no header field can be
changed without the tag failing. The plaintext is canonical JSON ``{"payload": {...},
"signature": <base64 DER ECDSA>}`` where the signature is the sender identity's over the
canonical form of ``{"purpose": "swreflect-exchange-payload-v1", "header": header, "payload":
payload}``: the encryption proves only the recipient can read it, the signature proves who wrote
it. Every way a file can be wrong raises its own ``ExchangeFileError`` subclass.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from swreflect.errors import (
    ExchangeTamperedError,
    ExchangeTooNewError,
    ExchangeTruncatedError,
    ExchangeUnknownSenderError,
    ExchangeWrongRecipientError,
    NotAnExchangeFileError,
    ValidationError,
)
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.identity import Identity

MAGIC = b"SWREFLECT-EXCHANGE\n"
END = b"END"
FORMAT = "swreflect-exchange"
VERSION = 1
HKDF_INFO = b"swreflect-exchange-v1"
PAYLOAD_PURPOSE = "swreflect-exchange-payload-v1"
MAX_FILE_BYTES = 16 * 1024 * 1024
_HEX = re.compile(r"^[0-9a-f]+$")
_HEADER_FIELDS = (
    "message_id",
    "created_at",
    "sender_fingerprint",
    "recipient_fingerprint",
    "ephemeral_key",
    "nonce",
)


class _HeaderFields:
    """What both a sealed and an opened exchange file tell from their header."""

    header: dict[str, Any]

    @property
    def message_id(self) -> str:
        return str(self.header["message_id"])

    @property
    def sender_fingerprint(self) -> str:
        return str(self.header["sender_fingerprint"])

    @property
    def recipient_fingerprint(self) -> str:
        return str(self.header["recipient_fingerprint"])

    @property
    def created_at(self) -> str:
        return str(self.header["created_at"])


@dataclass(frozen=True)
class Envelope(_HeaderFields):
    """A parsed but still sealed exchange file."""

    header: dict[str, Any]
    header_bytes: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class OpenedMessage(_HeaderFields):
    header: dict[str, Any]
    payload: dict[str, Any]


def new_message_id() -> str:
    return secrets.token_hex(16)


def _derive_key(shared: bytes, message_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=message_id.encode("ascii"), info=HKDF_INFO
    ).derive(shared)


def _signed_part(header: dict[str, Any], payload: dict[str, Any]) -> bytes:
    return canonical_bytes({"purpose": PAYLOAD_PURPOSE, "header": header, "payload": payload})


def seal(
    payload: dict[str, Any],
    *,
    sender: Identity,
    recipient_key: ec.EllipticCurvePublicKey,
    recipient_fingerprint: str,
    created_at: datetime,
    message_id: str | None = None,
) -> bytes:
    """Sign ``payload`` as ``sender`` and encrypt it so only the recipient's vault can open it."""
    message_id = message_id or new_message_id()
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    point = ephemeral.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    nonce = secrets.token_bytes(12)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "message_id": message_id,
        "created_at": created_at.isoformat(timespec="seconds"),
        "sender_fingerprint": sender.fingerprint,
        "recipient_fingerprint": recipient_fingerprint,
        "ephemeral_key": base64.b64encode(point).decode("ascii"),
        "nonce": base64.b64encode(nonce).decode("ascii"),
    }
    header_bytes = canonical_bytes(header)
    signature = sender.private_key.sign(_signed_part(header, payload), ec.ECDSA(hashes.SHA256()))
    plaintext = canonical_bytes(
        {"payload": payload, "signature": base64.b64encode(signature).decode("ascii")}
    )
    key = _derive_key(ephemeral.exchange(ec.ECDH(), recipient_key), message_id)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, header_bytes)
    body = base64.b64encode(ciphertext)
    return MAGIC + header_bytes + b"\n" + body + b"\n" + END + b"\n"


def parse(data: bytes) -> Envelope:
    """Split and check the framing and header; nothing is decrypted yet."""
    if not isinstance(data, bytes | bytearray):
        raise NotAnExchangeFileError()
    data = bytes(data)
    if len(data) > MAX_FILE_BYTES:
        raise NotAnExchangeFileError("That file is far too large to be a swreflect agreement file.")
    # Line ends may have become CRLF on the way (mail clients, shared drives); nothing else
    # is tolerated, so a changed byte can never be silently ignored.
    lines = [line.removesuffix(b"\r") for line in data.split(b"\n")]
    if lines[0] != MAGIC.rstrip(b"\n") or len(lines) < 2:
        if data and MAGIC.startswith(data):
            raise ExchangeTruncatedError()
        raise NotAnExchangeFileError()
    lines = lines[1:]
    if lines and lines[-1] == b"":
        lines.pop()
    if END not in lines:
        raise ExchangeTruncatedError()
    if len(lines) != 3 or lines[2] != END:
        raise ExchangeTamperedError()
    header_bytes, body = lines[0], lines[1]
    header = _parse_header(header_bytes)
    try:
        ciphertext = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ExchangeTamperedError() from exc
    if len(ciphertext) < 17:
        raise ExchangeTamperedError()
    return Envelope(header, header_bytes, ciphertext)


def _parse_header(raw: bytes) -> dict[str, Any]:
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ExchangeTamperedError() from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ExchangeTamperedError()
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeTamperedError()
    if version > VERSION:
        raise ExchangeTooNewError()
    if any(not isinstance(header.get(f), str) for f in _HEADER_FIELDS):
        raise ExchangeTamperedError()
    for field in ("message_id", "sender_fingerprint", "recipient_fingerprint"):
        if not _HEX.match(header[field]):
            raise ExchangeTamperedError()
    return header


def open_envelope(
    envelope: Envelope,
    *,
    recipient: Identity,
    sender_key: Callable[[str], ec.EllipticCurvePublicKey | None],
) -> OpenedMessage:
    """Decrypt and verify. ``sender_key`` maps a fingerprint to a paired person's key."""
    header = envelope.header
    if envelope.recipient_fingerprint != recipient.fingerprint:
        raise ExchangeWrongRecipientError()
    public = sender_key(envelope.sender_fingerprint)
    if public is None:
        raise ExchangeUnknownSenderError()
    try:
        point = base64.b64decode(header["ephemeral_key"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
        ephemeral = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
        shared = recipient.private_key.exchange(ec.ECDH(), ephemeral)
        key = _derive_key(shared, envelope.message_id)
        plaintext = AESGCM(key).decrypt(nonce, envelope.ciphertext, envelope.header_bytes)
    except (binascii.Error, ValueError, InvalidTag) as exc:
        raise ExchangeTamperedError() from exc
    try:
        inner = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ExchangeTamperedError() from exc
    if not isinstance(inner, dict):
        raise ExchangeTamperedError()
    payload, signature = inner.get("payload"), inner.get("signature")
    if not isinstance(payload, dict) or not isinstance(signature, str):
        raise ExchangeTamperedError()
    try:
        public.verify(
            base64.b64decode(signature, validate=True),
            _signed_part(header, payload),
            ec.ECDSA(hashes.SHA256()),
        )
    except (binascii.Error, ValueError, InvalidSignature, ValidationError) as exc:
        raise ExchangeTamperedError() from exc
    return OpenedMessage(header, payload)


def open_file(
    data: bytes,
    *,
    recipient: Identity,
    sender_key: Callable[[str], ec.EllipticCurvePublicKey | None],
) -> OpenedMessage:
    return open_envelope(parse(data), recipient=recipient, sender_key=sender_key)
