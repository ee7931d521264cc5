"""Screenshots of the Insights page at 1280x720, light and dark, into the folder given.

Run by hand: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.insights.grab_shots DIR``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main() -> None:
    os.environ.setdefault("SWREFLECT_INSECURE_TEST_KDF", "1")
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    with tempfile.TemporaryDirectory() as home:
        os.environ["SWREFLECT_HOME"] = home
        from swreflect.core.clock import FakeClock
        from swreflect.core.services import build_services
        from swreflect.gui.pages.insights_page import InsightsPage
        from swreflect.gui.style import apply_style
        from swreflect.vault.kdf import KdfPolicy
        from swreflect.vault.vault import Vault
        from tests.insights.seed import TODAY, seed_all

        app = QApplication.instance() or QApplication([])
        clock = FakeClock(TODAY)
        empty_vault, _ = Vault.create(
            Path(home) / "empty", "a long test passphrase here", KdfPolicy.insecure_for_tests()
        )
        full_vault, _ = Vault.create(
            Path(home) / "full", "a long test passphrase here", KdfPolicy.insecure_for_tests()
        )
        full = build_services(full_vault, clock)
        seed_all(full, clock)
        empty = build_services(empty_vault, clock)
        for scheme in ("light", "dark"):
            apply_style(app, scheme)  # type: ignore[arg-type]
            for name, services in (("empty", empty), ("data", full)):
                page = InsightsPage(services)
                page.resize(1280, 720)
                page.show()
                deadline = time.monotonic() + 30
                while not page.is_ready and time.monotonic() < deadline:  # gathered in a worker
                    app.processEvents()
                    time.sleep(0.005)
                app.processEvents()
                page.grab().save(str(out / f"insights-{name}-{scheme}.png"))
                if name == "data":
                    bar = page.scroller.verticalScrollBar()
                    for step, value in enumerate((bar.maximum() // 2, bar.maximum()), start=2):
                        bar.setValue(value)
                        app.processEvents()
                        page.grab().save(str(out / f"insights-{name}{step}-{scheme}.png"))
                page.close()
                page.deleteLater()
                app.processEvents()
        full.close()
        empty.close()


if __name__ == "__main__":
    main()
