"""Putting a restored vault in place without ever leaving the user with no working vault.

Steps (``restore_vault``):

1. **Stage.** A complete new vault folder is built *beside* the target as
   ``.<name>.restore-<token>/`` (``keyslots.json``, ``vault.db``, ``backups/``) with a marker
   file ``restore-staging`` that says "unfinished". It is opened with the data key, its vault id
   is matched to its key slots, and both integrity checks must pass. Only then is the marker
   removed (fsynced).
2. **Swap.** On Linux the two folders are exchanged atomically with ``renameat2(...,
   RENAME_EXCHANGE)``: at every instant the target path holds either the old vault or the new
   one. Elsewhere (or on a filesystem without exchange) the old folder is renamed to
   ``.<name>.restore-old-<token>`` and the staging folder renamed into place; a crash between
   those two renames is repaired by ``finish_interrupted_restore``, which puts the old folder
   back.
3. **Prove, then tidy.** The new vault is opened and checked in place; only then is the old
   folder deleted. Automatic backups of the same vault (same vault id, so the same data key)
   are carried over from the old folder first, so a restore never throws away a safety net.

The current vault's process lock is held while staging, so a vault open in another window is
never swapped out from under it (``VaultInUseError``). It is released just before the swap,
because Windows refuses to rename a folder while a file inside it (``vault.lock``) is open.
Whoever slips in during that instant is caught either way: on Windows their open lock file
makes the rename fail (nothing changes), and elsewhere the old folder is deleted only if its
lock can be taken afterwards (otherwise it is left for ``finish_interrupted_restore``).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from swreflect.errors import (
    BackupFileDamagedError,
    BackupTooNewError,
    DifferentVaultError,
    KeyslotFileError,
    RestoreFailedError,
    SwreflectError,
    VaultTooNewError,
)
from swreflect.platform import system
from swreflect.platform.files import (
    ensure_private_dir,
    fsync_dir,
    make_private,
    write_new_file,
)
from swreflect.vault import connection as dbconn
from swreflect.vault import generation
from swreflect.vault.backups import reencrypt_copy, verify_backup_file
from swreflect.vault.connection import DB_NAME
from swreflect.vault.keyslots import KEYSLOTS_NAME, KeyslotFile
from swreflect.vault.lock import ProcessLock
from swreflect.vault.migrations import latest_version
from swreflect.vault.restore_names import leftover_prefix, leftovers

log = logging.getLogger(__name__)

STAGING_MARKER = "restore-staging"
INCOMING_NAME = "incoming.db"  # the backup's own copy, before it is re-keyed with the DEK
_NO_ROOM = (
    "The backup couldn't be unpacked next to your vault (the disk may be full or the folder "
    "read-only). Your current vault was not changed; free some space and try again."
)
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

WriteDatabase = Callable[[Path], None]


_leftover_prefix = leftover_prefix
_leftovers = leftovers


def _vault_id_of(folder: Path) -> str | None:
    try:
        return KeyslotFile.read(folder).vault_id
    except (SwreflectError, OSError):
        return None


def exchange_paths(a: Path, b: Path) -> bool:
    """Swap two paths atomically where the OS can (Linux ``renameat2``); ``False`` otherwise."""
    if not system.is_linux():
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: fall back to two renames
        return False
    raise OSError(err, os.strerror(err))


def _merge_backups(old: Path, new: Path) -> None:
    """Move the old folder's backups into the new one when both are the same vault."""
    old_backups = old / "backups"
    if not old_backups.is_dir() or _vault_id_of(old) != _vault_id_of(new):
        return
    dest = ensure_private_dir(new / "backups")
    for item in old_backups.iterdir():
        if item.is_file() and not (dest / item.name).exists():
            os.replace(item, dest / item.name)
    fsync_dir(dest)


