"""Figure (SECURITY.md row 5, D1): how many old pages of the *same* file, put back one at a
time, are caught. This is the replay the threat model says remains possible
(docs/threat-model.md); the figure shows how often it still gets caught by the integrity
checks or a failed open. Whole-file rollbacks and pages moved between copies are tested
as pass/fail in tests/vault/test_rollback.py. Prints the figure; never fails on it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import SwreflectError
from swreflect.models.journal import EntryContent
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE

PAGE = 4096


def _session(folder: Path, start: int, count: int) -> None:
    services = build_services(Vault.unlock(folder, TEST_PASSPHRASE), FakeClock())
    try:
        for n in range(start, start + count):
            services.journal.create(EntryContent(title=f"entry {n}", body="words " * (n % 40)))
        if start:
            services.journal.trash(services.journal.list_entries(0, 1)[0].id)
    finally:
        services.close()


def test_bench_single_page_replays_from_the_same_file(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, TEST_PASSPHRASE)[0].lock()
    _session(folder, 0, 40)
    old = (folder / "vault.db").read_bytes()
    _session(folder, 40, 10)
    new = (folder / "vault.db").read_bytes()
    pages = [n for n in range(min(len(old), len(new)) // PAGE)
             if old[n * PAGE:(n + 1) * PAGE] != new[n * PAGE:(n + 1) * PAGE]]  # fmt: skip
    caught = 0
    for n in pages:
        copy = tmp_path / f"replay-{n}"
        shutil.copytree(folder, copy)
        data = bytearray(new)
        data[n * PAGE : (n + 1) * PAGE] = old[n * PAGE : (n + 1) * PAGE]
        (copy / "vault.db").write_bytes(bytes(data))
        try:
            vault = Vault.unlock(copy, TEST_PASSPHRASE)
        except SwreflectError:
            caught += 1
            continue
        try:
            caught += bool(vault.integrity_problems())
        finally:
            vault.lock()
    print(f"\nsame-file single-page replays caught: {caught}/{len(pages)} "
          f"(the rest is the documented limit)")  # fmt: skip
