"""Grab the shell's screens to PNG (light and dark) for a visual check.

Usage: QT_QPA_PLATFORM=offscreen SWREFLECT_INSECURE_TEST_KDF=1 python tools/screenshots.py OUTDIR
Uses a throwaway vault in a temporary folder; nothing real is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QWidget

from swreflect.core.clock import FakeClock
from swreflect.gui.launch import compose, make_application
from swreflect.gui.style import apply_style
from swreflect.vault.kdf import KdfPolicy

PASSPHRASE = "amber lantern over a quiet harbour"


def settle() -> None:
    for _ in range(5):
        QThreadPool.globalInstance().waitForDone(20000)
        QCoreApplication.processEvents()


def grab(widget: QWidget, out: Path, name: str) -> None:
    widget.resize(1280, 720)
    settle()
    widget.grab().save(str(out / f"shell-{name}.png"))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SWREFLECT_INSECURE_TEST_KDF", "1")
    app = make_application(["shots"])
    for scheme in ("light", "dark"):
        apply_style(app, scheme)
        folder = Path(tempfile.mkdtemp()) / "vault"
        shell = compose(folder, FakeClock(), KdfPolicy.from_environment())
        shell.start()
        gate = shell.gate
        form = gate.create_screen.form
        form.passphrase_field.setText(PASSPHRASE)
        form.confirm_field.setText(PASSPHRASE)
        grab(gate, out, f"create-{scheme}")
        gate.create_screen.create_button.click()
        settle()
        grab(gate, out, f"recovery-key-{scheme}")
        gate.recovery_panel.stored_box.setChecked(True)
        gate.recovery_panel.continue_button.click()
        settle()
        window = shell.main_window
        assert window is not None
        grab(window, out, f"main-{scheme}")
        window.show_page("settings")
        grab(window, out, f"settings-{scheme}")
        window.show_page("journal")
        grab(window, out, f"placeholder-{scheme}")
        shell.lock()
        settle()
        gate.unlock_screen.passphrase_field.setText("not the right one at all")
        gate.unlock_screen.unlock_button.click()
        settle()
        grab(gate, out, f"unlock-error-{scheme}")
        gate.unlock_screen.recovery_button.click()
        grab(gate, out, f"recover-{scheme}")
        shell.shutdown()
        gate.close()
        settle()


if __name__ == "__main__":
    main()
