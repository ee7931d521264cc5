"""Several agreed records into one signed PDF (with a contents page), or as text.

A dialog over the Agreements page rather than a page of its own: it hosts the Exports page
(``ExportPage``) with two filters a social worker thinks in, who the supervision was with
and a date range. Whatever the filters leave is selected, so "Export PDF…" exports exactly
that set; the list still allows picking single records by hand.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.record_export import SignedRecord
from swreflect.core.record_filter import RecordFilter, people_in, record_day
from swreflect.core.services import Services
from swreflect.gui.pages.export_page import ExportPage, ExportSources, sources_from_services
from swreflect.gui.ui import hint, label

EVERYONE = "Everyone"


def _as_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class BatchExportDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export several records")
        self.setAccessibleName("Export several records")
        self.resize(900, 600)
        self._all = sources_from_services(services)
        self._records: list[SignedRecord] = []

        self.who_box = QComboBox()
        self.who_box.setAccessibleName("Supervision with")
        self.from_date = self._date_edit("From")
        self.to_date = self._date_edit("To")
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for text, widget in (
            ("&With", self.who_box),
            ("&From", self.from_date),
            ("&To", self.to_date),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            caption.setMinimumWidth(caption.fontMetrics().horizontalAdvance(text[1:]) + 6)
            filters.addSpacing(12 if filters.count() else 0)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)

        sources = ExportSources(
            records=self._filtered,
            identity=self._all.identity,
            now=self._all.now,
            known_people=self._all.known_people,
        )
        self.page = ExportPage(sources=sources)
        self.page.layout().setContentsMargins(0, 0, 0, 0)  # type: ignore[union-attr]
        for heading in self.page.findChildren(QLabel):
            if heading.property("role") == "title":
                heading.hide()  # the dialog's own title says it; no second, larger heading
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip("Close this window.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(label("Export several records", "subsection"))
        layout.addWidget(
            hint(
                "Choose who the supervision was with and the dates. Everything listed is "
                "selected and goes into one PDF with a contents page; click to pick by hand."
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)

        self.who_box.currentIndexChanged.connect(self.on_filters_changed)
        self.from_date.dateChanged.connect(self.on_filters_changed)
        self.to_date.dateChanged.connect(self.on_filters_changed)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(f"{name} date")
        return edit

    # ------------------------------------------------------------ filters
    def reload(self) -> None:
        """Read the agreed records again and reset the filters to cover all of them."""
        self._records = self._all.records()
        days = [d for d in (record_day(s) for s in self._records) if d is not None]
        today = self._all.now().date()
        first, last = (min(days), max(days)) if days else (today, today)
        widgets = (self.who_box, self.from_date, self.to_date)
        for widget in widgets:
            widget.blockSignals(True)
        self.who_box.clear()
        self.who_box.addItem(EVERYONE)
        for name in people_in(self._records):
            self.who_box.addItem(name)
        self.from_date.setDate(QDate(first.year, first.month, first.day))
        self.to_date.setDate(QDate(last.year, last.month, last.day))
        for widget in widgets:
            widget.blockSignals(False)
        self.on_filters_changed()

    def _filtered(self) -> list[SignedRecord]:
        who = self.who_box.currentText()
        chosen = RecordFilter(
            None if who in ("", EVERYONE) else who,
            _as_date(self.from_date.date()),
            _as_date(self.to_date.date()),
        )
        return chosen.apply(self._records)

    def on_filters_changed(self, *_args: object) -> None:
        self.page.reload()
        self.page.list.selectAll()

    def clear_sensitive(self) -> None:
        self._records = []
        self.who_box.clear()
        self.page.clear_sensitive()
