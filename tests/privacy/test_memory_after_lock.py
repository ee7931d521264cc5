"""SECURITY.md row 13 (best effort): what is left of the key and the text in memory after lock.

A child unlocks a vault, reads an entry, locks, collects garbage and copies its own writable
memory (memory_child.py). This test, which knows the data key and the canary, counts them in
the copies. The vault's own key buffer must be zeroed and no copy of the key, raw or as hex,
may be left (the connection is keyed through ``sqlite3_key`` from a wiped bytearray, not
through ``PRAGMA key`` text). Copies of decrypted text left in freed memory are counted and
printed: Python gives no way to wipe a ``str``, and SQLite frees its page cache unwiped unless
``cipher_memory_security`` is on (measured: searches about 5x slower).
"""

from __future__ import annotations

import json
import mmap
import subprocess
import sys
from pathlib import Path

from swreflect.core.clock import SystemClock
from swreflect.core.services import build_services
from swreflect.models.journal import EntryContent
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.privacy import ENCODINGS, new_canary
from tests.privacy.isolation import REPO, make_sandbox


def _count(path: Path, needle: bytes) -> int:
    if path.stat().st_size == 0:
        return 0
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        found, pos = 0, data.find(needle)
        while pos != -1:
            found += 1
            pos = data.find(needle, pos + 1)
        return found


def _needles(key: bytes, canary: str) -> dict[str, bytes]:
    needles = {
        "key bytes": key,
        "key hex": key.hex().encode(),
        "KEY HEX": key.hex().upper().encode(),
    }
    needles.update({f"canary {enc}": canary.encode(enc) for enc in ENCODINGS})
    return needles


def test_key_buffer_is_zeroed_and_copies_are_counted(tmp_path: Path) -> None:
    sandbox = make_sandbox(tmp_path)
    folder = tmp_path / "vault"
    canary = new_canary("MEMORY")
    vault, _recovery = Vault.create(folder, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, SystemClock())
    services.journal.create(EntryContent(title="Memory", body=f"Words {canary} here"))
    key = bytes(vault.data_key())  # the parent's copy; the child never sees it
    services.close()

    before, after = tmp_path / "unlocked.mem", tmp_path / "locked.mem"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.privacy.memory_child", str(folder), str(before), str(after)],
        env=sandbox.env(),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    facts = json.loads(proc.stdout.strip().splitlines()[-1])
    assert facts["key_len"] == 32 and facts["read_chars"] > 0
    assert facts["key_zeroed"], "the vault's key buffer still holds the key after lock"

    needles = _needles(key, canary)
    unlocked = {name: _count(before, n) for name, n in needles.items()}
    locked = {name: _count(after, n) for name, n in needles.items()}
    print(
        f"\nmemory copied: {facts['dumped_unlocked'] >> 20} MiB unlocked, "
        f"{facts['dumped_locked'] >> 20} MiB locked\n"
        f"  while unlocked: {unlocked}\n  after lock+gc:  {locked}"
    )
    # The scan can see what it looks for: while unlocked, the key and the text are in memory.
    assert unlocked["key bytes"] >= 1 and unlocked["canary utf-8"] >= 1
    # Row 13: no copy of the data key survives lock, raw or in any form SQLCipher accepts it
    # in. The slot is decrypted straight into the vault's wiped buffer (``decrypt_into``) and
    # every derivation reads that buffer, so no immutable ``bytes`` copy is ever made.
    assert locked["key bytes"] == 0, locked
    assert locked["key hex"] == 0 and locked["KEY HEX"] == 0, locked
    # Decrypted text does survive in freed memory (Python str objects and SQLite's page cache
    # are released without being wiped); Python can't wipe them, so their number is a
    # benchmark figure (tests/bench/test_memory_figures.py), not a pass/fail here.
