"""SECURITY.md rows 7, 8 and 12 for the real GUI shell, run in a sealed child process.

Qt keeps its own files (QSettings, font caches, runtime sockets, temporary files) in HOME and
the XDG folders; running the shell in a child whose folders all point into a sandbox lets the
scan see every one of them. The run goes through create, write, copy, search, lock, unlock and
quit; afterwards no canary may be in any file (the vault is encrypted, so it counts too).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.journal.pages import plaintext_of_vault
from tests.privacy import ENCODINGS, files_under, find_canaries, find_in_bytes, new_canary
from tests.privacy.isolation import REPO, make_sandbox
from tests.privacy.syscalls import (
    read_trace,
    strace_available,
    strace_prefix,
    unshare_available,
)
from tests.privacy.test_memory_after_lock import _count, _needles


def test_gui_session_leaves_no_plaintext_and_sends_nothing(tmp_path: Path) -> None:
    sandbox = make_sandbox(tmp_path)
    canary = new_canary("GUI")
    dump = tmp_path / "locked.mem"
    command = [sys.executable, "-m", "tests.privacy.gui_session", canary, str(dump)]
    trace = None if strace_available() else tmp_path / "strace.txt"
    if trace is not None:
        command = strace_prefix(trace) + command
    if unshare_available():
        command = ["unshare", "-n", *command]
    proc = subprocess.run(
        command,
        env=sandbox.env(),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "outcome: ['done']" in proc.stdout

    canaries = [canary, canary.lower()]
    assert canary not in proc.stdout + proc.stderr
    files = files_under([sandbox.root])
    hits = find_canaries([sandbox.root], canaries)
    assert not hits, "plaintext on disk:\n" + "\n".join(map(str, hits))
    outside = sorted(
        str(p.relative_to(sandbox.root)) for p in files if sandbox.vault_dir not in p.parents
    )
    print(
        f"\nGUI run: scanned {len(files)} files for {len(canaries)} canaries x "
        f"{len(ENCODINGS)} encodings: 0 hits; files outside the vault: {outside}"
    )
    # The entry really was saved: with the key, the vault's pages show the canary.
    vault = Vault.unlock(sandbox.vault_dir, TEST_PASSPHRASE)
    try:
        key = bytes(vault.data_key())
    finally:
        vault.lock()
    assert find_in_bytes(plaintext_of_vault(sandbox.vault_dir, key), canaries)

    # Row 13 for the GUI, through the real lock (``shell.lock()``: pages saved and cleared,
    # window destroyed, workers waited for, vault locked): no copy of the key at all, raw or
    # hex. Copies of the text (Qt keeps UTF-16) are counted and printed; their number is a
    # benchmark figure (tests/bench/test_memory_figures.py) since Python can't wipe them.
    found = {name: _count(dump, needle) for name, needle in _needles(key, canary).items()}
    print(f"GUI memory after lock ({dump.stat().st_size >> 20} MiB): {found}")
    assert found["key bytes"] == 0, found
    assert found["key hex"] == 0 and found["KEY HEX"] == 0, found
    if trace is not None:
        report = read_trace(trace)
        print(f"GUI strace: {report.programs} programs; socket calls: {report.summary()}")
        assert report.offending == [], "\n".join(report.offending)
