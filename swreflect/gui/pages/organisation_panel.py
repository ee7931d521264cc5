"""Settings, "Your organisation": the wellbeing support and the routes for a concern that the
check-in, closing and identity stages and the journal's stress note show (see
``core.signposting``). Whoever sets swreflect up for a team fills these in once."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.core.signposting import DEFAULT_ROUTES, DEFAULT_SUPPORT, Signposting
from swreflect.errors import SwreflectError
from swreflect.gui.ui import hint, label


def _text_box(name: str, current: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(current)
    box.setAccessibleName(name)
    box.setAccessibleDescription(
        f"{name}, in your organisation's own words. Example: {placeholder}"
    )
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(90)
    return box


class OrganisationPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._signposting = Signposting(services.settings)
        settings = services.settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label("Wellbeing support", "subsection"))
        layout.addWidget(
            hint(
                "Employee assistance, occupational health, a crisis line: shown in the check-in "
                "and closing of every session and beside the journal's note about stress."
            )
        )
        self.support = _text_box(
            "Wellbeing support details",
            settings.text_setting("organisation.wellbeing_support") or "",
            DEFAULT_SUPPORT,
        )
        layout.addWidget(self.support)
        layout.addWidget(label("Taking a concern further", "subsection"))
        layout.addWidget(
            hint(
                "Your staff networks, Freedom to Speak Up guardian, HR and union: shown beside "
                "the identity prompts, so a disclosure of racism or discrimination has a route."
            )
        )
        self.routes = _text_box(
            "Routes for taking a concern further",
            settings.text_setting("organisation.disclosure_routes") or "",
            DEFAULT_ROUTES,
        )
        layout.addWidget(self.routes)
        row = QHBoxLayout()
        self.save_button = QPushButton("Save organisation details")
        self.save_button.setAccessibleName("Save the organisation's support details and routes")
        self.save_button.setToolTip(
            "Keep these details; sessions and the journal show them where they help."
        )
        self.save_button.clicked.connect(self.on_save_button_clicked)
        row.addWidget(self.save_button)
        self.message = hint("")
        self.message.setAccessibleName("Organisation details message")
        row.addWidget(self.message, 1)
        layout.addLayout(row)

    def on_save_button_clicked(self) -> None:
        try:
            self._signposting.save(self.support.toPlainText(), self.routes.toPlainText())
        except SwreflectError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText("Saved. Empty boxes show the general wording.")
