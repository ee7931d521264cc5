"""The backup commands: output, files and exit codes (3 wrong secret, 4 damaged)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE, put_setting
from tests.conftest import folder_hashes


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    vault_dir = tmp_path / "vault"
    vault, _ = Vault.create(vault_dir, PASSPHRASE, KdfPolicy.insecure_for_tests())
    put_setting(vault, "state", "from the cli test")
    vault.lock()
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", PASSPHRASE)
    return vault_dir


def test_create_list_and_restore(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "create", "--vault", str(folder)]) == 0
    assert main(["backup", "list", "--vault", str(folder), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [row["kind"] for row in listed] == ["manual"]
    out = tmp_path / "stick.swrbak"
    assert main(["backup", "create", "--vault", str(folder), "-o", str(out)]) == 0
    target = tmp_path / "new"
    assert main(["backup", "restore", str(out), "--vault", str(target)]) == 0
    assert "passed both integrity checks" in capsys.readouterr().out
    Vault.unlock(target, PASSPHRASE).lock()


def test_restore_with_a_recovery_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault, recovery = Vault.create(tmp_path / "v", PASSPHRASE, KdfPolicy.insecure_for_tests())
    vault.lock()
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "b.swrbak"
    assert main(["backup", "create", "--vault", str(tmp_path / "v"), "-o", str(out)]) == 0
    monkeypatch.delenv("SWREFLECT_PASSPHRASE")
    key_file = tmp_path / "key.txt"
    key_file.write_text(recovery + "\n")
    args = ["backup", "restore", str(out), "--vault", str(tmp_path / "n")]
    assert main([*args, "--recovery-key-file", str(key_file)]) == 0


def test_exit_codes_for_wrong_passphrase_and_damaged_files(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "stick.swrbak"
    assert main(["backup", "create", "--vault", str(folder), "-o", str(out)]) == 0
    before = folder_hashes(folder)
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", "this is not the passphrase")
    assert main(["backup", "restore", str(out), "--vault", str(folder)]) == 3
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", PASSPHRASE)
    short = tmp_path / "short.swrbak"
    short.write_bytes(out.read_bytes()[:-10])
    assert main(["backup", "restore", str(short), "--vault", str(folder)]) == 4
    assert folder_hashes(folder) == before


def test_restore_latest_after_damage(folder: Path) -> None:
    assert main(["backup", "create", "--vault", str(folder)]) == 0
    (folder / "vault.db").write_bytes(b"\0" * 8192)
    assert main(["check", "--vault", str(folder)]) == 4
    assert main(["backup", "restore", "--latest", "--vault", str(folder)]) == 0
    assert main(["check", "--vault", str(folder)]) == 0


def test_restore_needs_exactly_one_source(folder: Path) -> None:
    assert main(["backup", "restore", "--vault", str(folder)]) == 2


def test_export_json_warns_and_import_json_round_trips(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "everything.json"
    assert main(["export", "json", "--vault", str(folder), "-o", str(out)]) == 0
    assert "NOT encrypted" in capsys.readouterr().err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {"key": "state", "value": "from the cli test"} in doc["tables"]["settings"]
    fresh = tmp_path / "fresh"
    Vault.create(fresh, PASSPHRASE, KdfPolicy.insecure_for_tests())[0].lock()
    assert main(["import", "json", str(out), "--vault", str(fresh)]) == 0
    vault = Vault.unlock(fresh, PASSPHRASE)
    try:
        row = vault.conn.execute("SELECT value FROM settings WHERE key = 'state'").fetchone()
        assert row == ("from the cli test",)
    finally:
        vault.lock()


def test_restore_latest_names_the_backup_it_used(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "create", "--vault", str(folder)]) == 0
    (made,) = (folder / "backups").glob("manual-*.db")
    (folder / "vault.db").write_bytes(b"\0" * 8192)
    capsys.readouterr()
    assert main(["backup", "restore", "--latest", "--vault", str(folder), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["backup"] == made.name
    assert any(f"“{made.name}”, made " in m and "(UTC" in m for m in result["messages"][:1])
    assert f"Restored “{made.name}”" in result["messages"][-1]


def test_restore_latest_names_the_older_backup_it_fell_back_to(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "create", "--vault", str(folder)]) == 0
    assert main(["backup", "create", "--vault", str(folder)]) == 0
    older, newer = sorted(
        (folder / "backups").glob("manual-*.db"), key=lambda p: (len(p.name), p.name)
    )
    damaged = bytearray(newer.read_bytes())
    for offset in range(4096 + 64, len(damaged), 4096):
        damaged[offset] ^= 0xA5
    newer.write_bytes(bytes(damaged))
    (folder / "vault.db").write_bytes(b"\0" * 8192)
    capsys.readouterr()
    assert main(["backup", "restore", "--latest", "--vault", str(folder), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert f"“{newer.name}”" in result["messages"][0]  # named first, before the checks
    assert result["backup"] == older.name  # the result names the one actually used
    assert f"Restored “{older.name}”" in result["messages"][-1]
