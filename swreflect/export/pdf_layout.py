"""The flowing content of a record in a PDF: title block, stage notes, actions, signatures.

Reads only what ``record_view`` gives it (the agreed record and its signature entries), so a
private note can't reach the page. Imported only from inside the export functions.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from swreflect.export import record_view as view
from swreflect.export.fonts import BOLD, REGULAR, register_fonts
from swreflect.export.pdf_canvas import INK, MUTED, RULE, RecordStart
from swreflect.models.vocab import IN_ROOM_LABEL
from swreflect.signing.records import SignedRecord

SHADE = HexColor("#eef2f6")
ACCENT = HexColor("#2f5d7c")
HOW_TO_CHECK = (
    "This PDF is digitally signed and carries the agreed record inside it. To check that "
    "nothing has changed, use Verify in swreflect or run: swreflect verify FILE.pdf"
)
CONTENT_WIDTH = 170 * mm - 12  # the frame's width less its 6-point padding each side


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=10, leading=14, textColor=INK
    )
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=17, leading=22, spaceAfter=3 * mm
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=5 * mm,
            spaceAfter=2 * mm,
        ),
        "prompt": ParagraphStyle(
            "prompt", parent=base, fontName=BOLD, fontSize=9.5, textColor=MUTED, spaceBefore=2 * mm
        ),
        "note": ParagraphStyle("note", parent=base, spaceAfter=1.5 * mm),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=9.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontName=BOLD, fontSize=9.5),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "mono": ParagraphStyle("mono", parent=base, fontSize=9, leading=12),
        "inroom": ParagraphStyle(
            "inroom",
            parent=base,
            fontName=BOLD,
            fontSize=9,
            leading=12,
            textColor=HexColor("#8a4b08"),
        ),
    }


def para(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: escaped, line breaks kept."""
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def record_story(signed: SignedRecord, key: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Every flowable of one record, starting with its footer/bookmark marker."""
    record = signed.record
    footer = (
        f"Record {view.text(record.get('record_id'))}  ·  "
        f"verification code {view.verification_code(record)}"
    )
    story: list[Flowable] = [
        RecordStart(key, footer, view.title(record)),
        para(view.title(record), st["title"]),
    ]
    rows = [
        [para(label, st["label"]), para(value, st["body"])]
        for label, value in view.title_rows(record)
    ]
    story.append(_table(rows, [38 * mm, CONTENT_WIDTH - 38 * mm], header=False))

    if view.is_addendum(record):
        story += [para("Addendum", st["h2"]), para(view.addendum_text(record), st["note"])]
        story += comments_block(signed, st)
        story.append(KeepTogether(signature_block(signed, st)))
        return story

    for stage in view.stages(record):
        story.append(CondPageBreak(30 * mm))
        story.append(para(stage.title, st["h2"]))
        for prompt, note in stage.notes:
            if prompt:
                story.append(para(prompt, st["prompt"]))
            story.append(para(note, st["note"]))

    summary = view.summary(record)
    if summary.strip():
        story += [CondPageBreak(30 * mm), para("Summary", st["h2"]), para(summary, st["note"])]

    decisions = view.decisions(record)
    if decisions:
        story.append(para("Decisions for the case file", st["h2"]))
        story += [para(f"•  {d}", st["note"]) for d in decisions]

    actions = view.action_rows(record)
    story.append(CondPageBreak(30 * mm))
    story.append(para("Actions", st["h2"]))
    if actions:
        head = [para(h, st["cellhead"]) for h in ("Action", "Who", "By", "Status")]
        body = [[para(c, st["cell"]) for c in row] for row in actions]
        story.append(_table([head, *body], [CONTENT_WIDTH - 92 * mm, 38 * mm, 32 * mm, 22 * mm]))
    else:
        story.append(para("No actions were agreed.", st["body"]))

    fn_rows = [[para(a, st["cell"]), para(b, st["cell"])] for a, b in view.function_rows(record)]
    if fn_rows:  # only when both people agreed to include the table
        story.append(CondPageBreak(40 * mm))
        story.append(para("Time spent on each function of supervision", st["h2"]))
        story.append(_table(fn_rows, [50 * mm, 30 * mm], header=False))

    ratings = view.rating_rows(record)
    if ratings is not None:
        head = [para(h, st["cellhead"]) for h in ("Rated by", "Support", "Challenge")]
        body = [[para(c, st["cell"]) for c in row] for row in ratings]
        story.append(
            KeepTogether(
                [
                    para("Support and challenge", st["h2"]),
                    _table([head, *body], [50 * mm, 30 * mm, 30 * mm]),
                ]
            )
        )

    story += comments_block(signed, st)
    story.append(KeepTogether(signature_block(signed, st)))
    return story


def comments_block(signed: SignedRecord, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The right of reply: every comment and disagreement, with who, role and when."""
    comments = view.comment_views(signed.notes)
    if not comments:
        return []
    parts: list[Flowable] = [CondPageBreak(30 * mm), para(view.COMMENTS_HEADING, st["h2"])]
    for c in comments:
        parts += [para(c.byline, st["prompt"]), para(c.text, st["note"])]
    return parts


def signature_block(signed: SignedRecord, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    parts: list[Flowable] = [para(view.signed_heading(signed), st["h2"])]
    views = view.signed_views(signed)
    if not views:
        parts.append(para("No one has signed this record.", st["body"]))
    for sig in views:
        lines: list[Flowable] = [para(f"{sig.role}: {sig.name}", st["label"])]
        if sig.in_room:
            lines.append(para(f"{sig.how.capitalize()} {sig.when}", st["cell"]))
            lines.append(para(IN_ROOM_LABEL, st["inroom"]))
        else:
            lines.append(para(f"{sig.how.capitalize()} {sig.when}", st["cell"]))
            lines.append(para("Key fingerprint (SHA-256):", st["small"]))
            lines += [para(line, st["mono"]) for line in sig.fingerprint_lines]
        block = Table([[lines]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
        block.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        parts += [block, Spacer(1, 2.5 * mm)]
    parts.append(para(HOW_TO_CHECK, st["small"]))
    return parts
