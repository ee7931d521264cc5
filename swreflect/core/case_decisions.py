"""Decisions for the case file: the only part of a supervision record that belongs there.

A whole record holds the worker's own disclosures (health, family, racism) and other families'
details; pasted onto one family's file it could reach that family under a subject access
request (practice review H4). So the case file gets decisions only: for each one a de-identified
label, the date, the supervisor, the decision and its rationale.

Decisions are written one per line at the end of a session, ideally as
``Family A: review the plan at the next core group, because the school raised new worries``;
the label is what comes before the first colon, the rationale what follows "because" (or
"Rationale:"). A line without them is still a decision, with the label or rationale left blank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from swreflect.core.deidentify import find_identifiers, pseudonymise
from swreflect.export import record_view as view

_LABEL = re.compile(r"^\s*([^:.\n]{1,48}):\s+(.+)$", re.DOTALL)
_RATIONALE = re.compile(r"(?:[,;]?\s+because\s+|\s*\brationale:\s*)", re.IGNORECASE)
HEADING = "Decisions for the case file"
NO_DECISIONS = "No decisions for the case file were recorded in this session."


@dataclass(frozen=True)
class Decision:
    label: str
    date: str
    supervisor: str
    decision: str
    rationale: str

    def to_json(self) -> dict[str, str]:
        return {
            "label": self.label,
            "date": self.date,
            "supervisor": self.supervisor,
            "decision": self.decision,
            "rationale": self.rationale,
        }


def split_decision(text: str) -> tuple[str, str, str]:
    """(label, decision, rationale) of one decision line."""
    text = " ".join(text.split())
    label, rest = "", text
    match = _LABEL.match(text)
    if match:
        label, rest = match.group(1).strip(), match.group(2).strip()
    parts = _RATIONALE.split(rest, maxsplit=1)
    decision = parts[0].strip().rstrip(",;")
    rationale = parts[1].strip() if len(parts) > 1 else ""
    if rationale:
        rationale = rationale[0].upper() + rationale[1:]
    return label, decision, rationale


def _clean(text: str, pseudonyms: Mapping[str, str]) -> str:
    found = find_identifiers(text, pseudonyms.keys())
    return pseudonymise(text, found, pseudonyms) if found else text


def decisions(
    record: dict[str, Any], label: str | None = None, pseudonyms: Mapping[str, str] | None = None
) -> list[Decision]:
    """The record's decisions (those with ``label`` only, when given), de-identified."""
    pseudonyms = dict(pseudonyms or {})
    day = view.long_date(view.record_date(record))
    supervisor = view.party(record, "supervisor")[0]
    out = []
    for line in view.decisions(record):
        item, decision, rationale = split_decision(line)
        if label is not None and item.casefold() != label.strip().casefold():
            continue
        out.append(
            Decision(
                _clean(item, pseudonyms),
                day,
                supervisor,
                _clean(decision, pseudonyms),
                _clean(rationale, pseudonyms),
            )
        )
    return out


def decisions_text(rows: list[Decision]) -> str:
    if not rows:
        return NO_DECISIONS + "\n"
    out = [HEADING, "-" * len(HEADING)]
    for row in rows:
        out += [
            "",
            f"Case: {row.label or '(no label given)'}",
            f"Date of supervision: {row.date}",
            f"Supervisor: {row.supervisor}",
            f"Decision: {row.decision}",
            f"Rationale: {row.rationale or '(none recorded)'}",
        ]
    return "\n".join(out) + "\n"
