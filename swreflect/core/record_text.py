"""A record under agreement as plain lines of text, for read-only review (CLI and GUI).

Shows exactly what will be signed, in the record's own order; nothing here edits anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from swreflect.models.vocab import IN_ROOM_LABEL, AgreementStatus, Role
from swreflect.signing.records import SignatureEntry, format_fingerprint

if TYPE_CHECKING:
    from swreflect.core.agreement_store import VersionHistory

STATUS_WORDS: dict[str, str] = {
    AgreementStatus.SENT: "Sent, waiting for their answer",
    AgreementStatus.RECEIVED: "Waiting for you to review",
    AgreementStatus.RETURNED: "Returned with comments",
    AgreementStatus.AGREED: "Agreed and signed by both",
    AgreementStatus.ACKNOWLEDGED_IN_ROOM: IN_ROOM_LABEL,
    AgreementStatus.SUPERSEDED: "Replaced by a later version",
}


def status_words(status: str) -> str:
    return STATUS_WORDS.get(status, status)


def record_lines(record: Mapping[str, Any]) -> list[str]:
    lines = []
    if record.get("kind") == "addendum":
        lines.append(f"Addendum to record {str(record.get('addendum_to'))[:8]}")
        lines.append(str(record.get("text", "")))
        return lines
    session = record.get("session") or {}
    lines.append(
        f"Session on {session.get('date', '?')}, {session.get('duration_minutes', '?')} min"
    )
    parties = record.get("parties") or {}
    names = [
        f"{(parties.get(role) or {}).get('name', '?')} ({role})"
        for role in Role
        if parties.get(role)
    ]
    if names:
        lines.append("Between " + " and ".join(names))
    minutes = record.get("functions_minutes") or {}
    if minutes:
        lines.append("Time: " + ", ".join(f"{name} {value} min" for name, value in minutes.items()))
    for stage in record.get("stages") or []:
        lines.append(f"  {stage.get('title', '')}")
        for note in stage.get("notes") or []:
            lines.append(f"    {note.get('prompt', '')}")
            lines.append(f"      {note.get('text', '')}")
    for action in record.get("actions") or []:
        lines.append(
            f"  Action: {action.get('description', '')} ({action.get('owner', '')}, "
            f"due {action.get('due') or 'no date'})"
        )
    for decision in record.get("case_file_decisions") or []:
        lines.append(f"  For the case file: {decision}")
    if record.get("summary"):
        lines.append(f"Summary: {record['summary']}")
    return lines


def signature_line(entry: SignatureEntry) -> str:
    """Who agreed, how and when; an in-room acknowledgement always says it is not a signature."""
    if not entry.is_cryptographic:
        return f"{entry.role}: {entry.signer_name}, {IN_ROOM_LABEL.lower()}, {entry.signed_at}"
    fingerprint = format_fingerprint(entry.fingerprint or "")
    return f"{entry.role}: {entry.signer_name}, signed {entry.signed_at}, key {fingerprint}"


def history_lines(history: Sequence[VersionHistory]) -> list[str]:
    """Every version with its status, comments, disagreements and signatures, oldest first."""
    lines = []
    for h in history:
        lines.append(f"Version {h.version}: {status_words(h.status)}")
        for note in h.notes:
            label = "disagreement recorded" if note.kind == "disagreement" else "comment"
            lines.append(f"  {note.author_name} ({note.author_role}), {label}: {note.text}")
        for entry in h.signatures:
            lines.append(f"  {signature_line(entry)}")
    return lines
