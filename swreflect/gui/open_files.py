"""Files opened with swreflect (a file association, a second launch, macOS "Open With").

An agreement file (``.swx``) goes to the Agreements inbox and is imported as if chosen with its
"Import…" button; an identity card (``.swid``) opens in Settings, ready to pair; a backup
(``.swb``) is pointed to the restore in Settings, because replacing the vault must stay a
deliberate step. While the vault is locked, files wait and are handled after unlocking. Every
request also brings the window forward.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from swreflect.gui.controller import ShellController

log = logging.getLogger(__name__)

BACKUP_HINT = (
    "To restore from this backup file, lock swreflect and choose "
    "“Restore from a backup…” on the unlock screen."
)


class FileHandOff(QObject):
    def __init__(self, shell: ShellController) -> None:
        super().__init__(shell)
        self._shell = shell
        self.pending: list[Path] = []
        shell.unlocked.connect(self.on_shell_unlocked)

    def open(self, files: list[str]) -> None:
        """Bring the window forward and handle ``files`` now, or after unlocking."""
        from swreflect.models.file_types import file_type  # here: most starts open no file

        self.pending += [Path(f) for f in files if file_type(Path(f)) is not None]
        bring_forward(self._shell.main_window or self._shell.gate)
        if self._shell.main_window is not None:
            self.on_shell_unlocked()

    def on_shell_unlocked(self) -> None:
        window: Any = self._shell.main_window
        if window is None:
            return
        from swreflect.models.file_types import file_type

        files, self.pending = self.pending, []
        for path in files:
            kind = file_type(path)
            if kind is None:
                continue
            log.info("opening a %s file handed to the app", kind.kind)
            if kind.kind == "exchange":
                window.show_page("agreements")
                window.pages["agreements"].import_path(path)
            elif kind.kind == "card":
                window.show_page("settings")
                window.pages["settings"].identity_panel.open_card(path)
            else:
                window.show_page("settings")
                window.pages["settings"].identity_panel.message.show_message(BACKUP_HINT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """macOS delivers "Open With" and double-clicks as ``QFileOpenEvent``s to the app."""
        if event.type() == QEvent.Type.FileOpen:
            from PySide6.QtGui import QFileOpenEvent

            if isinstance(event, QFileOpenEvent):
                self.open([event.file()])
                return True
        return super().eventFilter(watched, event)


def bring_forward(window: QWidget) -> None:
    from PySide6.QtCore import Qt  # not at the top: start-up needn't build the Qt namespace

    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
