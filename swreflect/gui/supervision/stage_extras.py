"""What some stages add beside their prompts: where to turn for support, the organisation's
routes for a concern, and a way to ask for a private word instead of a note.

- Check-in, closing and a debrief show the organisation's wellbeing support (Settings, "Your
  organisation"), so help is named in the session and not only in the journal.
- Identity shows the routes for acting on a disclosure of racism or discrimination, and lets
  the pair agree to raise something with the organisation: that becomes an action of its own
  kind, tracked until it is done.
- Safety and identity let the supervisee say "I'd rather raise this privately": the supervisor
  gets an action to find a private time, and nothing about the subject is written down.
- Prompts written for the supervisor alone (a self-check on consistent oversight) are shown
  only when the vault's owner is the supervisor.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from swreflect.core.prompt_packs import Prompt
from swreflect.core.services import Services
from swreflect.core.signposting import Signposting
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.ui import hint
from swreflect.models.supervision import Session
from swreflect.models.vocab import other_role

SUPPORT_STAGES = ("checkin", "closing", "debrief")
PRIVATE_WORD_STAGES = ("safety", "identity")
PRIVATE_WORD_ACTION = "Find a private time to talk, as asked in supervision"


def owner_role(services: Services, session: Session) -> str:
    agreement = services.agreements.get(session.agreement_id)
    return other_role(services.agreements.person_of(agreement).role)


def prompts_for_owner(
    services: Services, session: Session, prompts: Sequence[Prompt]
) -> list[Prompt]:
    """Every prompt, less those meant for the supervisor when the owner is the supervisee."""
    if owner_role(services, session) == "supervisor":
        return list(prompts)
    return [p for p in prompts if p.audience != "supervisor"]


class StageExtras(QWidget):
    def __init__(
        self, services: Services, session: Session, key: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._session_id = session.id
        self._count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        signposting = Signposting(services.settings)
        self.support: QLabel | None = None
        self.routes: QLabel | None = None
        if key in SUPPORT_STAGES:
            self.support = self._note(layout, "Support if you need it", signposting.support())
        if key == "identity":
            self.routes = self._note(layout, "Taking a concern further", signposting.routes())
        row = QHBoxLayout()
        self.raise_button: QPushButton | None = None
        self.private_button: QPushButton | None = None
        if key == "identity":
            self.raise_button = QPushButton("Raise with the organisation…")
            self.raise_button.setAccessibleName("Agree to raise something with the organisation")
            self.raise_button.setToolTip(
                "Adds an action of its own kind, tracked with the others until it is done."
            )
            self.raise_button.clicked.connect(self.on_raise_button_clicked)
            row.addWidget(self.raise_button)
            self._count += 1
        if key in PRIVATE_WORD_STAGES:
            self.private_button = QPushButton("I'd rather raise this privately")
            self.private_button.setAccessibleName("Ask for a private word instead of a note")
            self.private_button.setToolTip(
                "Gives the supervisor an action to find a private time. Nothing about the "
                "subject is written down."
            )
            self.private_button.clicked.connect(self.on_private_button_clicked)
            row.addWidget(self.private_button)
            self._count += 1
        row.addStretch(1)
        layout.addLayout(row)
        self.message = hint("")
        self.message.setAccessibleName("What happened")
        layout.addWidget(self.message)

    def _note(self, layout: QVBoxLayout, heading: str, text: str) -> QLabel:
        label = QLabel(f"<b>{heading}</b><br>{text}")
        label.setWordWrap(True)
        label.setProperty("role", "calm")
        label.setAccessibleName(heading)
        layout.addWidget(label)
        self._count += 1
        return label

    def has_content(self) -> bool:
        return self._count > 0

    def on_raise_button_clicked(self) -> None:
        text = dialogs.ask_line(
            self,
            "Raise with the organisation",
            "What will be raised, and with whom? (No names of families or people.)",
        )
        if text and text.strip():
            done = "Added: to raise with the organisation, tracked with the other actions."
            self._add(text.strip(), "raise_with_organisation", done)

    def on_private_button_clicked(self) -> None:
        self._add(
            PRIVATE_WORD_ACTION,
            "action",
            "Noted: the supervisor will find a private time. Nothing else was written down.",
        )

    def _add(self, description: str, kind: str, done: str) -> None:
        try:
            self._services.sessions.add_action(
                self._session_id, description, "supervisor", kind=kind
            )
        except SwreflectError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(done)
