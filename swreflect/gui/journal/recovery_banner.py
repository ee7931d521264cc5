"""Offers writing that an earlier session autosaved but never finished saving."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal

from swreflect.gui.journal.banner import Banner
from swreflect.timefmt import format_moment


class RecoveryBanner(Banner):
    restore_requested = Signal()
    discard_requested = Signal()

    def __init__(self) -> None:
        super().__init__("recoveryBanner", "Recovered writing")
        self.restore_button = self.add_button(
            "Carry on writing", "Restore the recovered writing", self.restore_requested
        )
        self.discard_button = self.add_button(
            "Discard it", "Discard the recovered writing", self.discard_requested
        )

    def offer(self, title: str, saved_at: datetime) -> None:
        name = f"“{title}”" if title.strip() else "an entry"
        self.message.setText(
            f"Some writing in {name} was kept safe on {format_moment(saved_at)} but not "
            "finished. Would you like to carry on with it?"
        )
        self.show()
