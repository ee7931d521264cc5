"""What the main window may ask of a page (all optional).

- ``save_pending()``: called before locking, so drafts are saved while the vault is open.
- ``clear_sensitive()``: called just before the page is destroyed on lock; forget secrets.
- ``search(text)``: the search box was submitted while this page is showing.
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
