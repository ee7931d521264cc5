"""The agreed record as an ordered outline: the view model the app shows, worded as the PDF.

Built only from ``record_view`` (the PDF's and text exports' wording), in the PDF's order:
title and people, each stage's notes, summary, decisions, actions, time, ratings (only when
included), comments and disagreements, who agreed and how, and any history of versions. People
are named; dates read "2 December 2026, 14:05" in local time (``timefmt``); record ids,
verification codes and key fingerprints appear only in a closing "Details" part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from swreflect.export import record_view as view
from swreflect.models.vocab import IN_ROOM_LABEL
from swreflect.signing.records import SignedRecord
from swreflect.timefmt import format_iso_moment

Moment = Callable[[str], str]


@dataclass(frozen=True)
class Line:
    text: str
    label: str = ""  # a prompt, a field name or a byline shown before the text
    emphasis: bool = False  # disagreement and in-room wording


@dataclass(frozen=True)
class Part:
    heading: str
    lines: list[Line] = field(default_factory=list)
    level: int = 2  # 1 for the title
    table: bool = False  # short label/value pairs, shown side by side


def local_moment(value: str) -> str:
    return format_iso_moment(value)


def outline(
    signed: SignedRecord,
    *,
    moment: Moment = local_moment,
    status: str = "",
    history: Sequence[str] = (),
) -> list[Part]:
    record = signed.record
    details = [Line(v, label) for label, v in view.title_rows(record) if label == "Record"]
    top = [Line(v, label) for label, v in view.title_rows(record) if label != "Record"]
    if status:
        top.insert(0, Line(status, "Where it stands"))
    parts = [Part(view.title(record), top, level=1, table=True)]
    if view.is_addendum(record):
        parts.append(Part("Addendum", [Line(view.addendum_text(record))]))
    for stage in view.stages(record):
        parts.append(Part(stage.title, [Line(note, prompt) for prompt, note in stage.notes]))
    if view.summary(record).strip():
        parts.append(Part("Summary", [Line(view.summary(record))]))
    if view.decisions(record):
        parts.append(Part("Decisions for the case file", [Line(d) for d in view.decisions(record)]))
    if not view.is_addendum(record):
        actions = [
            Line(", ".join(p for p in (who, f"by {due}" if due else "", state.lower()) if p), what)
            for what, who, due, state in view.action_rows(record)
        ]
        parts.append(Part("Actions", actions or [Line("No actions were agreed.")]))
        parts.append(
            Part(
                "Time spent on each function of supervision",
                [Line(spent, name) for name, spent in view.function_rows(record)],
                table=True,
            )
        )
        ratings = view.rating_rows(record)
        if ratings is not None:
            parts.append(
                Part(
                    "Support and challenge",
                    [Line(f"support {s}, challenge {c}", who) for who, s, c in ratings],
                    table=True,
                )
            )
    comments = view.comment_views(signed.notes)
    if comments:
        parts.append(
            Part(
                view.COMMENTS_HEADING,
                [
                    Line(
                        c.text,
                        f"{c.label} by {c.name} ({c.role}), {moment(_raw_time(signed, c))}",
                        emphasis=c.label.startswith("Disagreement"),
                    )
                    for c in comments
                ],
            )
        )
    signers = []
    for sig, entry in zip(view.signed_views(signed), _ordered(signed), strict=True):
        how = sig.how[0].upper() + sig.how[1:]
        signers.append(
            Line(f"{how} on {moment(entry.signed_at)}", f"{sig.role}: {sig.name}", sig.disagreed)
        )
        if sig.in_room:
            signers.append(Line(IN_ROOM_LABEL, emphasis=True))
        if sig.fingerprint_lines:
            details.append(Line(" ".join(sig.fingerprint_lines), f"{sig.role}'s key"))
    if signers:
        parts.append(Part(view.signed_heading(signed), signers))
    if history:
        parts.append(Part("History", [Line(h) for h in history]))
    details.append(Line(view.verification_code(record), "Verification code"))
    parts.append(Part("Details", details, table=True))
    return parts


def _ordered(signed: SignedRecord) -> list:
    order = {"supervisor": 0, "supervisee": 1}
    return sorted(signed.signatures, key=lambda e: (order.get(e.role, 2), e.role))


def _raw_time(signed: SignedRecord, comment: view.CommentView) -> str:
    for note in signed.notes:
        if note.text == comment.text and note.author_name == comment.name:
            return note.written_at
    return ""


def plain_text(parts: list[Part]) -> str:
    """The outline as plain lines (for tests and screen readers)."""
    out: list[str] = []
    for part in parts:
        out += ["", part.heading] if out else [part.heading]
        for line in part.lines:
            out.append(f"{line.label}: {line.text}" if line.label else line.text)
    return "\n".join(out)
