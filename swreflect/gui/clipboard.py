"""Copying secrets to the clipboard with the care password managers take.

Each copy carries the hints clipboard managers and history tools honour
(``x-kde-passwordManagerHint: secret`` for Klipper and friends,
``ExcludeClipboardContentFromMonitorProcessing`` for Windows clipboard history,
``org.nspasteboard.ConcealedType`` for macOS managers). The copied text is cleared after a
short while if it is still what we put there, and always on lock and quit. Only a digest of
the copied text is kept for that comparison, never the text itself.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from swreflect.core.clock import Clock
from swreflect.platform.security_settings import CLIPBOARD_CLEAR_SECONDS

DEFAULT_CLEAR_AFTER_SECONDS = float(CLIPBOARD_CLEAR_SECONDS.default)  # SECURITY.md row 12
HINT_FORMATS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "org.nspasteboard.ConcealedType": b"",
}


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class SecureClipboard(QObject):
    """Copies text with privacy hints; ``check()`` (ticked by a timer) clears it when due."""

    cleared = Signal()

    def __init__(
        self,
        clock: Clock,
        clear_after_seconds: float = DEFAULT_CLEAR_AFTER_SECONDS,
        parent: QObject | None = None,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.clear_after_seconds = clear_after_seconds
        self._digest: bytes | None = None
        self._copied_at = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)

    def _clipboard(self) -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        for fmt, value in HINT_FORMATS.items():
            mime.setData(fmt, value)
        self._clipboard().setMimeData(mime, QClipboard.Mode.Clipboard)
        self._digest = _digest(text)
        self._copied_at = self._clock.monotonic()
        self._timer.start()

    def holds_our_text(self) -> bool:
        if self._digest is None:
            return False
        return _digest(self._clipboard().text(QClipboard.Mode.Clipboard)) == self._digest

    def check(self) -> bool:
        """Clear if the copy is old enough; returns True when it cleared something."""
        if self._digest is None:
            self._timer.stop()
            return False
        if self._clock.monotonic() - self._copied_at < self.clear_after_seconds:
            return False
        return self.clear_if_ours()

    def clear_if_ours(self) -> bool:
        """Empty the clipboard only if it still holds what we copied (lock, quit, timeout)."""
        ours = self.holds_our_text()
        if ours:
            self._clipboard().clear(QClipboard.Mode.Clipboard)
        self._digest = None
        self._timer.stop()
        if ours:
            self.cleared.emit()
        return ours
