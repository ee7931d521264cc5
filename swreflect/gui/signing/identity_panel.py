"""Settings panel: your signing identity's fingerprint, your identity card, and pairing.

Pairing is a deliberate human step: the other person's fingerprint is shown in short groups to
read aloud, and the Pair button only works once "The fingerprints match" is ticked. A card
carrying a different key for someone already paired is refused with the loud, plain warning
from ``IdentityChangedError``; re-pairing on purpose needs its own confirmation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.identity_service import IdentityCard, IdentityService
from swreflect.core.services import Services
from swreflect.errors import IdentityChangedError, SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.ui import MessageLabel, button, field_label, hint, label
from swreflect.platform.files import atomic_write

CARD_FILTER = "swreflect identity cards (*.swid);;All files (*)"


def people_choices(services: Services) -> list[tuple[str, str]]:
    """(id, name) of the people in the vault, to say whose card is being paired."""
    return [(p.id, p.display_name) for p in services.people.list()]


def _fingerprint_label(accessible_name: str) -> QLabel:
    widget = QLabel("")
    widget.setProperty("role", "recovery-key")  # the large, monospaced style for reading aloud
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setAccessibleName(accessible_name)
    widget.setWordWrap(True)
    return widget


class IdentityPanel(QFrame):
    paired = Signal(str)

    def __init__(
        self,
        identity: IdentityService,
        people: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``people`` are (person id, display name) pairs to choose from when pairing."""
        super().__init__(parent)
        self._identity = identity
        self._card: IdentityCard | None = None
        self.setProperty("role", "card")
        self.setAccessibleName("Your signing identity")

        # Made on purpose, with the owner's own name, never as a side effect of looking.
        self.name_field = QLineEdit()
        self.name_field.setAccessibleName("Your name as others will see it")
        self.name_field.setAccessibleDescription(
            "The name shown on records you sign and to the people you pair with."
        )
        self.name_field.setPlaceholderText("For example, Sam Okafor")
        self.create_button = button(
            "Make my signing identity", "Create the key you sign records with.", "primary"
        )
        self.signing_as = label("", "hint")
        self.own_fingerprint = _fingerprint_label("Your fingerprint")
        self.export_button = button(
            "Save your identity card…", "Save a small file the other person imports to pair."
        )

        self.person_box = QComboBox()
        self.person_box.setAccessibleName("Who the card belongs to")
        for person_id, name in people or []:
            self.person_box.addItem(name, person_id)
        self.no_people_hint = hint(
            "Add the person on the Supervision page first, then pair with their card here."
        )
        self.choose_button = button("Choose their card…", "Open the identity card they sent.")
        self.choose_button.setEnabled(bool(people))
        self.their_name = label("", "subsection")
        self.their_fingerprint = _fingerprint_label("Their fingerprint")
        self.match_box = QCheckBox("The fingerprints match")
        self.match_box.setAccessibleName("The fingerprints match")
        self.match_box.setAccessibleDescription(
            "Tick only after comparing, aloud or side by side, with the one on their screen."
        )
        self.pair_button = button(
            "Pair", "Trust this card for signing with this person.", "primary"
        )
        self.message = MessageLabel("Pairing message")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(10)
        outer.addWidget(label("Your signing identity", "subsection"))
        self.setup_box = QWidget()
        setup = QVBoxLayout(self.setup_box)
        setup.setContentsMargins(0, 0, 0, 0)
        setup.addWidget(
            hint(
                "You don't have a signing identity yet. It's the key you and the other person "
                "use to agree supervision records; it stays inside your vault."
            )
        )
        name_row = QHBoxLayout()
        name_row.addWidget(field_label("Your name", self.name_field))
        name_row.addWidget(self.name_field, 1)
        name_row.addWidget(self.create_button)
        setup.addLayout(name_row)
        outer.addWidget(self.setup_box)
        self.ready_box = QWidget()
        layout = QVBoxLayout(self.ready_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.signing_as)
        layout.addWidget(self.own_fingerprint)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(label("Pair with someone", "subsection"))
        layout.addWidget(
            hint(
                "Swap identity cards, then compare fingerprints together, aloud or side by "
                "side, before you pair. Pairing lets you send each other records to agree."
            )
        )
        pick = QHBoxLayout()
        pick.addWidget(field_label("Their card is for", self.person_box))
        pick.addWidget(self.person_box, 1)
        pick.addWidget(self.choose_button)
        layout.addLayout(pick)
        layout.addWidget(self.no_people_hint)
        # Only once it has a parent: shown while parentless it would open as a window of its
        # own for a moment and take activation from the main window.
        self.no_people_hint.setVisible(not people)
        layout.addWidget(self.their_name)
        layout.addWidget(self.their_fingerprint)
        confirm = QHBoxLayout()
        confirm.addWidget(self.match_box)
        confirm.addStretch(1)
        confirm.addWidget(self.pair_button)
        layout.addLayout(confirm)
        outer.addWidget(self.ready_box)
        outer.addWidget(self.message)

        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.name_field.returnPressed.connect(self.on_create_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        self.match_box.toggled.connect(self.on_match_box_toggled)
        self.pair_button.clicked.connect(self.on_pair_button_clicked)
        self._show_card(None)
        self._show_identity()

    # ------------------------------------------------------------ own identity
    def _show_identity(self) -> None:
        ready = self._identity.has_identity()
        self.setup_box.setVisible(not ready)
        self.ready_box.setVisible(ready)
        if ready:
            me = self._identity.ensure_identity()
            self.signing_as.setText(f"Signing as {me.display_name}. Your fingerprint:")
            self.own_fingerprint.setText(me.short_fingerprint)
            self.own_fingerprint.setAccessibleDescription(me.short_fingerprint)

    def on_create_button_clicked(self) -> None:
        name = self.name_field.text().strip()
        if not name:
            self.message.show_message("Please type your name as others will see it.")
            self.name_field.setFocus()
            return
        self._identity.ensure_identity(name)
        self.message.clear_message()
        self._show_identity()

    # ------------------------------------------------------------ own card
    def on_export_button_clicked(self) -> None:
        suggested = Path.home() / "my-identity.swid"
        path = dialogs.save_file(self, "Save your identity card", suggested, CARD_FILTER)
        if path is None:
            return
        try:
            atomic_write(path, self._identity.export_card())
        except OSError:
            self.message.show_message("That file couldn't be written. Try another folder.")
            return
        self.message.show_message(f"Saved your identity card as {path.name}.", "success")

    # ------------------------------------------------------------ their card
    def _show_card(self, card: IdentityCard | None) -> None:
        self._card = card
        self.their_name.setVisible(card is not None)
        self.their_fingerprint.setVisible(card is not None)
        self.match_box.setChecked(False)
        self.match_box.setEnabled(card is not None)
        if card is not None:
            self.their_name.setText(f"{card.display_name}'s fingerprint:")
            self.their_fingerprint.setText(card.short_fingerprint)
            self.their_fingerprint.setAccessibleDescription(card.short_fingerprint)
        self.on_match_box_toggled(False)

    def on_choose_button_clicked(self) -> None:
        path = dialogs.open_file(self, "Open their identity card", Path.home(), CARD_FILTER)
        if path is not None:
            self.open_card(Path(path))

    def open_card(self, path: Path) -> None:
        """Show the card at ``path`` for pairing (the button, or a file opened with the app)."""
        try:
            card = self._identity.read_card(Path(path).read_bytes())
        except OSError:
            self.message.show_message("That file couldn't be read. Nothing was changed.")
            return
        except SwreflectError as exc:
            self.message.show_message(exc.message)
            return
        self.message.clear_message()
        self._show_card(card)

    def on_match_box_toggled(self, checked: bool) -> None:
        self.pair_button.setEnabled(bool(checked) and self._card is not None)

    def _person_ref(self) -> str:
        return str(self.person_box.currentData() or "")

    def on_pair_button_clicked(self) -> None:
        card, person = self._card, self._person_ref()
        if card is None or not self.match_box.isChecked():
            return
        try:
            self._identity.pair(person, card, fingerprints_match=True)
        except IdentityChangedError as exc:
            if not dialogs.confirm(
                self,
                "Their key has changed",
                exc.message + "\n\nOnly continue if you've just compared fingerprints with them.",
                "Pair with the new key",
            ):
                self.message.show_message(exc.message)
                return
            self._identity.pair(person, card, fingerprints_match=True, replace_key=True)
        except SwreflectError as exc:
            self.message.show_message(exc.message)
            return
        self._show_card(None)
        self.message.show_message(f"Paired with {card.display_name}.", "success")
        self.paired.emit(person)
