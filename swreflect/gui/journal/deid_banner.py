"""The calm de-identification banner: says what looks identifying, offers a one-click swap.

It never blocks saving; it can be dismissed, and it reappears only if the text changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal

from swreflect.core.deidentify import Finding
from swreflect.gui.journal.banner import Banner


def describe(findings: Sequence[Finding]) -> str:
    labels = list(dict.fromkeys(f.label for f in findings))
    if len(labels) > 1:
        listed = ", ".join(labels[:-1]) + " and " + labels[-1]
    else:
        listed = labels[0] if labels else ""
    return (
        f"This might identify someone: {listed}. Reflections are safer without it. "
        "Your writing is saved either way."
    )


class DeidBanner(Banner):
    swap_requested = Signal()
    never_record_requested = Signal()

    def __init__(self) -> None:
        super().__init__("deidBanner", "Identifying details notice", role="nudge")
        self.swap_button = self.add_button(
            "Swap for pseudonyms", "Swap identifying details for pseudonyms", self.swap_requested
        )
        self.swap_button.setToolTip('Names become "Person A" or "Family A"; numbers are removed.')
        self.never_button = self.add_button(
            "Never record a name…",
            "Add a name to your never-record list",
            self.never_record_requested,
        )
        self.findings: list[Finding] = []

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        if not self.findings:
            self.hide()
            return
        self.message.setText(describe(self.findings))
        self.show()
