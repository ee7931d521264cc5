"""Printing a record under agreement, read-only: its content and the history of its versions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from swreflect.cli.context import CliContext
from swreflect.core.agreement_store import VersionHistory
from swreflect.core.record_text import history_lines, record_lines


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


def show_history(ctx: CliContext, history: Sequence[VersionHistory]) -> None:
    if ctx.wants_json:
        ctx.out_json(_history_json(history))
        return
    latest = history[-1]
    ctx.out(f"Record {str(latest.record.get('record_id'))[:8]}, read-only")
    for line in record_lines(latest.record):
        ctx.out(line)
    ctx.out("")
    ctx.out("History")
    for line in history_lines(history):
        ctx.out("  " + line)
