"""D4 and D7 (SECURITY.md rows 3 and 6): a full or read-only disk is never called damage.

On a real 3 MiB tmpfs, a vault is used with ``SWREFLECT_DISKFULL_STEPS`` amounts of free space
(8 in the suite, 50 in ``make nightly``) from 0 upwards, through the CLI in this process: list,
add, backup, check. Each command either works or exits 1 with a disk message (never "damaged",
never "restore"); a failed open leaves no ``-wal``/``-shm`` and no command leaves a temporary
file behind; once space
is freed the vault passes both checks with every acknowledged entry. Then the disk is made
read-only: reading commands work and a write gets the read-only message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.vault.small_disk import FILLER, fill_to, read_only, small_disk
from tests.vault.support import make_vault

STEPS = int(os.environ.get("SWREFLECT_DISKFULL_STEPS", "8"))
STRAY = ("-wal", "-shm", ".tmp", ".partial", "-journal")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def _titles(folder: Path) -> list[str]:
    services = build_services(Vault.unlock(folder, TEST_PASSPHRASE), FakeClock())
    try:
        assert services.vault.integrity_problems() == []
        return [s.title for s in services.journal.list_entries(0, 1000)]
    finally:
        services.close()


def test_a_full_disk_gets_its_own_message_and_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    with small_disk(tmp_path / "disk", 3072) as disk:
        folder = disk / "vault"
        make_vault(folder, rows=40)
        vault_arg = ["--vault", str(folder)]
        acked: list[str] = []
        runs = right = refused = 0
        for step in range(STEPS):
            free = step * 1024 * 96 // max(1, STEPS - 1) if STEPS > 1 else 0
            fill_to(disk, free)
            title = f"entry at step {step}"
            commands = [
                ["journal", "list", *vault_arg],
                ["journal", "add", title, "--body", "x" * 2000, *vault_arg],
                ["backup", "create", *vault_arg],
                ["check", *vault_arg],
            ]
            for argv in commands:
                code, err = _run(capsys, *argv)
                runs += 1
                if code == 0:
                    if argv[:2] == ["journal", "add"]:
                        acked.append(title)
                    right += 1
                    continue
                assert code == 1, (free, argv, err)
                refused += 1
                assert "damaged" not in err and "restore" not in err, (free, argv, err)
                assert "disk" in err or "space" in err, (free, argv, err)
                # A failed open leaves nothing; a command that opened may leave the log it
                # could not fold back (it holds committed entries), but no temporary file.
                stray_kinds = STRAY if "couldn't open" in err else (".tmp", ".partial")
                stray = [p.name for p in folder.rglob("*") if p.name.endswith(stray_kinds)]
                assert stray == [], (free, argv, stray)
                right += 1
        (disk / FILLER).unlink()
        assert set(acked) <= set(_titles(folder))
        print(f"disk-full runs: {right}/{runs} right ({refused} refused with the disk message)")
        assert refused, "the smallest free space must make some command fail"


def test_a_read_only_disk_can_be_read_and_refuses_writes_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    with small_disk(tmp_path / "disk", 8192) as disk:
        folder = disk / "vault"
        make_vault(folder)
        assert main(["journal", "add", "kept", "--body", "b", "--vault", str(folder)]) == 0
        capsys.readouterr()
        with read_only(disk):
            for argv in (["journal", "list"], ["check"], ["journal", "search", "kept"]):
                code, err = _run(capsys, *argv, "--vault", str(folder))
                assert code == 0, (argv, err)
            code = main(["journal", "list", "--vault", str(folder)])
            assert code == 0 and "kept" in capsys.readouterr().out
            code, err = _run(capsys, "journal", "add", "t", "--body", "b", "--vault", str(folder))
            assert code == 1 and "read-only" in err, err
