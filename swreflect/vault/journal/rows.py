"""Converting between journal rows and the core records (one place for the column order)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from swreflect.models.journal import EntryContent, Wellbeing

ENTRY_COLUMNS = (
    "id, title, body, template_id, answers, search_tags, energy, stress, workload, "
    "created_at, updated_at, deleted_at"
)


def stamp(when: datetime) -> str:
    """Sortable text form of an aware UTC time."""
    return when.isoformat(timespec="microseconds")


def parse_stamp(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def required_stamp(text: str | None) -> datetime:
    """A stamp from a NOT NULL column (created, updated, saved): always there."""
    when = parse_stamp(text)
    assert when is not None
    return when


def join_tags(tags: tuple[str, ...]) -> str:
    return "\n".join(tags)


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(t for t in text.split("\n") if t)


def answers_json(answers: dict[str, str]) -> str:
    return json.dumps(answers, ensure_ascii=False, sort_keys=True)


def answers_text(answers: dict[str, str]) -> str:
    return "\n".join(v for _k, v in sorted(answers.items()) if v.strip())


def content_values(content: EntryContent) -> tuple[Any, ...]:
    """title, body, template_id, answers, search_answers, search_tags, energy, stress, workload."""
    w = content.wellbeing
    return (
        content.title,
        content.body,
        content.template_id,
        answers_json(content.answers),
        answers_text(content.answers),
        join_tags(content.tags),
        w.energy,
        w.stress,
        w.workload,
    )


def content_from(row: Any) -> EntryContent:
    """From (title, body, template_id, answers, tags, energy, stress, workload)."""
    title, body, template_id, answers, tags, energy, stress, workload = row
    parsed = json.loads(answers) if answers else {}
    return EntryContent(
        title=title,
        body=body,
        template_id=template_id,
        answers={str(k): str(v) for k, v in parsed.items()},
        tags=split_tags(tags),
        wellbeing=Wellbeing(energy, stress, workload),
    )
