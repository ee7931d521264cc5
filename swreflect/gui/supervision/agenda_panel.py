"""The agenda stage: topics, excerpts the supervisee chose to share, carried actions, and each
item worked through the 4x4x4 cycle (experience, reflection, analysis, action).

Excerpts are typed or pasted here by the people in the room; nothing is ever read from the
supervisee's own vault. Time spent while an item is selected counts towards that item and its
supervision function.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.prompt_packs import CYCLE_STEPS, StageContent
from swreflect.core.services import Services
from swreflect.gui.supervision.notes_list import NotesList
from swreflect.gui.supervision.prompt_card import PromptCard
from swreflect.gui.supervision.stage_panel import function_combo
from swreflect.models.supervision import AgendaItem, Session

SOURCE_MARKS = {"topic": "Topic", "excerpt": "Shared excerpt", "carried_action": "Carried action"}


class AgendaItemPanel(QWidget):
    """One agenda item: function, the excerpt if any, cycle step prompts and notes."""

    step_changed = Signal(str)

    def __init__(
        self, services: Services, session: Session, item: AgendaItem, content: StageContent
    ) -> None:
        super().__init__()
        self._services = services
        self._session_id = session.id
        self._item_id = item.id
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<h3>{item.title}</h3>"))
        form = QFormLayout()
        self.function = function_combo(
            item.function, f"Supervision function of {item.title}", agenda=True
        )
        self.function.currentIndexChanged.connect(self.on_function_current_index_changed)
        form.addRow("Mostly serving:", self.function)
        layout.addLayout(form)
        if item.excerpt:
            excerpt = QLabel(item.excerpt)
            excerpt.setWordWrap(True)
            excerpt.setAccessibleName("Excerpt shared by the supervisee")
            excerpt.setProperty("role", "calm")
            layout.addWidget(excerpt)
        self.steps = QTabBar()
        self.steps.setAccessibleName("Step of the reflective cycle")
        for step in CYCLE_STEPS:
            self.steps.addTab(step.capitalize())
        self.steps.currentChanged.connect(self.on_steps_current_changed)
        layout.addWidget(self.steps)
        self.prompt_card = PromptCard(content.prompts_for(CYCLE_STEPS[0]) or content.prompts)
        layout.addWidget(self.prompt_card)
        notes = [n for n in session.notes if n.agenda_item_id == item.id]
        self.notes = NotesList(
            services.sessions,
            session.id,
            "agenda",
            notes,
            self.prompt_card.current,
            agenda_item_id=item.id,
            check=services.records.identifiers_in_text,
            supervisor=services.sessions.my_role(session.id) == "supervisor",
        )
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def on_steps_current_changed(self, index: int) -> None:
        step = CYCLE_STEPS[index]
        self.prompt_card.set_prompts(self._content.prompts_for(step) or self._content.prompts)
        self.step_changed.emit(step)

    def current_step(self) -> str:
        return CYCLE_STEPS[max(0, self.steps.currentIndex())]

    def on_function_current_index_changed(self, _index: int) -> None:
        self._services.sessions.update_agenda_item(
            self._session_id, self._item_id, function=str(self.function.currentData())
        )


class AgendaPanel(QWidget):
    item_changed = Signal(object)  # agenda item id or None
    step_changed = Signal(str)  # the 4x4x4 step of the current item

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
        self._content = content
        self._panels: dict[str, AgendaItemPanel] = {}
        self._scrollers: dict[str, QScrollArea] = {}
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)

        left = QVBoxLayout()
        left.addWidget(QLabel(f"<h2>{session.stage('agenda').title}</h2>"))
        if content.intro:
            intro = QLabel(content.intro)
            intro.setWordWrap(True)
            intro.setProperty("role", "hint")
            left.addWidget(intro)
        self.items = QListWidget()
        self.items.setAccessibleName("Agenda items")
        self.items.currentRowChanged.connect(self.on_items_current_row_changed)
        left.addWidget(self.items, 1)
        topic_row = QHBoxLayout()
        self.topic_edit = QLineEdit()
        self.topic_edit.setPlaceholderText("A topic, e.g. 'Visit that felt stuck'")
        self.topic_edit.setAccessibleName("New agenda topic")
        self.topic_edit.returnPressed.connect(self.on_add_topic_clicked)
        add_topic = QPushButton("Add topic")
        add_topic.setAccessibleName("Add the topic to the agenda")
        add_topic.clicked.connect(self.on_add_topic_clicked)
        topic_row.addWidget(self.topic_edit, 1)
        topic_row.addWidget(add_topic)
        left.addLayout(topic_row)
        self.excerpt_edit = QPlainTextEdit()
        self.excerpt_edit.setAccessibleName("Excerpt the supervisee chose to share")
        self.excerpt_edit.setPlaceholderText(
            "Paste or type an excerpt the supervisee has chosen to share from their journal."
        )
        self.excerpt_edit.setMaximumHeight(80)
        left.addWidget(self.excerpt_edit)
        add_excerpt = QPushButton("Add shared excerpt")
        add_excerpt.setAccessibleName("Add the shared excerpt to the agenda")
        add_excerpt.clicked.connect(self.on_add_excerpt_clicked)
        left.addWidget(add_excerpt)
        carried_row = QHBoxLayout()
        self.carried = QComboBox()
        self.carried.setAccessibleName("Carried action to discuss")
        self.carried.setPlaceholderText("No actions carried over")
        for action in session.actions:
            if action.carried_over_from:
                self.carried.addItem(action.description, action.id)
        add_carried = self.discuss_button = QPushButton("Discuss")
        add_carried.setAccessibleName("Add the carried action to the agenda")
        add_carried.clicked.connect(self.on_add_carried_clicked)
        self.carried.setCurrentIndex(0 if self.carried.count() else -1)
        add_carried.setEnabled(self.carried.count() > 0)
        self.carried.setEnabled(self.carried.count() > 0)
        carried_row.addWidget(self.carried, 1)
        carried_row.addWidget(add_carried)
        left.addLayout(carried_row)
        journal_row = QHBoxLayout()
        self.journal_marks = QComboBox()
        self.journal_marks.setAccessibleName("Excerpt you marked in your own journal")
        self.journal_marks.setPlaceholderText("Nothing marked in your journal")
        self.journal_marks.setToolTip(
            "Only excerpts you chose with 'bring to supervision' in your own journal appear "
            "here, and only when you add one does it reach the agenda."
        )
        self.bring_button = QPushButton("Bring in")
        self.bring_button.setAccessibleName("Add the excerpt from your journal to the agenda")
        self.bring_button.clicked.connect(self.on_bring_button_clicked)
        journal_row.addWidget(self.journal_marks, 1)
        journal_row.addWidget(self.bring_button)
        left.addLayout(journal_row)
        self.reload_journal_marks()
        outer.addLayout(left, 2)

        self.stack = QStackedWidget()
        self.empty = QLabel(
            "Add a topic, a shared excerpt or a carried action, then work through it here."
        )
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        outer.addWidget(self.stack, 3)
        for item in session.agenda:
            self._add_item_widget(item, session)

    def _add_item_widget(self, item: AgendaItem, session: Session) -> None:
        panel = AgendaItemPanel(self.services, session, item, self._content)
        panel.step_changed.connect(self.step_changed)
        self._panels[item.id] = panel
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(panel)
        self._scrollers[item.id] = scroller
        self.stack.addWidget(scroller)
        row = QListWidgetItem(f"{item.title}  ·  {SOURCE_MARKS[item.source]}")
        row.setData(256, item.id)
        self.items.addItem(row)

    def add_item(
        self, title: str, source: str = "topic", excerpt: str = "", action_id: str | None = None
    ) -> str:
        item_id = self.services.sessions.add_agenda_item(
            self.session_id, title, source=source, excerpt=excerpt, action_id=action_id
        )
        session = self.services.sessions.get(self.session_id)
        item = next(i for i in session.agenda if i.id == item_id)
        self._add_item_widget(item, session)
        self.items.setCurrentRow(self.items.count() - 1)
        return item_id

    def on_add_topic_clicked(self) -> None:
        title = self.topic_edit.text().strip()
        if title:
            self.add_item(title)
            self.topic_edit.clear()

    def on_add_excerpt_clicked(self) -> None:
        text = self.excerpt_edit.toPlainText().strip()
        if text:
            first_line = text.splitlines()[0]
            title = first_line if len(first_line) <= 60 else first_line[:57] + "..."
            self.add_item(title, "excerpt", text)
            self.excerpt_edit.clear()

    def on_add_carried_clicked(self) -> None:
        if self.carried.currentIndex() >= 0:
            self.add_item(
                self.carried.currentText(),
                "carried_action",
                action_id=str(self.carried.currentData()),
            )

    def reload_journal_marks(self) -> None:
        """The vault owner's own marked excerpts (this vault's journal, never anyone else's)."""
        self.journal_marks.clear()
        for mark in self.services.journal.marked_excerpts():
            label = mark.entry_title or mark.excerpt.splitlines()[0]
            self.journal_marks.addItem(label[:60], mark.id)
        has_marks = self.journal_marks.count() > 0
        self.journal_marks.setCurrentIndex(0 if has_marks else -1)
        self.journal_marks.setEnabled(has_marks)
        self.bring_button.setEnabled(has_marks)

    def on_bring_button_clicked(self) -> None:
        mark_id = self.journal_marks.currentData()
        mark = next((m for m in self.services.journal.marked_excerpts() if m.id == mark_id), None)
        if mark is None:
            return
        title = mark.entry_title or mark.excerpt.splitlines()[0]
        self.add_item(title[:60], "excerpt", mark.excerpt)
        self.services.journal.mark_discussed(mark.id)
        self.reload_journal_marks()

    def on_items_current_row_changed(self, row: int) -> None:
        item_id = self.items.item(row).data(256) if row >= 0 else None
        self.stack.setCurrentWidget(self._scrollers[item_id] if item_id else self.empty)
        self.item_changed.emit(item_id)

    def current_agenda_item(self) -> str | None:
        row = self.items.currentRow()
        return self.items.item(row).data(256) if row >= 0 else None

    def current_step(self) -> str:
        """The cycle step the current item is on: its time counts for that step's function."""
        item_id = self.current_agenda_item()
        return self._panels[item_id].current_step() if item_id in self._panels else ""

    def panel_for(self, item_id: str) -> AgendaItemPanel:
        return self._panels[item_id]

    def save_pending(self) -> None:
        for panel in self._panels.values():
            panel.notes.save_pending()
