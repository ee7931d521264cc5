"""Home: a welcome and, for now, the empty state of what will be due."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.gui.pages.home_drafts import DraftsCard, open_in_journal
from swreflect.gui.supervision.home_panel import SupervisionHomePanel
from swreflect.gui.ui import label, title


class HomePage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setAccessibleName("Home")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(14)
        layout.addWidget(title("Welcome"))
        intro = label(
            "This is your own quiet space for reflection and supervision. Everything here is "
            "encrypted and stays on this computer.",
            "hint",
        )
        intro.setMaximumWidth(640)
        layout.addWidget(intro)

        empty = QFrame()
        empty.setProperty("role", "card")
        empty.setAccessibleName("Nothing due yet")
        box = QVBoxLayout(empty)
        box.setContentsMargins(24, 20, 24, 20)
        box.setSpacing(8)
        box.addWidget(label("Nothing is due yet", "section"))
        what = label(
            "When you have supervision agreements, sessions coming up will show here, "
            "along with open actions and drafts you've started.",
            "empty",
        )
        box.addWidget(what)
        box.addWidget(
            label(
                "A good first step: write a few lines about your week in your private journal.",
                "hint",
            )
        )
        self.write_button = QPushButton("Write in your journal")
        self.write_button.setProperty("role", "primary")
        self.write_button.setAccessibleName("Write in your journal")
        self.write_button.setAccessibleDescription("Open the journal with a new, empty entry")
        self.write_button.setToolTip("Start a new private journal entry (Ctrl+N)")
        self.write_button.clicked.connect(self.on_write_button_clicked)
        box.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty.setMaximumWidth(680)
        layout.addWidget(empty)
        self.drafts = DraftsCard(services, lambda entry_id: open_in_journal(self, entry_id))
        self.drafts.setMaximumWidth(680)
        layout.addWidget(self.drafts)
        self.supervision = SupervisionHomePanel(services)
        self.supervision.setMaximumWidth(680)
        layout.addWidget(self.supervision)
        self._empty = empty
        self._empty.setVisible(not services.agreements.has_any())
        layout.addStretch(1)
        self._just_built = True  # the panel is already gathering; no second round on show

    def on_write_button_clicked(self) -> None:
        window = self.window()
        if callable(getattr(window, "show_page", None)):
            window.show_page("journal")  # type: ignore[attr-defined]
            new_entry = getattr(window.current_page(), "new_entry", None)  # type: ignore[attr-defined]
            if callable(new_entry):
                new_entry()

    def page_shown(self) -> None:
        self.drafts.refresh()
        fresh, self._just_built = self._just_built, False
        if fresh and not self.supervision.is_ready:  # shown as it is built: already gathering
            return
        self.supervision.refresh()
        self._empty.setVisible(not self._services.agreements.has_any())

    def save_pending(self) -> None:
        """Nothing is typed on Home."""

    def clear_sensitive(self) -> None:
        """Home shows who is due for supervision; forget it before the page goes."""
        self.supervision.clear_sensitive()
        self.drafts.clear_sensitive()
