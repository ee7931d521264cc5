"""Printing a record under agreement, read-only: its content and the history of its versions."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from swreflect.cli.context import CliContext
from swreflect.core.agreement_store import VersionHistory
from swreflect.signing.records import SignatureEntry


def _history_json(history: Sequence[VersionHistory]) -> list[dict[str, Any]]:
    return [
        {
            "version": h.version,
            "status": h.status,
            "direction": h.direction,
            "record": h.record,
            "notes": [
                {"kind": n.kind, "by": n.author_role, "name": n.author_name, "text": n.text,
                 "at": n.created_at}
                for n in h.notes
            ],
            "signatures": [s.to_json() for s in h.signatures],
        }
        for h in history
    ]  # fmt: skip


def _record_lines(record: Mapping[str, Any]) -> list[str]:
    lines = []
    if record.get("kind") == "addendum":
        lines.append(f"Addendum to record {str(record.get('addendum_to'))[:8]}")
        lines.append(str(record.get("text", "")))
        return lines
    session = record.get("session") or {}
    lines.append(
        f"Session on {session.get('date', '?')}, {session.get('duration_minutes', '?')} min"
    )
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


def show_history(
    ctx: CliContext,
    history: Sequence[VersionHistory],
    status_words: Mapping[str, str],
    signature_line: Callable[[SignatureEntry], str],
) -> None:
    if ctx.wants_json:
        ctx.out_json(_history_json(history))
        return
    latest = history[-1]
    ctx.out(f"Record {str(latest.record.get('record_id'))[:8]}, read-only")
    for line in _record_lines(latest.record):
        ctx.out(line)
    ctx.out("")
    ctx.out("History")
    for h in history:
        ctx.out(f"  Version {h.version}: {status_words.get(h.status, h.status)}")
        for note in h.notes:
            label = "disagreement recorded" if note.kind == "disagreement" else "comment"
            ctx.out(f"    {note.author_name} ({note.author_role}), {label}: {note.text}")
        for entry in h.signatures:
            ctx.out(f"    {signature_line(entry)}")
