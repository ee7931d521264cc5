"""An agreed record as plain text or Markdown, for the supervision file or a CPD log.

Not for a case recording system: the whole record holds the worker's own disclosures, so only
decisions go on a family's file (``decisions_export``). Same wording and order as the PDF
(``record_view``), agreed content only, with every comment and disagreement. The verification
code and record id are included so a copy can be traced back to the signed PDF.
"""

from __future__ import annotations

from swreflect.export import record_view as view
from swreflect.models.vocab import IN_ROOM_LABEL
from swreflect.signing.records import SignedRecord


def _signature_lines(signed: SignedRecord) -> list[str]:
    lines = []
    for sig in view.signed_views(signed):
        if sig.in_room:
            lines.append(f"{sig.role}: {sig.name}, {sig.how} {sig.when} ({IN_ROOM_LABEL})")
        else:
            short = sig.fingerprint_lines[0] if sig.fingerprint_lines else ""
            lines.append(f"{sig.role}: {sig.name}, {sig.how} {sig.when}, key {short}")
    return lines or ["Not signed."]


def _comment_lines(signed: SignedRecord) -> list[str]:
    out: list[str] = []
    for c in view.comment_views(signed.notes):
        out += [f"{c.byline}:", c.text, ""]
    return out[:-1]


def record_text(signed: SignedRecord) -> str:
    """Plain text: headings underlined, no markup."""
    record = signed.record
    out: list[str] = [view.CONFIDENTIAL_HEADER.upper(), "", view.title(record), ""]
    out += [f"{label}: {value}" for label, value in view.title_rows(record)]

    def heading(name: str) -> None:
        out.extend(["", name, "-" * len(name)])

    if view.is_addendum(record):
        heading("Addendum")
        out.append(view.addendum_text(record))
        if signed.notes:
            heading(view.COMMENTS_HEADING)
            out += _comment_lines(signed)
        heading(view.signed_heading(signed))
        out += _signature_lines(signed)
        out += ["", f"Verification code {view.verification_code(record)}"]
        return "\n".join(out).rstrip() + "\n"
    for stage in view.stages(record):
        heading(stage.title)
        for prompt, note in stage.notes:
            out.append(f"{prompt}\n{note}" if prompt else note)
    if view.summary(record).strip():
        heading("Summary")
        out.append(view.summary(record))
    if view.decisions(record):
        heading("Decisions for the case file")
        out += [f"- {d}" for d in view.decisions(record)]
    heading("Actions")
    actions = view.action_rows(record)
    out += [_action_line(*row) for row in actions] or ["No actions were agreed."]
    if view.function_rows(record):
        heading("Time spent on each function of supervision")
        out += [f"{label}: {spent}" for label, spent in view.function_rows(record)]
    ratings = view.rating_rows(record)
    if ratings is not None:
        heading("Support and challenge")
        out += [f"{who}: support {s}, challenge {c}" for who, s, c in ratings]
    if signed.notes:
        heading(view.COMMENTS_HEADING)
        out += _comment_lines(signed)
    heading(view.signed_heading(signed))
    out += _signature_lines(signed)
    out += ["", f"Verification code {view.verification_code(record)}"]
    return "\n".join(out).rstrip() + "\n"


def _action_line(description: str, owner: str, due: str, status: str) -> str:
    details = ", ".join(p for p in (owner, f"by {due}" if due else "", status.lower()) if p)
    return f"- {description} ({details})" if details else f"- {description}"


def _md(value: str) -> str:
    """Escape characters Markdown would treat as formatting at the start of a line or inline."""
    escaped = value
    for char in ("\\", "*", "_", "`", "#", "[", "]", "|", "<", ">"):
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def record_markdown(signed: SignedRecord) -> str:
    record = signed.record
    out: list[str] = [f"*{view.CONFIDENTIAL_HEADER}*", "", f"# {_md(view.title(record))}", ""]
    out += [f"- **{label}:** {_md(value)}" for label, value in view.title_rows(record)]
    if view.is_addendum(record):
        out += ["", "## Addendum", "", _md(view.addendum_text(record)).replace("\n", "  \n")]
        out += _md_comments(signed)
        out += ["", f"## {_md(view.signed_heading(signed))}", ""]
        out += [f"- {_md(line)}" for line in _signature_lines(signed)]
        out += ["", f"Verification code `{view.verification_code(record)}`"]
        return "\n".join(out).rstrip() + "\n"
    for stage in view.stages(record):
        out += ["", f"## {_md(stage.title)}"]
        for prompt, note in stage.notes:
            if prompt:
                out += ["", f"**{_md(prompt)}**"]
            out += ["", _md(note).replace("\n", "  \n")]
    if view.summary(record).strip():
        out += ["", "## Summary", "", _md(view.summary(record)).replace("\n", "  \n")]
    if view.decisions(record):
        out += ["", "## Decisions for the case file", ""]
        out += [f"- {_md(d)}" for d in view.decisions(record)]
    out += ["", "## Actions", ""]
    actions = view.action_rows(record)
    if actions:
        out += ["| Action | Who | By | Status |", "| --- | --- | --- | --- |"]
        out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in actions]
    else:
        out.append("No actions were agreed.")
    if view.function_rows(record):
        out += ["", "## Time spent on each function of supervision", ""]
        out += [f"- {label}: {spent}" for label, spent in view.function_rows(record)]
    ratings = view.rating_rows(record)
    if ratings is not None:
        out += ["", "## Support and challenge", ""]
        out += [f"- {who}: support {s}, challenge {c}" for who, s, c in ratings]
    out += _md_comments(signed)
    out += ["", f"## {_md(view.signed_heading(signed))}", ""]
    out += [f"- {_md(line)}" for line in _signature_lines(signed)]
    out += ["", f"Verification code `{view.verification_code(record)}`"]
    return "\n".join(out).rstrip() + "\n"


def _md_comments(signed: SignedRecord) -> list[str]:
    comments = view.comment_views(signed.notes)
    if not comments:
        return []
    out = ["", f"## {view.COMMENTS_HEADING}"]
    for c in comments:
        out += ["", f"**{_md(c.byline)}**", "", _md(c.text).replace("\n", "  \n")]
    return out
