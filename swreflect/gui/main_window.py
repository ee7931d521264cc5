"""The main window: navigation rail, search box, an always-visible Lock button, the pages.

It knows nothing about locking itself: it asks (``lock_requested``) and the controller
destroys it. Its title is always just "swreflect".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.gui.icons import icon
from swreflect.gui.lazy_pages import LazyPages
from swreflect.gui.page_scroll import PageScroll, page_of
from swreflect.gui.pages.protocol import Searchable, as_page
from swreflect.gui.pages.registry import PageSpec
from swreflect.gui.rail import NavRail
from swreflect.gui.ui import label
from swreflect.gui.window_fit import fit_to_screen

WINDOW_TITLE = "swreflect"
LOCK_SHORTCUT = "Ctrl+L"
SEARCH_SHORTCUT = "Ctrl+F"


class MainWindow(QMainWindow):
    lock_requested = Signal()
    closed = Signal()

    def __init__(self, services: Services, specs: Sequence[PageSpec]) -> None:
        super().__init__()
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName("swreflect")
        fit_to_screen(self, 1280, 720)
        self._keys: list[str] = [spec.key for spec in specs]
        self._titles: list[str] = [spec.title for spec in specs]

        self.rail = NavRail()
        self.rail.setObjectName("rail")
        self.rail.setAccessibleName("Sections")
        self.rail.setAccessibleDescription("Choose a part of swreflect to open.")
        self.rail.setIconSize(QSize(20, 20))
        self.rail.setSpacing(2)
        self.rail.setFixedWidth(168)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageArea")
        # Each page is built, in its scroll area, the first time it is shown (lazy_pages.py).
        self.pages = LazyPages(self.stack, services, specs, self._wrap_page)
        for spec in specs:
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spec.title)
            item.setSizeHint(QSize(160, 42))
            self.rail.addItem(item)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(f"Search your journal ({SEARCH_SHORTCUT})")
        self.search_box.setAccessibleName("Search")
        self.search_box.setAccessibleDescription(
            f"Search your journal from any page; press Return. Shortcut: {SEARCH_SHORTCUT}."
        )
        self.search_box.setToolTip(f"Search your journal ({SEARCH_SHORTCUT})")
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setMinimumWidth(180)
        self.search_box.setMaximumWidth(320)
        self.lock_button = QPushButton(icon("lock"), "Lock")
        self.lock_button.setAccessibleName("Lock")
        self.lock_button.setAccessibleDescription(
            f"Lock the vault now and hide everything. Shortcut: {LOCK_SHORTCUT}."
        )
        self.lock_button.setToolTip(f"Lock the vault now ({LOCK_SHORTCUT})")

        self.lock_action = QAction("Lock", self)
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.lock_action)

        rail_frame = QFrame()
        rail_frame.setProperty("role", "rail")
        rail_layout = QVBoxLayout(rail_frame)
        rail_layout.setContentsMargins(8, 16, 8, 16)
        brand = label("swreflect", "brand")
        brand.setAccessibleName("swreflect")
        rail_layout.addWidget(brand)
        rail_layout.addWidget(self.rail, 1)

        topbar = QFrame()
        topbar.setProperty("role", "topbar")
        top = QHBoxLayout(topbar)
        top.setContentsMargins(24, 12, 16, 12)
        top.addStretch(1)
        top.addWidget(self.search_box)
        top.addSpacing(8)
        top.addWidget(self.lock_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(topbar)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(rail_frame)
        row.addWidget(right, 1)
        self.setCentralWidget(central)

        self.rail.currentRowChanged.connect(self.on_rail_current_row_changed)
        self.lock_button.clicked.connect(self.lock_requested)
        self.lock_action.triggered.connect(self.lock_requested)
        # Ctrl+F and the other application-wide shortcuts are menu actions (gui/menus.py).
        self.search_box.returnPressed.connect(self.on_search_box_return_pressed)
        self.setTabOrder(self.rail, self.search_box)
        self.setTabOrder(self.search_box, self.lock_button)
        if self._keys:
            self.rail.setCurrentRow(0)

    def _wrap_page(self, page: QWidget) -> PageScroll:
        scroll = PageScroll(page)
        scroll.lead_in = self.lock_button  # Tab: rail, search, Lock, then the page
        return scroll

    def show_page(self, key: str) -> None:
        self.rail.setCurrentRow(self._keys.index(key))

    def current_key(self) -> str:
        return self._keys[self.rail.currentRow()]

    def current_page(self) -> QWidget | None:
        """The page showing now (inside its scroll area)."""
        return page_of(self.stack.currentWidget())

    def on_rail_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            page = self.pages[self._keys[row]]  # built here the first time it is shown
            self.stack.setCurrentWidget(self.pages.container(self._keys[row]))
            as_page(page).page_shown()

    def page_titles(self) -> list[tuple[str, str]]:
        """(key, title) of each section in rail order (the Go menu lists them)."""
        return list(zip(self._keys, self._titles, strict=True))

    def focus_search(self, page: QWidget | None = None) -> None:
        """Ctrl+F: the page's own search box if it has one, otherwise the window's."""
        if isinstance(page, Searchable):
            page.focus_search()
            return
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def on_search_box_return_pressed(self) -> None:
        page = self.current_page()
        if not isinstance(page, Searchable) and "journal" in self._keys:
            # Only the journal holds searchable writing: search it from any page.
            self.show_page("journal")
            page = self.current_page()
        if isinstance(page, Searchable):
            page.search(self.search_box.text())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        event.accept()
