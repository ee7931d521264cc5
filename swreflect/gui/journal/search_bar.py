"""Search as you type, with filters by tag, template and time."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from swreflect.core.templates import TemplateLibrary
from swreflect.models.journal import JournalFilter

DEBOUNCE_MS = 150
PERIODS = (("Any time", None), ("Past week", 7), ("Past month", 31), ("Past year", 366))


class SearchBar(QWidget):
    changed = Signal()

    def __init__(self, templates: TemplateLibrary) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setPlaceholderText("Search your journal (Ctrl+F)")
        self.field.setAccessibleName("Search your journal")
        self.field.setAccessibleDescription(
            "Finds entries by words in their title, text or tags (Ctrl+F)."
        )
        self.field.setClearButtonEnabled(True)
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName("Filter by tag")
        self.template_box = QComboBox()
        self.template_box.setAccessibleName("Filter by template")
        self.template_box.addItem("Any template", None)
        for template in templates.ordered():
            self.template_box.addItem(template.name, template.id)
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Filter by time")
        for label, days in PERIODS:
            self.period_box.addItem(label, days)
        self.set_tags([])
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.changed)
        self.field.textChanged.connect(self.debounce.start)
        for box in (self.tag_box, self.template_box, self.period_box):
            box.currentIndexChanged.connect(self.changed)
            # Long tag or template names must not widen the page: the box shrinks and elides.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(6)
            box.setToolTip(box.accessibleName())
        filters = QHBoxLayout()
        filters.addWidget(self.tag_box)
        filters.addWidget(self.template_box)
        filters.addWidget(self.period_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(filters)

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag_box.currentData()
        old = self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem("Any tag", None)
        for tag in tags:
            self.tag_box.addItem(tag, tag)
        index = self.tag_box.findData(current) if current else 0
        self.tag_box.setCurrentIndex(max(index, 0))
        self.tag_box.blockSignals(old)

    def query(self) -> str:
        return self.field.text()

    def filter(self, now: datetime) -> JournalFilter | None:
        days = self.period_box.currentData()
        flt = JournalFilter(
            tag=self.tag_box.currentData(),
            template_id=self.template_box.currentData(),
            created_from=now - timedelta(days=int(days)) if days else None,
        )
        return None if flt == JournalFilter() else flt
