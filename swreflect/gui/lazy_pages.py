"""The main window's pages, each built (and wrapped in its scroll area) the first time it is
shown.

Unlocking used to build all seven pages before the window painted; the Insights and Agreements
pages alone read the whole history. Now the stack holds an empty stand-in per page and the real
page replaces it when the user first opens it (Home is opened at once, so it is built at
unlock). ``pages[key]`` builds on demand, so callers that need a page (tests, the search box)
still get it; ``built()`` lists only the pages that exist, which is what locking walks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

from swreflect.core.services import Services
from swreflect.gui.pages.registry import PageSpec


class LazyPages(Mapping[str, QWidget]):
    def __init__(
        self,
        stack: QStackedWidget,
        services: Services,
        specs: Sequence[PageSpec],
        wrap: Callable[[QWidget], QWidget],
    ) -> None:
        self._stack = stack
        self._services = services
        self._specs = {spec.key: spec for spec in specs}
        self._order = [spec.key for spec in specs]
        self._stand_ins: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        self._containers: dict[str, QWidget] = {}
        self._wrap = wrap
        for key in self._order:
            stand_in = QWidget()
            stand_in.setObjectName("pageArea")
            self._stand_ins[key] = stand_in
            stack.addWidget(stand_in)

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is not None:
            return page
        if key not in self._specs:
            raise KeyError(key)
        page = self._specs[key].factory(self._services)
        container = self._wrap(page)
        stand_in = self._stand_ins.pop(key)
        showing = self._stack.currentWidget() is stand_in
        self._stack.insertWidget(self._order.index(key), container)
        self._stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if showing:
            self._stack.setCurrentWidget(container)
        self._built[key] = page
        self._containers[key] = container
        return page

    def container(self, key: str) -> QWidget:
        """What the stack shows for ``key`` (the page's scroll area), building it if needed."""
        self[key]
        return self._containers[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list[QWidget]:
        """The pages that exist, in rail order (never builds one)."""
        return [self._built[k] for k in self._order if k in self._built]

    def clear(self) -> None:
        """Forget every page (the window is being destroyed on lock)."""
        self._built.clear()
        self._containers.clear()
        self._stand_ins.clear()
