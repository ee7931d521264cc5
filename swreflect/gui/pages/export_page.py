"""Exports: agreed records to a signed PDF (one, or several with a contents page), to text or
Markdown for the supervision file, a CPD entry written from prompts, the decisions alone for a
case file; and a way to check a PDF someone sent. Before anything is written, the record is
checked once more for identifying details and the person decides whether to go on.

Records and the signing identity are read on the UI thread (the vault connection belongs to it);
rendering and signing run in a worker that touches neither the vault nor any widget. Files are
written only where the user chose, atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.core import record_export
from swreflect.core.record_export import PdfExport, SignedRecord
from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs, pdf_warmup
from swreflect.gui.empty_state import EmptyState, go_to
from swreflect.gui.ui import MessageLabel, hint, title
from swreflect.gui.workers import TaskRunner

NO_RECORDS = "No agreed records yet. Once you and the other person sign a record, it shows here."


@dataclass(frozen=True)
class ExportSources:
    """Where the page gets its records, signing identity, time and paired people."""

    records: Callable[[], list[SignedRecord]]
    identity: Callable[[], Any]
    now: Callable[[], Any]
    known_people: Callable[[], dict[str, str]]
    identifiers: Callable[[list[SignedRecord]], list[Any]] = lambda _records: []
    cpd_draft: Callable[[SignedRecord], Any] | None = None
    pseudonyms: Callable[[], dict[str, str]] = dict
    with_addenda: Callable[[list[SignedRecord]], list[SignedRecord]] = list


def sources_from_services(services: Services) -> ExportSources:
    """Sources built from the vault's services: its agreed records, the owner's identity,
    the one naming of signers (``IdentityService.known_signers``) and the record use cases
    (identifier check before export, CPD draft, later addenda) from ``RecordService``."""
    helper = services.records

    def cpd_draft(signed: SignedRecord) -> Any:
        return helper.cpd_from_record(signed.record_id)

    return ExportSources(
        services.signoff.agreed_records,
        services.identity.ensure_identity,
        services.clock.now,
        services.identity.known_signers,
        identifiers=helper.identifiers_in_records,
        cpd_draft=cpd_draft,
        pseudonyms=helper.pseudonyms,
        with_addenda=lambda chosen: helper.agreed_with_addenda([s.record_id for s in chosen]),
    )


def go_on_despite(parent: QWidget, spotted: Sequence[Any]) -> bool:
    """The last check before anything leaves the vault (``RecordService.identifiers_in_records``
    found ``spotted``): say what was found and let the person decide. True to go on."""
    if not spotted:
        return True
    listed = "\n".join(f"• {s.describe()}" for s in spotted[:8])
    more = f"\n…and {len(spotted) - 8} more." if len(spotted) > 8 else ""
    return dialogs.confirm(
        parent,
        "This might identify someone",
        "Before you export, these look like identifying details:\n\n"
        f"{listed}{more}\n\nAn agreed record can't be changed, but you can add an "
        "addendum, or export anyway if it needs to be there.",
        "Export anyway",
    )


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
        self.empty = EmptyState(
            "Nothing to export yet",
            NO_RECORDS,
            "Back to Agreements",
            "Close this window; records are agreed on the Agreements page.",
            self.on_empty_action,
        )
        layout.addWidget(self.empty)

        row = QHBoxLayout()
        self.pdf_button = self._button("Export &PDF…", "Export the selected records as a PDF")
        self.text_button = self._button("Save as &text…", "Save the selected records as text")
        self.md_button = self._button("Save as &Markdown…", "Save as Markdown")
        self.cpd_button = self._button("Write a &CPD entry…", "Write a CPD entry from a record")
        self.decisions_button = self._button(
            "&Decisions for the case file…", "Save only the decisions, for the case file"
        )
        self.check_button = self._button("Chec&k a PDF…", "Check a signed PDF")
        self.pdf_button.setProperty("role", "primary")
        for button in self._export_buttons():
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.message = MessageLabel("Export result")
        layout.addWidget(self.message)

        self.pdf_button.clicked.connect(self.on_pdf_button_clicked)
        self.text_button.clicked.connect(lambda: self._save_text("text"))
        self.md_button.clicked.connect(lambda: self._save_text("markdown"))
        self.cpd_button.clicked.connect(self.on_cpd_button_clicked)
        self.decisions_button.clicked.connect(lambda: self._save_text("decisions"))
        self.check_button.clicked.connect(self.on_check_button_clicked)
        self.reload()
        pdf_warmup.start()  # the PDF libraries load meanwhile, so the first export is quick

    def _export_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.pdf_button,
            self.text_button,
            self.md_button,
            self.cpd_button,
            self.decisions_button,
        )

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        return button

    # ------------------------------------------------------------------ state
    def reload(self) -> None:
        self._records = sorted(self._sources.records(), key=record_export.record_date)
        self.list.clear()
        for signed in self._records:
            item = QListWidgetItem(record_export.record_label(signed))
            item.setData(Qt.ItemDataRole.UserRole, signed.record_id)
            self.list.addItem(item)
        self.list.setVisible(bool(self._records))
        self.empty.setVisible(not self._records)
        self.on_list_item_selection_changed()

    def on_empty_action(self) -> None:
        """The first step is agreeing a record, on the Agreements page this was opened from."""
        window = self.window()
        if window is not self:
            window.close()
        else:
            go_to(self, "agreements")

    def selected(self) -> list[SignedRecord]:
        """The chosen records, each followed by its later agreed addenda."""
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return self._sources.with_addenda([self._records[row] for row in rows])

    def on_list_item_selection_changed(self) -> None:
        chosen = bool(self.list.selectedItems()) and not self._runner.busy
        for button in self._export_buttons():
            button.setEnabled(chosen)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # ------------------------------------------------------------------ exports
    def go_on_despite_identifiers(self, records: list[SignedRecord]) -> bool:
        return go_on_despite(self, self._sources.identifiers(records))

    def on_pdf_button_clicked(self) -> None:
        records = self.selected()
        if not records or not self.go_on_despite_identifiers(records):
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
            lambda: record_export.export_pdf(records, identity, path, now),
            self.on_export_succeeded,
            self.on_export_failed,
        )
        self.on_list_item_selection_changed()

    def _save_text(self, kind: str) -> None:
        from swreflect.core import case_decisions

        records = self.selected()
        if not records:
            return
        if kind != "decisions" and not self.go_on_despite_identifiers(records):
            return
        suffix = "md" if kind == "markdown" else "txt"
        stem = "case-file-decisions" if kind == "decisions" else "supervision-record"

        def decisions(signed: SignedRecord) -> str:
            rows = case_decisions.decisions(signed.record, None, self._sources.pseudonyms())
            return case_decisions.decisions_text(rows)

        if kind == "decisions":
            text = "\n\n".join(decisions(s) for s in records)
        else:
            text = record_export.records_text(records, "markdown" if kind == "markdown" else "text")
        self._write_text(stem, suffix, text)

    def _write_text(self, stem: str, suffix: str, text: str) -> None:
        path = dialogs.save_file(
            self, "Save a copy", Path.home() / f"{stem}.{suffix}", f"Text (*.{suffix})"
        )
        if path is None:
            return
        try:
            record_export.save_text(path, text)
        except SwreflectError as exc:
            self._say(exc.message)
            return
        self._say(f"Saved {path.name}.")

    def on_cpd_button_clicked(self) -> None:
        """A CPD entry for the first selected record, written in the person's own words."""
        from swreflect.core import cpd
        from swreflect.gui.cpd_dialog import CpdDialog

        records = [s for s in self.selected() if not record_export.is_addendum(s)]
        if not records:
            self._say("Choose a supervision record (not an addendum) to write a CPD entry from.")
            return
        signed = records[0]
        draft_for = self._sources.cpd_draft
        draft = draft_for(signed) if draft_for else cpd.from_record(signed.record)
        self.cpd_dialog = CpdDialog(draft, self)
        self.cpd_dialog.accepted.connect(self.on_cpd_dialog_accepted)
        self.cpd_dialog.open()

    def on_cpd_dialog_accepted(self) -> None:
        entry = self.cpd_dialog.entry(self._sources.pseudonyms())
        self._write_text("cpd-entry", "txt", entry.to_text())
        left = entry.to_complete()
        if left and self.message.text().startswith("Saved"):
            self._say(f"{self.message.text()} Still to write: {'; '.join(left)}.")

    def on_export_succeeded(self, result: object) -> None:
        done = result if isinstance(result, PdfExport) else PdfExport(0, Path(), [])
        count, gaps = done.count, done.missing_characters
        noun = "record" if count == 1 else "records"
        text = f"Exported {count} {noun} to {done.path.name}, signed by you."
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
