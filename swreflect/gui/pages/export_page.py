"""Exports: agreed records to a signed PDF (one, or several with a contents page), to text or
Markdown for a case system, or to CPD text; and a way to check a PDF someone sent.

Records and the signing identity are read on the UI thread (the vault connection belongs to it);
rendering and signing run in a worker that touches neither the vault nor any widget. Files are
written only where the user chose, atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.export import record_view as view
from swreflect.gui import dialogs
from swreflect.gui.ui import MessageLabel, hint, title
from swreflect.gui.workers import TaskRunner
from swreflect.signing.records import SignedRecord

NO_RECORDS = "No agreed records yet. Once you and the other person sign a record, it shows here."


@dataclass(frozen=True)
class ExportSources:
    """Where the page gets its records, signing identity, time and paired people."""

    records: Callable[[], list[SignedRecord]]
    identity: Callable[[], Any]
    now: Callable[[], Any]
    known_people: Callable[[], dict[str, str]]


def sources_from_services(services: Services) -> ExportSources:
    """Sources built from the vault's services: its agreed records, the owner's identity
    and the one naming of signers (``IdentityService.known_signers``)."""
    return ExportSources(
        services.signoff.agreed_records,
        services.identity.ensure_identity,
        services.clock.now,
        services.identity.known_signers,
    )


class _WarmUp(QRunnable):
    """Loads the PDF libraries and font in the background so the first export is quick.
    Reports nothing and touches nothing: a failure here just means the export loads them."""

    def run(self) -> None:
        try:
            from swreflect.export.pdf_record import warm_up

            warm_up()
        except Exception:  # noqa: S110 - the export itself will report any real problem
            pass


class ExportPage(QWidget):
    def __init__(
        self,
        services: Any = None,
        parent: QWidget | None = None,
        *,
        sources: ExportSources | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Exports")
        self._sources = sources or sources_from_services(services)
        self._runner = TaskRunner(self)
        self._runner.busy_changed.connect(lambda _busy: self.on_list_item_selection_changed())
        self._records: list[SignedRecord] = []
        self._verify_dialog: QWidget | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(12)
        layout.addWidget(title("Exports"))
        layout.addWidget(
            hint(
                "A PDF is signed by you and carries the agreed record inside it, so anyone can "
                "check later that nothing has changed. Private notes and your journal are never "
                "included."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Agreed records")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSpacing(3)
        self.list.itemSelectionChanged.connect(self.on_list_item_selection_changed)
        layout.addWidget(self.list, 1)
        self.empty = hint(NO_RECORDS)
        layout.addWidget(self.empty)

        row = QHBoxLayout()
        self.pdf_button = self._button("Export &PDF…", "Export the selected records as a PDF")
        self.text_button = self._button("Save as &text…", "Save the selected records as text")
        self.md_button = self._button("Save as &Markdown…", "Save as Markdown")
        self.cpd_button = self._button("Save &CPD text…", "Save a CPD entry for each record")
        self.check_button = self._button("Chec&k a PDF…", "Check a signed PDF")
        self.pdf_button.setProperty("role", "primary")
        for button in (self.pdf_button, self.text_button, self.md_button, self.cpd_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.message = MessageLabel("Export result")
        layout.addWidget(self.message)

        self.pdf_button.clicked.connect(self.on_pdf_button_clicked)
        self.text_button.clicked.connect(lambda: self._save_text("text"))
        self.md_button.clicked.connect(lambda: self._save_text("markdown"))
        self.cpd_button.clicked.connect(lambda: self._save_text("cpd"))
        self.check_button.clicked.connect(self.on_check_button_clicked)
        self.reload()
        QThreadPool.globalInstance().start(_WarmUp())

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        return button

    # ------------------------------------------------------------------ state
    def reload(self) -> None:
        self._records = sorted(self._sources.records(), key=lambda s: view.record_date(s.record))
        self.list.clear()
        for signed in self._records:
            record = signed.record
            supervisor, _ = view.party(record, "supervisor")
            supervisee, _ = view.party(record, "supervisee")
            item = QListWidgetItem(f"{view.title(record)} — {supervisor} and {supervisee}")
            item.setData(Qt.ItemDataRole.UserRole, signed.record_id)
            self.list.addItem(item)
        self.list.setVisible(bool(self._records))
        self.empty.setVisible(not self._records)
        self.on_list_item_selection_changed()

    def selected(self) -> list[SignedRecord]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [self._records[row] for row in rows]

    def on_list_item_selection_changed(self) -> None:
        chosen = bool(self.list.selectedItems()) and not self._runner.busy
        for button in (self.pdf_button, self.text_button, self.md_button, self.cpd_button):
            button.setEnabled(chosen)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # ------------------------------------------------------------------ exports
    def on_pdf_button_clicked(self) -> None:
        records = self.selected()
        if not records:
            return
        name = "supervision-record.pdf" if len(records) == 1 else "supervision-records.pdf"
        path = dialogs.save_file(self, "Export as PDF", Path.home() / name, "PDF (*.pdf)")
        if path is None:
            return
        try:
            identity, now = self._sources.identity(), self._sources.now()
        except SwreflectError as exc:
            self._say(exc.message)
            return
        self._say("Exporting…")
        self.on_list_item_selection_changed()
        self._runner.start(
            lambda: _export_pdf(records, identity, path, now),
            self.on_export_succeeded,
            self.on_export_failed,
        )
        self.on_list_item_selection_changed()

    def _save_text(self, kind: str) -> None:
        from swreflect.export import cpd, text_export
        from swreflect.platform.files import atomic_write

        records = self.selected()
        if not records:
            return
        suffix = {"text": "txt", "markdown": "md", "cpd": "txt"}[kind]
        stem = "cpd-entry" if kind == "cpd" else "supervision-record"
        path = dialogs.save_file(
            self, "Save a copy", Path.home() / f"{stem}.{suffix}", f"Text (*.{suffix})"
        )
        if path is None:
            return
        render: Callable[[SignedRecord], str] = {
            "text": text_export.record_text,
            "markdown": text_export.record_markdown,
            "cpd": lambda s: cpd.from_record(s.record).to_text(),
        }[kind]
        try:
            atomic_write(path, "\n\n".join(render(s) for s in records).encode("utf-8"))
        except OSError:
            self._say("That file couldn't be written there. Nothing was changed; try elsewhere.")
            return
        self._say(f"Saved {path.name}.")

    def on_export_succeeded(self, result: object) -> None:
        count, path, gaps = result if isinstance(result, tuple) else (0, Path(), [])
        noun = "record" if count == 1 else "records"
        text = f"Exported {count} {noun} to {Path(path).name}, signed by you."
        if gaps:
            text += (
                " Some characters have no letters in the PDF's font and show as empty boxes: "
                + " ".join(gaps[:12])
                + ". The record inside the PDF keeps them exactly."
            )
        self._say(text)
        self.on_list_item_selection_changed()

    def on_export_failed(self, reason: str) -> None:
        self._say(reason)
        self.on_list_item_selection_changed()

    # ------------------------------------------------------------------ verify
    def on_check_button_clicked(self) -> None:
        from swreflect.gui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self, known_people=self._sources.known_people)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._verify_dialog = dialog
        dialog.show()

    def clear_sensitive(self) -> None:
        self.list.clear()
        self._records = []
        self.message.clear()


def _export_pdf(
    records: Sequence[SignedRecord], identity: Any, path: Path, now: Any
) -> tuple[int, Path, list[str]]:
    from swreflect.export.pdf_record import (
        export_batch_pdf,
        export_record_pdf,
        missing_characters,
    )

    if len(records) == 1:
        export_record_pdf(records[0], identity, path, now)
        count = 1
    else:
        count = export_batch_pdf(records, identity, path, now)
    return count, path, missing_characters(records)
