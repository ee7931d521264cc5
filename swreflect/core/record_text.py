"""A record under agreement as plain lines of text, for read-only review (CLI and GUI).

Shows exactly what will be signed, in the record's own order; nothing here edits anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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
        for role in ("supervisor", "supervisee")
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
