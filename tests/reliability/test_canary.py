"""SECURITY.md row 7: text written through the app never reaches the disk in plaintext.

A scripted session in child processes (init, write, check, passphrase change, recovery-key
rotation, check, lock) with ``TMPDIR`` pointed at a folder of its own; afterwards the vault,
config, log and temp folders and all printed output are scanned for the canary (UTF-8,
UTF-16-LE, UTF-16-BE), and for both passphrases.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from swreflect.paths import app_paths
from tests.privacy import assert_no_canaries, find_in_bytes, new_canary
from tests.vault.support import REPO_ROOT, cli_env, run_cli


def test_no_plaintext_after_a_scripted_session(tmp_path: Path, swreflect_home: Path) -> None:
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    canary = new_canary()
    old_pass = "canary passphrase " + new_canary("PASS")
    new_pass = "changed passphrase " + new_canary("NEWPASS")
    paths = app_paths()
    vault_dir = paths.vault_dir
    env = cli_env(TMPDIR=str(tmpdir), TEMP=str(tmpdir), TMP=str(tmpdir))
    outputs: list[str] = []

    def cli(*args: str, **extra: str) -> str:
        result = run_cli(*args, env={**env, **extra})
        outputs.extend([result.stdout, result.stderr])
        assert result.returncode == 0, result.stderr
        return result.stdout

    cli("init", SWREFLECT_PASSPHRASE=old_pass)
    written = subprocess.run(
        [sys.executable, "-m", "tests.reliability.child_canary", str(vault_dir), old_pass, canary],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert written.returncode == 0, written.stderr
    assert int(written.stdout.strip()) == 300  # the canary really is in the vault
    cli("check", SWREFLECT_PASSPHRASE=old_pass)
    cli("passphrase", "change", SWREFLECT_PASSPHRASE=old_pass, SWREFLECT_NEW_PASSPHRASE=new_pass)
    shown = cli("recovery-key", "rotate", SWREFLECT_PASSPHRASE=new_pass)
    (new_key,) = re.findall(r"(?:[A-Z2-7]{4}-){12}[A-Z2-7]{4}", shown)
    cli("recovery-key", "rotate", "--confirm", SWREFLECT_PASSPHRASE=new_pass,
        SWREFLECT_NEW_RECOVERY_KEY=new_key)  # fmt: skip
    cli("check", "--json", SWREFLECT_PASSPHRASE=new_pass)

    assert not (vault_dir / "vault.db").read_bytes().startswith(b"SQLite format 3")
    roots = [vault_dir, paths.config_dir, paths.log_dir, swreflect_home, tmpdir]
    scanned = assert_no_canaries([r for r in roots if r.exists()], [canary, old_pass, new_pass])
    assert scanned >= 3
    for text in outputs:
        assert not find_in_bytes(text.encode("utf-8"), [canary, old_pass, new_pass])


def test_the_scanner_finds_what_it_should(tmp_path: Path) -> None:
    """The scanner itself: a canary in each encoding, nested, is found."""
    canary = new_canary()
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "le.bin").write_bytes(b"\x00x" + canary.encode("utf-16-le"))
    (tmp_path / "be.bin").write_bytes(canary.encode("utf-16-be"))
    (tmp_path / "plain.txt").write_text(f"...{canary}...")
    from tests.privacy import find_canaries

    found = {(Path(hit.where).name, hit.encoding) for hit in find_canaries([tmp_path], [canary])}
    assert found == {("le.bin", "utf-16-le"), ("be.bin", "utf-16-be"), ("plain.txt", "utf-8")}
