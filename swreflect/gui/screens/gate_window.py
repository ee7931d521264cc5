"""The window shown while the vault is locked: one calm card holding the current screen.

It owns the create / recovery-key / unlock / recover / new-passphrase screens and a busy
indicator; the controller decides which screen is showing. Its title is always just
"swreflect", never anything from the vault.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.clock import Clock
from swreflect.gui.clipboard import SecureClipboard
from swreflect.gui.screens.create_screen import CreateVaultScreen
from swreflect.gui.screens.new_passphrase_screen import NewPassphraseScreen
from swreflect.gui.screens.recover_screen import RecoverScreen
from swreflect.gui.screens.recovery_key_panel import RecoveryKeyPanel
from swreflect.gui.screens.unlock_screen import UnlockScreen
from swreflect.gui.ui import hint

WINDOW_TITLE = "swreflect"
CARD_WIDTH = 600


class GateWindow(QWidget):
    def __init__(self, clock: Clock, clipboard: SecureClipboard) -> None:
        super().__init__()
        self.setObjectName("gateWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName("swreflect")
        self.resize(960, 720)

        self.create_screen = CreateVaultScreen()
        self.recovery_panel = RecoveryKeyPanel(clock, clipboard)
        self.unlock_screen = UnlockScreen()
        self.recover_screen = RecoverScreen()
        self.new_passphrase_screen = NewPassphraseScreen()
        self.stack = QStackedWidget()
        for screen in (
            self.create_screen,
            self.recovery_panel,
            self.unlock_screen,
            self.recover_screen,
            self.new_passphrase_screen,
        ):
            self.stack.addWidget(screen)

        self.busy_bar = QProgressBar()
        self.busy_bar.setProperty("role", "busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName("Working")
        self.busy_label = hint("")
        self.busy_label.setAccessibleName("What swreflect is doing")

        card = QFrame()
        card.setProperty("role", "card")
        card.setMaximumWidth(CARD_WIDTH)
        card.setMinimumWidth(420)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 28)
        inner.setSpacing(12)
        inner.addWidget(self.stack)
        inner.addWidget(self.busy_bar)
        inner.addWidget(self.busy_label)

        centre = QWidget()
        centre.setObjectName("gateCentre")
        row = QHBoxLayout(centre)
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        column_host = QWidget()
        column = QVBoxLayout(column_host)
        column.setContentsMargins(24, 32, 24, 32)
        column.addWidget(centre)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column_host)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_busy(False)

    def show_screen(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)
        focus = getattr(screen, "focus_first", None)
        if callable(focus):
            focus()

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show progress and keep the screens from taking input while work runs."""
        self.stack.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_label.setText(text)
        if not busy:
            focus = getattr(self.stack.currentWidget(), "focus_first", None)
            if callable(focus):
                focus()

    def reset_screens(self) -> None:
        """Forget anything typed or shown (called on lock and after each step)."""
        self.create_screen.reset()
        self.recovery_panel.clear()
        self.unlock_screen.reset()
        self.recover_screen.reset()
        self.new_passphrase_screen.reset()
