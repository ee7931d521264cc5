"""What can be done with an agreed record on the Agreements page: a signed PDF, a copy as text
for the supervision file (never a case file: only decisions go there), a Markdown file; and,
for any record, a batch export or checking a PDF.

The record and the signing identity are read on the UI thread (the vault connection belongs
to it); rendering and signing the PDF run in a worker that touches neither the vault nor any
widget. Files go only where the user chose (through the dialog seams), written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from swreflect.core import record_export
from swreflect.core.record_export import SignedRecord
from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs
from swreflect.gui.clipboard import SecureClipboard
from swreflect.gui.ui import MessageLabel, button
from swreflect.gui.workers import TaskRunner

if TYPE_CHECKING:
    from swreflect.gui.signing.batch_export_dialog import BatchExportDialog


class RecordExports(QWidget):
    """A row of export buttons under the record; ``show_record`` says which record is shown."""

    pdf_exported = Signal(object)  # the Path written
    export_failed = Signal(str)

    def __init__(
        self, services: Services, message: MessageLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._message = message
        self._record_id: str | None = None
        self._runner = TaskRunner(self)
        self._clipboard = SecureClipboard(
            services.clock, services.settings.clipboard_clear_seconds(), parent=self
        )
        self._batch: BatchExportDialog | None = None
        self._warmed = False
        self.pdf_button = button(
            "Export PDF…", "Save this agreed record as a PDF signed by you.", "primary"
        )
        self.copy_button = button(
            "Copy as text",
            "Copy the agreed record as plain text, for the supervision file (not a case file).",
        )
        self.markdown_button = button("Save as Markdown…", "Save the agreed record as Markdown.")
        self.batch_button = button(
            "Export several…", "Export every agreed record with someone, or from a date range."
        )
        self.verify_button = button(
            "Check a signed PDF…", "Check that a PDF record is genuine and unchanged.", "link"
        )
        from swreflect.gui.verify_dialog import VERIFY_SHORTCUT

        self.verify_button.setToolTip(f"Check a signed PDF ({VERIFY_SHORTCUT})")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pdf_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.markdown_button)
        row.addStretch(1)
        row.addWidget(self.batch_button)
        row.addWidget(self.verify_button)
        self.pdf_button.clicked.connect(self.on_pdf_button_clicked)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.markdown_button.clicked.connect(self.on_markdown_button_clicked)
        self.batch_button.clicked.connect(self.on_batch_button_clicked)
        self.verify_button.clicked.connect(self.on_verify_button_clicked)
        self._runner.busy_changed.connect(self.on_runner_busy_changed)
        self.show_record(None)

    # ------------------------------------------------------------ state
    def show_record(self, record_id: str | None, agreed: bool = False) -> None:
        """Only an agreed record can be exported; the other buttons are always there."""
        self._record_id = record_id if agreed else None
        if self._record_id is not None and not self._warmed:
            self._warmed = True  # load the PDF libraries now, so the first export is quick
            from swreflect.gui import pdf_warmup

            pdf_warmup.start()
        for widget in (self.pdf_button, self.copy_button, self.markdown_button):
            widget.setVisible(self._record_id is not None)
        self.on_runner_busy_changed(self._runner.busy)

    def on_runner_busy_changed(self, busy: bool) -> None:
        self.pdf_button.setEnabled(self._record_id is not None and not busy)

    def _agreed(self) -> SignedRecord | None:
        if self._record_id is None:
            return None
        try:
            return self._services.signoff.agreed_record(self._record_id)
        except SwreflectError as exc:
            self._message.show_message(exc.message)
            return None

    def _for_export(self) -> list[SignedRecord] | None:
        """The record with its later addenda, once the identifier check has been answered."""
        signed = self._agreed()
        if signed is None:
            return None
        from swreflect.gui.pages.export_page import go_on_despite

        helper = self._services.records
        records = helper.agreed_with_addenda([signed.record_id])
        if not go_on_despite(self, helper.identifiers_in_records(records)):
            return None
        return list(records)

    # ------------------------------------------------------------ single record
    def on_pdf_button_clicked(self) -> None:
        records = self._for_export()
        if not records:
            return
        suggested = Path.home() / f"{record_export.file_stem(records[0])}.pdf"
        path = dialogs.save_file(self, "Export as PDF", suggested, "PDF (*.pdf)")
        if path is None:
            return
        try:
            identity = self._services.identity.ensure_identity()
        except SwreflectError as exc:
            self._message.show_message(exc.message)
            return
        now = self._services.clock.now()
        self._message.show_message("Exporting the PDF…")
        self._runner.start(
            lambda: record_export.export_pdf(records, identity, path, now),
            self.on_pdf_succeeded,
            self.on_pdf_failed,
        )

    def on_pdf_succeeded(self, result: object) -> None:
        path = result.path if isinstance(result, record_export.PdfExport) else Path(str(result))
        name = path.name
        self._message.show_message(
            f"Exported {name}, signed by you. Private notes and your journal are never in it.",
            "success",
        )
        self.pdf_exported.emit(path)

    def on_pdf_failed(self, reason: str) -> None:
        self._message.show_message(reason)
        self.export_failed.emit(reason)

    def on_copy_button_clicked(self) -> None:
        records = self._for_export()
        if not records:
            return
        self._clipboard.copy(record_export.records_text(records, "text"))
        self._message.show_message(
            "Copied as text. It's cleared from the clipboard after two minutes.", "success"
        )

    def on_markdown_button_clicked(self) -> None:
        records = self._for_export()
        if not records:
            return
        suggested = Path.home() / f"{record_export.file_stem(records[0])}.md"
        path = dialogs.save_file(self, "Save as Markdown", suggested, "Markdown (*.md)")
        if path is None:
            return
        try:
            record_export.save_text(path, record_export.records_text(records, "markdown"))
        except SwreflectError as exc:
            self._message.show_message(exc.message)
            self.export_failed.emit(exc.message)
            return
        self._message.show_message(f"Saved {path.name}.", "success")

    # ------------------------------------------------------------ several, and checking
    def on_batch_button_clicked(self) -> None:
        from swreflect.gui.signing.batch_export_dialog import BatchExportDialog

        if self._batch is None:
            self._batch = BatchExportDialog(self._services, self)
        self._batch.reload()
        self._batch.show()

    def on_verify_button_clicked(self) -> None:
        from swreflect.gui.verify_dialog import open_verify_dialog

        open_verify_dialog(self, self._services)

    def clear_sensitive(self) -> None:
        self._clipboard.clear_if_ours()
        if self._batch is not None:
            self._batch.clear_sensitive()
            self._batch.close()
