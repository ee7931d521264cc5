"""Lay out one or more agreed records as PDF bytes, in memory.

The output is deterministic (reportlab's invariant mode): the same records always give the same
bytes. That is what lets ``verify`` re-render the attached records and compare them with what
the file shows. No file is written here; nothing touches the disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from swreflect.export import record_view as view
from swreflect.signing.records import SignedRecord

RENDERER = "swreflect-pdf-3"
FONT_VERSION = "DejaVu Sans 2.37"
BATCH_TITLE = "Supervision records"
CONTENTS_ROWS_PER_PAGE = 28


def renderer_id() -> str:
    """Names the layout code, reportlab and font versions: same id, same bytes."""
    from reportlab import Version

    return f"{RENDERER}; reportlab {Version}; {FONT_VERSION}"


def document_title(records: Sequence[SignedRecord]) -> str:
    if len(records) == 1:
        return view.title(records[0].record)
    return BATCH_TITLE


def render_pdf(records: Sequence[SignedRecord], *, contents: bool | None = None) -> bytes:
    """The unsigned PDF of ``records``; a contents page comes first when there are several."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    from swreflect.export.pdf_canvas import RecordCanvas
    from swreflect.export.pdf_layout import record_story, styles

    if not records:
        raise ValueError("nothing to render")
    with_contents = len(records) > 1 if contents is None else contents
    st = styles()
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        title=document_title(records),
        subject="Confidential supervision record",
        creator=f"swreflect ({RENDERER})",
        author="",
        lang="en-GB",
        invariant=1,
    )
    story = []
    keys = [f"record-{index}" for index in range(len(records))]
    if with_contents:
        story += _contents_story(records, keys, st)
    for index, (signed, key) in enumerate(zip(records, keys, strict=True)):
        if index:
            story.append(PageBreak())
        story += record_story(signed, key, st)
    doc.build(story, canvasmaker=RecordCanvas)
    return out.getvalue()


def _contents_story(records: Sequence[SignedRecord], keys: list[str], st: dict) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak

    from swreflect.export.pdf_canvas import CONTENTS_ROW, ContentsBlock, ContentsRow, RecordStart
    from swreflect.export.pdf_layout import para

    rows = []
    for signed, key in zip(records, keys, strict=True):
        record = signed.record
        supervisor, _ = view.party(record, "supervisor")
        supervisee, _ = view.party(record, "supervisee")
        kind = "Addendum" if record.get("kind") == "addendum" else "Record"
        date = view.long_date(view.record_date(record))
        rows.append(ContentsRow(key, date, f"{supervisor} and {supervisee}", kind))
    dates = sorted(view.record_date(s.record) for s in records)
    story: list = [
        RecordStart("contents", f"{len(records)} agreed records", "Contents"),
        para(BATCH_TITLE, st["title"]),
        para(
            f"{len(records)} agreed records, from {view.long_date(dates[0])} "
            f"to {view.long_date(dates[-1])}. Each record keeps its own signatures.",
            st["body"],
        ),
    ]
    for start in range(0, len(rows), CONTENTS_ROWS_PER_PAGE):
        chunk = rows[start : start + CONTENTS_ROWS_PER_PAGE]
        if start:
            story += [PageBreak(), para("Contents, continued", st["h2"])]
        else:
            story.append(para("Contents", st["h2"]))
        story.append(ContentsBlock(chunk, len(chunk) * CONTENTS_ROW + 4 * mm))
    story.append(PageBreak())
    return story
