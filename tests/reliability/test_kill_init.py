"""A kill during ``init`` leaves either a complete vault or a folder a new ``init`` accepts,
never a half vault that blocks the owner."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.reliability.conftest import rng, runs
from tests.vault.support import REPO_ROOT, cli_env, make_vault, run_cli


def test_leftovers_of_an_interrupted_create_do_not_block_init(vault_dir: Path) -> None:
    vault_dir.mkdir(mode=0o700)
    other = vault_dir.parent / "other"
    make_vault(other)
    (vault_dir / "keyslots.json").write_bytes((other / "keyslots.json").read_bytes())
    (vault_dir / ".vault.db.creating").write_bytes(b"partial")
    (vault_dir / "vault.lock").write_bytes(b"")
    result = run_cli("init", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    Vault.unlock(vault_dir, TEST_PASSPHRASE).lock()
    assert not (vault_dir / ".vault.db.creating").exists()


def test_kill_during_init(tmp_path: Path) -> None:
    random = rng()
    complete = 0
    for run in range(runs("SWREFLECT_INIT_KILL_RUNS", 8)):
        folder = tmp_path / f"v{run}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "swreflect", "init", "--vault", str(folder)],
            cwd=REPO_ROOT,
            env=cli_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(random.uniform(0.15, 0.7))  # the kill moment, not a timed assertion
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if Vault.exists(folder):
            vault = Vault.unlock(folder, TEST_PASSPHRASE)
            try:
                assert vault.integrity_problems() == []
            finally:
                vault.lock()
            complete += 1
        else:
            again = run_cli("init", "--vault", str(folder), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
            assert again.returncode == 0, f"run {run}: {again.stderr}"
    print(f"init kills: {complete} complete vaults, the rest re-initialised cleanly")
