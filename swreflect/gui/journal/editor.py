"""The entry editor: a calm writing column with the template's prompts as fields.

The column is about 70 characters wide, whatever the window size, because long lines are
tiring to write and read. The editor only holds and reports content; saving, autosave and
the de-identification check are the page's job.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.templates import Template, TemplateLibrary
from swreflect.gui.journal.deid_banner import DeidBanner
from swreflect.gui.journal.private_text import PrivateTextEdit
from swreflect.gui.journal.wellbeing import WellbeingBox
from swreflect.models.journal import EntryContent

COLUMN_CHARS = 72


class PromptField(QWidget):
    def __init__(self, prompt_id: str, label: str, hint: str) -> None:
        super().__init__()
        self.prompt_id = prompt_id
        title = QLabel(label)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self.edit = PrivateTextEdit()
        self.edit.setPlaceholderText(hint or "Write as much or as little as you like.")
        self.edit.setAccessibleName(label)
        self.edit.setAccessibleDescription(hint)
        self.edit.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        self.edit.setMinimumHeight(line * 5)
        self.edit.setMaximumHeight(line * 10)
        title.setBuddy(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.edit)


class EntryEditor(QWidget):
    changed = Signal()

    def __init__(self, templates: TemplateLibrary) -> None:
        super().__init__()
        self._templates = templates
        self.entry_id: int | None = None
        self._baseline = EntryContent()
        self._stash: dict[str, str] = {}
        self._loading = False
        self.prompt_fields: list[PromptField] = []

        self.banner = DeidBanner()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("A title, if you like")
        self.title_edit.setAccessibleName("Entry title")
        self.title_edit.setAccessibleDescription("A short title for the entry, shown in the list.")
        self.template_box = QComboBox()
        self.template_box.setAccessibleName("Template")
        self.template_box.setToolTip("A structure to reflect with. Every prompt can be skipped.")
        for template in templates.ordered():
            self.template_box.addItem(template.name, template.id)
        self.template_note = QLabel()
        self.template_note.setWordWrap(True)
        self.template_note.setProperty("role", "hint")
        self._prompts_box = QVBoxLayout()
        self._prompts_box.setContentsMargins(0, 0, 0, 0)
        self.body_label = QLabel("Your writing")
        self.body_edit = PrivateTextEdit()
        self.body_edit.setAccessibleName("Entry text")
        self.body_edit.setAccessibleDescription(
            "Your reflective writing. It is saved as you type and stays in the encrypted vault."
        )
        self.body_edit.setPlaceholderText("Write freely. It saves as you go.")
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.body_label.setBuddy(self.body_edit)
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName("Tags")
        self.tags_edit.setAccessibleDescription("Words to group entries by, separated by commas.")
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        self.wellbeing = WellbeingBox()

        column = QWidget()
        column.setObjectName("writingColumn")
        width = self.fontMetrics().horizontalAdvance("n" * COLUMN_CHARS) + 48
        column.setMaximumWidth(width)
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("Te&mplate", self.template_box)
        col = QVBoxLayout(column)
        col.addWidget(self.banner)
        col.addLayout(form)
        col.addWidget(self.template_note)
        col.addLayout(self._prompts_box)
        col.addWidget(self.body_label)
        col.addWidget(self.body_edit, 1)
        tags_row = QFormLayout()
        tags_row.addRow("Ta&gs", self.tags_edit)
        col.addLayout(tags_row)
        col.addWidget(self.wellbeing)

        holder = QWidget()
        centre = QHBoxLayout(holder)
        centre.addStretch(1)
        centre.addWidget(column, 100)
        centre.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        # Forward signal to signal, so Qt emits ``changed`` in C++ (see safe_emit).
        self.title_edit.textChanged.connect(self.changed)
        self.body_edit.textChanged.connect(self.changed)
        self.tags_edit.textChanged.connect(self.changed)
        self.wellbeing.changed.connect(self.changed)
        self.template_box.currentIndexChanged.connect(self._on_template_box_changed)
        self.template_box.currentIndexChanged.connect(self.changed)
        self._show_template(templates.ordered()[0])

    # ------------------------------------------------------------ content
    def load(
        self, entry_id: int | None, content: EntryContent, baseline: EntryContent | None = None
    ) -> None:
        """Show ``content``; ``baseline`` is what is saved (differs when a draft is restored)."""
        self._loading = True
        blocked = self.blockSignals(True)
        try:
            self.entry_id = entry_id
            self._stash = dict(content.answers)
            self.title_edit.setText(content.title)
            index = self.template_box.findData(content.template_id)
            self.template_box.setCurrentIndex(max(index, 0))
            self._show_template(self._templates.get(content.template_id))
            self.body_edit.setPlainText(content.body)
            self.body_edit.moveCursor(QTextCursor.MoveOperation.End)
            self.tags_edit.setText(", ".join(content.tags))
            self.wellbeing.set_value(content.wellbeing)
            self._baseline = baseline if baseline is not None else self.content()
        finally:
            self._loading = False
            self.blockSignals(blocked)
        self.banner.show_findings([])

    def clear(self) -> None:
        self.load(None, EntryContent())

    def content(self) -> EntryContent:
        answers = {f.prompt_id: f.edit.toPlainText() for f in self.prompt_fields}
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        return EntryContent(
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            template_id=str(self.template_box.currentData() or "free"),
            answers={k: v for k, v in answers.items() if v.strip()},
            tags=tags,
            wellbeing=self.wellbeing.value(),
        )

    def is_dirty(self) -> bool:
        return self.content() != self._baseline

    def mark_saved(self, entry_id: int, content: EntryContent) -> None:
        self.entry_id = entry_id
        self._baseline = content

    def all_text(self) -> str:
        c = self.content()
        return "\n".join([c.title, c.body, *c.answers.values(), self.tags_edit.text()])

    def selected_text(self) -> str:
        for edit in [self.body_edit, *(f.edit for f in self.prompt_fields)]:
            chosen = edit.textCursor().selectedText().replace("\u2029", "\n")
            if chosen.strip():
                return chosen
        return ""

    def apply_to_text(self, change: Callable[[str], str]) -> None:
        """Rewrite every text field (used by the pseudonym swap); undo stays available."""
        self.title_edit.setText(change(self.title_edit.text()))
        self.tags_edit.setText(change(self.tags_edit.text()))
        for edit in [self.body_edit, *(f.edit for f in self.prompt_fields)]:
            old = edit.toPlainText()
            new = change(old)
            if new != old:
                cursor = edit.textCursor()
                cursor.select(cursor.SelectionType.Document)
                cursor.insertText(new)

    # ------------------------------------------------------------ template
    def _on_template_box_changed(self, _index: int) -> None:
        if self._loading:
            return
        for f in self.prompt_fields:
            self._stash[f.prompt_id] = f.edit.toPlainText()
        self._show_template(self._templates.get(str(self.template_box.currentData())))

    def _show_template(self, template: Template) -> None:
        for f in self.prompt_fields:
            self._prompts_box.removeWidget(f)
            f.hide()  # gone at once for Tab and screen readers, deleted when idle
            f.deleteLater()
        self.prompt_fields = []
        self.template_note.setText(template.description)
        for prompt in template.prompts:
            field = PromptField(prompt.id, prompt.label, prompt.hint)
            field.edit.setPlainText(self._stash.get(prompt.id, ""))
            field.edit.textChanged.connect(self.changed)
            self._prompts_box.addWidget(field)
            self.prompt_fields.append(field)
        self.body_label.setText("Anything else" if template.prompts else "Your writing")
