"""Agreed records leaving the vault: as a signed PDF, as plain text or as Markdown.

One path for every front end: the CLI's ``export pdf|text|markdown``, the Exports page, the
batch dialog and the buttons under a record on the Agreements page all call ``export_pdf``,
``records_text`` and ``save_text`` here, so one record or several are written, ordered and
reported (a failed write too) the same way.
Reading the records and the signing identity is the caller's job on the thread that owns the
vault; ``export_pdf`` touches neither the vault nor any widget, so it may run in a worker.

The PDF libraries load inside ``export_pdf`` and ``warm_up_pdf``, never when this module is
imported. ``SignedRecord`` is named here for the front ends (docs/architecture.md, "Layers").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from swreflect.errors import ExportFailedError
from swreflect.export import record_view as view
from swreflect.export.pdf_modules import PDF_MODULES as PDF_MODULES
from swreflect.signing.records import SignedRecord as SignedRecord

TextKind = Literal["text", "markdown"]


@dataclass(frozen=True)
class PdfExport:
    """What was written: how many records, where, and the characters the PDF's font lacks (they
    show as empty boxes on the page; the record attached inside keeps them exactly)."""

    count: int
    path: Path
    missing_characters: list[str]


def export_pdf(
    records: Sequence[SignedRecord], identity: Any, path: Path, now: datetime
) -> PdfExport:
    """Render, sign (with ``identity``, the owner's ``SigningIdentity``) and write one record,
    or several in date order with a contents page, atomically to ``path``."""
    from swreflect.export.pdf_record import (
        export_batch_pdf,
        export_record_pdf,
        missing_characters,
    )

    if len(records) == 1:
        export_record_pdf(records[0], identity, path, now)
        count = 1
    else:
        count = export_batch_pdf(records, identity, path, now)
    return PdfExport(count, Path(path), missing_characters(records))


def warm_up_pdf() -> None:
    """Load the PDF libraries and font ahead of the first export, all at once. The GUI loads
    them a step at a time on its UI thread instead (``PDF_MODULES``, ``gui/pdf_warmup.py``)."""
    from swreflect.export.pdf_record import warm_up

    warm_up()


def record_text(signed: SignedRecord, kind: TextKind) -> str:
    """The whole agreed record as plain text or Markdown, for the supervision file."""
    from swreflect.export import text_export

    if kind == "markdown":
        return text_export.record_markdown(signed)
    return text_export.record_text(signed)


def records_text(records: Sequence[SignedRecord], kind: TextKind) -> str:
    """Several records one after the other, a blank line between them."""
    return "\n\n".join(record_text(signed, kind) for signed in records)


def save_text(path: Path, text: str) -> Path:
    """Write an export's text (UTF-8) atomically to ``path``, the user's choice; a failure is
    ``ExportFailedError`` (nothing half-written), worded as a failed PDF export is."""
    from swreflect.platform.files import atomic_write

    try:
        atomic_write(Path(path), text.encode("utf-8"))
    except OSError as exc:
        raise ExportFailedError() from exc
    return Path(path)


# ------------------------------------------------------------------ how a record is named
def record_date(signed: SignedRecord) -> str:
    """The session's date, or the day an addendum was written (``YYYY-MM-DD``, or empty)."""
    return view.record_date(signed.record)


def is_addendum(signed: SignedRecord) -> bool:
    return view.is_addendum(signed.record)


def record_label(signed: SignedRecord) -> str:
    """One line naming a record in a list: what it is, its date, and who it was between."""
    record = signed.record
    supervisor, _ = view.party(record, "supervisor")
    supervisee, _ = view.party(record, "supervisee")
    return f"{view.title(record)} — {supervisor} and {supervisee}"


def file_stem(signed: SignedRecord) -> str:
    """The suggested file name (without suffix) for one record."""
    return f"supervision-record-{record_date(signed) or 'undated'}"
