"""D2 (SECURITY.md rows 1 and 5): a damaged log left by a crash never drops commits silently.

A child saves journal entries through the service and is killed, leaving a write-ahead log
full of acknowledged commits. Then, on copies of that folder:

* no change: every acknowledged entry is there, and the kept copy of the log is tidied away;
* the log cut inside its final frame (a torn write): opens as usual;
* one random bit flipped in the log, ``SWREFLECT_WAL_FLIPS`` times (20 in the suite, 300 in
  ``make nightly``): either the unlock is refused as damaged (exit 4 from the CLI) naming the
  kept copy, which holds the log byte for byte, or every acknowledged entry is still there.
  A silent loss fails the test.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from swreflect.errors import WalDamagedError
from swreflect.vault import wal_guard
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.reliability.conftest import rng, run_and_kill
from tests.reliability.journal_check import crash_numbers
from tests.vault.support import make_vault, run_cli

FLIPS = int(os.environ.get("SWREFLECT_WAL_FLIPS", "20"))


@pytest.fixture(scope="module")
def crashed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[int]]:
    """A vault whose writer was killed with its log still holding the commits."""
    os.environ["SWREFLECT_INSECURE_TEST_KDF"] = "1"
    folder = tmp_path_factory.mktemp("crashed") / "vault"
    make_vault(folder, rows=5)
    for _attempt in range(5):
        child = run_and_kill(
            "tests.reliability.child_writer", [str(folder), TEST_PASSPHRASE, "0"], 0.8
        )
        wal = Path(f"{folder}/vault.db-wal")
        if len(child.lines) >= 5 and wal.exists() and wal.stat().st_size > 40_000:
            return folder, {int(line) for line in child.lines}
    raise AssertionError("the writer never left a log behind")


def _copy(crashed: tuple[Path, set[int]], dest: Path) -> Path:
    shutil.copytree(crashed[0], dest)
    return dest


def test_an_undamaged_log_keeps_every_commit(
    crashed: tuple[Path, set[int]], tmp_path: Path
) -> None:
    folder = _copy(crashed, tmp_path / "v")
    assert wal_guard.inspect(Path(f"{folder}/vault.db-wal").read_bytes()).damaged is False
    found, problems = crash_numbers(folder, TEST_PASSPHRASE)
    assert problems == [] and crashed[1] <= found
    assert wal_guard.kept_copies(folder / "vault.db") == []


def test_a_torn_final_frame_is_an_ordinary_crash(
    crashed: tuple[Path, set[int]], tmp_path: Path
) -> None:
    folder = _copy(crashed, tmp_path / "v")
    wal = Path(f"{folder}/vault.db-wal")
    data = wal.read_bytes()
    wal.write_bytes(data[: len(data) - 1000])
    _found, problems = crash_numbers(folder, TEST_PASSPHRASE)
    assert problems == []


def test_single_bit_flips_in_the_log_never_lose_commits_silently(
    crashed: tuple[Path, set[int]], tmp_path: Path
) -> None:
    pristine = Path(f"{crashed[0]}/vault.db-wal").read_bytes()
    random = rng()
    refused = kept_whole = 0
    for n in range(FLIPS):
        folder = _copy(crashed, tmp_path / f"v{n}")
        data = bytearray(pristine)
        offset = random.randrange(len(data))
        data[offset] ^= 1 << random.randrange(8)
        Path(f"{folder}/vault.db-wal").write_bytes(bytes(data))
        try:
            found, problems = crash_numbers(folder, TEST_PASSPHRASE)
        except WalDamagedError as exc:
            kept = wal_guard.kept_copies(folder / "vault.db")
            assert len(kept) == 1 and kept[0].name in exc.message
            assert kept[0].read_bytes() == bytes(data)
            assert Path(f"{folder}/vault.db-wal").read_bytes() == bytes(data), "log untouched"
            refused += 1
        else:
            lost = crashed[1] - found
            assert not lost and problems == [], f"flip at {offset}: lost {sorted(lost)[:3]}"
            kept_whole += 1
        shutil.rmtree(folder)
    print(f"WAL flips: {refused} refused as damaged, {kept_whole} harmless, 0 silent losses")
    assert refused + kept_whole == FLIPS


def test_the_cli_reports_a_damaged_log_with_exit_4(
    crashed: tuple[Path, set[int]], tmp_path: Path
) -> None:
    folder = _copy(crashed, tmp_path / "v")
    wal = Path(f"{folder}/vault.db-wal")
    data = bytearray(wal.read_bytes())
    data[32 + 24 + 100] ^= 0x10  # inside the first frame's page: every later commit at stake
    wal.write_bytes(bytes(data))
    result = run_cli("check", "--vault", str(folder), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 4, result.stderr
    assert "vault.db-wal.kept-" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(WalDamagedError):
        Vault.unlock(folder, TEST_PASSPHRASE)
    assert len(wal_guard.kept_copies(folder / "vault.db")) == 1
