"""Prompt packs: the stages' prompts as data (``resources/prompts/*.toml``), validated.

A pack is ``[pack]`` (id, name, version), optional ``[stages.KEY]`` tables (title, intro) and
``[[prompts]]`` (id, stage, text, optional cycle for the agenda stage). Every problem is a
``ResourceError`` naming the file, the line where we can find one, and what is wrong; a broken
pack is never used, so the built-in pack keeps the app working. Stages a pack leaves out keep
the built-in prompts.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swreflect.core.tomlfile import TomlDocument, load_toml, resource_error
from swreflect.errors import ResourceError
from swreflect.models.supervision import KIND_STAGES, STAGE_KEYS, STAGES, StageSpec

CYCLE_STEPS = ("experience", "reflection", "analysis", "action")
MAX_PROMPT = 600
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")


# Themes a prompt can be tagged with (``themes = [...]``), so a pack can show it covers the
# organisational themes of the employer standards; the content lint checks the built-in packs.
THEMES = (
    "role-clarity",
    "recording-vs-direct-work",
    "change-fatigue",
    "upward-insight",
    "unfair-scrutiny",
    "psychological-safety",
    "critical-incidents",
)
AUDIENCES = ("both", "supervisor")


@dataclass(frozen=True)
class Prompt:
    id: str
    stage: str
    text: str
    cycle: str = ""
    themes: tuple[str, ...] = ()
    audience: str = "both"  # "supervisor": shown only when the vault owner supervises


@dataclass(frozen=True)
class StageContent:
    key: str
    title: str
    intro: str
    function: str
    prompts: tuple[Prompt, ...]

    def prompts_for(self, cycle: str = "") -> tuple[Prompt, ...]:
        """The prompts for one step of the 4x4x4 cycle (or all of them with ``cycle=""``)."""
        if not cycle:
            return self.prompts
        return tuple(p for p in self.prompts if p.cycle == cycle)


@dataclass(frozen=True)
class PromptPack:
    id: str
    name: str
    version: int
    source: str  # "built-in" or "organisation"
    stages: dict[str, StageContent] = field(default_factory=dict)

    def stage(self, key: str) -> StageContent:
        return self.stages[key]

    def stage_specs(self, kind: str = "regular") -> list[StageSpec]:
        """The stages a session of this kind runs, in order (see ``KIND_STAGES``)."""
        keys = KIND_STAGES.get(kind, KIND_STAGES["regular"])
        return [StageSpec(s.key, s.title, s.function) for k in keys if (s := self.stages.get(k))]

    def all_prompts(self) -> list[Prompt]:
        return [p for s in self.stages.values() for p in s.prompts]

    def prompt_count(self) -> int:
        return sum(len(s.prompts) for s in self.stages.values())


def parse_text(name: str, text: str) -> TomlDocument:
    """Parse TOML held in memory (an imported pack stored in the vault) like ``load_toml``."""
    path = Path(name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise resource_error(
            path, f"this isn't valid TOML ({reason}).", int(match.group(1)) if match else None
        ) from exc
    return TomlDocument(path, text, data)


def _nth_line(doc: TomlDocument, key: str, value: str, n: int) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=\s*[\"']{re.escape(value)}[\"']")
    seen = 0
    for number, line in enumerate(doc.text.splitlines(), start=1):
        if pattern.search(line):
            seen += 1
            if seen == n:
                return number
    return None


def _header_line(doc: TomlDocument, header: str) -> int | None:
    for number, line in enumerate(doc.text.splitlines(), start=1):
        if line.strip() == header:
            return number
    return None


def _key_line(doc: TomlDocument, key: str, table_line: int | None) -> int | None:
    """The line assigning ``key`` inside the table that starts at ``table_line``."""
    if table_line is None:
        return doc.line_of(key)
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    lines = doc.text.splitlines()
    for number in range(table_line + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if text.startswith("["):
            break
        if pattern.match(text):
            return number
    return table_line


def _text(doc: TomlDocument, table: dict[str, Any], key: str, where: str, line: int | None) -> str:
    value = table.get(key)
    if value is None:
        raise doc.error(f'{where} is missing its "{key}".', line)
    if not isinstance(value, str) or not value.strip():
        raise doc.error(f'{where} needs "{key}" to be some text.', _key_line(doc, key, line))
    return value.strip()


def _pack_header(doc: TomlDocument) -> tuple[str, str, int]:
    pack = doc.data.get("pack")
    line = _header_line(doc, "[pack]")
    if not isinstance(pack, dict):
        raise doc.error("there is no [pack] section with the pack's id, name and version.")
    pack_id = _text(doc, pack, "id", "The [pack] section", line)
    if not _ID.match(pack_id):
        raise doc.error(
            "the pack id may only use letters, digits, dots, dashes and underscores.",
            doc.line_of("id", pack_id),
        )
    name = _text(doc, pack, "name", "The [pack] section", line)
    version = pack.get("version")
    if version is None:
        raise doc.error('The [pack] section is missing its "version".', line)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise doc.error(
            "the pack version must be a whole number, 1 or more.", doc.line_of("version")
        )
    return pack_id, name, version


def _prompts(doc: TomlDocument) -> list[Prompt]:
    raw = doc.data.get("prompts")
    if raw is None:
        raise doc.error("there are no [[prompts]] in this pack.")
    if not isinstance(raw, list) or not all(isinstance(p, dict) for p in raw):
        raise doc.error('"prompts" must be a list of [[prompts]] tables.', doc.line_of("prompts"))
    prompts: list[Prompt] = []
    seen: dict[str, int] = {}
    headers = [
        n for n, line in enumerate(doc.text.splitlines(), start=1) if line.strip() == "[[prompts]]"
    ]
    for index, table in enumerate(raw):
        line = headers[index] if index < len(headers) else None
        where = f"Prompt number {index + 1}"
        prompt_id = _text(doc, table, "id", where, line)
        seen[prompt_id] = seen.get(prompt_id, 0) + 1
        if seen[prompt_id] > 1:
            raise doc.error(
                f'the prompt id "{prompt_id}" is used more than once; each id must be unique.',
                _nth_line(doc, "id", prompt_id, seen[prompt_id]) or line,
            )
        stage = _text(doc, table, "stage", f'The prompt "{prompt_id}"', line)
        if stage not in STAGE_KEYS:
            raise doc.error(
                f'the prompt "{prompt_id}" names an unknown stage "{stage}" '
                f"(known stages: {', '.join(STAGE_KEYS)}).",
                doc.line_of("stage", stage) or line,
            )
        text = _text(doc, table, "text", f'The prompt "{prompt_id}"', line)
        if len(text) > MAX_PROMPT:
            raise doc.error(f'the prompt "{prompt_id}" is too long.', line)
        cycle = table.get("cycle", "")
        if cycle and (stage != "agenda" or cycle not in CYCLE_STEPS):
            raise doc.error(
                f'the prompt "{prompt_id}" has cycle "{cycle}"; only agenda prompts take a '
                f"cycle, one of {', '.join(CYCLE_STEPS)}.",
                doc.line_of("cycle", str(cycle)) or line,
            )
        themes = _themes(doc, table, prompt_id, line)
        audience = table.get("audience", "both")
        if audience not in AUDIENCES:
            raise doc.error(
                f'the prompt "{prompt_id}" has audience "{audience}"; it may be '
                f"{' or '.join(AUDIENCES)}.",
                doc.line_of("audience", str(audience)) or line,
            )
        prompts.append(Prompt(prompt_id, stage, text, str(cycle), themes, str(audience)))
    return prompts


def _themes(
    doc: TomlDocument, table: dict[str, Any], prompt_id: str, line: int | None
) -> tuple[str, ...]:
    raw = table.get("themes", [])
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise doc.error(f'the prompt "{prompt_id}" needs "themes" to be a list of names.', line)
    unknown = [t for t in raw if t not in THEMES]
    if unknown:
        raise doc.error(
            f'the prompt "{prompt_id}" names an unknown theme "{unknown[0]}" '
            f"(known themes: {', '.join(THEMES)}).",
            line,
        )
    return tuple(raw)


def _stage_tables(doc: TomlDocument) -> dict[str, dict[str, str]]:
    raw = doc.data.get("stages", {})
    if not isinstance(raw, dict):
        raise doc.error('"stages" must be a set of [stages.KEY] sections.', doc.line_of("stages"))
    out: dict[str, dict[str, str]] = {}
    for key, table in raw.items():
        line = _header_line(doc, f"[stages.{key}]")
        if key not in STAGE_KEYS:
            raise doc.error(
                f"[stages.{key}] is not a stage swreflect knows "
                f"(known stages: {', '.join(STAGE_KEYS)}).",
                line,
            )
        if not isinstance(table, dict) or any(
            not isinstance(table.get(k, ""), str) for k in ("title", "intro")
        ):
            raise doc.error(f"[stages.{key}] may only hold a text title and intro.", line)
        out[key] = {k: str(table.get(k, "")).strip() for k in ("title", "intro")}
    return out


def build_pack(doc: TomlDocument, source: str, fallback: PromptPack | None = None) -> PromptPack:
    """Validate a parsed document into a pack; raises ResourceError on the first problem."""
    pack_id, name, version = _pack_header(doc)
    prompts = _prompts(doc)
    tables = _stage_tables(doc)
    stages: dict[str, StageContent] = {}
    for spec in STAGES:
        own = tuple(p for p in prompts if p.stage == spec.key)
        table = tables.get(spec.key, {})
        if not own and fallback is not None:
            base = fallback.stage(spec.key)
            stages[spec.key] = StageContent(
                spec.key,
                table.get("title") or base.title,
                table.get("intro") or base.intro,
                spec.function,
                base.prompts,
            )
            continue
        if not own:
            raise doc.error(f'the stage "{spec.key}" has no prompts.')
        stages[spec.key] = StageContent(
            spec.key, table.get("title") or spec.title, table.get("intro", ""), spec.function, own
        )
    return PromptPack(pack_id, name, version, source, stages)


def load_pack_file(path: Path, source: str, fallback: PromptPack | None = None) -> PromptPack:
    return build_pack(load_toml(path), source, fallback)


CORE_FILE = "core.toml"


def load_builtin_packs(folder: Path) -> tuple[list[PromptPack], list[ResourceError]]:
    """Every ``*.toml`` in the built-in folder; broken files are reported, not fatal. The core
    pack loads first, and the other built-in packs borrow its prompts for stages they leave
    out (as an organisation's pack does)."""
    packs: list[PromptPack] = []
    problems: list[ResourceError] = []
    core: PromptPack | None = None
    paths = sorted(folder.glob("*.toml"), key=lambda p: (p.name != CORE_FILE, p.name))
    for path in paths:
        try:
            pack = load_pack_file(path, "built-in", core)
        except ResourceError as exc:
            problems.append(exc)
            continue
        packs.append(pack)
        if path.name == CORE_FILE:
            core = pack
    return packs, problems


def unique_by_id(packs: Iterable[PromptPack]) -> dict[str, PromptPack]:
    """Highest version of each pack id."""
    out: dict[str, PromptPack] = {}
    for pack in packs:
        if pack.id not in out or pack.version > out[pack.id].version:
            out[pack.id] = pack
    return out
