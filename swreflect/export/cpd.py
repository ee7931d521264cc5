"""CPD text shaped for the regulator's CPD record.

Social Work England asks each year for CPD entries describing the activity, what was learned and
the impact on practice, and for reflection with a peer. Supervision is itself a peer reflection,
so a session record fills all four parts; a journal entry fills the first two and leaves clear
placeholders for the person to complete in their own words. Plain text, four headed parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from swreflect.export import record_view as view

# Stage keys of the built-in prompt pack (resources/prompts), then words for imported packs.
# Check-in, safety and balance stages are about the person, not their learning: left out.
LEARNING_STAGES = ("agenda", "learning", "identity", "development")
IMPACT_STAGES = ("review", "closing")
LEARNING_HINTS = ("reflect", "learn", "analys", "explor", "insight", "development")
IMPACT_HINTS = ("action", "plan", "next", "apply", "impact", "change")
ADD_IMPACT = "(Add in your own words how this has changed, or will change, your practice.)"
ADD_PEER = (
    "(Add who you discussed this with, such as a supervisor, colleague or peer group, "
    "and what came out of that conversation.)"
)


@dataclass(frozen=True)
class CpdEntry:
    activity: str
    learned: str
    impact: str
    peer_reflection: str

    def to_text(self) -> str:
        parts = (
            ("What the activity was", self.activity),
            ("What I learned", self.learned),
            ("The impact on my practice", self.impact),
            ("Peer reflection", self.peer_reflection),
        )
        return (
            "\n\n".join(f"{name}\n{'-' * len(name)}\n{body.strip()}" for name, body in parts) + "\n"
        )


def _matches(stage: view.StageView, keys: tuple[str, ...], hints: tuple[str, ...]) -> bool:
    if stage.key.split(".")[0] in keys:  # agenda items are keyed "agenda.1", "agenda.2"...
        return True
    lowered = f"{stage.key} {stage.title}".lower()
    return any(hint in lowered for hint in hints)


def from_record(record: dict[str, Any]) -> CpdEntry:
    """A CPD entry for the supervisee from an agreed supervision record."""
    supervisor, supervisor_role = view.party(record, "supervisor")
    session = view.session_of(record)
    activity = (
        f"Reflective supervision on {view.long_date(session.get('date'))}, "
        f"{view.minutes(session.get('duration_minutes'))}, with {supervisor}"
        + (f" ({supervisor_role})" if supervisor_role else "")
        + "."
    )
    learned_parts, impact_parts = [], []
    for stage in view.stages(record):
        notes = "\n".join(note for _prompt, note in stage.notes)
        if _matches(stage, LEARNING_STAGES, LEARNING_HINTS):
            learned_parts.append(notes)
        elif _matches(stage, IMPACT_STAGES, IMPACT_HINTS):
            impact_parts.append(notes)
    if view.summary(record).strip():
        learned_parts.append(view.summary(record))
    for description, _owner, due, _status in view.action_rows(record):
        impact_parts.append(f"- {description}" + (f" (by {due})" if due else ""))
    peer = (
        f"This was a supervision conversation with {supervisor}. We reflected together on the "
        "practice discussed above and agreed the record."
    )
    return CpdEntry(
        activity=activity,
        learned="\n".join(learned_parts) or "(Add what you learned from this session.)",
        impact="\n".join(impact_parts) or ADD_IMPACT,
        peer_reflection=peer,
    )


def from_journal_entry(entry: dict[str, Any]) -> CpdEntry:
    """A CPD entry from a journal entry (``title``, ``body``, ``created``)."""
    created = view.text(entry.get("created"))
    try:
        when = view.long_date(datetime.fromisoformat(created).date().isoformat())
    except ValueError:
        when = view.long_date(created)
    title = view.text(entry.get("title")).strip() or "Reflective writing"
    return CpdEntry(
        activity=f"Reflective writing: {title}" + (f" ({when})." if when else "."),
        learned=view.text(entry.get("body")).strip() or "(Add what you learned.)",
        impact=ADD_IMPACT,
        peer_reflection=ADD_PEER,
    )
