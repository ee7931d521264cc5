"""What the main window may ask of a page (all optional).

- ``save_pending()``: called before locking, so drafts are saved while the vault is open.
- ``clear_sensitive()``: called just before the page is destroyed on lock; forget secrets.
- ``search(text)``: the search box was submitted while this page is showing.
- ``focus_search()``: Ctrl+F while in this page; put the cursor in the page's own search box.
  A page may bind Ctrl+F itself instead; the window then leaves that page's Ctrl+F alone.
- ``page_shown()``: the page became the current one.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class SavesPending(Protocol):
    def save_pending(self) -> None: ...


@runtime_checkable
class ClearsSensitive(Protocol):
    def clear_sensitive(self) -> None: ...


@runtime_checkable
class Searchable(Protocol):
    def search(self, text: str) -> None: ...
