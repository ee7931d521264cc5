"""Encrypted copies of the live database, made through SQLCipher (never a raw file copy)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from swreflect.errors import SwreflectError
from swreflect.vault import connection as dbconn
from swreflect.vault.connection import Connection


class BackupFailedError(SwreflectError):
    default_message = "The backup could not be written or checked. Your vault was not changed."


def backup_to_file(conn: Connection, dek: bytearray, dest: Path) -> Path:
    """Export the whole database, encrypted with the same key, to ``dest``, then verify it."""
    dest = Path(dest)
    partial = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    key = f"x'{bytes(dek).hex()}'"
    try:
        conn.execute("ATTACH DATABASE ? AS swr_backup KEY ?", (str(partial), key))
        try:
            conn.execute("PRAGMA swr_backup.cipher_compatibility = 4")
            conn.execute("SELECT sqlcipher_export('swr_backup')")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute(f"PRAGMA swr_backup.user_version = {version}")
        finally:
            conn.execute("DETACH DATABASE swr_backup")
        os.chmod(partial, 0o600)
        check = dbconn.connect(partial, dek)
        try:
            problems = dbconn.integrity_problems(check)
            check.execute("PRAGMA journal_mode = DELETE")
        finally:
            check.close()
        if problems:
            raise BackupFailedError()
        os.replace(partial, dest)
    except dbconn.DatabaseError as exc:
        raise BackupFailedError() from exc
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return dest
