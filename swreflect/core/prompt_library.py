"""Which prompt packs exist, which one is in use, and importing an organisation's own.

Built-in packs come from ``resources/prompts``; imported packs are validated, then copied into
the vault (so they stay as private as everything else) and versioned: re-importing needs a
higher version. Whatever goes wrong with an imported pack, ``active()`` falls back to the
built-in pack, so sessions can always run.
"""

from __future__ import annotations

from pathlib import Path

from swreflect.core.prompt_packs import (
    PromptPack,
    build_pack,
    load_builtin_packs,
    load_pack_file,
    parse_text,
)
from swreflect.core.tomlfile import load_toml
from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.errors import NotFoundError, ResourceError, ValidationError
from swreflect.vault.supervision import PromptPackRepository

BUILTIN_ID = "swreflect-core"


class PromptLibrary:
    def __init__(
        self, repo: PromptPackRepository, builtin_folder: Path, *, transaction: Transaction
    ) -> None:
        self._transaction = transaction
        self._repo = repo
        self._folder = builtin_folder
        self._builtins: list[PromptPack] | None = None
        self._builtin_problems: list[ResourceError] = []

    # ------------------------------------------------------------------ reading
    def builtin(self) -> PromptPack:
        packs = self._load_builtins()
        for pack in packs:
            if pack.id == BUILTIN_ID:
                return pack
        if packs:
            return packs[0]
        raise ResourceError(
            "swreflect's own prompt pack is missing or damaged. Reinstall swreflect."
        )

    def _load_builtins(self) -> list[PromptPack]:
        if self._builtins is None:
            self._builtins, self._builtin_problems = load_builtin_packs(self._folder)
        return self._builtins

    def imported(self) -> tuple[list[PromptPack], list[ResourceError]]:
        """Packs copied into the vault, each re-checked; broken ones are reported, not used."""
        packs: list[PromptPack] = []
        problems: list[ResourceError] = []
        base = self.builtin()
        for _pack_id, file_name, text in self._repo.all():
            try:
                packs.append(build_pack(parse_text(file_name, text), "organisation", base))
            except ResourceError as exc:
                problems.append(exc)
        return packs, problems

    def packs(self) -> list[PromptPack]:
        return [*self._load_builtins(), *self.imported()[0]]

    def problems(self) -> list[ResourceError]:
        self._load_builtins()
        return [*self._builtin_problems, *self.imported()[1]]

    def active(self) -> PromptPack:
        chosen = self._repo.active_id()
        if chosen:
            for pack in self.packs():
                if pack.id == chosen:
                    return pack
        return self.builtin()

    def pack_for(self, pack_id: str) -> PromptPack:
        """The pack a session was started with, or the active one if it is gone."""
        for pack in self.packs():
            if pack.id == pack_id:
                return pack
        return self.active()

    # ------------------------------------------------------------------ changing
    def check_file(self, path: Path) -> PromptPack:
        """Validate without importing (raises ResourceError naming file, line and problem)."""
        return load_pack_file(Path(path), "organisation", self.builtin())

    @atomic
    def import_file(self, path: Path, make_active: bool = True) -> PromptPack:
        path = Path(path)
        doc = load_toml(path)
        pack = build_pack(doc, "organisation", self.builtin())
        if any(p.id == pack.id for p in self._load_builtins()):
            raise ValidationError(
                f'{path.name}: the pack id "{pack.id}" belongs to a built-in pack; please give '
                "your pack its own id. Nothing was imported."
            )
        for existing in self.imported()[0]:
            if existing.id == pack.id and existing.version >= pack.version:
                raise ValidationError(
                    f"{path.name}: version {existing.version} of this pack is already imported. "
                    "Raise the version number to replace it. Nothing was imported."
                )
        self._repo.save(pack.id, path.name, doc.text)
        if make_active:
            self._repo.set_active(pack.id)
        return pack

    @atomic
    def set_active(self, pack_id: str) -> PromptPack:
        for pack in self.packs():
            if pack.id == pack_id:
                self._repo.set_active(None if pack.source == "built-in" else pack_id)
                return pack
        raise NotFoundError("That prompt pack wasn't found.")

    @atomic
    def remove(self, pack_id: str) -> None:
        self._repo.remove(pack_id)
