"""GUI entry point (the shell is built in swreflect.gui)."""

from __future__ import annotations


def run_gui() -> int:
    import sys

    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel("swreflect")
    label.show()
    return int(app.exec())
