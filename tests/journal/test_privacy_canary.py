"""Text written through the journal never reaches a file outside the vault in plaintext.

A scripted CLI session in child processes (each with ``TMPDIR`` of its own) writes a canary
in a title, a body, a tag and a template answer's place, searches, lists, trashes, restores
and purges. Then every file under the test's folders (vault, config, logs, temp) is scanned
for the canary in UTF-8 and UTF-16, and so is everything printed on stderr.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from swreflect.paths import app_paths
from tests.conftest import TEST_PASSPHRASE
from tests.privacy import assert_no_canaries, find_in_bytes, new_canary
from tests.vault.support import REPO_ROOT, cli_env


def test_cli_journal_session_leaves_no_plaintext(tmp_path: Path, swreflect_home: Path) -> None:
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    canary = new_canary("JOURNAL")
    gone = new_canary("PURGED")
    env = cli_env(
        TMPDIR=str(tmpdir), TEMP=str(tmpdir), TMP=str(tmpdir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE
    )
    errors: list[str] = []

    def cli(*args: str, stdin: str | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "swreflect", *args],
            env=env,
            cwd=REPO_ROOT,
            input=stdin or "",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        errors.append(result.stderr)
        assert result.returncode == 0, result.stderr
        return str(result.stdout)

    cli("init")
    cli("journal", "add", f"Title {canary}", "--tag", canary.lower(), stdin=f"Body {canary}\n")
    cli("journal", "add", f"Gone {gone}", "--body", f"Purge me {gone}")
    assert canary in cli("journal", "search", canary)  # it really is in the vault
    cli("journal", "list", "--json")
    cli("journal", "delete", "1")
    cli("journal", "restore", "1")
    cli("journal", "delete", "--purge", "2")
    assert "Nothing in your journal matches" in cli("journal", "search", gone)

    paths = app_paths()
    roots = [paths.vault_dir, paths.config_dir, paths.log_dir, swreflect_home, tmpdir]
    scanned = assert_no_canaries([r for r in roots if r.exists()], [canary, canary.lower(), gone])
    assert scanned >= 3
    for text in errors:
        assert not find_in_bytes(text.encode("utf-8"), [canary, gone])
