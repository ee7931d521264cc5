"""The "Back up to…" file: one encrypted file holding the database and its key slots.

On-disk format, version 1 (all integers big-endian)::

    offset  size  field
    0       8     magic  b"SWREFLBK"
    8       2     format version (1)
    10      2     flags (0; any other value is refused)
    12      4     K = length of the key-slot JSON
    16      8     D = length of the database
    24      K     keyslots.json exactly as the vault holds it (DEK wrapped by the
                  passphrase slot and the recovery slot, AES-256-GCM; see keyslots.py)
    24+K    D     the database: a SQLCipher 4 file keyed with its own page key
                  (page_keys), copied page by page and checked before packing
                  (backup_copy, backup_check)
    24+K+D  32    SHA-256 of bytes [0, 24+K+D)
    56+K+D  32    HMAC-SHA256 of bytes [0, 56+K+D) under HKDF-SHA256(DEK,
                  info=b"swreflect backup file v1 hmac")

The file length must be exactly ``88 + K + D``. Reading checks, in this order and before
anything is written anywhere: magic and version; the exact length (truncation); the SHA-256
(corruption, needing no secret, so it is reported as *damaged* and never as a wrong
passphrase); the key slots; the passphrase or recovery key (an AES-GCM failure means *wrong
secret*); then the HMAC, which proves the database bytes belong with that key (tampering
that also recomputed the SHA-256). Nothing in the file is plaintext apart from the key-slot
JSON, which holds only salts, KDF costs and wrapped keys.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from swreflect.errors import (
    BackupFileDamagedError,
    BackupTooNewError,
    KeyslotFileError,
    VaultTooNewError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from swreflect.platform.files import atomic_write, write_new_file
from swreflect.vault.keyslots import MAX_FILE_BYTES, PASSPHRASE_SLOT, KeyslotFile, SlotOpenFailed

MAGIC = b"SWREFLBK"
FORMAT_VERSION = 1
_HEADER = struct.Struct(">8sHHIQ")
HEADER_BYTES = _HEADER.size
DIGEST_BYTES = 32
TRAILER_BYTES = 2 * DIGEST_BYTES
_HMAC_INFO = b"swreflect backup file v1 hmac"
PIECE = 1 << 20  # bytes read and written at a time

NOT_A_BACKUP = (
    "That file isn't a swreflect backup. Your current vault was not changed; "
    "choose the file that 'Back up to…' made."
)
INCOMPLETE = (
    "That backup file is incomplete (it may not have finished copying). Your current vault "
    "was not changed; copy it again or choose another backup."
)


def _hmac_key(dek: bytearray) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HMAC_INFO).derive(dek)


def pack(keyslots_raw: bytes, db_bytes: bytes, dek: bytearray) -> bytes:
    header = _HEADER.pack(MAGIC, FORMAT_VERSION, 0, len(keyslots_raw), len(db_bytes))
    body = header + keyslots_raw + db_bytes
    digest = hashlib.sha256(body).digest()
    tag = hmac.new(_hmac_key(dek), body + digest, hashlib.sha256).digest()
    return body + digest + tag


def write_backup_file(dest: Path, keyslots_raw: bytes, db_path: Path, dek: bytearray) -> None:
    """Pack and write atomically (temp file beside ``dest``, fsync, rename), the same bytes as
    ``pack`` but streamed from ``db_path`` a piece at a time: a vault of a career's size is
    most of a gigabyte, and holding it (and the packed copy) in memory tripled the app's."""
    atomic_write(Path(dest), _packed_pieces(keyslots_raw, Path(db_path), dek))


def _packed_pieces(keyslots_raw: bytes, db_path: Path, dek: bytearray) -> Iterator[bytes]:
    size = db_path.stat().st_size
    digest = hashlib.sha256()
    tag = hmac.new(_hmac_key(dek), digestmod=hashlib.sha256)
    with open(db_path, "rb") as db:
        head = _HEADER.pack(MAGIC, FORMAT_VERSION, 0, len(keyslots_raw), size) + keyslots_raw
        pieces: Iterator[bytes] = itertools.chain([head], iter(lambda: db.read(PIECE), b""))
        copied = -len(head)
        for piece in pieces:
            digest.update(piece)
            tag.update(piece)
            copied += len(piece)
            yield piece
    if copied != size:  # the file changed under us: refuse rather than write a torn backup
        raise OSError("the database changed while it was being packed")
    trailer = digest.digest()
    tag.update(trailer)
    yield trailer + tag.digest()


