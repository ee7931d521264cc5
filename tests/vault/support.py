"""Helpers shared by the vault, CLI and reliability tests: run the real CLI, hash a folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE

REPO_ROOT = Path(__file__).resolve().parents[2]


def resealed(doc: dict[str, Any]) -> dict[str, Any]:
    """A key-slot document with its checksum recomputed, as a deliberate editor would do."""
    from swreflect.vault.keyslots import _checksum

    body = {k: v for k, v in doc.items() if k != "checksum"}
    return {**body, "checksum": _checksum(body)}


def cli_env(**extra: str) -> dict[str, str]:
    """The test process environment (SWREFLECT_HOME, cheap KDF) plus ``extra``."""
    env = dict(os.environ)
    env["SWREFLECT_INSECURE_TEST_KDF"] = "1"
    for name in (
        "SWREFLECT_PASSPHRASE",
        "SWREFLECT_NEW_PASSPHRASE",
        "SWREFLECT_RECOVERY_KEY",
        "SWREFLECT_NEW_RECOVERY_KEY",
    ):
        env.pop(name, None)
    env.update(extra)
    return env


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, **extra: str
) -> subprocess.CompletedProcess[str]:
    """``python -m swreflect ARGS`` in a child process, stdin not a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "swreflect", *args],
        env=env or cli_env(**extra),
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def make_vault(folder: Path, rows: int = 0, passphrase: str = TEST_PASSPHRASE) -> str:
    """A cheap, locked vault with ``rows`` settings rows (to span several pages).

    Returns the recovery key text."""
    vault, recovery = Vault.create(folder, passphrase, KdfPolicy.insecure_for_tests())
    try:
        with vault.transaction() as conn:
            for i in range(rows):
                conn.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?)",
                    (f"filler-{i:05d}", f"value {i} " + "x" * 120),
                )
    finally:
        vault.lock()
    return recovery
