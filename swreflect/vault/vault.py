"""The vault: one folder holding the encrypted database and the key slots.

Layout (folder ``0700``, files ``0600``)::

    vault.db          SQLCipher 4, keyed with a raw random 256-bit data key (DEK)
    vault.db-wal/-shm SQLite's write-ahead log (encrypted pages), present while open
    keyslots.json     the DEK wrapped by the passphrase slot and the recovery slot
    vault.lock        process lock, never rewritten
    backups/          encrypted copies made through SQLCipher

The DEK lives in a ``bytearray`` while unlocked and is overwritten with zeros on ``lock()``.
Python's ``bytes`` copies made by the crypto library and by the SQL key string cannot be wiped;
they are dropped as soon as possible.

Threads: one writer (the owning thread's connection) and a read-only connection per worker
thread; the rule and its enforcement are in ``vault.threads``.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from swreflect.errors import (
    FolderNotEmptyError,
    KeyslotFileError,
    KeyslotWriteError,
    VaultDamagedError,
    VaultExistsError,
    VaultFolderError,
    VaultIOError,
    VaultLockedError,
    VaultNotFoundError,
    VaultReadOnlyError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from swreflect.models.unlock_progress import UnlockListener, UnlockProgress
from swreflect.platform import security_settings
from swreflect.platform.files import atomic_write, ensure_private_dir, fsync_dir, make_private
from swreflect.platform.lazylog import get_logger
from swreflect.vault import backup_marker, generation, wal_guard
from swreflect.vault import connection as dbconn
from swreflect.vault import open_steps as steps
from swreflect.vault.connection import DB_NAME, Connection
from swreflect.vault.data_key import DataKey
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.keyslots import (
    DEK_BYTES,
    KEYSLOTS_NAME,
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KeyslotFile,
    SlotOpenFailed,
    make_passphrase_slot,
    make_recovery_slot,
)
from swreflect.vault.lock import ProcessLock
from swreflect.vault.open_steps import BACKUPS_DIR, PREV_SUFFIX
from swreflect.vault.threads import ConnectionsByThread

log = get_logger(__name__)

MIN_PASSPHRASE_CHARS = int(security_settings.PASSPHRASE_MIN_CHARS.default)


def check_passphrase_rules(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphraseError()


def _zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


class Vault:
    """An unlocked vault. Construct with ``create``, ``unlock`` or ``unlock_with_recovery_key``."""

    def __init__(
        self,
        folder: Path,
        dek: bytearray,
        conn: Connection,
        lock: ProcessLock,
        keyslots: KeyslotFile,
    ) -> None:
        self.folder = folder
        self._key = DataKey(dek)
        self._conn: Connection | None = conn
        self._threads = ConnectionsByThread(conn, self._open_reader)
        self._baseline = int(conn.total_changes)  # see vault.backup_marker
        self._lock = lock
        self._keyslots = keyslots
        self._changes_at_open = steps.change_marks(conn)

    # ----------------------------------------------------------------- discovery
    @staticmethod
    def exists(folder: Path) -> bool:
        return (Path(folder) / DB_NAME).exists()

    @property
    def vault_id(self) -> str:
        return self._keyslots.vault_id

    @property
    def is_unlocked(self) -> bool:
        return self._conn is not None

    @property
    def conn(self) -> Connection:
        """This thread's connection: the writer on the owner's thread, otherwise a read-only
        connection of the thread's own (the rule is in ``vault.threads``)."""
        if self._conn is None:
            raise VaultLockedError()
        return self._threads.for_this_thread()

    def adopt(self) -> None:
        """Make the calling thread the vault's one writer (after unlocking in a worker)."""
        self._threads.adopt()

    def defer_checkpoints(self) -> None:
        """Stop commits on the writer from copying the write-ahead log into the database
        (SQLite does that every ~1,000 pages, inside whichever save crosses the mark, which
        made one save in a hundred take a quarter of a second). The caller then calls
        ``checkpoint()`` from a worker (the GUI's ``VaultUpkeep``); ``lock()`` checkpoints too."""
        self._threads.writer().execute("PRAGMA wal_autocheckpoint = 0")

    def checkpoint(self) -> tuple[int, int]:
        """Copy committed pages from the log into the database without blocking the writer
        (``PASSIVE``); safe on a worker's own connection. Returns (log pages, copied)."""
        row = self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(row[1]), int(row[2])

    def changes(self) -> int:
        """A counter that moves whenever the writer commits a change (cheap; owner only)."""
        return int(self._threads.writer().total_changes)

    def changed_since_backup(self) -> bool:
        """Whether anything was written since the last automatic backup was claimed."""
        return backup_marker.changed_since_backup(self._threads.writer(), self._baseline)

    def mark_backed_up(self) -> None:
        self._baseline = backup_marker.clear(self._threads.writer())

    def mark_changed(self) -> None:
        """A claimed backup failed: the changes it would have held are still unsaved."""
        self._baseline = -1

    def _open_reader(self) -> Connection:
        with self._key.use() as dek:  # VaultLockedError once the key is gone
            reader = dbconn.connect(self.folder / DB_NAME, dek)
        reader.execute("PRAGMA query_only = ON")
        return reader

    @property
    def keyslots(self) -> KeyslotFile:
        return self._keyslots

    @property
    def key(self) -> DataKey:
        """The data key as a handle: borrow it with ``with vault.key.use() as dek:``."""
        return self._key

    def data_key(self) -> bytearray:
        """The live DEK buffer for a call made now on this thread; never store or copy it.
        Workers borrow through ``key.use()`` so that a lock waits for them."""
        return self._key.peek()

    # ----------------------------------------------------------------- create
    @classmethod
    def create(
        cls, folder: Path, passphrase: str, kdf: KdfPolicy | None = None
    ) -> tuple[Vault, str]:
        """Create a new vault; returns it unlocked with the recovery key text (show it once)."""
        folder = Path(folder)
        check_passphrase_rules(passphrase)
        if cls.exists(folder):
            raise VaultExistsError()
        try:
            if steps.foreign_entries(folder):
                raise FolderNotEmptyError()
            ensure_private_dir(folder)
            lock = ProcessLock(folder)
            lock.acquire()
        except OSError as exc:
            raise VaultFolderError() from exc
        try:
            return cls._create_locked(folder, passphrase, kdf or KdfPolicy.from_environment(), lock)
        except OSError as exc:
            # Whatever was written is only a leftover the next ``create`` clears away.
            lock.release()
            raise VaultFolderError() from exc
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _create_locked(
        cls, folder: Path, passphrase: str, kdf: KdfPolicy, lock: ProcessLock
    ) -> tuple[Vault, str]:
        if cls.exists(folder):
            raise VaultExistsError()
        import secrets  # creating only; unlocking needn't load it or the recovery key code

        from swreflect.vault.recovery import format_recovery_key, new_recovery_key

        dek = bytearray(secrets.token_bytes(DEK_BYTES))
        vault_id = secrets.token_hex(16)
        recovery = new_recovery_key()
        params = kdf.calibrate()
        slots = KeyslotFile(vault_id, 1)
        slots = slots.with_slot(make_passphrase_slot(vault_id, dek, passphrase, params))
        slots = slots.with_slot(make_recovery_slot(vault_id, dek, recovery))
        slots = slots.with_state(generation.state_for(dek, vault_id, 1))

        staging = folder / f".{DB_NAME}.creating"
        for leftover in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        conn = dbconn.connect(staging, dek, create=True)
        try:
            steps.migrate(conn)
            with dbconn.transaction(conn):
                conn.execute("INSERT INTO meta(key, value) VALUES ('vault_id', ?)", (vault_id,))
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('created_at', ?)",
                    (datetime.now(UTC).isoformat(timespec="seconds"),),
                )
            generation.set_db_generation(conn, 1)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        make_private(staging)
        # Key slots first, then the database: a crash in between leaves only a slot file,
        # which a fresh ``create`` may overwrite because it guards no data.
        atomic_write(folder / KEYSLOTS_NAME, slots.to_bytes())
        os.replace(staging, folder / DB_NAME)
        fsync_dir(folder)
        conn = dbconn.connect(folder / DB_NAME, dek)
        log.info("vault created")
        return cls(folder, dek, conn, lock, slots), format_recovery_key(recovery)

    # ----------------------------------------------------------------- unlock
    @classmethod
    def unlock(cls, folder: Path, passphrase: str, listener: UnlockListener | None = None) -> Vault:
        """``listener`` hears the stages (``models.unlock_progress``) in order, one at a time,
        from this thread or a helper thread of the pre-upgrade copy's checks."""
        return cls._unlock(Path(folder), PASSPHRASE_SLOT, passphrase.encode("utf-8"), listener)

    @classmethod
    def unlock_with_recovery_key(
        cls, folder: Path, recovery_text: str, listener: UnlockListener | None = None
    ) -> Vault:
        from swreflect.vault.recovery import parse_recovery_key  # unlocking by passphrase: unused

        secret = parse_recovery_key(recovery_text)
        return cls._unlock(Path(folder), RECOVERY_SLOT, secret, listener)

    @classmethod
    def derive_key(cls, folder: Path, slot_id: str, secret: bytes) -> tuple[KeyslotFile, bytearray]:
        """The slow step of unlocking (key derivation and unwrapping), separable for workers."""
        folder = Path(folder)
        if not cls.exists(folder):
            if (folder / KEYSLOTS_NAME).exists() or (folder.exists() and any(folder.iterdir())):
                raise VaultDamagedError("The vault database file is missing. Nothing was changed.")
            raise VaultNotFoundError()
        slots = KeyslotFile.read(folder)
        if slot_id not in slots.slots:
            raise KeyslotFileError()
        slot = slots.slot(slot_id)
        try:
            kek = slot.derive_kek(secret)
            dek = slot.unwrap(slots.vault_id, kek)
        except SlotOpenFailed:
            if slot_id == PASSPHRASE_SLOT:
                raise WrongPassphraseError() from None
            raise WrongRecoveryKeyError() from None
        return slots, dek

    @classmethod
    def open_with_key(
        cls,
        folder: Path,
        slots: KeyslotFile,
        dek: bytearray,
        listener: UnlockListener | None = None,
    ) -> Vault:
        """The fast step of unlocking: lock, open the database, migrate if needed (not fast
        then: ``listener`` hears the upgrade's stages)."""
        folder = Path(folder)
        lock = ProcessLock(folder)
        read_only = False
        try:
            lock.acquire()
        except PermissionError:
            read_only = True  # read-only media or folder (D7): reading still works
        except OSError as exc:
            if exc.errno != errno.EROFS:
                _zero(dek)
                raise VaultIOError() from exc
            read_only = True
        except BaseException:
            _zero(dek)
            raise
        try:
            if read_only and steps.has_log(folder):
                raise VaultReadOnlyError(
                    "This vault on a read-only disk or folder still holds recent changes in "
                    "its log (vault.db-wal), which can't be read there. Nothing was changed; "
                    "copy the whole folder somewhere writable and open it there."
                )
            kept_wal = wal_guard.guard(folder / DB_NAME)
            conn = dbconn.connect(folder / DB_NAME, dek, read_only=read_only)
            try:
                steps.check_vault_id(conn, slots.vault_id)
                generation.check_not_rolled_back(conn, slots, dek)
                if read_only and steps.needs_upgrade(conn):
                    raise VaultReadOnlyError(
                        "This vault needs a one-off update that can't be made on a read-only "
                        "disk or folder. Nothing was changed; copy it somewhere writable."
                    )
                steps.upgrade_if_needed(conn, folder, dek, listener)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            _zero(dek)
            raise
        steps.clean_leftovers(folder)
        wal_guard.release(kept_wal)
        return cls(folder, dek, conn, lock, slots)

    @classmethod
    def _unlock(
        cls, folder: Path, slot_id: str, secret: bytes, listener: UnlockListener | None
    ) -> Vault:
        steps.tell(listener, UnlockProgress.key(recovery_key=slot_id == RECOVERY_SLOT))
        slots, dek = cls.derive_key(folder, slot_id, secret)
        return cls.open_with_key(folder, slots, dek, listener)

    # ----------------------------------------------------------------- lock
    def lock(self) -> None:
        """Close the database, wipe the key buffer, release the process lock. Idempotent."""
        conn, self._conn = self._conn, None
        self._threads.close_readers()
        if conn is not None:
            with contextlib.suppress(Exception):
                backup_marker.note_changes(conn, self._baseline)
            try:  # after noting changes: raising the generation is not itself a change to back up
                self._advance_generation(conn)
            except Exception:  # locking must never fail; the next lock tries again
                log.warning("the vault generation could not be advanced at lock")
            with contextlib.suppress(Exception):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            conn.close()
        # Waits for workers that borrowed the key, then wipes it: never a half-zeroed key.
        self._key.destroy()
        self._lock.release()

    def _advance_generation(self, conn: Connection) -> None:
        """After a session that changed the database, raise its generation (rollback guard)."""
        if not self._key.alive or steps.change_marks(conn) == self._changes_at_open:
            return
        current = generation.db_generation(conn)
        self._keyslots = generation.advance(
            self.folder, conn, self._keyslots, self._key.peek(), current
        )

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """The one way to write (docs/architecture.md §3): ``BEGIN IMMEDIATE`` ... ``COMMIT``
        on the owner's connection, held by the service running the use case. Called inside
        an open transaction it becomes a savepoint, so a use case that calls another one
        (sign-off moving a session on) still commits or rolls back as one unit."""
        if self._conn is None:
            raise VaultLockedError()
        conn = self._threads.writer()
        step = dbconn.savepoint if conn.in_transaction else dbconn.transaction
        with step(conn):
            yield conn

    def writer(self) -> Connection:
        """The owner's connection for a repository's write, only inside the caller's
        transaction (``TransactionRequiredError`` otherwise; ``ThreadRuleError`` off the
        owner's thread)."""
        if self._conn is None:
            raise VaultLockedError()
        return dbconn.require_transaction(self._threads.writer())

    # ----------------------------------------------------------------- secrets
    def change_passphrase(self, new_passphrase: str, kdf: KdfPolicy | None = None) -> None:
        """Rewrap the DEK under a new passphrase. The database file is not touched."""
        check_passphrase_rules(new_passphrase)
        params = (kdf or KdfPolicy.from_environment()).calibrate()
        # Borrowed for the whole rewrap: a lock meanwhile waits instead of zeroing the key
        # under the new slot (which would then wrap zeros).
        with self._key.use() as dek:
            slot = make_passphrase_slot(self.vault_id, dek, new_passphrase, params)
            self._replace_keyslots(self._keyslots.with_slot(slot), PASSPHRASE_SLOT)

    def verify_passphrase(self, passphrase: str) -> None:
        """Raise ``WrongPassphraseError`` unless ``passphrase`` unwraps this vault's key.

        Slow on purpose (the key derivation runs): call it from a worker."""
        _slots, candidate = Vault.derive_key(
            self.folder, PASSPHRASE_SLOT, passphrase.encode("utf-8")
        )
        try:
            with self._key.use() as dek:
                import hmac  # here only: unlocking needn't load hashlib's OpenSSL

                if not hmac.compare_digest(candidate, dek):
                    raise WrongPassphraseError()
        finally:
            _zero(candidate)

    @staticmethod
    def new_recovery_key_text() -> str:
        """A fresh recovery key to show the user. Nothing is written: the old key keeps
        working until ``install_recovery_key`` is called with this text, which callers do
        only once the user has confirmed they stored it (D3)."""
        from swreflect.vault.recovery import format_recovery_key, new_recovery_key

        return format_recovery_key(new_recovery_key())

    def install_recovery_key(self, recovery_text: str) -> None:
        """Replace the recovery slot with one for ``recovery_text`` (already shown and
        confirmed). A kill at any point leaves the old or the new key working."""
        from swreflect.vault.recovery import parse_recovery_key

        secret = parse_recovery_key(recovery_text)
        with self._key.use() as dek:
            slot = make_recovery_slot(self.vault_id, dek, secret)
            self._replace_keyslots(self._keyslots.with_slot(slot), RECOVERY_SLOT)

    def _replace_keyslots(self, new: KeyslotFile, changed_slot: str) -> None:
        """Swap in a new key-slot generation so that a crash leaves the old or the new one.

        Order: prove the new bytes, keep the current generation as ``keyslots.json.prev``,
        replace ``keyslots.json`` atomically, read it back, then drop the ``.prev`` copy.
        A kill at any point leaves a ``keyslots.json`` that opens with the old or the new
        secret. A failed write (disk full, I/O error) before the swap raises
        ``KeyslotWriteError`` and the old secret still works; a failure after the swap (the
        folder sync or the clean-up) is only logged, because the new secret is then in force.
        """
        folder = self.folder
        current = folder / KEYSLOTS_NAME
        prev = folder / (KEYSLOTS_NAME + PREV_SUFFIX)
        data = new.to_bytes()
        # 1. Prove the bytes: they must parse back to exactly the slot that was just wrapped
        #    (and checked to unwrap the DEK) in memory.
        if KeyslotFile.parse(data).slot(changed_slot) != new.slot(changed_slot):
            raise KeyslotFileError("The new key slot could not be proven. Nothing was changed.")
        try:
            # 2. Keep the generation this vault was opened with beside the live one.
            atomic_write(prev, self._keyslots.to_bytes())
            steps.pause_for_kill_tests()
            # 3. The swap itself: an atomic rename.
            atomic_write(current, data)
        except OSError as exc:
            if not steps.file_holds(current, data):
                raise KeyslotWriteError() from exc
            log.warning("key slots replaced, but syncing the folder failed")
        steps.pause_for_kill_tests()
        # 4. Read back before dropping the previous generation.
        if KeyslotFile.read(folder).to_bytes() != data:
            raise KeyslotFileError(
                f"The key file could not be written back. Restore it from {prev.name}."
            )
        self._keyslots = new
        with contextlib.suppress(OSError):
            prev.unlink()
            fsync_dir(folder)
        log.info("key slots rewritten (generation %d)", new.generation)

    # ----------------------------------------------------------------- checks
    def integrity_problems(self) -> list[str]:
        return dbconn.integrity_problems(self.conn)

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def backups_dir(self) -> Path:
        return ensure_private_dir(self.folder / BACKUPS_DIR)
