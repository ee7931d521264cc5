"""The steps around opening a vault folder: schema upgrades, leftovers of an interrupted write,
and the marks that tell whether anything changed. Kept apart from ``vault.py`` (the ``Vault``
object and its key handling) so each stays one readable responsibility.

An upgrade tells a listener what it is doing (``models.unlock_progress``): the copy kept first,
with how far it has got, then each step. A listener that fails never stops the upgrade.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from swreflect.errors import VaultDamagedError, VaultTooNewError
from swreflect.models.unlock_progress import UnlockListener, UnlockProgress
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


def tell(listener: UnlockListener | None, progress: UnlockProgress) -> None:
    """Report to ``listener``; its failure is logged (by type) and the work goes on."""
    if listener is None:
        return
    try:
        listener(progress)
    except Exception as exc:
        log.warning("an unlock progress listener failed: %s", type(exc).__name__)


class _BackupFractions:
    """Backup progress as reports, at most one per whole percent (a 750 MB copy has hundreds
    of steps, and a GUI listener queues each report to the UI thread), never going back.

    The copy's checks run on two threads and each reports its own tables, so fractions can
    arrive out of order and at the same time: the lock makes each report follow the last."""

    def __init__(self, listener: UnlockListener | None) -> None:
        self._listener = listener
        self._last = 0
        self._lock = threading.Lock()
        tell(listener, UnlockProgress.backup(0.0))

    def __call__(self, fraction: float) -> None:
        percent = int(min(1.0, max(0.0, fraction)) * 100)
        with self._lock:
            if percent > self._last:
                self._last = percent
                tell(self._listener, UnlockProgress.backup(percent / 100))


def migrate(conn: Connection, start: int = 0, listener: UnlockListener | None = None) -> None:
    """Run every step above ``start``, each in its own transaction (an interruption leaves the
    vault at the last version reached, and the next unlock carries on from there)."""
    todo = [step for step in ladder() if step.version > start]
    for number, step in enumerate(todo, start=1):
        tell(listener, UnlockProgress.migration(number, len(todo), step.description))
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


def upgrade_if_needed(
    conn: Connection, folder: Path, dek: bytearray, listener: UnlockListener | None = None
) -> None:
    """Bring an older vault up to the newest schema: a checked copy first, then each step.
    ``listener`` hears the stages only when an upgrade runs."""
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    newest = latest_version()
    if current > newest:
        raise VaultTooNewError()
    if current == newest:
        return
    from swreflect.vault.backups import backup_to_file

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = ensure_private_dir(folder / BACKUPS_DIR) / f"pre-migration-v{current}-{stamp}.db"
    backup_to_file(conn, dek, dest, progress=_BackupFractions(listener))
    log.info("migrating schema from %d to %d", current, newest)
    migrate(conn, current, listener)
    tell(listener, UnlockProgress.done())


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
