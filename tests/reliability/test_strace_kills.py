"""SECURITY.md rows 1, 10, 16 with syscall-point injection: the CLI killed at an exact write,
fsync, rename or unlink during init, passphrase change, recovery-key rotation (the confirmed
step), backup and restore. After every kill:

* init: either no vault (and a new ``init`` then works) or a vault that opens;
* passphrase change: it opens with the old or the new passphrase, exactly one of them;
* recovery-key rotation: the old or the new recovery key opens it (never neither), and so
  does the passphrase;
* backup: the vault opens, passes both checks, keeps its entries, and every backup present
  is sound;
* restore: the vault opens and passes both checks, holding either its own state or the
  backup's, never a mix.

``SWREFLECT_STRACE_POINTS`` kill points per operation (3 in the suite; ``all`` in
``make nightly`` sweeps every watched call).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import WrongPassphraseError, WrongRecoveryKeyError
from swreflect.models.journal import EntryContent
from swreflect.vault.backups import inspect_backup, list_backups
from swreflect.vault.restore import finish_interrupted_restore
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.reliability.strace_kill import base_env, count_calls, kill_at, kill_points

NEW_PASS = "a brand new passphrase for the kill test"
os.environ.setdefault("SWREFLECT_STRACE_POINTS", "3")


def _titles(folder: Path, passphrase: str = TEST_PASSPHRASE) -> set[str]:
    services = build_services(Vault.unlock(folder, passphrase), FakeClock())
    try:
        assert services.vault.integrity_problems() == []
        return {s.title for s in services.journal.list_entries(0, 500)}
    finally:
        services.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """A vault with entries, its recovery key, and a backup file of an older state."""
    os.environ["SWREFLECT_INSECURE_TEST_KDF"] = "1"
    root = tmp_path_factory.mktemp("strace")
    folder = root / "vault"
    vault, recovery = Vault.create(folder, TEST_PASSPHRASE)
    services = build_services(vault, FakeClock())
    try:
        services.journal.create(EntryContent(title="in the backup", body="b"))
        services.backups.back_up_to(root / "older.swbak")
        services.journal.create(EntryContent(title="after the backup", body="a"))
    finally:
        services.close()
    return folder, recovery, root / "older.swbak"


def _fresh(template: tuple[Path, str, Path], dest: Path) -> Path:
    shutil.copytree(template[0], dest)
    return dest


def _sweep(name: str, args: list[str], env: dict[str, str], make, check) -> Counter[str]:
    probe = make(0)
    counts = count_calls([*args, "--vault", str(probe)], env)
    outcomes: Counter[str] = Counter()
    points = kill_points(counts, seed=len(name))
    assert points, f"{name}: no watched system calls were seen"
    for i, (syscall, n) in enumerate(points, start=1):
        folder = make(i)
        result = kill_at([*args, "--vault", str(folder)], env, syscall, n)
        outcomes["killed" if result.returncode == 137 or result.returncode < 0 else "finished"] += 1
        check(folder, f"{name} {syscall}#{n}")
    print(f"{name}: {len(points)} kill points survived ({dict(outcomes)}), calls {dict(counts)}")
    return outcomes


def test_kill_points_during_init(tmp_path: Path) -> None:
    env = base_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)

    def check(folder: Path, where: str) -> None:
        if Vault.exists(folder):
            Vault.unlock(folder, TEST_PASSPHRASE).lock()
            return
        Vault.create(folder, TEST_PASSPHRASE)[0].lock()  # leftovers never block a new vault

    _sweep("init", ["init"], env, lambda i: tmp_path / f"v{i}", check)


def test_kill_points_during_passphrase_change(
    template: tuple[Path, str, Path], tmp_path: Path
) -> None:
    env = base_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE, SWREFLECT_NEW_PASSPHRASE=NEW_PASS)

    def check(folder: Path, where: str) -> None:
        opened = []
        for secret in (TEST_PASSPHRASE, NEW_PASS):
            try:
                Vault.unlock(folder, secret).lock()
                opened.append(secret)
            except WrongPassphraseError:
                pass
        assert len(opened) == 1, f"{where}: opens with {len(opened)} passphrases"

    _sweep("passphrase change", ["passphrase", "change"], env,
           lambda i: _fresh(template, tmp_path / f"v{i}"), check)  # fmt: skip


def test_kill_points_during_recovery_key_rotation(
    template: tuple[Path, str, Path], tmp_path: Path
) -> None:
    old_key = template[1]
    new_key = Vault.new_recovery_key_text()
    env = base_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE, SWREFLECT_NEW_RECOVERY_KEY=new_key)

    def check(folder: Path, where: str) -> None:
        working = 0
        for key in (old_key, new_key):
            try:
                Vault.unlock_with_recovery_key(folder, key).lock()
                working += 1
            except WrongRecoveryKeyError:
                pass
        assert working >= 1, f"{where}: no recovery key opens the vault"
        Vault.unlock(folder, TEST_PASSPHRASE).lock()

    _sweep("recovery-key rotate --confirm", ["recovery-key", "rotate", "--confirm"], env,
           lambda i: _fresh(template, tmp_path / f"v{i}"), check)  # fmt: skip


def test_kill_points_during_backup(template: tuple[Path, str, Path], tmp_path: Path) -> None:
    env = base_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)

    def check(folder: Path, where: str) -> None:
        assert {"in the backup", "after the backup"} <= _titles(folder), where
        vault = Vault.unlock(folder, TEST_PASSPHRASE)
        try:
            for info in list_backups(folder / "backups"):
                assert inspect_backup(info.path, vault.data_key()).sound, (where, info.path)
        finally:
            vault.lock()

    _sweep("backup create", ["backup", "create"], env,
           lambda i: _fresh(template, tmp_path / f"v{i}"), check)  # fmt: skip


def test_kill_points_during_restore(template: tuple[Path, str, Path], tmp_path: Path) -> None:
    env = base_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)

    def check(folder: Path, where: str) -> None:
        finish_interrupted_restore(folder)
        titles = _titles(folder)
        assert titles in ({"in the backup"}, {"in the backup", "after the backup"}), where

    _sweep("backup restore", ["backup", "restore", str(template[2])], env,
           lambda i: _fresh(template, tmp_path / f"v{i}"), check)  # fmt: skip
