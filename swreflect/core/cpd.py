"""A CPD entry in the fields of Social Work England's CPD form, safe to submit.

The form asks for: the type of CPD, a title or short description, the date, why it is relevant,
what I learned, the impact on my practice and on the people I work with, and (for at least one
piece) a peer reflection: who with, what we discussed, what I learned from them.

Content rules (practice review §5.1, H2):

- An allow-list, never a copy of the record. From an agreed supervision record a draft may take
  only the date and length, the supervisor's name, the titles of agenda items (the topics) and
  the person's own actions. Never check-in, wellbeing, safety or identity-stage text, never
  the summary, never the other person's notes, never ratings.
- The learning is the person's own, in the first person: every reflective field is written or
  confirmed by them (``answers``); what they haven't written yet is an unmistakable
  ``[To complete: ...]`` prompt, never a stock sentence passed off as reflection.
- De-identification runs over every field: anything that looks identifying is swapped for a
  placeholder or pseudonym, and the entry lists what was swapped.
- No boilerplate: apart from the bracketed prompts, every sentence names this activity's own
  date, people or topics, so two entries never share a stock paragraph (SWE looks for
  identical CPD records).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from swreflect.core.deidentify import Finding, find_identifiers, pseudonymise
from swreflect.export import record_view as view

SUPERVISION_TYPE = "Supervision / reflective practice"
JOURNAL_TYPE = "Reflective writing"

# The form's fields in order: (key, heading, prompt shown while it is empty).
FIELDS = (
    ("cpd_type", "Type of CPD", "what kind of learning this was"),
    ("title", "Title", "a short description of the activity"),
    ("date", "Date", "when it took place"),
    ("relevance", "Why it is relevant to my practice", "why this mattered to your work now"),
    ("learned", "What I learned", "in your own words, what did you take from this?"),
    (
        "impact",
        "Impact on my practice and on the people I work with",
        "what you do differently now, and what difference that makes to the people you work with",
    ),
    ("peer_who", "Peer reflection: who with", "who you discussed this with, and their role"),
    ("peer_discussed", "Peer reflection: what we discussed", "what you talked about"),
    (
        "peer_learned",
        "Peer reflection: what I learned from them",
        "what you learned from talking it through with them",
    ),
)
FIELD_KEYS = tuple(key for key, _h, _p in FIELDS)
REFLECTIVE = ("relevance", "learned", "impact", "peer_learned")
PROMPT_START = "[To complete: "


def prompt_for(key: str) -> str:
    return next(f"{PROMPT_START}{p}]" for k, _h, p in FIELDS if k == key)


@dataclass(frozen=True)
class CpdEntry:
    cpd_type: str
    title: str
    date: str
    relevance: str = ""
    learned: str = ""
    impact: str = ""
    peer_who: str = ""
    peer_discussed: str = ""
    peer_learned: str = ""
    swapped: tuple[str, ...] = field(default=())  # what de-identification replaced, by kind
    impact_hint: str = ""  # the person's own actions, shown inside the impact prompt

    def value(self, key: str) -> str:
        return str(getattr(self, key)).strip()

    def to_complete(self) -> list[str]:
        """Headings of the fields the person still has to write."""
        return [heading for key, heading, _p in FIELDS if not self.value(key)]

    def to_text(self) -> str:
        parts = []
        for key, heading, _prompt in FIELDS:
            body = self.value(key) or prompt_for(key)
            if key == "impact" and not self.value(key) and self.impact_hint:
                body = body[:-1] + f". Your actions from this session: {self.impact_hint}]"
            parts.append(f"{heading}\n{'-' * len(heading)}\n{body}")
        return "\n\n".join(parts) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {key: self.value(key) for key in FIELD_KEYS} | {"swapped": list(self.swapped)}


def with_answers(entry: CpdEntry, answers: Mapping[str, str]) -> CpdEntry:
    """The person's own words for any field (empty answers leave the draft as it was)."""
    unknown = set(answers) - set(FIELD_KEYS)
    if unknown:
        raise ValueError(f"unknown CPD fields: {sorted(unknown)}")
    chosen: dict[str, Any] = {k: v.strip() for k, v in answers.items() if v and v.strip()}
    return replace(entry, **chosen)


def deidentify(entry: CpdEntry, pseudonyms: Mapping[str, str] | None = None) -> CpdEntry:
    """Swap anything identifying in every field for a placeholder, or a never-record name for
    its fixed pseudonym; ``swapped`` says what kinds were found."""
    pseudonyms = dict(pseudonyms or {})
    kinds: list[str] = list(entry.swapped)
    changed: dict[str, Any] = {}
    for key in (*FIELD_KEYS, "impact_hint"):
        text = str(getattr(entry, key))
        found: list[Finding] = find_identifiers(text, pseudonyms.keys())
        if found:
            kinds += [f.label for f in found]
            changed[key] = pseudonymise(text, found, pseudonyms)
    return replace(entry, **changed, swapped=tuple(dict.fromkeys(kinds)))


def _own_actions(record: dict[str, Any], my_role: str) -> list[str]:
    mine = view.party(record, my_role)[0]
    return [
        description + (f" (by {due})" if due else "")
        for description, owner, due, _status in view.action_rows(record)
        if owner in (mine, my_role) and description.strip()
    ]


def topics(record: dict[str, Any]) -> list[str]:
    """The agenda items' titles: the only words of a record's content a CPD draft may take."""
    found = []
    for stage in view.stages(record):
        if stage.key.startswith("agenda."):
            found.append(stage.title.split(": ", 1)[-1])
    return found


def from_record(
    record: dict[str, Any],
    answers: Mapping[str, str] | None = None,
    *,
    my_role: str = "supervisee",
    pseudonyms: Mapping[str, str] | None = None,
) -> CpdEntry:
    """A CPD draft for ``my_role`` from an agreed supervision record (see the rules above)."""
    other = "supervisor" if my_role == "supervisee" else "supervisee"
    other_name, _ = view.party(record, other)
    session = view.session_of(record)
    day = view.long_date(session.get("date"))
    length = view.minutes(session.get("duration_minutes"))
    subjects = topics(record)
    own = _own_actions(record, my_role)
    draft = CpdEntry(
        cpd_type=SUPERVISION_TYPE,
        title=f"Reflective supervision with {other_name}, {day}"
        + (f": {'; '.join(subjects)}" if subjects else ""),
        date=day + (f" ({length})" if length else ""),
        impact_hint="; ".join(own),
        peer_who=f"{other_name}, my {other}" if other_name else "",
        peer_discussed="; ".join(subjects),
    )
    return deidentify(with_answers(draft, answers or {}), pseudonyms)


def from_journal_entry(
    entry: dict[str, Any],
    answers: Mapping[str, str] | None = None,
    pseudonyms: Mapping[str, str] | None = None,
) -> CpdEntry:
    """A CPD draft from a journal entry (``title``, ``body``, ``created``): the person's own
    writing is the starting point for what they learned; wellbeing check-ins never are."""
    created = view.text(entry.get("created"))
    try:
        when = view.long_date(datetime.fromisoformat(created).date().isoformat())
    except ValueError:
        when = view.long_date(created)
    title = view.text(entry.get("title")).strip() or f"Reflective writing, {when}"
    draft = CpdEntry(
        cpd_type=JOURNAL_TYPE,
        title=title,
        date=when,
        learned=view.text(entry.get("body")).strip(),
    )
    return deidentify(with_answers(draft, answers or {}), pseudonyms)
