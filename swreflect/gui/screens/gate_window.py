"""The window shown while the vault is locked: one calm card holding the current screen.

It owns the create / recovery-key / unlock / recover / new-passphrase screens and a busy
indicator; the controller decides which screen is showing. Its title is always just
"swreflect", never anything from the vault.

While unlocking updates a vault made by an earlier version (many seconds on a large journal),
the busy line names each stage, the bar fills when the stage can tell how far it has got, and
a note says the update can't be cancelled and why stopping loses nothing. A normal unlock never
shows any of that: only reports that belong to an update change the window. Closing the window
during an update doesn't stop it: the window says it will close when the update has finished,
and the controller closes it then (``close_wanted``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.clock import Clock
from swreflect.gui.ui import hint

if TYPE_CHECKING:
    from swreflect.gui.clipboard import SecureClipboard
    from swreflect.gui.screens.create_screen import CreateVaultScreen
    from swreflect.gui.screens.new_passphrase_screen import NewPassphraseScreen
    from swreflect.gui.screens.recover_screen import RecoverScreen
    from swreflect.gui.screens.recovery_key_panel import RecoveryKeyPanel
    from swreflect.gui.screens.unlock_screen import UnlockScreen
    from swreflect.models.unlock_progress import UnlockProgress

WINDOW_TITLE = "swreflect"
CARD_WIDTH = 600


CREATE = "create"
RECOVERY_KEY = "recovery_key"
UNLOCK = "unlock"
RECOVER = "recover"
NEW_PASSPHRASE = "new_passphrase"


class ScreenStack(QWidget):
    """One visible screen at a time, laid out so only the visible one sizes the card.

    (A QStackedWidget reserves the height of its tallest page, which left short screens in
    a tall, half-empty card.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._screens: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, widget: QWidget) -> None:
        self._screens.append(widget)
        self._layout.addWidget(widget)
        widget.setVisible(widget is self._current)

    def setCurrentWidget(self, widget: QWidget) -> None:
        self._current = widget
        for screen in self._screens:
            screen.setVisible(screen is widget)

    def currentWidget(self) -> QWidget | None:
        return self._current

    def count(self) -> int:
        return len(self._screens)


