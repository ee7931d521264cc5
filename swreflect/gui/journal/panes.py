"""The Journal page's fixed parts: the private marker, the list pane and the action bar.

They only build and lay out widgets; the page wires them to the journal service.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from swreflect.core.templates import TemplateLibrary
from swreflect.gui.empty_state import EmptyState, at_the_top
from swreflect.gui.flow_layout import WrapRow
from swreflect.gui.journal.list_model import JournalListModel
from swreflect.gui.journal.lock_glyph import lock_pixmap
from swreflect.gui.journal.row_delegate import entry_list_view
from swreflect.gui.journal.search_bar import SearchBar


class PrivateMarker(QWidget):
    """A lock and a plain sentence: the journal's consistent "this is private" signal."""

    def __init__(self, tint: QColor) -> None:
        super().__init__()
        self.label = QLabel("Private journal · only you can see this")
        self.label.setAccessibleName("Private: only you can see your journal")
        self.label.setToolTip("Nothing here is shared unless you choose to bring it.")
        self.icon = QLabel()
        self.icon.setAccessibleName("Private")
        self.icon.setPixmap(lock_pixmap(self.fontMetrics().height(), tint))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)


class ListPane(QWidget):
    """New entry, Trash, search with filters, and the lazily filled list of entries."""

    def __init__(self, templates: TemplateLibrary) -> None:
        super().__init__()
        self.new_button = QPushButton("&New entry")
        self.new_button.setToolTip("Start a new entry (Ctrl+N)")
        self.new_button.setAccessibleName("New entry")
        self.trash_button = QPushButton("Trash")
        self.trash_button.setCheckable(True)
        self.trash_button.setAccessibleName("Show the Trash")
        self.trash_button.setToolTip("Entries you moved to the Trash; restore or delete them.")
        self.search_bar = SearchBar(templates)
        self.model = JournalListModel()
        self.list_view = entry_list_view("Journal entries", self.model)
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_state = EmptyState(
            "Nothing written yet",
            "Your journal is a private place to think things through: after a visit, before "
            "supervision, or whenever something stays with you. Only you can read it.",
            "Write your first entry",
            "Start a new journal entry (Ctrl+N).",
            self.new_button.click,
        )
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(self.trash_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.empty_label)
        self.empty_holder = at_the_top(self.empty_state)
        self.empty_holder.hide()
        layout.addWidget(self.empty_holder, 1)
        layout.addWidget(self.list_view, 1)


class ActionBar(QWidget):
    """The quiet save status and what can be done with the open entry."""

    def __init__(self) -> None:
        super().__init__()
        self.saved_label = QLabel("")
        self.saved_label.setAccessibleName("Save status")
        self.saved_label.setProperty("role", "hint")
        self.mark_button = QPushButton("Bring to supervision…")
        self.mark_button.setAccessibleName("Bring an excerpt to supervision")
        self.mark_button.setToolTip("Select the words you'd like to bring, then press this.")
        self.revisions_button = QPushButton("Earlier versions…")
        self.revisions_button.setAccessibleName("See earlier versions of this entry")
        self.cpd_button = QPushButton("CPD text…")
        self.cpd_button.setAccessibleName("Save this entry as CPD text")
        self.cpd_button.setToolTip("Shape this entry for your CPD record and save it as text.")
        self.trash_entry_button = QPushButton("Move to Trash")
        self.trash_entry_button.setAccessibleName("Move this entry to the Trash")
        self.saved_label.setWordWrap(True)
        self.revisions_button.setToolTip("See and bring back an earlier version of this entry.")
        self.trash_entry_button.setToolTip("Move this entry to the Trash; you can restore it.")
        buttons = WrapRow()
        for widget in (
            self.mark_button,
            self.revisions_button,
            self.cpd_button,
            self.trash_entry_button,
        ):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(buttons)
        layout.addWidget(self.saved_label)
