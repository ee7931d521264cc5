"""Imported (organisation) prompt packs, kept inside the encrypted vault's settings (through
``SettingsRepository``, the one owner of that table) so they stay private: key
``supervision.prompt_pack.<id>`` holds JSON ``{"file": name, "text": toml}``;
``supervision.active_prompt_pack`` holds the chosen pack id."""

from __future__ import annotations

import json

from swreflect.vault.settings_repo import SettingsRepository

_PREFIX = "supervision.prompt_pack."
_ACTIVE = "supervision.active_prompt_pack"


class PromptPackRepository:
    def __init__(self, settings: SettingsRepository) -> None:
        self._settings = settings

    def save(self, pack_id: str, file_name: str, text: str) -> None:
        value = json.dumps({"file": file_name, "text": text}, ensure_ascii=False)
        self._settings.set(_PREFIX + pack_id, value)

    def remove(self, pack_id: str) -> None:
        self._settings.delete(_PREFIX + pack_id)
        if self.active_id() == pack_id:
            self._settings.delete(_ACTIVE)

    def all(self) -> list[tuple[str, str, str]]:
        """(pack id, original file name, TOML text) for every stored pack."""
        out = []
        for key, value in sorted(self._settings.all().items()):
            if not key.startswith(_PREFIX):
                continue
            try:
                data = json.loads(value)
                out.append((key[len(_PREFIX) :], str(data["file"]), str(data["text"])))
            except (ValueError, KeyError, TypeError):
                out.append((key[len(_PREFIX) :], "imported pack", ""))
        return out

    def active_id(self) -> str | None:
        return self._settings.get(_ACTIVE)

    def set_active(self, pack_id: str | None) -> None:
        if pack_id is None:
            self._settings.delete(_ACTIVE)
        else:
            self._settings.set(_ACTIVE, pack_id)
