"""Each copy of the vault's database gets a page key of its own (SECURITY.md row 5, D1).

The live ``vault.db`` is keyed with the data key (DEK) itself. Every backup, automatic or
inside a "Back up to…" file, is keyed with ``HKDF-SHA256(DEK, salt=<the copy's 16-byte
SQLCipher salt>, info="swreflect backup pages v1")``. SQLCipher writes that salt in plain at
the start of the file, so the key of any copy can be derived again from the DEK alone, and no
two copies share a key: a page lifted from a backup fails its HMAC when put into ``vault.db``
or into another backup, and the other way round.

Backups written before this scheme were keyed with the DEK; ``key_for_copy`` falls back to it
so those keep opening (the golden fixtures in ``tests/upgrade`` hold such backups).

Key text for SQLCipher is built in ``bytearray``s that the caller wipes, never in ``str``.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SALT_BYTES = 16
_INFO = b"swreflect backup pages v1"
_HEX = b"0123456789abcdef"


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def copy_key(dek: bytearray, salt: bytes) -> bytearray:
    """The page key of the copy whose SQLCipher salt is ``salt``."""
    if len(salt) != SALT_BYTES:
        raise ValueError("a copy's salt is 16 bytes")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO)
    return bytearray(hkdf.derive(dek))


def file_salt(path: Path) -> bytes | None:
    """The 16-byte salt at the start of an SQLCipher file, or ``None`` if it is too short."""
    try:
        with open(path, "rb") as fh:
            salt = fh.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def key_text(key: bytearray, salt: bytes | None = None) -> bytearray:
    """``x'<key hex>[<salt hex>]'``: SQLCipher's raw-key form, optionally with its salt."""
    raw = bytearray(key) + bytearray(salt or b"")
    out = bytearray(2 * len(raw) + 3)
    out[0:2] = b"x'"
    for i, byte in enumerate(raw):
        out[2 + 2 * i] = _HEX[byte >> 4]
        out[3 + 2 * i] = _HEX[byte & 15]
    out[-1] = ord("'")
    wipe(raw)
    return out


def wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


def candidate_keys(path: Path, dek: bytearray) -> list[bytearray]:
    """Keys to try for a stored copy: its own derived key first, then the DEK (older copies).

    The caller wipes the derived key (the first item) when done; the DEK is the live buffer."""
    salt = file_salt(path)
    keys: list[bytearray] = []
    if salt is not None:
        keys.append(copy_key(dek, salt))
    keys.append(dek)
    return keys
