"""Typed settings of one vault, with defaults and limits in one place.

The repository stores text; this service knows what each key means, validates values before
they are written, and keeps a small in-memory copy so callers that poll (the auto-lock timer
reads the timeout every second) never touch the database for it.
"""

from __future__ import annotations

from typing import Protocol

from swreflect.errors import ValidationError

AUTO_LOCK_KEY = "security.auto_lock_minutes"
AUTO_LOCK_DEFAULT_MINUTES = 5
AUTO_LOCK_MIN_MINUTES = 1
AUTO_LOCK_MAX_MINUTES = 60
RESUME_KEY = "ui.resume"


class SettingsStore(Protocol):
    def all(self) -> dict[str, str]: ...

    def set(self, key: str, value: str) -> None: ...


class SettingsService:
    """Typed getters and validated setters over the vault's ``settings`` table."""

    def __init__(self, store: SettingsStore) -> None:
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
    def _write(self, key: str, value: str) -> None:
        self._store.set(key, value)
        self._cache[key] = value
