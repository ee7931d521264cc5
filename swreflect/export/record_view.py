"""How an agreed record reads to a person: the shared wording of every export.

The PDF, the text and Markdown exports and the verifier all describe a record through these
functions, so a record says the same thing wherever it appears. Everything here reads only the
agreed ``record`` dict (see ``signing.records``) and its signature entries: no vault, no private
notes, no journal. Pure Python, no reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from swreflect.models.vocab import FUNCTION_NAMES
from swreflect.signing.canonical import canonical_sha256
from swreflect.signing.records import (
    IN_ROOM_METHOD,
    RecordNote,
    SignatureEntry,
    SignedRecord,
    format_fingerprint,
)
from swreflect.timefmt import format_date, format_iso_moment, format_short_minutes

CONFIDENTIAL_HEADER = "Confidential - supervision record"
STATUS_NAMES = {"open": "Open", "done": "Done", "carried": "Carried over", "dropped": "Dropped"}


def text(value: Any) -> str:
    """A field as display text; missing values read as an empty string, never 'None'."""
    if value is None:
        return ""
    return str(value)


def verification_code(record: dict[str, Any]) -> str:
    """The first three groups of the record's canonical SHA-256, to compare by eye."""
    return format_fingerprint(canonical_sha256(record), groups=3)


def long_date(value: Any) -> str:
    """``2026-03-04`` as ``4 March 2026``; anything unparseable is shown as it is."""
    raw = text(value)
    try:
        parsed = date.fromisoformat(raw)
    except ValueError:
        return raw
    return format_date(parsed)


def timestamp(value: Any) -> str:
    """An ISO signing time as ``4 March 2026, 14:05 (UTC+00:00)``, in this computer's local
    time with its zone (a record is read on other computers too)."""
    return format_iso_moment(text(value), with_zone=True)


def minutes(value: Any) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        return text(value)
    return format_short_minutes(value)


def title(record: dict[str, Any]) -> str:
    kind = "Addendum to a supervision record" if is_addendum(record) else "Supervision record"
    return f"{kind}, {long_date(record_date(record))}"


def is_addendum(record: dict[str, Any]) -> bool:
    return record.get("kind") == "addendum"


def record_date(record: dict[str, Any]) -> str:
    """The session's date, or the day an addendum was written (``YYYY-MM-DD``)."""
    if is_addendum(record):
        return text(record.get("written_on"))
    return text(session_of(record).get("date"))


def addendum_text(record: dict[str, Any]) -> str:
    return text(record.get("text")) if is_addendum(record) else ""


def session_of(record: dict[str, Any]) -> dict[str, Any]:
    value = record.get("session")
    return value if isinstance(value, dict) else {}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def party(record: dict[str, Any], role: str) -> tuple[str, str]:
    """(name, role wording) of the supervisor or supervisee."""
    person = _dict(_dict(record.get("parties")).get(role))
    return text(person.get("name")), text(person.get("role"))


