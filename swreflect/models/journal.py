"""The journal's records, as plain data shared by the service, the CLI and the GUI.

Times are aware UTC datetimes from the injected clock. Wellbeing scales run 1 (low) to 5 (high)
and are optional: a check-in is an invitation, never a requirement.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from swreflect.records import FrozenRecord, field, replace

WELLBEING_SCALES = ("energy", "stress", "workload")
FREE_WRITING = "free"


class Wellbeing(FrozenRecord):
    energy: int | None = None
    stress: int | None = None
    workload: int | None = None

    def is_empty(self) -> bool:
        return self.energy is None and self.stress is None and self.workload is None

    def as_dict(self) -> dict[str, int | None]:
        return {"energy": self.energy, "stress": self.stress, "workload": self.workload}

    @classmethod
    def from_dict(cls, data: Any) -> Wellbeing:
        if not isinstance(data, dict):
            return cls()
        values = {k: data.get(k) for k in WELLBEING_SCALES}
        return cls(**{k: v if isinstance(v, int) else None for k, v in values.items()})


class EntryContent(FrozenRecord):
    """What the user writes: everything that a revision keeps and a draft holds."""

    title: str = ""
    body: str = ""
    template_id: str = FREE_WRITING
    answers: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    wellbeing: Wellbeing = field(default_factory=Wellbeing)

    def with_(self, **changes: Any) -> EntryContent:
        return replace(self, **changes)

    def is_blank(self) -> bool:
        return not (
            self.title.strip()
            or self.body.strip()
            or any(v.strip() for v in self.answers.values())
            or self.tags
            or not self.wellbeing.is_empty()
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "body": self.body,
            "template_id": self.template_id,
            "answers": dict(self.answers),
            "tags": list(self.tags),
            "wellbeing": self.wellbeing.as_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntryContent:
        answers = data.get("answers") or {}
        return cls(
            title=str(data.get("title", "")),
            body=str(data.get("body", "")),
            template_id=str(data.get("template_id") or FREE_WRITING),
            answers={str(k): str(v) for k, v in answers.items()}
            if isinstance(answers, dict)
            else {},
            tags=tuple(str(t) for t in data.get("tags") or ()),
            wellbeing=Wellbeing.from_dict(data.get("wellbeing")),
        )


class Entry(FrozenRecord):
    id: int
    content: EntryContent
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    @property
    def title(self) -> str:
        return self.content.title

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.content.as_dict(),
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "deleted_at": self.deleted_at.isoformat() if self.deleted_at else None,
        }


class EntrySummary(FrozenRecord):
    """One row of the journal list: enough to show, never the whole body."""

    id: int
    title: str
    preview: str
    template_id: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "preview": self.preview,
            "template_id": self.template_id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


class SearchHit(FrozenRecord):
    """A search result. ``snippet`` marks matched words with HIT_START / HIT_END."""

    id: int
    title: str
    snippet: str
    template_id: str
    created_at: datetime
    updated_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "snippet": self.snippet,
            "template_id": self.template_id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


HIT_START = "\x02"
HIT_END = "\x03"


class JournalFilter(FrozenRecord):
    """Optional narrowing of the list or of a search. Dates compare with ``created_at``."""

    tag: str | None = None
    template_id: str | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None


class Revision(FrozenRecord):
    id: int
    entry_id: int
    content: EntryContent
    saved_at: datetime


class Draft(FrozenRecord):
    slot: str
    entry_id: int | None
    content: EntryContent
    saved_at: datetime


class SupervisionMark(FrozenRecord):
    id: int
    entry_id: int
    entry_title: str
    excerpt: str
    created_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entry_id": self.entry_id,
            "entry_title": self.entry_title,
            "excerpt": self.excerpt,
            "created_at": self.created_at.isoformat(),
        }
