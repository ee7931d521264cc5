"""Export agreed records as signed PDFs: one record, or a batch with a contents page.

The PDF is rendered and signed in memory and written once, atomically, to the path the user
chose; nothing else touches the disk. Input is only ``SignedRecord`` objects (the agreed content
and its signatures), so private notes and journal entries can't reach the file. reportlab and
pyHanko are imported inside these functions, never when ``swreflect.export`` is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from swreflect.errors import ExportFailedError, ValidationError
from swreflect.export.pdf_sign import SigningIdentity
from swreflect.export.record_view import record_date, text
from swreflect.platform.files import atomic_write
from swreflect.signing.records import SignedRecord


def build_pdf(records: Sequence[SignedRecord], identity: SigningIdentity, now: datetime) -> bytes:
    """The signed PDF of ``records`` (in the order given) as bytes."""
    from swreflect.export.pdf_render import document_title, render_pdf, renderer_id
    from swreflect.export.pdf_sign import sign_pdf

    if not records:
        raise ValidationError("There are no agreed records to export. Nothing was written.")
    for signed in records:
        signed.canonical  # noqa: B018 - refuses records that can't be signed or checked
    unsigned = render_pdf(records)
    return sign_pdf(
        unsigned,
        records,
        renderer=renderer_id(),
        title=document_title(records),
        identity=identity,
        now=now,
    )


def missing_characters(records: Sequence[SignedRecord]) -> list[str]:
    """Characters in the records that the PDF font can't show (e.g. Chinese, Devanagari, emoji),
    so the person can be told before relying on the PDF."""
    import json

    from swreflect.export.fonts import missing

    found: set[str] = set()
    for signed in records:
        found |= missing(json.dumps(signed.record, ensure_ascii=False))
    return sorted(found)


def warm_up() -> None:
    """Import reportlab and pyHanko (``PDF_MODULES``) and load the font, so the first export is
    as quick as the rest. The GUI does the same a step per turn of its event loop, on the UI
    thread (``gui/pdf_warmup.py``): never call this from a worker thread while Qt runs."""
    import importlib

    from swreflect.export.pdf_layout import styles
    from swreflect.export.pdf_modules import PDF_MODULES

    for name in PDF_MODULES:
        importlib.import_module(name)
    styles()


def batch_order(records: Sequence[SignedRecord]) -> list[SignedRecord]:
    """Records in session-date order, then by record id and version, for a batch."""
    return sorted(
        records,
        key=lambda s: (
            record_date(s.record),
            s.record_id,
            text(s.record.get("version")),
        ),
    )


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(Path(path), data)
    except OSError as exc:
        raise ExportFailedError() from exc


def export_record_pdf(
    signed: SignedRecord, identity: SigningIdentity, path: Path, now: datetime
) -> None:
    """Write ``signed`` as a signed PDF to ``path`` (the user's choice)."""
    _write(path, build_pdf([signed], identity, now))


def export_batch_pdf(
    records: Sequence[SignedRecord], identity: SigningIdentity, path: Path, now: datetime
) -> int:
    """Write several records, date order, into one signed PDF with a contents page."""
    ordered = batch_order(records)
    _write(path, build_pdf(ordered, identity, now))
    return len(ordered)
