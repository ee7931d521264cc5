"""The schema ladder: a newer vault is refused untouched; a migration backs up first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from swreflect.errors import EXIT_ERROR, VaultTooNewError
from swreflect.vault import connection as dbconn
from swreflect.vault import open_steps
from swreflect.vault.backups import connect_copy
from swreflect.vault.migrations import Migration, ladder, latest_version
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.vault.support import make_vault, resealed, run_cli


def test_the_ladder_is_ordered_unique_and_contiguous() -> None:
    versions = [step.version for step in ladder()]
    assert versions == list(range(1, len(versions) + 1))
    assert latest_version() == versions[-1]


def test_a_vault_from_a_newer_version_is_refused_and_left_alone(vault_dir: Path) -> None:
    make_vault(vault_dir, rows=10)
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    vault.conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    vault.lock()
    before = folder_hashes(vault_dir)
    with pytest.raises(VaultTooNewError):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)
    result = run_cli("check", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == EXIT_ERROR
    assert "newer version" in result.stderr
    assert folder_hashes(vault_dir) == before
    assert not (vault_dir / "backups").exists()


def test_a_key_file_from_a_newer_version_is_refused(vault_dir: Path) -> None:
    make_vault(vault_dir)
    path = vault_dir / "keyslots.json"
    doc = json.loads(path.read_bytes())
    doc["format"] = 2
    path.write_text(json.dumps(resealed(doc)))
    before = folder_hashes(vault_dir)
    with pytest.raises(VaultTooNewError):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)
    assert folder_hashes(vault_dir) == before


def _with_test_step(monkeypatch: pytest.MonkeyPatch, upgrade: Any) -> int:
    """Add one temporary step on top of the real ladder (no file is written)."""
    real = ladder()
    version = real[-1].version + 1
    steps = [*real, Migration(version, f"m{version:04d}_test_step", upgrade)]
    monkeypatch.setattr(open_steps, "ladder", lambda: steps)
    monkeypatch.setattr(open_steps, "latest_version", lambda: version)
    return version


def test_migration_makes_a_verified_backup_first(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(vault_dir, rows=25)
    old_version = latest_version()

    def upgrade(conn: Any) -> None:
        conn.execute("CREATE TABLE test_added (id INTEGER PRIMARY KEY, note TEXT)")

    new_version = _with_test_step(monkeypatch, upgrade)
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        assert vault.schema_version() == new_version
        assert vault.integrity_problems() == []
        backups = sorted(vault.backups_dir().glob("pre-migration-*.db"))
        assert len(backups) == 1 and f"-v{old_version}-" in backups[0].name
        assert (backups[0].stat().st_mode & 0o777) == 0o600
        copy = connect_copy(backups[0], vault.data_key())
        try:
            assert int(copy.execute("PRAGMA user_version").fetchone()[0]) == old_version
            assert copy.execute("SELECT count(*) FROM settings").fetchone()[0] == 25
            assert dbconn.integrity_problems(copy) == []
            tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
            assert "test_added" not in tables
        finally:
            copy.close()
        assert not backups[0].read_bytes().startswith(b"SQLite format 3")
    finally:
        vault.lock()


def test_a_failing_migration_rolls_back_and_keeps_the_backup(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(vault_dir, rows=5)
    old_version = latest_version()

    def upgrade(conn: Any) -> None:
        conn.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("step failed")

    _with_test_step(monkeypatch, upgrade)
    with pytest.raises(RuntimeError):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)
    monkeypatch.undo()
    monkeypatch.setenv("SWREFLECT_INSECURE_TEST_KDF", "1")
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        assert vault.schema_version() == old_version
        tables = {r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
        assert list(vault.backups_dir().glob("pre-migration-*.db"))
    finally:
        vault.lock()
