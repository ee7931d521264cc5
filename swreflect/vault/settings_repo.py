"""Key/value settings stored inside the encrypted vault (table ``settings``, schema v1).

Settings live in the vault rather than a config file because even preferences can say
something about the person (the promise is "settings too"). Values are stored as text; the
typed meaning of each key belongs to ``swreflect.core.settings``.
"""

from __future__ import annotations

from swreflect.vault.vault import Vault


class SettingsRepository:
    """The only code that reads or writes the ``settings`` table."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, key: str) -> str | None:
        row = self._vault.conn.execute(
            "SELECT value FROM settings WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def all(self) -> dict[str, str]:
        rows = self._vault.conn.execute("SELECT key, value FROM settings").fetchall()
        return {str(k): str(v) for k, v in rows}

    def set(self, key: str, value: str) -> None:
        conn = self._vault.writer()
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def delete(self, key: str) -> None:
        conn = self._vault.writer()
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))
