"""Upgrade lock-out (SECURITY.md row 15): vaults made by earlier builds keep opening.

Each folder under ``tests/upgrade/`` named ``golden_v<schema>`` was written once by
``make_golden.py`` with the code of its day and is never rebuilt. This build must open every
one (passphrase and recovery key), migrate it, pass both integrity checks on the database and
on each automatic backup, show the journal and verify both signatures of the agreed record,
and restore the "Back up to…" file. The fixtures are copied to ``tmp_path`` first: opening
migrates, and the committed bytes must stay as they were made.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from swreflect.core import backup_service
from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.signing.records import verify_all
from swreflect.vault.backups import inspect_backup, list_backups
from swreflect.vault.migrations import latest_version
from swreflect.vault.vault import Vault

HERE = Path(__file__).parent
GOLDEN = sorted(p for p in HERE.glob("golden_v*") if p.is_dir())


def test_there_is_at_least_one_golden_fixture() -> None:
    assert GOLDEN, "the golden vault fixtures are missing"


def _copy(golden: Path, tmp_path: Path) -> tuple[Path, dict[str, object]]:
    dest = tmp_path / golden.name
    shutil.copytree(golden, dest)
    manifest = json.loads((dest / "manifest.json").read_text(encoding="utf-8"))
    return dest, manifest


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_golden_vaults_open_verify_and_pass_both_checks(golden: Path, tmp_path: Path) -> None:
    root, manifest = _copy(golden, tmp_path)
    passphrase = str(manifest["passphrase"])
    record_id = str(manifest["record_id"])
    for who in ("sam", "priya"):
        vault = Vault.unlock(root / who, passphrase)
        services = build_services(vault, FakeClock())
        try:
            assert vault.schema_version() == latest_version()
            assert vault.integrity_problems() == []
            titles = [e.title for e in services.journal.list_entries()]
            assert titles == manifest["journal_titles"]
            assert [e.title for e in services.journal.list_trash()] == manifest["trash_titles"]
            assert services.signoff.status(record_id) == "agreed"
            agreed = services.signoff.agreed_record(record_id)
            assert {e.signer_name for e in verify_all(agreed)} == {"Sam Okafor", "Priya Shah"}
            assert len(services.signoff.verify(record_id)) == 2
            backups = list_backups(root / who / "backups")
            assert backups, "each golden vault holds an automatic backup"
            for info in backups:
                check = inspect_backup(info.path, vault.data_key())
                assert check.sound and check.vault_id == vault.vault_id, info.path.name
        finally:
            services.close()
        recovery = manifest["recovery_keys"]
        assert isinstance(recovery, dict)
        Vault.unlock_with_recovery_key(root / who, str(recovery[who])).lock()


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_golden_backup_file_restores(golden: Path, tmp_path: Path) -> None:
    root, manifest = _copy(golden, tmp_path)
    passphrase = str(manifest["passphrase"])
    target = tmp_path / "restored"
    backup_service.restore_from_file(target, root / "sam.swbak", passphrase=passphrase)
    vault = Vault.unlock(target, passphrase)
    services = build_services(vault, FakeClock())
    try:
        assert vault.integrity_problems() == []
        assert services.signoff.status(str(manifest["record_id"])) == "agreed"
        assert [e.title for e in services.journal.list_entries()] == manifest["journal_titles"]
    finally:
        services.close()
