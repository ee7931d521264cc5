"""Backups and restores as use cases: daily automatic copies, "Back up to…", restore.

``BackupService`` works on an unlocked vault. The restore functions at the bottom work with no
vault unlocked (the create-vault screen, the damaged-vault error, ``backup restore``), so they
are plain functions taking the target folder and the secret.

When the GUI or the CLI has just unlocked a vault it calls ``run_daily_backup()`` (in a worker
in the GUI): the service decides, by the injected clock and the time recorded in the vault's
settings, whether today's automatic backup has been taken yet. "Once a day" means once per UTC
calendar day. Rotation is described in ``swreflect.vault.backup_rotation``.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from swreflect.core.clock import Clock
from swreflect.errors import BackupFailedError, NoGoodBackupError, OutputFileError, UsageError
from swreflect.platform.files import write_new_file
from swreflect.vault import backup_file, backups, restore
from swreflect.vault.backup_rotation import rotate
from swreflect.vault.backups import (
    PARTIAL_SUFFIX,
    BackupInfo,
    ensure_backups_dir,
    inspect_backup,
    list_backups,
    new_backup_path,
    parse_backup_name,
    remove_partials,
    snapshot_database,
)
from swreflect.vault.connection import DB_NAME, DatabaseError
from swreflect.vault.keyslots import KEYSLOTS_NAME, PASSPHRASE_SLOT, RECOVERY_SLOT, KeyslotFile
from swreflect.vault.migrations import latest_version
from swreflect.vault.recovery import parse_recovery_key
from swreflect.vault.settings_repo import SettingsRepository
from swreflect.vault.vault import Vault

log = logging.getLogger(__name__)

LAST_AUTO_KEY = "backups.last_auto_at"  # when today's automatic backup was taken (UTC ISO)
AUTO = "auto"
MANUAL = "manual"


class BackupService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self._vault = vault
        self._clock = clock
        self._settings = SettingsRepository(vault)
        self._done: float | None = None  # how far the backup under way has got (0–1)

    @property
    def folder(self) -> Path:
        return ensure_backups_dir(self._vault.folder)

    # ------------------------------------------------------------- automatic
    def last_automatic_backup_at(self) -> datetime | None:
        raw = self._settings.get(LAST_AUTO_KEY)
        if raw is None:
            return None
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            return None

    def daily_backup_due(self) -> bool:
        last = self.last_automatic_backup_at()
        return last is None or last.date() != self._clock.now().date()

    def run_daily_backup(self) -> BackupInfo | None:
        """Take today's automatic backup if it hasn't been taken; returns it, or ``None``."""
        previous = self.claim_daily_backup()
        if previous is False:
            return None
        try:
            return self.write_daily_backup()
        except BaseException:
            self.release_daily_backup(previous)
            raise

    def claim_daily_backup(self) -> str | bool | None:
        """If today's backup is due, record it as taken now and return the previous record
        (``None`` if there was none); ``False`` when it isn't due.

        Recording first keeps the write on the thread that owns the connection (the copy can
        then run in a worker). The worker moves it into the database file before copying
        (``write_daily_backup``), so the UI thread never waits for that disk flush."""
        if not self.daily_backup_due():
            return False
        if not self._vault.changed_since_backup() and self._has_automatic_backup():
            return False  # nothing changed since the last one: it still holds everything
        previous = self._settings.get(LAST_AUTO_KEY)
        with self._vault.transaction():  # one commit (one wait for the disk) on the UI thread
            self._settings.set(LAST_AUTO_KEY, self._clock.now().isoformat(timespec="seconds"))
            self._vault.mark_backed_up()
        return previous

    def _has_automatic_backup(self) -> bool:
        return any(info.kind == AUTO for info in list_backups(self.folder))

    def release_daily_backup(self, previous: str | bool | None) -> None:
        """Undo ``claim_daily_backup`` after a failed copy, so the next unlock tries again."""
        if previous is False:
            return
        self._vault.mark_changed()
        with self._vault.transaction():
            if previous is None or previous is True:
                self._settings.delete(LAST_AUTO_KEY)
            else:
                self._settings.set(LAST_AUTO_KEY, previous)

    def write_daily_backup(self, should_stop: Callable[[], bool] | None = None) -> BackupInfo:
        """The slow half of ``run_daily_backup``, safe in a worker: the copy is made through a
        connection of its own, and nothing here opens a transaction on the shared one.
        ``should_stop`` lets the user put it off (``BackupCancelledError``)."""
        # Best effort, and PASSIVE: a TRUNCATE checkpoint here held off the UI thread's saves
        # until it had copied and flushed the whole log. The copy reads the log anyway.
        with contextlib.suppress(DatabaseError):
            self._vault.checkpoint()  # this thread's own connection (vault.threads)
        return self._backup_into_folder(AUTO, should_stop)

    def progress(self) -> float | None:
        """How far the backup under way has got (0–1: the pages copied, then the checks of
        the copy), or ``None`` when none is being written. Safe to ask from any thread."""
        return self._done

    def _note_progress(self, done: float) -> None:
        self._done = done

    def create_backup(self) -> BackupInfo:
        """A backup into ``backups/`` now, whatever the daily schedule says."""
        return self._backup_into_folder(MANUAL)

    def _backup_into_folder(
        self, kind: str, should_stop: Callable[[], bool] | None = None
    ) -> BackupInfo:
        try:
            return self._backup_into_folder_unchecked(kind, should_stop)
        except OSError as exc:
            raise BackupFailedError() from exc
        finally:
            self._done = None

    def _backup_into_folder_unchecked(
        self, kind: str, should_stop: Callable[[], bool] | None
    ) -> BackupInfo:
        folder = self.folder
        remove_partials(folder)
        dest = new_backup_path(folder, kind, self._vault.schema_version(), self._clock.now())
        self._done = 0.0
        # Borrowed, not copied: a lock meanwhile waits for the copy (or asks it to stop).
        with self._vault.key.use() as dek:
            snapshot_database(
                self._vault.folder / DB_NAME, dek, dest, should_stop, self._note_progress
            )
        self.apply_rotation()
        info = parse_backup_name(dest)
        assert info is not None
        log.info("backup written (%s)", kind)
        return info

    def apply_rotation(self) -> list[BackupInfo]:
        """Keep 10 most recent plus the newest of each of the last 12 months (also tidies up
        the ``pre-migration`` copies ``Vault`` makes before a schema upgrade)."""
        return rotate(list_backups(self.folder), self._clock.now())

    def remove_from_backups(self, change: Callable[[Any], None]) -> int:
        """Make a permanent deletion in every automatic backup too (see ``scrub_backups``)."""
        with self._vault.key.use() as dek:
            return backups.scrub_backups(self.folder, dek, change)

    def list_backups(self) -> list[BackupInfo]:
        return list_backups(self.folder)

    # ------------------------------------------------------------- back up to…
    def back_up_to(self, dest: Path) -> Path:
        """Write one encrypted file (database + key slots) where the user chose."""
        dest = Path(dest)
        if dest.is_dir():
            raise UsageError("Please choose a file name for the backup, not a folder.")
        folder = self.folder
        snapshot = folder / f".to-file-{secrets.token_hex(6)}.db{PARTIAL_SUFFIX}"
        with self._vault.key.use() as dek:
            try:
                snapshot_database(self._vault.folder / DB_NAME, dek, snapshot)
                keyslots_raw = (self._vault.folder / KEYSLOTS_NAME).read_bytes()
                backup_file.write_backup_file(dest, keyslots_raw, snapshot, dek)
            except OSError as exc:
                raise OutputFileError() from exc
            finally:
                remove_partials(folder)
            backup_file.check_written(dest, dek)
        log.info("backup file written")
        return dest


# ----------------------------------------------------------------- restores (no vault open)
def _secret(passphrase: str | None, recovery_key: str | None) -> tuple[str, bytes]:
    if passphrase is not None:
        return PASSPHRASE_SLOT, passphrase.encode("utf-8")
    if recovery_key is not None:
        return RECOVERY_SLOT, parse_recovery_key(recovery_key)
    raise UsageError("Give the passphrase or the recovery key for the backup.")


def check_backup_file(
    backup_path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
) -> str:
    """Open and check a backup file without restoring it; returns its vault id."""
    slot_id, secret = _secret(passphrase, recovery_key)
    opened = backup_file.read_backup_file(Path(backup_path))
    opened.unlock(slot_id, secret)
    return opened.keyslots.vault_id


def restore_from_file(
    target: Path,
    backup_path: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    replace_other: bool = False,
) -> None:
    """Restore a "Back up to…" file into ``target`` (a new folder, or the same vault).

    Every check (structure, SHA-256, secret, HMAC, both integrity checks) happens before the
    current vault is touched; then the swap is atomic (see ``swreflect.vault.restore``)."""
    slot_id, secret = _secret(passphrase, recovery_key)
    opened = backup_file.read_backup_file(Path(backup_path))
    dek = opened.unlock(slot_id, secret)
    restore.restore_vault(
        Path(target), opened.keyslots_raw, dek, opened.write_database, replace_other=replace_other
    )


def latest_good_backup(target: Path, dek: bytearray, vault_id: str) -> BackupInfo | None:
    """The newest automatic backup that opens with ``dek``, is this vault's and is sound."""
    for info in list_backups(Path(target) / "backups"):
        check = inspect_backup(info.path, dek)
        if not check.sound or check.vault_id != vault_id:
            continue
        if check.schema_version is None or check.schema_version > latest_version():
            continue
        return info
    return None


def restore_latest_backup(
    target: Path, *, passphrase: str | None = None, recovery_key: str | None = None
) -> BackupInfo:
    """The damaged-vault remedy: put the newest sound automatic backup back in place.

    Uses the vault's own key slots (so the same passphrase keeps working); raises
    ``NoGoodBackupError`` when no backup passes the checks."""
    target = Path(target)
    slot_id, secret = _secret(passphrase, recovery_key)
    keyslots_raw = (
        (target / KEYSLOTS_NAME).read_bytes() if (target / KEYSLOTS_NAME).exists() else b""
    )
    keyslots = KeyslotFile.parse(keyslots_raw)
    dek = backup_file.unwrap_dek(keyslots, slot_id, secret, what="the vault")
    info = latest_good_backup(target, dek, keyslots.vault_id)
    if info is None:
        raise NoGoodBackupError()
    data = info.path.read_bytes()
    restore.restore_vault(target, keyslots_raw, dek, lambda dest: write_new_file(dest, data))
    log.info("restored the latest automatic backup")
    return info
