"""Child process for the journal benchmark: open a big vault, show the Journal page, type.

Usage: python -m tests.bench.journal_gui_child VAULT_DIR PASSPHRASE
Prints one JSON object: seconds to unlock (with the services Home builds), milliseconds from
building the page until the list's first page is painted, resident memory after opening, and
the longest event-loop stall (a 1 ms QTimer heartbeat) while typing a search and then typing
into the editor with autosave running.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel

    from swreflect.core.clock import SystemClock
    from swreflect.core.services import build_services
    from swreflect.gui.pages.journal_page import journal_page
    from swreflect.vault.vault import Vault

    app = QApplication([])
    # The shell is already on screen when the journal opens: warm up fonts and styles first.
    warm = QLabel("swreflect")
    warm.show()
    for _ in range(20):
        app.processEvents()
    warm.hide()
    folder, passphrase = Path(sys.argv[1]), sys.argv[2]
    t0 = time.perf_counter()
    vault = Vault.unlock(folder, passphrase)
    services = build_services(vault, SystemClock())
    # In the app the journal service already exists when the page opens: Home's drafts card
    # built it at unlock (so its cost is in the unlock figure). Before, this figure paid for
    # it too (imports and templates, about 100 ms of 135).
    assert services.journal is not None
    unlocked = time.perf_counter()

    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    start_page = time.perf_counter()
    page = journal_page(services)
    built = time.perf_counter()
    watch = PaintWatch()
    page.list_view.viewport().installEventFilter(watch)  # type: ignore[attr-defined]
    page.resize(1280, 720)
    page.show()
    while not painted and time.perf_counter() - start_page < 10:
        app.processEvents()
    first_page_ms = (painted[0] - start_page) * 1000 if painted else float("nan")
    rss_open = rss_mb()

    gaps: dict[str, float] = {"search": 0.0, "editor": 0.0}
    phase = ["idle"]
    last = [time.perf_counter()]

    worst: list[tuple[float, str, str]] = []
    action = [""]

    def beat() -> None:
        now = time.perf_counter()
        if phase[0] in gaps:
            gap = now - last[0]
            gaps[phase[0]] = max(gaps[phase[0]], gap)
            if gap > 0.03:
                worst.append((round(gap * 1000, 1), phase[0], action[0]))
        last[0] = now

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(1)
    heart.timeout.connect(beat)
    heart.start()

    script: list[tuple[str, object, str]] = []
    for text in ("supervision", "reflect wor", "ca"):
        for ch in text:
            script.append(("search", page.search_bar.field, ch))  # type: ignore[attr-defined]
        script.append(("search", page.search_bar.field, "CLEAR"))  # type: ignore[attr-defined]
    body = "Today I noticed how tired the team looked after the long meeting. " * 5
    for ch in body[:300]:
        script.append(("editor", page.editor.body_edit, ch))  # type: ignore[attr-defined]
    steps = iter(script)
    done = [False]

    def step() -> None:
        try:
            name, widget, ch = next(steps)
        except StopIteration:
            done[0] = True
            return
        phase[0] = name
        action[0] = f"after key {ch!r}"
        if ch == "CLEAR":
            widget.clear()  # type: ignore[attr-defined]
        else:
            QTest.keyClick(widget, ch)  # type: ignore[call-overload]
        QTimer.singleShot(300 if ch == "CLEAR" else 90, step)

    last[0] = time.perf_counter()
    QTimer.singleShot(50, step)
    while not done[0]:
        app.processEvents()
    QTimer.singleShot(3500, lambda: done.__setitem__(0, False))  # let autosave fire once more
    while done[0]:
        app.processEvents()
    heart.stop()
    page.save_pending()
    drafts = len(services.journal.drafts())
    page.clear_sensitive()
    services.close()
    print(
        json.dumps(
            {
                "unlock_s": round(unlocked - t0, 3),
                "first_page_ms": round(first_page_ms, 1),
                "page_built_ms": round((built - start_page) * 1000, 1),
                "worst_gaps": sorted(worst, reverse=True)[:5],
                "rss_mb_after_open": round(rss_open, 1),
                "rss_mb_after_typing": round(rss_mb(), 1),
                "max_stall_search_ms": round(gaps["search"] * 1000, 1),
                "max_stall_editor_ms": round(gaps["editor"] * 1000, 1),
                "drafts_saved": drafts,
            }
        )
    )


if __name__ == "__main__":
    main()