def title_rows(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The label/value pairs of the title block, in reading order."""
    session = session_of(record)
    agreement = _dict(record.get("agreement"))
    rows = []
    for role, label in (("supervisor", "Supervisor"), ("supervisee", "Supervisee")):
        name, job = party(record, role)
        shown_job = job and job.casefold() != role
        rows.append((label, f"{name} ({job})" if shown_job else name))
    if is_addendum(record):
        rows.append(("Written on", long_date(record.get("written_on"))))
        base = text(record.get("addendum_to"))
        base_version = record.get("addendum_to_version")
        rows.append(("Adds to record", f"{base}, version {base_version}" if base_version else base))
    else:
        rows.append(("Date", long_date(session.get("date"))))
        rows.append(("Length", minutes(session.get("duration_minutes"))))
        frequency = text(agreement.get("frequency"))
        usual = agreement.get("usual_minutes")
        agreed = ", ".join(
            p for p in (frequency, f"usually {minutes(usual)}" if usual else "") if p
        )
        rows.append(("Agreement", agreed))
    rows.append(
        ("Record", f"{text(record.get('record_id'))}, version {text(record.get('version'))}")
    )
    return rows


@dataclass(frozen=True)
class StageView:
    key: str
    title: str
    notes: list[tuple[str, str]]


def stages(record: dict[str, Any]) -> list[StageView]:
    """Each stage with its shared notes; a stage with no notes is left out."""
    result = []
    for stage in _list(record.get("stages")):
        stage = _dict(stage)
        notes = [
            (text(_dict(n).get("prompt")), text(_dict(n).get("text")))
            for n in _list(stage.get("notes"))
            if text(_dict(n).get("text")).strip()
        ]
        if notes:
            key = text(stage.get("key"))
            result.append(StageView(key, text(stage.get("title") or key), notes))
    return result


def function_rows(record: dict[str, Any]) -> list[tuple[str, str]]:
    """Minutes per function, or nothing when the pair didn't agree to include the table."""
    if not record.get("functions_minutes"):
        return []
    spent = _dict(record.get("functions_minutes"))
    return [(label, minutes(spent.get(key, 0))) for key, label in FUNCTION_NAMES.items()]


def action_rows(record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows = []
    for action in _list(record.get("actions")):
        action = _dict(action)
        status = text(action.get("status"))
        owner = text(action.get("owner"))
        if owner in ("supervisor", "supervisee"):
            owner = party(record, owner)[0] or owner  # the record names the role: show the person
        rows.append(
            (
                text(action.get("description")),
                owner,
                long_date(action.get("due")) if action.get("due") else "",
                STATUS_NAMES.get(status, status),
            )
        )
    return rows


def rating_rows(record: dict[str, Any]) -> list[tuple[str, str, str]] | None:
    """(who, support, challenge) rows, or None when the parties chose not to include them.

    The sign-off record carries ``ratings`` only when both agreed to include them (else null);
    an ``"include": false`` flag is honoured too."""
    ratings = record.get("ratings")
    if not isinstance(ratings, dict) or ratings.get("include") is False:
        return None  # null, or an explicit "include": false, means they chose to leave them out
    rows = []
    for role, label in (("supervisor", "Supervisor"), ("supervisee", "Supervisee")):
        given = _dict(ratings.get(role))
        if not given:
            continue  # this person gave no rating
        rows.append(
            (label, f"{text(given.get('support'))} of 5", f"{text(given.get('challenge'))} of 5")
        )
    return rows or None


def decisions(record: dict[str, Any]) -> list[str]:
    return [text(d) for d in _list(record.get("case_file_decisions")) if text(d).strip()]


def summary(record: dict[str, Any]) -> str:
    return text(record.get("summary"))


COMMENTS_HEADING = "Comments and disagreements"
NOTE_LABELS = {"comment": "Comment", "disagreement": "Disagreement"}
WITH_DISAGREEMENT = "signed with a recorded disagreement"
ACKNOWLEDGED_WITH_DISAGREEMENT = "acknowledged in the room with a recorded disagreement"


@dataclass(frozen=True)
class CommentView:
    """One comment or disagreement: who wrote it (name and role), when, and what it says."""

    label: str
    name: str
    role: str
    when: str
    text: str

    @property
    def byline(self) -> str:
        return f"{self.label} by {self.name} ({self.role}), {self.when}"


def comment_views(notes: tuple[RecordNote, ...]) -> list[CommentView]:
    """Every comment and disagreement on the agreed version, in the order they were written."""
    return [
        CommentView(
            NOTE_LABELS.get(n.kind, n.kind.capitalize())
            + (" given in the room" if n.in_room else ""),
            n.author_name,
            n.role,
            timestamp(n.written_at),
            n.text,
        )
        for n in notes
        if n.text.strip()
    ]


def disagreeing_roles(notes: tuple[RecordNote, ...]) -> set[str]:
    return {n.role for n in notes if n.kind == "disagreement" and n.text.strip()}


def signed_heading(signed: SignedRecord) -> str:
    """The signature block's heading: it says so when someone recorded a disagreement."""
    if disagreeing_roles(signed.notes):
        return "Agreed and signed, with a recorded disagreement"
    return "Agreed and signed"


@dataclass(frozen=True)
class SignatureView:
    role: str
    name: str
    when: str
    fingerprint_lines: list[str]
    in_room: bool
    disagreed: bool = False

    @property
    def how(self) -> str:
        """``Signed``, or the in-room / disagreement wording, to start the line with the time."""
        if self.in_room:
            return ACKNOWLEDGED_WITH_DISAGREEMENT if self.disagreed else "acknowledged"
        return WITH_DISAGREEMENT if self.disagreed else "signed"


def signed_views(signed: SignedRecord) -> list[SignatureView]:
    """``signature_views`` that know who recorded a disagreement."""
    return signature_views(signed.signatures, disagreeing_roles(signed.notes))


def signature_views(
    signatures: tuple[SignatureEntry, ...], disagreed: set[str] | frozenset[str] = frozenset()
) -> list[SignatureView]:
    """Signature block entries in a fixed order: supervisor first, then supervisee."""
    order = {"supervisor": 0, "supervisee": 1}
    views = []
    for entry in sorted(signatures, key=lambda e: (order.get(e.role, 2), e.role)):
        lines: list[str] = []
        if entry.fingerprint:
            full = format_fingerprint(entry.fingerprint, groups=16)
            groups = full.split(" ")
            lines = [" ".join(groups[:8]), " ".join(groups[8:])]
        views.append(
            SignatureView(
                role=entry.role.capitalize(),
                name=entry.signer_name,
                when=timestamp(entry.signed_at),
                fingerprint_lines=lines,
                in_room=entry.method == IN_ROOM_METHOD,
                disagreed=entry.role in disagreed,
            )
        )
    return views
