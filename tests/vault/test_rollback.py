"""SECURITY.md row 5, D1: whole-file rollback and pages moved between copies are detected.

* A whole ``vault.db`` put back from before later sessions is refused on unlock with its own
  message (the generation in the database is behind the one the key file authenticates).
* Every page of an automatic backup, put into ``vault.db`` at the same place, is refused or
  listed by the integrity check (each backup has its own page key), and the other way round.
* An edited generation in ``keyslots.json`` (checksum recomputed) fails its MAC.
* A restore raises the generation, so the vault.db it replaced reads as a rollback.

Entries are written through the journal service, as the app writes them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from swreflect.core.backup_service import restore_from_file
from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.errors import VaultDamagedError, VaultRolledBackError
from swreflect.models.journal import EntryContent
from swreflect.vault.backups import inspect_backup
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import resealed, run_cli

PAGE = 4096


def _session(folder: Path, titles: list[str]) -> None:
    services = build_services(Vault.unlock(folder, TEST_PASSPHRASE), FakeClock())
    try:
        for title in titles:
            services.journal.create(EntryContent(title=title, body=f"{title} body"))
    finally:
        services.close()


def _new(folder: Path) -> None:
    vault, _ = Vault.create(folder, TEST_PASSPHRASE)
    vault.lock()


def test_every_older_vault_db_is_refused_as_a_rollback(vault_dir: Path, tmp_path: Path) -> None:
    _new(vault_dir)
    snapshots: list[Path] = []
    for n in range(6):
        _session(vault_dir, [f"entry {n}-{i}" for i in range(3)])
        snap = tmp_path / f"snap-{n}.db"
        shutil.copyfile(vault_dir / "vault.db", snap)
        snapshots.append(snap)
    current = (vault_dir / "vault.db").read_bytes()
    detected = 0
    for snap in snapshots[:-1]:
        shutil.copyfile(snap, vault_dir / "vault.db")
        with pytest.raises(VaultRolledBackError):
            Vault.unlock(vault_dir, TEST_PASSPHRASE)
        assert (vault_dir / "vault.db").read_bytes() == snap.read_bytes(), "nothing written"
        detected += 1
    assert detected == len(snapshots) - 1
    (vault_dir / "vault.db").write_bytes(current)
    Vault.unlock(vault_dir, TEST_PASSPHRASE).lock()  # the newest copy still opens


def test_a_read_only_session_does_not_count_and_the_cli_names_a_rollback(
    vault_dir: Path, tmp_path: Path
) -> None:
    _new(vault_dir)
    _session(vault_dir, ["first"])
    old = (vault_dir / "vault.db").read_bytes()
    slots_before = (vault_dir / "keyslots.json").read_bytes()
    Vault.unlock(vault_dir, TEST_PASSPHRASE).lock()  # reads only: nothing is rewritten
    assert (vault_dir / "keyslots.json").read_bytes() == slots_before
    _session(vault_dir, ["second"])
    (vault_dir / "vault.db").write_bytes(old)
    result = run_cli(
        "journal", "list", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE
    )
    assert result.returncode == 4, result.stderr
    assert "older copy" in result.stderr and "Traceback" not in result.stderr


def test_an_edited_generation_in_the_key_file_is_refused(vault_dir: Path) -> None:
    _new(vault_dir)
    _session(vault_dir, ["first"])
    doc = json.loads((vault_dir / "keyslots.json").read_text(encoding="utf-8"))
    doc["state"]["db_generation"] = 1
    (vault_dir / "keyslots.json").write_text(json.dumps(resealed(doc)), encoding="utf-8")
    with pytest.raises(VaultDamagedError, match="altered"):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)


def _transplant_refused(vault_dir: Path, donor: bytes, pages: int) -> int:
    """Put each donor page alone into vault.db; count the copies that are refused or listed."""
    db = vault_dir / "vault.db"
    pristine = db.read_bytes()
    refused = 0
    for page in range(pages):
        data = bytearray(pristine)
        data[page * PAGE : (page + 1) * PAGE] = donor[page * PAGE : (page + 1) * PAGE]
        db.write_bytes(bytes(data))
        try:
            vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
        except VaultDamagedError:
            refused += 1
            continue
        try:
            refused += bool(vault.integrity_problems())
        finally:
            vault.lock()
    db.write_bytes(pristine)
    return refused


def test_pages_from_a_backup_are_refused_in_the_vault_and_back(vault_dir: Path) -> None:
    _new(vault_dir)
    _session(vault_dir, [f"entry {i}" for i in range(20)])
    services: Services = build_services(Vault.unlock(vault_dir, TEST_PASSPHRASE), FakeClock())
    try:
        backup = services.backups.create_backup().path
        services.journal.create(EntryContent(title="after the backup", body="x"))
    finally:
        services.close()
    donor = backup.read_bytes()
    pages = min(len(donor), (vault_dir / "vault.db").stat().st_size) // PAGE
    assert pages >= 10
    assert _transplant_refused(vault_dir, donor, pages) == pages

    live = (vault_dir / "vault.db").read_bytes()
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        refused = 0
        for page in range(pages):
            data = bytearray(donor)
            data[page * PAGE : (page + 1) * PAGE] = live[page * PAGE : (page + 1) * PAGE]
            backup.write_bytes(bytes(data))
            refused += not inspect_backup(backup, vault.data_key()).sound
    finally:
        vault.lock()
    assert refused == pages


def test_a_restore_makes_the_replaced_vault_db_a_rollback(vault_dir: Path, tmp_path: Path) -> None:
    _new(vault_dir)
    _session(vault_dir, ["kept"])
    services = build_services(Vault.unlock(vault_dir, TEST_PASSPHRASE), FakeClock())
    try:
        services.backups.back_up_to(tmp_path / "copy.swbak")
    finally:
        services.close()
    _session(vault_dir, ["lost by the restore"])
    before_restore = (vault_dir / "vault.db").read_bytes()
    restore_from_file(vault_dir, tmp_path / "copy.swbak", passphrase=TEST_PASSPHRASE)
    services = build_services(Vault.unlock(vault_dir, TEST_PASSPHRASE), FakeClock())
    try:
        assert [e.title for e in services.journal.list_entries()] == ["kept"]
    finally:
        services.close()
    (vault_dir / "vault.db").write_bytes(before_restore)
    with pytest.raises(VaultRolledBackError):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)
