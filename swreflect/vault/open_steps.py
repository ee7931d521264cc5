"""The steps around opening a vault folder: schema upgrades, leftovers of an interrupted write,
and the marks that tell whether anything changed. Kept apart from ``vault.py`` (the ``Vault``
object and its key handling) so each stays one readable responsibility.
"""

from __future__ import annotations

import contextlib
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from swreflect.errors import VaultDamagedError, VaultTooNewError
from swreflect.platform.files import ensure_private_dir
from swreflect.platform.lazylog import get_logger
from swreflect.platform.release import test_setting
from swreflect.vault import connection as dbconn
from swreflect.vault.connection import DB_NAME, Connection
from swreflect.vault.kdf import TEST_KDF_ENV
from swreflect.vault.keyslots import KEYSLOTS_NAME
from swreflect.vault.lock import LOCK_NAME
from swreflect.vault.migrations import ladder, latest_version

log = get_logger("swreflect.vault.vault")

PREV_SUFFIX = ".prev"
BACKUPS_DIR = "backups"
TEST_PAUSE_ENV = "SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE"


def change_marks(conn: Connection) -> tuple[int, int]:
    """Rows this connection changed, and SQLite's counter of other connections' commits."""
    try:
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
    except dbconn.DatabaseError:
        version = -1
    return int(conn.total_changes), version


def check_vault_id(conn: Connection, vault_id: str) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
    except dbconn.DatabaseError as exc:
        raise VaultDamagedError() from exc
    if row is None or row[0] != vault_id:
        raise VaultDamagedError("The key file belongs to a different vault. Nothing was changed.")


def migrate(conn: Connection, start: int = 0) -> None:
    for step in ladder():
        if step.version <= start:
            continue
        with dbconn.transaction(conn):
            step.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")


def has_log(folder: Path) -> bool:
    try:
        return (folder / f"{DB_NAME}-wal").stat().st_size > 0
    except OSError:
        return False


def needs_upgrade(conn: Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) < latest_version()


def upgrade_if_needed(conn: Connection, folder: Path, dek: bytearray) -> None:
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    newest = latest_version()
    if current > newest:
        raise VaultTooNewError()
    if current == newest:
        return
    from swreflect.vault.backups import backup_to_file

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = ensure_private_dir(folder / BACKUPS_DIR) / f"pre-migration-v{current}-{stamp}.db"
    backup_to_file(conn, dek, dest)
    log.info("migrating schema from %d to %d", current, newest)
    migrate(conn, current)


def file_holds(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def pause_for_kill_tests() -> None:
    """TEST ONLY: widen the windows between key-slot steps so kill tests can land in them.

    Active only when both the insecure test KDF and ``SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE``
    (seconds) are set; a normal run never sets either.
    """
    if test_setting(TEST_KDF_ENV) != "1":
        return
    pause = test_setting(TEST_PAUSE_ENV)
    if pause:
        time.sleep(float(pause))


def foreign_entries(folder: Path) -> list[str]:
    """Entries of ``folder`` that an interrupted ``create`` could not have left behind."""
    if not folder.exists():
        return []
    ours = {KEYSLOTS_NAME, LOCK_NAME, KEYSLOTS_NAME + PREV_SUFFIX}
    return [
        p.name
        for p in folder.iterdir()
        if p.name not in ours
        and not p.name.startswith(f".{DB_NAME}.creating")
        and not (p.name.startswith(f".{KEYSLOTS_NAME}") and p.name.endswith(".tmp"))
    ]


def clean_leftovers(folder: Path) -> None:
    """After a proven unlock, remove what an interrupted rewrite or creation left behind."""
    for name in (KEYSLOTS_NAME + PREV_SUFFIX, f".{DB_NAME}.creating"):
        with contextlib.suppress(OSError):  # absent, or read-only media
            (folder / name).unlink()
    try:  # a listing, not ``glob``: no pattern to compile at every unlock
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(f".{KEYSLOTS_NAME}") and name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                (folder / name).unlink()
