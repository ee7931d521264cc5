"""What a person waits for in the real shell on the realistic data set (printed, never asserted).

- Unlock: from the key derivation done to Home painted (the key is derived before the clock
  starts; the shell is handed the opened vault exactly as the unlock worker hands it over).
- Insights: from the click on the rail to the page's first paint, to its figures painted, and
  the longest UI stall meanwhile.
- Memory: resident size after opening every page once.
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtWidgets import QApplication

from swreflect.core.clock import SystemClock
from swreflect.gui.launch import compose
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.bench import table
from tests.bench.realistic import PASSPHRASE, BenchData
from tests.bench.shell_probe import PaintWatch, StallMeter, pump_until, rss_mb

UNLOCKS = 5


def test_unlock_insights_and_memory(realistic_copy: BenchData, qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = compose(realistic_copy.folder, SystemClock(), KdfPolicy.insecure_for_tests())
    shell.start()
    unlock_ms: list[float] = []
    unlock_stall: list[float] = []
    for run in range(UNLOCKS):
        vault = Vault.unlock(realistic_copy.folder, PASSPHRASE)  # the KDF, outside the timing
        watch = PaintWatch(app, lambda: shell.main_window)
        stall = StallMeter()
        stall.start()
        start = time.perf_counter()
        shell.on_unlock_succeeded(vault)
        assert pump_until(app, lambda w=watch: w.painted_at is not None)  # type: ignore[misc]
        unlock_ms.append((watch.painted_at - start) * 1000)  # type: ignore[operator]
        unlock_stall.append(stall.stop())
        watch.close()
        if run == 0:
            _wait_for_background(shell, app)
        if run < UNLOCKS - 1:
            shell.lock()
    print(f"\nunlock to Home painted, ms: {[round(x) for x in unlock_ms]}")
    table.record(
        "Unlock: KDF done to Home painted (median)",
        statistics.median(unlock_ms),
        150,
        note=f"max {max(unlock_ms):.0f} ms over {UNLOCKS} (the first has a cold cache)",
    )

    window = shell.main_window
    assert window is not None
    first: list[float] = []
    complete: list[float] = []
    stalls: list[float] = []
    for _ in range(3):
        window.show_page("home")
        pump_until(app, lambda: False, 0.2)
        watch = PaintWatch(
            app, lambda: window.pages["insights"] if window.pages.is_built("insights") else None
        )
        stall = StallMeter()
        stall.start()
        start = time.perf_counter()
        window.show_page("insights")
        assert pump_until(app, lambda w=watch: w.painted_at is not None)  # type: ignore[misc]
        first.append((watch.painted_at - start) * 1000)  # type: ignore[operator]
        page = window.pages["insights"]
        assert pump_until(app, lambda p=page: getattr(p, "is_ready", True))  # type: ignore[misc]
        pump_until(app, lambda: False, 0.05)
        complete.append((time.perf_counter() - start) * 1000)
        stalls.append(stall.stop())
        watch.close()
    print(f"insights first paint {first}, complete {complete}, stalls {stalls}")
    table.record("Insights: click to first paint (max of 3)", max(first), 200)
    table.record("Insights: longest UI stall (max of 3)", max(stalls), 50)
    table.record(
        "Insights: click to figures shown (max of 3)",
        max(complete),
        None,
        note="gathered in a worker behind a placeholder; no target in the issue",
    )

    for key in ("home", "journal", "supervision", "agreements", "actions", "insights", "settings"):
        window.show_page(key)
        pump_until(app, lambda: False, 0.3)
    table.record(
        "Memory: RSS after opening every page",
        rss_mb(),
        250,
        "MB",
        note="the whole pytest process, Qt and the data set's caches included",
    )
    shell.shutdown()


def _wait_for_background(shell, app) -> None:
    """Let the day's backup started at the first unlock finish before timing the rest."""
    from swreflect.gui.backup_hooks import DAILY_BACKUP_DELAY_MS

    pump_until(app, lambda: False, DAILY_BACKUP_DELAY_MS / 1000 + 0.5)  # it starts after Home
    runner = shell._runner
    if runner is not None:
        pump_until(app, lambda: not runner.busy, 1800)
