"""Journal templates: TOML files of prompts, validated on load.

A template file looks like::

    id = "driscoll"
    name = "What? So what? Now what?"
    description = "A short three-step look back."
    version = 1

    [[prompts]]
    id = "what"
    label = "What happened?"
    hint = "Describe it plainly ..."

Templates come from ``resources/templates`` and, optionally, an organisation's own folder. A
broken file is reported (file, line, problem) and left out while the others keep working. No
prompt can be mandatory: every prompt is an invitation that can be skipped, and a template can't
demand identifying details.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swreflect.core.tomlfile import TomlDocument, load_toml
from swreflect.errors import ResourceError
from swreflect.models.journal import FREE_WRITING

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_TOP_KEYS = {"id", "name", "description", "version", "prompts"}
_PROMPT_KEYS = {"id", "label", "hint"}
MAX_PROMPTS = 12


@dataclass(frozen=True)
class TemplatePrompt:
    id: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    description: str
    prompts: tuple[TemplatePrompt, ...]
    version: int = 1
    source: Path | None = None


FALLBACK = Template(FREE_WRITING, "Free writing", "Write in whatever way suits you.", ())


@dataclass
class TemplateLibrary:
    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, template_id: str) -> Template:
        """The template, or free writing when it is unknown (an old entry's template removed)."""
        return self.templates.get(template_id) or self.templates.get(FREE_WRITING) or FALLBACK

    def has(self, template_id: str) -> bool:
        return template_id in self.templates

    def ordered(self) -> list[Template]:
        """Free writing first, then by name."""
        items = sorted(self.templates.values(), key=lambda t: (t.id != FREE_WRITING, t.name))
        return items or [FALLBACK]


def _text(doc: TomlDocument, data: dict[str, Any], key: str, *, required: bool) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise doc.error(f"'{key}' should be text in quotes.", doc.line_of(key))
    value = value.strip()
    if required and not value:
        raise doc.error(f"'{key}' is missing or empty.", doc.line_of(key))
    return value


def parse_template(doc: TomlDocument) -> Template:
    data = doc.data
    for key in data:
        if key not in _TOP_KEYS:
            raise doc.error(f"'{key}' isn't a template setting.", doc.line_of(key))
    template_id = _text(doc, data, "id", required=True)
    if not _ID.match(template_id):
        raise doc.error(
            "'id' should be short, lower-case letters, digits, '-' or '_'.", doc.line_of("id")
        )
    name = _text(doc, data, "name", required=True)
    description = _text(doc, data, "description", required=False)
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise doc.error("'version' should be a whole number, 1 or more.", doc.line_of("version"))
    raw_prompts = data.get("prompts", [])
    if not isinstance(raw_prompts, list) or not all(isinstance(p, dict) for p in raw_prompts):
        raise doc.error("'prompts' should be a list of [[prompts]] tables.", doc.line_of("prompts"))
    if len(raw_prompts) > MAX_PROMPTS:
        raise doc.error(f"a template can have at most {MAX_PROMPTS} prompts.")
    prompts: list[TemplatePrompt] = []
    seen: set[str] = set()
    for raw in raw_prompts:
        prompts.append(_prompt(doc, raw, seen))
    return Template(template_id, name, description, tuple(prompts), version, doc.path)


def _prompt(doc: TomlDocument, raw: dict[str, Any], seen: set[str]) -> TemplatePrompt:
    prompt_id = raw.get("id")

    def line() -> int | None:
        """Where the prompt starts, found only for an error (the search costs a regular
        expression per prompt, and the templates load at unlock)."""
        return doc.line_of("id", prompt_id) if isinstance(prompt_id, str) else None

    for key in raw:
        if key in ("required", "mandatory"):
            raise doc.error(
                "prompts can't be required: every prompt is an invitation that can be skipped.",
                doc.line_of(key),
            )
        if key not in _PROMPT_KEYS:
            raise doc.error(f"'{key}' isn't a prompt setting.", doc.line_of(key))
    if not isinstance(prompt_id, str) or not _ID.match(prompt_id):
        raise doc.error(
            "each prompt needs an 'id' of lower-case letters, digits, '-' or '_'.", line()
        )
    if prompt_id in seen:
        raise doc.error(f"two prompts share the id '{prompt_id}'.", _second_line(doc, prompt_id))
    seen.add(prompt_id)
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise doc.error(f"prompt '{prompt_id}' needs a 'label'.", line())
    hint = raw.get("hint", "")
    if not isinstance(hint, str):
        raise doc.error(f"prompt '{prompt_id}' has a 'hint' that isn't text.", line())
    return TemplatePrompt(prompt_id, label.strip(), hint.strip())


def _second_line(doc: TomlDocument, prompt_id: str) -> int | None:
    """The line of the second ``id = "<prompt_id>"``: the duplicate, not the original."""
    pattern = re.compile(rf"^\s*id\s*=\s*[\"']{re.escape(prompt_id)}[\"']")
    lines = [n for n, t in enumerate(doc.text.splitlines(), start=1) if pattern.search(t)]
    return lines[1] if len(lines) > 1 else doc.line_of("id", prompt_id)


# Parsed templates by file and exact content: they load at every unlock, and parsing the TOML
# took tens of milliseconds of it. Reading the small files again is cheap; a change is parsed.
_PARSED: dict[tuple[str, bytes], Template] = {}


def load_template(path: Path) -> Template:
    try:
        key = (str(path), Path(path).read_bytes())
    except OSError:
        return parse_template(load_toml(path))  # reports the file that can't be read
    template = _PARSED.get(key)
    if template is None:
        template = _PARSED[key] = parse_template(load_toml(path))
    return template


def load_library(folders: Iterable[Path]) -> TemplateLibrary:
    """Every ``*.toml`` in each folder, in order. Problems are collected, never raised."""
    library = TemplateLibrary()
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                template = load_template(path)
            except ResourceError as exc:
                library.problems.append(exc.message)
                continue
            if template.id in library.templates:
                other = library.templates[template.id].source
                library.problems.append(
                    f"{path.name}: the id '{template.id}' is already used by "
                    f"{other.name if other else 'another template'}, so this file was left out."
                )
                continue
            library.templates[template.id] = template
    return library
