"""One stage of the session runner: intro, rotating prompts, notes and its function tag.

The review stage also lists the actions carried over from earlier sessions so they can be
ticked off. The agenda stage has its own panel (``agenda_panel``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.prompt_packs import StageContent
from swreflect.core.services import Services
from swreflect.gui.supervision.notes_list import NotesList
from swreflect.gui.supervision.prompt_card import PromptCard
from swreflect.gui.supervision.stage_extras import StageExtras, prompts_for_owner
from swreflect.models.supervision import AGENDA_FUNCTIONS, Session
from swreflect.models.vocab import ActionStatus, Function
from swreflect.timefmt import format_date

FUNCTION_LABELS = {
    "case": "Case discussion (split by the cycle)",
    "management": "Management (accountable practice)",
    "development": "Development (learning and CPD)",
    "support": "Support (how the work affects you)",
    "mediation": "Mediation (you and the organisation)",
}


def function_combo(current: str, name: str, agenda: bool = False) -> QComboBox:
    """The supervision function a stage or item serves; an agenda item may also stay a
    neutral case discussion whose time is split by the step of the cycle."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip("What this time mostly served; the end screen shows the split.")
    keys: tuple[str, ...] = AGENDA_FUNCTIONS if agenda else tuple(Function)
    for key in keys:
        combo.addItem(FUNCTION_LABELS[key], key)
    combo.setCurrentIndex(keys.index(current) if current in keys else 0)
    if agenda:
        combo.setToolTip(
            "A case discussion counts its time by step: experience and action for management, "
            "reflection for support, analysis for development."
        )
    return combo


class StagePanel(QScrollArea):
    def __init__(
        self,
        services: Services,
        session: Session,
        content: StageContent,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.session_id = session.id
        self.key = content.key
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(16, 12, 16, 12)
        self.body_layout.setSpacing(10)
        title = QLabel(f"<h2>{session.stage(content.key).title}</h2>")
        title.setAccessibleName("Stage title")
        self.body_layout.addWidget(title)
        if content.intro:
            intro = QLabel(content.intro)
            intro.setWordWrap(True)
            intro.setProperty("role", "hint")
            self.body_layout.addWidget(intro)
        form = QFormLayout()
        self.function = function_combo(
            session.stage(content.key).function, "Supervision function of this stage"
        )
        self.function.currentIndexChanged.connect(self.on_function_current_index_changed)
        form.addRow("Mostly serving:", self.function)
        self.body_layout.addLayout(form)
        self.build_extras(session)
        self.prompt_card = PromptCard(prompts_for_owner(services, session, content.prompts))
        self.body_layout.addWidget(self.prompt_card)
        own_notes = [
            n for n in session.notes if n.stage_key == content.key and not n.agenda_item_id
        ]
        self.notes = NotesList(
            services.sessions,
            session.id,
            content.key,
            own_notes,
            self.prompt_card.current,
            check=services.records.identifiers_in_text,
            supervisor=services.sessions.my_role(session.id) == "supervisor",
        )
        self.body_layout.addWidget(self.notes)
        # Support, routes and the private word come after the notes, so the prompt and the
        # note buttons stay at the top of a short screen.
        self.extras = StageExtras(services, session, content.key)
        if self.extras.has_content():
            self.body_layout.addWidget(self.extras)
        self.body_layout.addStretch(1)
        self.setWidget(body)

    def build_extras(self, session: Session) -> None:
        """Stage-specific widgets above the prompts."""
        if self.key != "review":
            return
        carried = [a for a in session.actions if a.carried_over_from]
        heading = QLabel(
            "Carried over from earlier sessions:"
            if carried
            else "Nothing carried over from last time."
        )
        self.body_layout.addWidget(heading)
        self.carried_boxes: list[QCheckBox] = []
        for action in carried:
            due = f" (by {format_date(action.due)})" if action.due else ""
            box = QCheckBox(f"{action.description}, {action.owner}{due}")
            box.setAccessibleName(f"Done: {action.description}")
            box.setChecked(action.status == ActionStatus.DONE)
            box.toggled.connect(
                lambda checked, action_id=action.id: self.services.actions.set_done(
                    action_id, checked
                )
            )
            self.carried_boxes.append(box)
            self.body_layout.addWidget(box)

    def on_function_current_index_changed(self, _index: int) -> None:
        self.services.sessions.set_stage_function(
            self.session_id, self.key, str(self.function.currentData())
        )

    def current_agenda_item(self) -> str | None:
        return None

    def save_pending(self) -> None:
        self.notes.save_pending()
