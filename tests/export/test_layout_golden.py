"""A change to the PDF layout must bump ``pdf_render.RENDERER``.

``verify`` compares a file with a fresh rendering when both were made by the same renderer id;
if the layout changed without a new id, every earlier export would be reported as altered. This
pins the digest of a fixed record's rendering for each renderer id.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from swreflect.export.pdf_render import render_pdf, renderer_id
from swreflect.signing.records import RecordNote, SignedRecord, in_room_acknowledgement
from tests.export.factory import make_record

# renderer id -> SHA-256 of render_pdf(fixed record). Add a line when RENDERER or a pinned
# library/font version changes; never edit an existing line.
GOLDEN = {
    "swreflect-pdf-1; reportlab 5.1.0; DejaVu Sans 2.37": (
        "09229e6c2db4630871ddfc9a40cb1973a1048724ced4ab1e705c0eb03323b0de"
    ),
    "swreflect-pdf-2; reportlab 5.1.0; DejaVu Sans 2.37": (
        "18111a3ae69e235681928e45811172127efec69b70b27eeb24d5cf6db563d86b"
    ),
}


def _fixed() -> SignedRecord:
    record = make_record()
    record["record_id"] = "00000000-0000-4000-8000-000000000001"
    when = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)
    return SignedRecord(
        record,
        (
            in_room_acknowledgement("supervisor", "Zoë Ó Súilleabháin", when),
            in_room_acknowledgement("supervisee", "Ольга Петренко", when),
        ),
        (
            RecordNote(
                "disagreement", "supervisee", "Ольга Петренко", "Not rushed.", when.isoformat()
            ),
        ),
    )


def test_the_layout_of_each_renderer_id_never_changes():
    digest = hashlib.sha256(render_pdf([_fixed()])).hexdigest()
    key = renderer_id()
    if key in GOLDEN:
        assert digest == GOLDEN[key], (
            "The PDF layout changed: bump RENDERER in swreflect/export/pdf_render.py and add "
            f"a line for the new id here (digest {digest})."
        )
        return
    libraries = key.split(";", 1)[1]
    if any(known.split(";", 1)[1] == libraries for known in GOLDEN):
        pytest.fail(f"New renderer id {key!r}: add it to GOLDEN with digest {digest}.")
    pytest.skip(f"reportlab or the font differ from every pinned version ({key}).")


def test_rendering_is_deterministic():
    assert render_pdf([_fixed()]) == render_pdf([_fixed()])
