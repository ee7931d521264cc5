"""Typed settings of one vault, with defaults and limits in one place.

The repository stores text; this service knows what each key means, validates values before
they are written, and keeps a small in-memory copy so callers that poll (the auto-lock timer
reads the timeout every second) never touch the database for it.
"""

from __future__ import annotations

from typing import Protocol

from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.errors import ValidationError
from swreflect.platform import security_settings as table

AUTO_LOCK_KEY = "security.auto_lock_minutes"
AUTO_LOCK_DEFAULT_MINUTES = int(table.AUTO_LOCK_MINUTES.default)
AUTO_LOCK_MIN_MINUTES = int(table.AUTO_LOCK_MINUTES.minimum)
AUTO_LOCK_MAX_MINUTES = int(table.AUTO_LOCK_MINUTES.maximum or 60)
CLIPBOARD_KEY = "security.clipboard_clear_seconds"
CLIPBOARD_DEFAULT_SECONDS = int(table.CLIPBOARD_CLEAR_SECONDS.default)
CLIPBOARD_MIN_SECONDS = int(table.CLIPBOARD_CLEAR_SECONDS.minimum)
CLIPBOARD_MAX_SECONDS = int(table.CLIPBOARD_CLEAR_SECONDS.maximum or 60)
RESUME_KEY = "ui.resume"


class SettingsStore(Protocol):
    def all(self) -> dict[str, str]: ...

    def set(self, key: str, value: str) -> None: ...


class SettingsService:
    """Typed getters and validated setters over the vault's ``settings`` table."""

    def __init__(self, store: SettingsStore, *, transaction: Transaction) -> None:
        self._transaction = transaction
        self._store = store
        self._cache = dict(store.all())

    # ------------------------------------------------------------ auto-lock
    def auto_lock_minutes(self) -> int:
        """Idle minutes before the app locks itself; the default when unset or unreadable."""
        raw = self._cache.get(AUTO_LOCK_KEY)
        try:
            value = int(raw) if raw is not None else AUTO_LOCK_DEFAULT_MINUTES
        except ValueError:
            return AUTO_LOCK_DEFAULT_MINUTES
        if not AUTO_LOCK_MIN_MINUTES <= value <= AUTO_LOCK_MAX_MINUTES:
            return AUTO_LOCK_DEFAULT_MINUTES
        return value

    def set_auto_lock_minutes(self, minutes: int) -> None:
        if not AUTO_LOCK_MIN_MINUTES <= int(minutes) <= AUTO_LOCK_MAX_MINUTES:
            raise ValidationError(
                f"Auto-lock can be between {AUTO_LOCK_MIN_MINUTES} and "
                f"{AUTO_LOCK_MAX_MINUTES} minutes. Nothing was saved."
            )
        self._write(AUTO_LOCK_KEY, str(int(minutes)))

    def auto_lock_seconds(self) -> float:
        return float(self.auto_lock_minutes() * 60)

    # ------------------------------------------------------------ clipboard
    def clipboard_clear_seconds(self) -> int:
        """Seconds after a copy before the clipboard is cleared (if it still holds our text)."""
        raw = self._cache.get(CLIPBOARD_KEY)
        try:
            value = int(raw) if raw is not None else CLIPBOARD_DEFAULT_SECONDS
        except ValueError:
            return CLIPBOARD_DEFAULT_SECONDS
        if not CLIPBOARD_MIN_SECONDS <= value <= CLIPBOARD_MAX_SECONDS:
            return CLIPBOARD_DEFAULT_SECONDS
        return value

    def set_clipboard_clear_seconds(self, seconds: int) -> None:
        if not CLIPBOARD_MIN_SECONDS <= int(seconds) <= CLIPBOARD_MAX_SECONDS:
            raise ValidationError(
                f"The clipboard can be cleared after {CLIPBOARD_MIN_SECONDS} to "
                f"{CLIPBOARD_MAX_SECONDS} seconds. Nothing was saved."
            )
        self._write(CLIPBOARD_KEY, str(int(seconds)))

    # ------------------------------------------------------------ plain text settings
    def text_setting(self, key: str) -> str | None:
        return self._cache.get(key) or None

    def set_text_setting(self, key: str, value: str) -> None:
        self._write(key, value)

    # ------------------------------------------------------------ where writing stopped
    def resume_point(self) -> str:
        """What was open when the vault last locked (JSON from the page; "" for nothing).

        Kept inside the vault (it names an entry), so after unlocking the same editor opens
        with the cursor where it was, instead of a "kept safe" banner."""
        return self._cache.get(RESUME_KEY, "")

    def set_resume_point(self, text: str) -> None:
        self._write(RESUME_KEY, text)

    # ------------------------------------------------------------ storage
    @atomic
    def _write(self, key: str, value: str) -> None:
        self._store.set(key, value)
        self._cache[key] = value
