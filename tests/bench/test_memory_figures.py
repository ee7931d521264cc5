"""Benchmark figure (SECURITY.md row 13): copies of decrypted text left in memory after lock.

Python can't wipe a ``str`` and SQLite frees its page cache unwiped, so some copies of what
was read stay in freed memory after lock; the privacy tests fail on any copy of the key, and
this records the text copies as a figure to drive down. Prints the count; never fails on it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from swreflect.core.clock import SystemClock
from swreflect.core.services import build_services
from swreflect.models.journal import EntryContent
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.privacy import new_canary
from tests.privacy.isolation import REPO, make_sandbox
from tests.privacy.test_memory_after_lock import _count, _needles


def test_bench_text_copies_left_after_lock(tmp_path: Path) -> None:
    sandbox = make_sandbox(tmp_path)
    folder = tmp_path / "vault"
    canary = new_canary("FIGURE")
    vault, _ = Vault.create(folder, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, SystemClock())
    services.journal.create(EntryContent(title="Figure", body=f"Words {canary} here"))
    key = bytes(vault.data_key())
    services.close()
    before, after = tmp_path / "unlocked.mem", tmp_path / "locked.mem"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.privacy.memory_child", str(folder), str(before), str(after)],
        env=sandbox.env(), cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    json.loads(proc.stdout.strip().splitlines()[-1])
    found = {name: _count(after, n) for name, n in _needles(key, canary).items()}
    text = sum(v for k, v in found.items() if k.startswith("canary"))
    print(f"\nmemory after lock: {text} copies of the read text (figure), "
          f"{found['key bytes']} raw key copies (must be 0)")  # fmt: skip
