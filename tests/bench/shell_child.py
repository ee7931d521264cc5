"""Child process for the shell benchmark: the real app's shell in a fresh process, unlocked
through the unlock screen's own path, then Insights, then every page.

Usage: python -m tests.bench.shell_child VAULT_DIR PASSPHRASE
Prints one JSON object. A fresh process is what a person starts: its first unlock pays for
loading the window's code (overlapped with the key derivation, as in the app), and its
memory is the app's own, not the benchmark runner's with the data set's caches in it.

- Unlock: from the moment the worker hands over the opened vault (key derivation done) to
  the first paint inside the main window; the longest UI stall from then until Home's
  figures are shown.
- Insights: click to first paint, to figures shown, and the longest UI stall meanwhile.
- Memory: resident size (and peak) after opening every page once.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

UNLOCKS = 5
PAGES = ("home", "journal", "supervision", "agreements", "actions", "insights", "settings")


def status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ready(widget: Any) -> Callable[[], bool]:
    """Whether a page (or panel) has its figures; pages without any are always ready."""
    return lambda: bool(getattr(widget, "is_ready", True))


def main() -> None:
    from swreflect.gui.launch import make_application

    app = make_application()
    from swreflect.vault.kdf import KdfPolicy

    folder, passphrase = Path(sys.argv[1]), sys.argv[2]
    _rewrap(folder, passphrase, KdfPolicy.production())
    try:
        out = _run_shell(app, folder, passphrase)
    finally:
        _rewrap(folder, passphrase, KdfPolicy.insecure_for_tests())  # for the other benches
    print(json.dumps(out))


def _rewrap(folder: Path, passphrase: str, kdf: Any) -> None:
    """The data set's key slot uses the cheap test derivation; a person's uses the real one,
    which takes half a second or more and overlaps the loading of the window's code. The
    working copy is rewrapped with the real one (calibrated here) while this process runs."""
    from swreflect.vault.vault import Vault

    vault = Vault.unlock(folder, passphrase)
    try:
        vault.change_passphrase(passphrase, kdf)
    finally:
        vault.lock()


def _run_shell(app: Any, folder: Path, passphrase: str) -> dict[str, Any]:
    from swreflect.core.clock import SystemClock
    from swreflect.gui.launch import compose
    from swreflect.vault.kdf import KdfPolicy
    from tests.bench.shell_probe import PaintWatch, StallMeter, pump_until

    shell = compose(folder, SystemClock(), KdfPolicy.insecure_for_tests)
    shell.start()
    pump_until(app, lambda: False, 0.5)  # the unlock screen is up, as a person sees it
    out: dict[str, Any] = {"unlock_ms": [], "unlock_cpu_ms": [], "unlock_stall_ms": []}
    handed_over = shell.on_unlock_succeeded
    clock: dict[str, Any] = {}

    def stamped(vault: object) -> None:
        clock["start"] = time.perf_counter()
        clock["cpu"] = time.thread_time()
        clock["stall"].start()
        handed_over(vault)

    shell.on_unlock_succeeded = stamped  # type: ignore[method-assign]
    for run in range(UNLOCKS):
        watch = PaintWatch(app, lambda: shell.main_window)
        clock["stall"] = StallMeter()
        clock.pop("start", None)
        shell.on_unlock_screen_unlock_requested(passphrase)  # the key derivation, in a worker
        assert pump_until(app, lambda w=watch: w.painted_at is not None)  # type: ignore[misc]
        out["unlock_ms"].append(round(((watch.painted_at or 0.0) - clock["start"]) * 1000, 1))
        cpu = (watch.painted_cpu or 0.0) - clock["cpu"]
        out["unlock_cpu_ms"].append(round(cpu * 1000, 1))
        watch.close()
        window = shell.main_window
        assert window is not None
        home: Any = window.pages["home"]
        pump_until(app, ready(home.supervision))
        pump_until(app, lambda: False, 0.1)
        out["unlock_stall_ms"].append(round(clock["stall"].stop(), 1))
        if run == 0:
            _wait_for_background(shell, app, pump_until)
        if run < UNLOCKS - 1:
            shell.lock()
            pump_until(app, lambda: False, 0.2)

    window = shell.main_window
    assert window is not None
    for name in ("first", "complete", "stall", "stall_cpu"):
        out[f"insights_{name}_ms"] = []
    for _ in range(3):
        window.show_page("home")
        pump_until(app, lambda: False, 0.5)
        watch = PaintWatch(
            app, lambda: window.pages["insights"] if window.pages.is_built("insights") else None
        )
        stall = StallMeter()
        stall.start()
        start = time.perf_counter()
        window.show_page("insights")
        assert pump_until(app, lambda w=watch: w.painted_at is not None)  # type: ignore[misc]
        out["insights_first_ms"].append(round((watch.painted_at or 0.0) * 1000 - start * 1000, 1))
        page: Any = window.pages["insights"]
        assert pump_until(app, ready(page))
        out["insights_complete_ms"].append(round((time.perf_counter() - start) * 1000, 1))
        pump_until(app, lambda: False, 0.05)
        out["insights_stall_ms"].append(round(stall.stop(), 1))
        out["insights_stall_cpu_ms"].append(round(stall.worst_cpu_ms, 1))
        watch.close()

    for key in PAGES:
        window.show_page(key)
        shown: Any = window.pages[key]
        pump_until(app, ready(shown), 60)
        pump_until(app, lambda: False, 0.3)
    out["rss_mb"] = round(status_mb("VmRSS"), 1)
    out["peak_rss_mb"] = round(status_mb("VmHWM"), 1)
    shell.shutdown()
    return out


def _wait_for_background(shell: Any, app: Any, pump_until: Any) -> None:
    """Let the day's backup started at the first unlock finish before timing the rest."""
    from swreflect.gui.backup_hooks import DAILY_BACKUP_DELAY_MS

    pump_until(app, lambda: False, DAILY_BACKUP_DELAY_MS / 1000 + 0.5)  # it starts after Home
    runner = shell._runner
    if runner is not None:
        pump_until(app, lambda: not runner.busy, 1800)


if __name__ == "__main__":
    main()
