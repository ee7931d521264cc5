"""Write a CPD entry in the regulator's fields, from prompts, before anything is saved.

The draft comes from ``core.cpd`` (an allow-list: never check-in, wellbeing or identity text,
never the other person's notes). Each reflective field is empty until the person writes it:
its prompt shows as placeholder text. What de-identification swapped is said at the top.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swreflect.core import cpd
from swreflect.gui.ui import hint

SHORT_FIELDS = ("cpd_type", "title", "date", "peer_who")


class CpdDialog(QDialog):
    def __init__(self, draft: cpd.CpdEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("CPD entry")
        self.setAccessibleName("CPD entry")
        self._draft = draft
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                "These are the fields of your CPD record. Write the learning in your own words; "
                "nothing from check-ins, wellbeing or identity conversations is copied here."
            )
        )
        self.swapped = QLabel()
        self.swapped.setWordWrap(True)
        self.swapped.setVisible(bool(draft.swapped))
        self.swapped.setText(
            "Swapped for placeholders so nobody can be identified: " + ", ".join(draft.swapped)
        )
        layout.addWidget(self.swapped)
        form_body = QWidget()
        form = QFormLayout(form_body)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, heading, prompt in cpd.FIELDS:
            editor: QLineEdit | QPlainTextEdit
            if key in SHORT_FIELDS:
                editor = QLineEdit(draft.value(key))
            else:
                editor = QPlainTextEdit(draft.value(key))
                editor.setTabChangesFocus(True)
                editor.setMinimumHeight(70)
            shown = prompt[0].upper() + prompt[1:]
            if key == "impact" and draft.impact_hint:
                shown += f". Your actions from this session: {draft.impact_hint}"
            editor.setPlaceholderText(shown)
            editor.setAccessibleName(heading)
            self.fields[key] = editor
            form.addRow(heading, editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def answers(self) -> dict[str, str]:
        return {
            key: w.text() if isinstance(w, QLineEdit) else w.toPlainText()
            for key, w in self.fields.items()
        }

    def entry(self, pseudonyms: dict[str, str] | None = None) -> cpd.CpdEntry:
        """The entry as written here, de-identified once more (the person may have typed more)."""
        written = cpd.CpdEntry(**self.answers(), impact_hint=self._draft.impact_hint)  # type: ignore[arg-type]
        return cpd.deidentify(written, pseudonyms)
