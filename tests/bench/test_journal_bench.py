"""Journal figures on the realistic data set that the search and save benchmarks leave out
(printed, never asserted): the list's first page, counting, deleting for good, and the Journal
page in a fresh process (first page painted, memory, event-loop stalls while typing a search
and typing in the editor with autosave running).
"""

from __future__ import annotations

import functools
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from swreflect.core.services import build_services
from tests.bench import table
from tests.bench.realistic import PASSPHRASE, BenchData

REPO_ROOT = Path(__file__).resolve().parents[2]


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def test_journal_list_count_purge_and_page(realistic_copy: BenchData) -> None:
    vault = realistic_copy.unlock()
    journal = build_services(vault).journal
    try:
        first_page = [_timed(lambda: journal.list_entries(0, 100)) for _ in range(20)]
        deep_page = [_timed(lambda: journal.list_entries(5000, 100)) for _ in range(20)]
        counts = [_timed(journal.count_entries) for _ in range(10)]
        victims = [s.id for s in journal.list_entries(0, 5)]
        purges = []
        for entry_id in victims:
            journal.trash(entry_id)
            purges.append(_timed(functools.partial(journal.purge, entry_id)))
    finally:
        vault.lock()
    print(
        f"\nlist first 100: p50 {statistics.median(first_page):.1f} ms; at offset 5,000: "
        f"p50 {statistics.median(deep_page):.1f} ms; count: p50 {statistics.median(counts):.1f}"
        f" ms; delete for good: max {max(purges):.0f} ms"
    )
    table.record("Journal: list first page query (max of 20)", max(first_page), 50)
    table.record("Journal: delete for good, max of 5", max(purges), 1000,
                 note="purge, secure index delete and WAL truncate")  # fmt: skip

    child = subprocess.run(
        [sys.executable, "-m", "tests.bench.journal_gui_child", str(realistic_copy.folder),
         PASSPHRASE],
        cwd=REPO_ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr[-2000:]
    gui = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"Journal page (fresh process): {gui}")
    table.record("Journal: page built + first page painted", gui["first_page_ms"], 100)
    table.record("Journal: longest stall typing a search", gui["max_stall_search_ms"], 100)
    table.record("Journal: longest stall typing with autosave", gui["max_stall_editor_ms"], 100)
    assert gui["drafts_saved"] >= 1  # autosave really ran during the typing
