"""Whole-file rollback detection: a generation counter kept in two places (SECURITY.md row 5).

The database holds ``meta.generation``; ``keyslots.json`` holds the same number in its
``state`` object with an HMAC-SHA256 under a key derived from the DEK, so only someone who can
unlock the vault can change it without the MAC failing. Locking after a session that changed
the database raises the number by one, first in the database (committed), then in the key file
(atomic replace); a session that only read writes nothing. A crash between the two leaves the
database ahead of the key file, which is normal and repaired at the next lock. A database
*behind* its key file is an older copy put in place of the current one (``vault.db`` swapped
for an earlier ``vault.db``): the unlock is refused with ``VaultRolledBackError`` and nothing
is written.

What this cannot see (docs/threat-model.md): an older copy of the whole folder (key file
included); a copy taken during the last session that changed nothing afterwards; a copy taken
during a session that then ended without a lock (a crash); and single pages replayed from the
same file's own past, which carry a valid page HMAC under the same key.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from swreflect.errors import SwreflectError, VaultDamagedError, VaultRolledBackError
from swreflect.platform.lazylog import get_logger
from swreflect.vault import connection as dbconn
from swreflect.vault.connection import Connection
from swreflect.vault.keyslots import KeyslotFile, SlotState

log = get_logger(__name__)

META_KEY = "generation"
_INFO = b"swreflect keyslot state v1"


def _hmac(dek: bytearray, vault_id: str, generation: int) -> hmac.HMAC:
    """HMAC-SHA256 of ``vault_id:generation`` under a key derived from the DEK, ready to
    finish or verify. cryptography's HMAC, not the standard library's: the same MAC, without
    loading hashlib's OpenSSL at every unlock."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(dek)
    mac = hmac.HMAC(key, hashes.SHA256())
    mac.update(f"{vault_id}:{int(generation)}".encode("ascii"))
    return mac


def _mac(dek: bytearray, vault_id: str, generation: int) -> str:
    return _hmac(dek, vault_id, generation).finalize().hex()


def state_for(dek: bytearray, vault_id: str, generation: int) -> SlotState:
    return SlotState(generation, _mac(dek, vault_id, generation))


def proven_generation(slots: KeyslotFile, dek: bytearray) -> int | None:
    """The key file's generation if its MAC holds; ``None`` for files from before it existed."""
    state = slots.state
    if state is None:
        return None
    try:  # ``verify`` compares in constant time; the file's MAC is 64 hex digits (keyslots)
        _hmac(dek, slots.vault_id, state.db_generation).verify(bytes.fromhex(state.mac))
    except InvalidSignature:
        raise VaultDamagedError(
            "The vault's key file (keyslots.json) has been altered: its record of the "
            "database doesn't match. Nothing was changed; restore the vault from a backup."
        ) from None
    return state.db_generation


def db_generation(conn: Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    except dbconn.DatabaseError as exc:
        raise dbconn.user_error_for(exc) or VaultDamagedError() from exc
    if row is None:
        return 0
    try:
        return int(row[0])
    except (TypeError, ValueError) as exc:
        raise VaultDamagedError() from exc


def set_db_generation(conn: Connection, generation: int) -> None:
    with dbconn.transaction(conn):
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (META_KEY, str(int(generation))),
        )


def check_not_rolled_back(conn: Connection, slots: KeyslotFile, dek: bytearray) -> int:
    """Refuse a database older than its key file; returns the generation to build on."""
    expected = proven_generation(slots, dek)
    found = db_generation(conn)
    if expected is not None and found < expected:
        log.warning("refused a rolled-back database (generation %d < %d)", found, expected)
        raise VaultRolledBackError()
    return max(found, expected or 0)


def advance(
    folder: Path, conn: Connection, slots: KeyslotFile, dek: bytearray, current: int
) -> KeyslotFile:
    """Raise the generation by one in the database, then in the key file; returns the new
    key file (or the old one if the folder can't be written, e.g. read-only media)."""
    from swreflect.platform.files import atomic_write
    from swreflect.vault.keyslots import KEYSLOTS_NAME

    new = current + 1
    try:
        set_db_generation(conn, new)
    except SwreflectError:
        log.info("the vault is read-only here; its generation was not advanced")
        return slots
    updated = slots.with_state(state_for(dek, slots.vault_id, new))
    try:
        atomic_write(folder / KEYSLOTS_NAME, updated.to_bytes())
    except OSError:
        log.warning("the key file couldn't record the new generation; it will on next unlock")
        return slots
    return updated
