"""After unlocking, open the window on the journal when the last lock interrupted writing.

The journal page itself reopens the entry and puts the cursor back (``journal/resume.py``);
this only picks the page, so it works however pages are built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from swreflect.gui.controller import ShellController


class ResumeHooks(QObject):
    def __init__(self, shell: ShellController) -> None:
        super().__init__(shell)
        self.shell = shell
        shell.unlocked.connect(self.on_shell_unlocked)

    def on_shell_unlocked(self) -> None:
        window, services = self.shell.main_window, self.shell.services
        if window is None or services is None:
            return
        # Here, not at the top: the journal editor it lives beside isn't needed to draw the
        # unlock screen, and importing it there cost start-up about 60 ms.
        from swreflect.gui.journal.resume import wants_journal

        if wants_journal(services.settings):
            window.show_page("journal")