def finish_interrupted_restore(target: Path) -> None:
    """Repair or tidy after a restore that was stopped part-way (safe to call any time).

    If the target folder is missing but an old vault was set aside, it goes back. Leftover
    staging folders are deleted; an old vault left beside a working one gives up its backups
    (same vault only) and is then deleted."""
    target = Path(target)
    leftovers = _leftovers(target)
    if not target.exists():
        # Prefer the folder set aside (the old vault) over a finished staging copy.
        ordered = sorted(leftovers, key=lambda p: "-old-" not in p.name)
        for candidate in ordered:
            if not (candidate / STAGING_MARKER).exists() and (candidate / DB_NAME).exists():
                os.replace(candidate, target)
                fsync_dir(target.parent)
                log.info("an interrupted restore was rolled back")
                leftovers = _leftovers(target)
                break
    if not (target / DB_NAME).exists():
        return
    for leftover in leftovers:
        if not (leftover / STAGING_MARKER).exists():
            _merge_backups(leftover, target)
        shutil.rmtree(leftover, ignore_errors=True)
    if leftovers:
        fsync_dir(target.parent)


def _check_staged(staging: Path, keyslots: KeyslotFile, dek: bytearray) -> None:
    try:
        conn = dbconn.connect(staging / DB_NAME, dek)
    except SwreflectError as exc:
        raise BackupFileDamagedError() from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
    except dbconn.DatabaseError as exc:
        raise BackupFileDamagedError() from exc
    finally:
        conn.close()
    if version > latest_version():
        raise BackupTooNewError()
    if row is None or row[0] != keyslots.vault_id:
        raise BackupFileDamagedError()
    if verify_backup_file(staging / DB_NAME, dek):
        raise BackupFileDamagedError()