def check_written(path: Path, dek: bytearray) -> None:
    """Read a file ``write_backup_file`` wrote back a piece at a time and check it the way
    ``read_backup_file`` and ``check_key`` do (structure, length, SHA-256, HMAC), without
    holding it in memory; raises ``BackupFileDamagedError``."""
    digest = hashlib.sha256()
    tag = hmac.new(_hmac_key(dek), digestmod=hashlib.sha256)
    with open(path, "rb") as fh:
        head = fh.read(HEADER_BYTES)
        if len(head) != HEADER_BYTES:
            raise BackupFileDamagedError(INCOMPLETE)
        magic, version, flags, ks_len, db_len = _HEADER.unpack(head)
        if magic != MAGIC or version != FORMAT_VERSION or flags != 0:
            raise BackupFileDamagedError()
        remaining = ks_len + db_len
        digest.update(head)
        tag.update(head)
        while remaining:
            piece = fh.read(min(PIECE, remaining))
            if not piece:
                raise BackupFileDamagedError(INCOMPLETE)
            digest.update(piece)
            tag.update(piece)
            remaining -= len(piece)
        trailer = fh.read(TRAILER_BYTES + 1)
    if len(trailer) != TRAILER_BYTES or not hmac.compare_digest(
        digest.digest(), trailer[:DIGEST_BYTES]
    ):
        raise BackupFileDamagedError()
    tag.update(trailer[:DIGEST_BYTES])
    if not hmac.compare_digest(tag.digest(), trailer[DIGEST_BYTES:]):
        raise BackupFileDamagedError()


@dataclass(frozen=True)
class BackupFile:
    """A backup file whose structure and SHA-256 have been checked (no secret needed yet)."""

    keyslots_raw: bytes
    keyslots: KeyslotFile
    _data: bytes
    _db_start: int
    _db_end: int

    def unlock(self, slot_id: str, secret: bytes) -> bytearray:
        """The DEK, or a typed error: wrong secret (GCM) or damaged (HMAC)."""
        if slot_id not in self.keyslots.slots:
            raise BackupFileDamagedError()
        dek = unwrap_dek(self.keyslots, slot_id, secret, what="this backup")
        self.check_key(dek)
        return dek

    def check_key(self, dek: bytearray) -> None:
        """Prove the database bytes belong with ``dek`` (the HMAC trailer)."""
        signed_end = self._db_end + DIGEST_BYTES
        expected = hmac.new(_hmac_key(dek), self._data[:signed_end], hashlib.sha256).digest()
        if not hmac.compare_digest(expected, self._data[signed_end:]):
            raise BackupFileDamagedError()

    def write_database(self, dest: Path) -> None:
        """The encrypted database, to a file that must not exist yet."""
        write_new_file(Path(dest), self._data[self._db_start : self._db_end])


def unwrap_dek(keyslots: KeyslotFile, slot_id: str, secret: bytes, *, what: str) -> bytearray:
    """Unwrap the DEK from one slot; a GCM failure is a wrong passphrase or recovery key."""
    slot = keyslots.slot(slot_id)
    try:
        return slot.unwrap(keyslots.vault_id, slot.derive_kek(secret))
    except SlotOpenFailed:
        if slot_id == PASSPHRASE_SLOT:
            raise WrongPassphraseError(
                f"That passphrase didn't open {what}. Nothing was changed; "
                "use the passphrase the vault had when the backup was made."
            ) from None
        raise WrongRecoveryKeyError(
            f"That recovery key didn't open {what}. Nothing was changed; "
            "check each group and try again."
        ) from None


def read_backup_file(path: Path) -> BackupFile:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise BackupFileDamagedError("That backup file wasn't found. Nothing was changed.") from exc
    except OSError as exc:
        raise BackupFileDamagedError(
            "That backup file couldn't be read. Your current vault was not changed."
        ) from exc
    return parse_backup_bytes(data)


def parse_backup_bytes(data: bytes) -> BackupFile:
    if len(data) < HEADER_BYTES or data[:8] != MAGIC:
        if MAGIC.startswith(data[:8]) and len(data) < HEADER_BYTES:
            raise BackupFileDamagedError(INCOMPLETE)
        raise BackupFileDamagedError(NOT_A_BACKUP)
    _magic, version, flags, ks_len, db_len = _HEADER.unpack_from(data)
    if version > FORMAT_VERSION:
        raise BackupTooNewError()
    if version < 1 or flags != 0 or ks_len > MAX_FILE_BYTES:
        raise BackupFileDamagedError()
    expected = HEADER_BYTES + ks_len + db_len + TRAILER_BYTES
    if len(data) < expected:
        raise BackupFileDamagedError(INCOMPLETE)
    if len(data) != expected:
        raise BackupFileDamagedError()
    db_start = HEADER_BYTES + ks_len
    db_end = db_start + db_len
    digest = hashlib.sha256(data[:db_end]).digest()
    if not hmac.compare_digest(digest, data[db_end : db_end + DIGEST_BYTES]):
        raise BackupFileDamagedError()
    keyslots_raw = data[HEADER_BYTES:db_start]
    try:
        keyslots = KeyslotFile.parse(keyslots_raw)
    except VaultTooNewError as exc:
        raise BackupTooNewError() from exc
    except KeyslotFileError as exc:
        raise BackupFileDamagedError() from exc
    return BackupFile(keyslots_raw, keyslots, data, db_start, db_end)
