"""Imported (organisation) prompt packs, kept inside the encrypted vault's ``settings`` table so
they stay private: key ``supervision.prompt_pack.<id>`` holds JSON ``{"file": name, "text":
toml}``; ``supervision.active_prompt_pack`` holds the chosen pack id."""

from __future__ import annotations

import json

from swreflect.vault.vault import Vault

_PREFIX = "supervision.prompt_pack."
_ACTIVE = "supervision.active_prompt_pack"


class PromptPackRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def save(self, pack_id: str, file_name: str, text: str) -> None:
        value = json.dumps({"file": file_name, "text": text}, ensure_ascii=False)
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_PREFIX + pack_id, value),
            )

    def remove(self, pack_id: str) -> None:
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (_PREFIX + pack_id,))
            conn.execute("DELETE FROM settings WHERE key = ? AND value = ?", (_ACTIVE, pack_id))

    def all(self) -> list[tuple[str, str, str]]:
        """(pack id, original file name, TOML text) for every stored pack."""
        rows = self._vault.conn.execute(
            "SELECT key, value FROM settings WHERE key LIKE ? ORDER BY key", (_PREFIX + "%",)
        ).fetchall()
        out = []
        for key, value in rows:
            try:
                data = json.loads(value)
                out.append((key[len(_PREFIX) :], str(data["file"]), str(data["text"])))
            except (ValueError, KeyError, TypeError):
                out.append((key[len(_PREFIX) :], "imported pack", ""))
        return out

    def active_id(self) -> str | None:
        row = self._vault.conn.execute(
            "SELECT value FROM settings WHERE key = ?", (_ACTIVE,)
        ).fetchone()
        return str(row[0]) if row else None

    def set_active(self, pack_id: str | None) -> None:
        with self._vault.transaction() as conn:
            if pack_id is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (_ACTIVE,))
            else:
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (_ACTIVE, pack_id),
                )