def stage(
    staging: Path,
    keyslots_raw: bytes,
    keyslots: KeyslotFile,
    dek: bytearray,
    write_db: WriteDatabase,
    floor: int = 0,
) -> None:
    """Build and check a complete vault folder at ``staging`` (beside the target).

    The backup's database (keyed with its own copy key) is re-encrypted into ``vault.db``
    under the DEK, and its generation is set one above anything either side has seen, with
    the key file recording the same number, so the restored state is the current one from
    now on and the older live copy would be refused as a rollback."""
    ensure_private_dir(staging)
    write_new_file(staging / STAGING_MARKER, b"unfinished restore; safe to delete\n")
    incoming = staging / INCOMING_NAME
    write_db(incoming)
    try:
        reencrypt_copy(incoming, staging / DB_NAME, dek)
    finally:
        for leftover in (incoming, Path(f"{incoming}-wal"), Path(f"{incoming}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    make_private(staging / DB_NAME)
    stamped = _stamp_generation(staging / DB_NAME, keyslots, dek, floor)
    write_new_file(staging / KEYSLOTS_NAME, stamped.to_bytes())
    ensure_private_dir(staging / "backups")
    _check_staged(staging, keyslots, dek)
    fsync_dir(staging)


def _stamp_generation(db: Path, keyslots: KeyslotFile, dek: bytearray, floor: int) -> KeyslotFile:
    conn = dbconn.connect(db, dek)
    try:
        found = generation.db_generation(conn)
        new = max(found, floor, keyslots.state.db_generation if keyslots.state else 0) + 1
        generation.set_db_generation(conn, new)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    return keyslots.with_state(generation.state_for(dek, keyslots.vault_id, new))


def _current_generation(target: Path) -> int:
    """The generation the vault at ``target`` last recorded (0 when there is none)."""
    try:
        slots = KeyslotFile.read(target)
    except (SwreflectError, OSError):
        return 0
    return slots.state.db_generation if slots.state else 0


def _target_lock(target: Path) -> ProcessLock | None:
    """Hold the vault's process lock, if there is a vault (never add a lock file elsewhere)."""
    markers = (DB_NAME, KEYSLOTS_NAME, "vault.lock")
    if not target.is_dir() or not any((target / name).exists() for name in markers):
        return None
    lock = ProcessLock(target)
    lock.acquire()
    return lock


def restore_vault(
    target: Path,
    keyslots_raw: bytes,
    dek: bytearray,
    write_db: WriteDatabase,
    *,
    replace_other: bool = False,
) -> None:
    """Replace (or create) the vault at ``target`` with the given key slots and database.

    Raises a typed error and leaves the current vault as it was if anything fails before the
    swap; the swap itself is atomic (see the module docstring)."""
    target = Path(target)
    try:
        keyslots = KeyslotFile.parse(keyslots_raw)
    except VaultTooNewError as exc:
        raise BackupTooNewError() from exc
    except KeyslotFileError as exc:
        raise BackupFileDamagedError() from exc
    ensure_private_dir(target.parent)
    _refuse_unsafe_target(target, keyslots.vault_id, replace_other)
    lock = _target_lock(target)
    try:
        finish_interrupted_restore(target)
        _refuse_unsafe_target(target, keyslots.vault_id, replace_other)
        staging = target.parent / f"{_leftover_prefix(target)}{secrets.token_hex(6)}"
        try:
            stage(staging, keyslots_raw, keyslots, dek, write_db, _current_generation(target))
            (staging / STAGING_MARKER).unlink()
            fsync_dir(staging)
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, OSError):  # a full disk or an unwritable folder
                raise RestoreFailedError(_NO_ROOM) from exc
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None:
        lock.release()  # Windows can't rename a folder holding the open lock file
    try:
        old = _swap(target, staging)
    except OSError as exc:  # neither rename happened (or the fallback is repaired later)
        if target.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise RestoreFailedError() from exc
    _prove_and_tidy(target, old, keyslots, dek)


def _refuse_unsafe_target(target: Path, vault_id: str, replace_other: bool) -> None:
    if not target.exists():
        return
    if (target / DB_NAME).exists() or (target / KEYSLOTS_NAME).exists():
        if _vault_id_of(target) != vault_id and not replace_other:
            raise DifferentVaultError()
        return
    if any(p.name != "vault.lock" for p in target.iterdir()):
        raise RestoreFailedError(
            "That folder already holds other files, so nothing was restored there. "
            "Choose an empty folder."
        )


def _swap(target: Path, staging: Path) -> Path | None:
    """Put ``staging`` at ``target``; returns where the old folder now is (or ``None``)."""
    parent = target.parent
    if not target.exists():
        os.replace(staging, target)
        fsync_dir(parent)
        return None
    if exchange_paths(staging, target):
        fsync_dir(parent)
        return staging
    aside = parent / f"{_leftover_prefix(target)}old-{secrets.token_hex(6)}"
    os.replace(target, aside)
    os.replace(staging, target)
    fsync_dir(parent)
    return aside


def _prove_and_tidy(target: Path, old: Path | None, keyslots: KeyslotFile, dek: bytearray) -> None:
    try:
        _check_staged(target, keyslots, dek)
    except SwreflectError as exc:  # pragma: no cover - staged copy was checked moments ago
        if old is not None:
            if not exchange_paths(old, target):
                shutil.rmtree(target)
                os.replace(old, target)
            fsync_dir(target.parent)
        raise RestoreFailedError() from exc
    if old is not None and _unused(old):
        with contextlib.suppress(OSError):
            _merge_backups(old, target)
        shutil.rmtree(old, ignore_errors=True)
        fsync_dir(target.parent)
    log.info("vault restored")


def _unused(folder: Path) -> bool:
    """True if no process holds ``folder``'s vault lock (someone may have opened the old vault
    in the instant between releasing the lock and the swap); the lock is let go at once so the
    folder can be deleted on Windows too."""
    if not (folder / "vault.lock").exists():
        return True
    probe = ProcessLock(folder)
    try:
        probe.acquire()
    except SwreflectError:
        log.warning("the replaced vault is still open elsewhere; it is left for later tidying")
        return False
    probe.release()
    return True
