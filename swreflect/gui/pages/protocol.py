"""What the main window and the shell controller ask of a page, as typed contracts.

Every page implements ``Page``:

- ``save_pending()``: called before locking, so drafts are saved while the vault is open;
- ``clear_sensitive()``: called just before the page is destroyed on lock; forget what the page
  shows (text fields, lists of names and notes) so nothing outlives the lock;
- ``page_shown()``: the page became the current one; refresh what may have changed.

A page may also implement ``Searchable`` (the window's search box and Ctrl+F reach it) and
``StartsEntries`` (File > New entry). The registry lists each page class against ``Page`` so
mypy proves the contract (``registry.page_classes()``), and ``as_page`` refuses, loudly, a widget
that doesn't keep it: nothing probes for a method by name.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


@runtime_checkable
class Page(Protocol):
    def save_pending(self) -> None: ...

    def clear_sensitive(self) -> None: ...

    def page_shown(self) -> None: ...


@runtime_checkable
class Searchable(Protocol):
    def search(self, text: str) -> None: ...

    def focus_search(self) -> None: ...


@runtime_checkable
class StartsEntries(Protocol):
    def new_entry(self) -> None: ...


def as_page(widget: QWidget) -> Page:
    """``widget`` as a ``Page``; a page that doesn't keep the contract is a programming error."""
    if not isinstance(widget, Page):
        raise TypeError(f"{type(widget).__name__} does not implement the page contract")
    return widget
