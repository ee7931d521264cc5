"""The day's automatic backup, visible and under the user's control while it runs.

A quiet line in the main window's status bar: "Backing up your vault… 42%" with a progress
bar and a "Put off" button. Putting it off stops the copy at once (the partial file is
removed, the vault and the earlier backups are untouched) and it is tried again two hours
later if the vault is still open, or at the next unlock. Locking puts it off the same way, so
locking never waits for a long copy. The bar follows the copy step by step (4 MiB at a time),
then the checks of the copy, table by table.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

POLL_MS = 250
BACKING_UP = "Backing up your vault…"
PUT_OFF = "Put off"


class BackupProgress(QWidget):
    def __init__(self, progress: Callable[[], float | None], stop: threading.Event) -> None:
        super().__init__()
        self.setAccessibleName("Automatic backup")
        self._progress = progress
        self._stop = stop
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 0)
        self.text = QLabel(BACKING_UP)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName("Backup progress")
        self.put_off = QPushButton(PUT_OFF)
        self.put_off.setToolTip(
            "Stop this backup now; it will be made later today, or at your next unlock."
        )
        self.put_off.clicked.connect(self.on_put_off_clicked)
        row.addWidget(self.text)
        row.addWidget(self.bar)
        row.addWidget(self.put_off)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.timer.start()

    @classmethod
    def show_in(
        cls, window: QMainWindow | None, progress: Callable[[], float | None], stop: threading.Event
    ) -> BackupProgress:
        indicator = cls(progress, stop)
        if window is not None:
            bar = window.statusBar()
            bar.addPermanentWidget(indicator)
            bar.show()
            indicator.show()
        return indicator

    def on_timer_timeout(self) -> None:
        done = self._progress()
        if done is not None:
            self.bar.setValue(int(done * 100))

    def on_put_off_clicked(self) -> None:
        self._stop.set()
        self.put_off.setEnabled(False)
        self.text.setText("Putting the backup off…")

    def finish(self) -> None:
        self.timer.stop()
        bar = self.parentWidget()
        self.hide()
        self.deleteLater()
        if bar is not None:
            bar.hide()  # the status bar is only there while a backup runs