class GateWindow(QWidget):
    """Screens are built the first time they are needed, so start-up builds only one."""

    def __init__(
        self,
        clock: Clock,
        clipboard: Callable[[], SecureClipboard],
        on_screen_created: Callable[[str, QWidget], None] | None = None,
    ) -> None:
        super().__init__()
        self._clock = clock
        self._clipboard = clipboard
        self._on_screen_created = on_screen_created
        self._screens: dict[str, QWidget] = {}
        self.setObjectName("gateWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName("swreflect")
        self.resize(960, 720)
        self.setMinimumWidth(CARD_WIDTH + 64)

        self.stack = ScreenStack()

        self.busy_bar = QProgressBar()
        self.busy_bar.setProperty("role", "busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName("Working")
        self.busy_label = hint("")
        self.busy_label.setAccessibleName("What swreflect is doing")
        self.update_note: QLabel | None = None  # built by the first update: start-up pays nothing
        self._busy = False
        self.close_wanted = False  # asked to close during an update: close when it ends

        card = QFrame()
        card.setProperty("role", "card")
        # A fixed width lets word-wrapped text give the card its true height.
        card.setFixedWidth(CARD_WIDTH)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 28)
        inner.setSpacing(12)
        inner.addWidget(self.stack)
        inner.addWidget(self.busy_bar)
        inner.addWidget(self.busy_label)
        inner.addStretch(1)
        self._card_layout = inner

        centre = QWidget()
        centre.setObjectName("gateCentre")
        row = QHBoxLayout(centre)
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        column_host = QWidget()
        self._column_host = column_host
        column = QVBoxLayout(column_host)
        column.setContentsMargins(24, 32, 24, 32)
        column.addWidget(centre)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column_host)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_busy(False)
        from swreflect.gui.screens.return_key import ReturnPressesButtons

        self._return_key = ReturnPressesButtons(self)
        self.installEventFilter(self._return_key)

    # ------------------------------------------------------------ screens
    def built_screen(self, name: str) -> QWidget | None:
        """The screen called ``name`` if it has been built already; never builds it."""
        return self._screens.get(name)

    def screen_named(self, name: str) -> QWidget:
        """The screen called ``name``, built (and announced) on first use."""
        widget = self._screens.get(name)
        if widget is None:
            widget = self._build(name)
            self._screens[name] = widget
            self.stack.addWidget(widget)
            if self._on_screen_created is not None:
                self._on_screen_created(name, widget)
        return widget

    def _build(self, name: str) -> QWidget:
        if name == UNLOCK:
            from swreflect.gui.screens.unlock_screen import UnlockScreen

            return UnlockScreen()
        if name == CREATE:
            from swreflect.gui.screens.create_screen import CreateVaultScreen

            return CreateVaultScreen()
        if name == RECOVERY_KEY:
            from swreflect.gui.screens.recovery_key_panel import RecoveryKeyPanel

            return RecoveryKeyPanel(self._clock, self._clipboard())
        if name == RECOVER:
            from swreflect.gui.screens.recover_screen import RecoverScreen

            return RecoverScreen()
        if name == NEW_PASSPHRASE:
            from swreflect.gui.screens.new_passphrase_screen import NewPassphraseScreen

            return NewPassphraseScreen()
        raise KeyError(name)

    @property
    def unlock_screen(self) -> UnlockScreen:
        return cast("UnlockScreen", self.screen_named(UNLOCK))

    @property
    def create_screen(self) -> CreateVaultScreen:
        return cast("CreateVaultScreen", self.screen_named(CREATE))

    @property
    def recovery_panel(self) -> RecoveryKeyPanel:
        return cast("RecoveryKeyPanel", self.screen_named(RECOVERY_KEY))

    @property
    def recover_screen(self) -> RecoverScreen:
        return cast("RecoverScreen", self.screen_named(RECOVER))

    @property
    def new_passphrase_screen(self) -> NewPassphraseScreen:
        return cast("NewPassphraseScreen", self.screen_named(NEW_PASSPHRASE))

    def show_screen(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)
        # Lay out now rather than on the next event-loop pass, so a newly built screen has
        # its real geometry straight away (clicks and screen readers see the right places).
        for _level in range(4):  # each pass lets the request climb one more parent
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        focus = getattr(screen, "focus_first", None)
        if callable(focus):
            focus()

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show progress and keep the screens from taking input while work runs."""
        self._busy = busy
        if busy:
            self.close_wanted = False
        self.stack.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName("Working")
        self.busy_bar.setAccessibleDescription("")
        self.busy_label.setVisible(busy)
        self.busy_label.setText(text)
        if self.update_note is not None:
            self.update_note.setVisible(False)
        if not busy:
            focus = getattr(self.stack.currentWidget(), "focus_first", None)
            if callable(focus):
                focus()

    @property
    def updating(self) -> bool:
        """An update of an older vault is running (the note is up)."""
        return self._busy and self.update_note is not None and not self.update_note.isHidden()

    def show_unlock_progress(self, progress: UnlockProgress) -> None:
        """One stage of an unlock; only an update's stages change what the window shows."""
        if not self._busy or not progress.updating:
            return
        self.busy_label.setText(progress.text)
        if progress.fraction is None:
            self.busy_bar.setRange(0, 0)  # busy: this stage can't tell how far it is
        else:
            self.busy_bar.setRange(0, 100)
            self.busy_bar.setValue(round(progress.fraction * 100))
        self.busy_bar.setAccessibleName("Updating your vault")
        self.busy_bar.setAccessibleDescription(progress.text)
        self._note().setVisible(True)

    def _note(self) -> QLabel:
        """The note under the bar while an update runs (built the first time)."""
        if self.update_note is None:
            from swreflect.models.unlock_progress import UPDATE_NOTE

            note = hint(UPDATE_NOTE)
            note.setAccessibleName("About this update")
            note.setAccessibleDescription(UPDATE_NOTE)
            self._card_layout.insertWidget(self._card_layout.indexOf(self.busy_label) + 1, note)
            self.update_note = note
        return self.update_note

    def closeEvent(self, event: QCloseEvent) -> None:
        """An update can't be interrupted: closing waits for it (the controller closes)."""
        if self.updating:
            event.ignore()
            if not self.close_wanted:
                self.close_wanted = True
                from swreflect.models.unlock_progress import CLOSE_AFTER_UPDATE

                label = self._note()
                note = f"{label.text()} {CLOSE_AFTER_UPDATE}"
                label.setText(note)
                label.setAccessibleDescription(note)
            return
        super().closeEvent(event)

    def reset_screens(self) -> None:
        """Forget anything typed or shown (called on lock and after each step)."""
        for widget in self._screens.values():
            forget = getattr(widget, "reset", None) or getattr(widget, "clear", None)
            if callable(forget):
                forget()
