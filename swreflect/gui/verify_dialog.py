"""The Verify dialog: choose or drop a PDF, and see whether it is a genuine, unchanged record.

Checking runs in a worker on the thread pool (reading, re-rendering and validating can take a
moment) and needs no unlocked vault. When the window has a vault open, ``known_people`` names
paired people by their fingerprints. Nothing is written anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.errors import SwreflectError
from swreflect.gui.shortcut_keys import VERIFY_SHORTCUT as VERIFY_SHORTCUT

if TYPE_CHECKING:
    from swreflect.core.services import Services

INTRO = (
    "Choose a PDF exported from swreflect, or drop it here. It is checked on this computer "
    "and nothing is sent anywhere."
)
CHECKING = "Checking…"
UNEXPECTED = "That file couldn't be checked. Nothing was changed."


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class VerifyWorker(QRunnable):
    """Verifies one file off the UI thread; reports lines of text or a one-line reason."""

    def __init__(self, path: Path, known: dict[str, str]) -> None:
        super().__init__()
        self.path = path
        self.known = known
        self.signals = _Signals()

    def run(self) -> None:
        from swreflect.core.pdf_check import check_pdf

        try:
            lines = check_pdf(self.path).lines(self.known)
        except SwreflectError as exc:
            self.signals.failed.emit(exc.message)
        except Exception:
            self.signals.failed.emit(UNEXPECTED)
        else:
            self.signals.succeeded.emit(lines)


def _ask_for_pdf(parent: QWidget) -> Path | None:
    from swreflect.gui import dialogs  # the seam tests answer in advance

    return dialogs.open_file(parent, "Choose a PDF to check", Path.home(), "PDF (*.pdf)")


class VerifyDialog(QDialog):
    """Shows the result of checking one PDF at a time."""

    check_finished = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        known_people: Callable[[], dict[str, str]] | None = None,
        choose_path: Callable[[QWidget], Path | None] = _ask_for_pdf,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._known_people = known_people or dict
        self._choose_path = choose_path
        self._pool = pool or QThreadPool.globalInstance()
        self._worker: VerifyWorker | None = None
        self.setWindowTitle("Check a signed PDF")
        self.setAccessibleName("Check a signed PDF")
        self.setAcceptDrops(True)
        self.resize(760, 480)  # a fingerprint line fits without scrolling

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.choose_button = QPushButton("&Choose a PDF…")
        self.choose_button.setAccessibleName("Choose a PDF to check")
        self.choose_button.setToolTip(
            "Pick a signed PDF to check that it is unchanged and who signed it."
        )
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        self.file_label = QLabel("")
        self.file_label.setAccessibleName("File being checked")
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)

        self.status_label = QLabel("")
        self.status_label.setAccessibleName("Result")
        self.status_label.setWordWrap(True)
        self.status_label.setProperty("role", "status")
        font = self.status_label.font()
        font.setBold(True)
        self.status_label.setFont(font)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Who signed, when, and their fingerprints")
        self.details.setAccessibleDescription("The result of the check, in detail.")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip("Close this window.")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setTabOrder(self.choose_button, self.details)

    # ------------------------------------------------------------------ actions
    def on_choose_button_clicked(self) -> None:
        path = self._choose_path(self)
        if path is not None:
            self.check(path)

    def check(self, path: Path) -> None:
        """Start checking ``path``; ``check_finished`` reports the outcome."""
        self.file_label.setText(Path(path).name)
        self.status_label.setText(CHECKING)
        self.details.clear()
        self.choose_button.setEnabled(False)
        worker = VerifyWorker(Path(path), dict(self._known_people()))
        worker.setAutoDelete(False)
        worker.signals.succeeded.connect(self.on_worker_succeeded)
        worker.signals.failed.connect(self.on_worker_failed)
        self._worker = worker
        self._pool.start(worker)

    def on_worker_succeeded(self, lines: object) -> None:
        text = list(lines) if isinstance(lines, list) else []
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # fingerprints align
        self.status_label.setText(text[0] if text else "Valid.")
        self.details.setPlainText("\n".join(text[1:]))
        self._done(True)

    def on_worker_failed(self, reason: str) -> None:
        self.status_label.setText(f"Not valid. {reason}")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # advice wraps
        self.details.setPlainText(
            "Don't rely on this file. Ask the person who sent it for a fresh export, "
            "or compare it with your own copy of the record."
        )
        self._done(False)

    def _done(self, valid: bool) -> None:
        self.choose_button.setEnabled(True)
        self._worker = None
        self.status_label.setProperty("valid", valid)
        self.check_finished.emit(valid)

    # ------------------------------------------------------------------ drag and drop
    @staticmethod
    def _dropped_pdf(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return local[0] if len(local) == 1 else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_pdf(event) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_pdf(event)
        if path is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.check(path)


def known_people(services: Services | None) -> dict[str, str]:
    """Fingerprint -> signer's name (``IdentityService.known_signers``); empty at the gate or
    once the vault has locked."""
    if services is None:
        return {}
    try:
        return services.identity.known_signers()
    except SwreflectError:
        return {}


def open_verify_dialog(parent: QWidget, services: Services | None = None) -> VerifyDialog:
    """Show a non-modal Verify dialog that deletes itself when closed."""
    dialog = VerifyDialog(parent, known_people=lambda: known_people(services))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
