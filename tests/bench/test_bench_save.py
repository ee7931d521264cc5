"""Saving on the UI thread at scale: add and update latency, p99 and max (printed, never
asserted), with realistic 150–600-word bodies, next to the same saves on the unencrypted floor.

The app's own upkeep runs as it does in the shell (checkpoints in a worker, see
``gui.vault_upkeep``; the search index's idle-time removal of edited-away versions, see
``gui.search_upkeep``) and the Qt event loop turns between saves, as it does between keystrokes.
That idle-time removal is the work an edit no longer does while the person waits, so its slices
are reported too (each holds the UI thread while nobody is typing or clicking).
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication

from swreflect.core.clock import SystemClock
from swreflect.core.journal_setup import build_journal
from swreflect.core.services import build_services
from swreflect.gui.search_upkeep import SearchTidy
from swreflect.gui.vault_upkeep import VaultUpkeep
from swreflect.models.journal import EntryContent
from tests.bench import table
from tests.bench.plain_vault import PlainVault
from tests.bench.realistic import BenchData
from tests.bench.vocabulary import prose, sentence_words

ADDS, UPDATES = 200, 100


def _content(rng: random.Random) -> EntryContent:
    title = " ".join(sentence_words(rng, 4)).capitalize()
    return EntryContent(title=title, body=prose(rng, rng.randint(150, 600)))


def _add(journal: Any, content: EntryContent, ids: list[int]) -> None:
    ids.append(journal.create(content).id)


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def test_save_latency_at_scale(realistic_copy: BenchData, qtbot) -> None:
    app = QApplication.instance()
    assert app is not None
    vault = realistic_copy.unlock()
    services = build_services(vault)
    upkeep = VaultUpkeep(vault)
    tidy = SearchTidy(services.journal.tidy_search_index, vault)
    plain = PlainVault(realistic_copy.plain_db)
    floor = build_journal(plain, SystemClock())  # type: ignore[arg-type]
    rng = random.Random(7)
    adds: list[float] = []
    floor_adds: list[float] = []
    ours_ids: list[int] = []
    floor_ids: list[int] = []
    for _ in range(ADDS):
        content = _content(rng)
        adds.append(_timed(functools.partial(_add, services.journal, content, ours_ids)))
        floor_adds.append(_timed(functools.partial(_add, floor, content, floor_ids)))
        app.processEvents()
    updates: list[float] = []
    floor_updates: list[float] = []
    for n in range(UPDATES):
        content = _content(rng)
        i = rng.randrange(len(ours_ids))
        updates.append(_timed(functools.partial(services.journal.update, ours_ids[i], content)))
        floor_updates.append(_timed(functools.partial(floor.update, floor_ids[i], content)))
        if n % 10 == 0:
            qtbot.wait(20)  # let the upkeep's timer and worker run now and then
    during = len(tidy.slices_ms)
    while services.journal.tidy_search_index(0) > 0:  # what was still waiting, one at a time
        tidy.run_slice()
    print(f"\nupkeep checkpoints during the run: {upkeep.checkpoints}; index upkeep slices: "
          f"{during} during, {len(tidy.slices_ms) - during} after")  # fmt: skip
    for name, ours, base in (("add", adds, floor_adds), ("update", updates, floor_updates)):
        p99 = table.percentile(ours, 99)
        note = (
            f"n={len(ours)}; p50 {table.percentile(ours, 50):.1f} ms; floor (same engine, no "
            f"key) p99 {table.percentile(base, 99):.1f} / max {max(base):.1f} ms"
        )
        table.record(f"Save: {name} p99 on the UI thread", p99, 50, note=note)
        table.record(f"Save: {name} max on the UI thread", max(ours), 100)
    slices = tidy.slices_ms
    table.record(
        "Save: idle-time index upkeep, one edited-away version (max)", max(slices), 100,
        note=f"n={len(slices)}; p50 {table.percentile(slices, 50):.1f} ms; runs only after "
        "2 s without input",
    )  # fmt: skip
    tidy.stop()
    upkeep.stop()
    vault.lock()
    plain.lock()
