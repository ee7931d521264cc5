"""SECURITY.md row 7: without SQLCipher nothing is opened and no plain database is created."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.vault.support import REPO_ROOT, cli_env, make_vault

WITHOUT_SQLCIPHER = r"""
import sys
sys.modules["sqlcipher3"] = None  # as if the driver were not installed
sys.modules["sqlcipher3.dbapi2"] = None
from swreflect.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_SQLCIPHER, *args],
        cwd=REPO_ROOT,
        env=cli_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_open_refuses_without_sqlcipher(vault_dir: Path) -> None:
    make_vault(vault_dir)
    before = folder_hashes(vault_dir)
    result = _run("check", "--vault", str(vault_dir))
    assert result.returncode == 1
    assert "encryption library" in result.stderr
    assert folder_hashes(vault_dir) == before


def test_init_creates_nothing_without_sqlcipher(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    result = _run("init", "--vault", str(folder))
    assert result.returncode == 1
    assert "encryption library" in result.stderr
    databases = [p.name for p in folder.rglob("*.db*")] if folder.exists() else []
    assert databases == []
