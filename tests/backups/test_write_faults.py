"""A full disk or an unwritable place gives a typed error, no torn file, and a sound vault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect.core.services import Services
from swreflect.errors import OutputFileError, RestoreFailedError
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE, put_setting
from tests.conftest import folder_hashes

REPO = Path(__file__).resolve().parents[2]

CHILD = """
import resource, signal, sys
from pathlib import Path
from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import SwreflectError
from swreflect.vault.vault import Vault
vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = int(sys.argv[4])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
services = build_services(vault, FakeClock())
try:
    if sys.argv[3] == "file":
        services.backups.back_up_to(Path(sys.argv[5]))
    elif sys.argv[3] == "auto":
        services.backups.create_backup()
    elif sys.argv[3] == "restore":
        from swreflect.core.backup_service import restore_from_file
        vault.lock()
        restore_from_file(Path(sys.argv[5]), Path(sys.argv[6]), passphrase=sys.argv[2])
    else:
        services.portability.export_json(Path(sys.argv[5]))
except SwreflectError as exc:
    print(type(exc).__name__, exc.exit_code)
else:
    print("written")
finally:
    vault.lock()
"""


def _vault_of_size(tmp_path: Path) -> Path:
    from swreflect.vault.kdf import KdfPolicy

    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, KdfPolicy.insecure_for_tests())
    try:
        for i in range(60):
            put_setting(vault, f"entry.{i}", "reflection " * 60)
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        vault.lock()
    return folder


@pytest.mark.parametrize("what", ["file", "auto", "json"])
def test_every_write_limit_gives_a_typed_error_and_no_torn_file(tmp_path: Path, what: str) -> None:
    folder = _vault_of_size(tmp_path)
    db_size = (folder / "vault.db").stat().st_size
    out_dir = tmp_path / "stick"
    out_dir.mkdir()
    dest = out_dir / "out.bin"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    outcomes = []
    # Limits below the copy's size, between it and the packed file's size, and far below.
    for limit in (4096, db_size // 2, db_size - 1, db_size + 100):
        before = folder_hashes(folder)
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), PASSPHRASE, what, str(limit), str(dest)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
            check=True,
        )
        result = done.stdout.strip()
        outcomes.append(result)
        assert result.split()[0] in ("written", "BackupFailedError", "OutputFileError"), result
        if result != "written":
            assert not dest.exists()  # never a torn file under the chosen name
            assert folder_hashes(folder) == {k: v for k, v in before.items()}
        assert sorted(p.name for p in out_dir.iterdir()) in ([], ["out.bin"])
        leftovers = (
            [p.name for p in (folder / "backups").glob("*partial*")]
            if (folder / "backups").exists()
            else []
        )
        assert leftovers == []
        vault = Vault.unlock(folder, PASSPHRASE)
        try:
            assert vault.integrity_problems() == []
        finally:
            vault.lock()
    assert any(r != "written" for r in outcomes)
    print(f"\n{what}: {outcomes}")


def test_restore_onto_a_full_disk_is_a_typed_error_and_leaves_nothing(tmp_path: Path) -> None:
    from swreflect.core.clock import FakeClock
    from swreflect.core.services import build_services

    folder = _vault_of_size(tmp_path)
    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        backup = build_services(vault, FakeClock()).backups.back_up_to(tmp_path / "b.swrbak")
    finally:
        vault.lock()
    target = tmp_path / "new-home" / "vault"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    args = [str(folder), PASSPHRASE, "restore", "8192", str(target), str(backup)]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    assert done.stdout.split()[0] == "RestoreFailedError", done.stdout
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir()] == []


def test_unwritable_destination_is_a_typed_error(services: Services, tmp_path: Path) -> None:
    with pytest.raises(OutputFileError):
        services.backups.back_up_to(tmp_path / "no-such-folder" / "b.swrbak")
    with pytest.raises(OutputFileError):
        services.portability.export_json(tmp_path / "no-such-folder" / "e.json")


def test_restore_refuses_a_folder_holding_other_files(services: Services, tmp_path: Path) -> None:
    from swreflect.core.backup_service import restore_from_file

    backup = services.backups.back_up_to(tmp_path / "b.swrbak")
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "letter.txt").write_text("not a vault")
    before = folder_hashes(busy)
    with pytest.raises(RestoreFailedError):
        restore_from_file(busy, backup, passphrase=PASSPHRASE)
    assert folder_hashes(busy) == before
