"""A change to the PDF layout must bump ``pdf_render.RENDERER``.

``verify`` compares a file with a fresh rendering when both were made by the same renderer id;
if the layout changed without a new id, every earlier export would be reported as altered. This
pins the digest of a fixed record's rendering for each renderer id.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from reportlab import Version

from swreflect.export.pdf_render import FONT_VERSION, RENDERER, render_pdf, renderer_id
from swreflect.signing.records import RecordNote, SignedRecord, in_room_acknowledgement
from tests.export.factory import make_record

# renderer id -> SHA-256 of render_pdf(fixed record). Add a line when RENDERER or a pinned
# library/font version changes; never edit an existing line.
GOLDEN = {
    "swreflect-pdf-1; reportlab 5.1.0; DejaVu Sans 2.37": (
        "09229e6c2db4630871ddfc9a40cb1973a1048724ced4ab1e705c0eb03323b0de"
    ),
    # one wording for the in-room acknowledgement (models.vocab.IN_ROOM_LABEL)
    "swreflect-pdf-2; reportlab 5.1.0; DejaVu Sans 2.37": (
        "fabcd0ce5eb50a0e44f4f581f24dbc7aa783ce4e1234764b9732650724fb1c99"
    ),
    # comments and disagreements shown, "signed with a recorded disagreement" (issue 11); from
    # here on the fixed record carries a disagreement, so the earlier lines are history only
    "swreflect-pdf-3; reportlab 5.1.0; DejaVu Sans 2.37": (
        "f80cb0e5e28a432cefcc05168e2a929a9b2d3b864d3b74cfa0b3c1cb14fb0f4f"
    ),
}
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _pinned_reportlab() -> str:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = [m.group(1) for d in deps if (m := re.fullmatch(r"reportlab==([\w.]+)", d))]
    assert len(pins) == 1, "pyproject.toml must pin reportlab exactly (reportlab==X.Y.Z)"
    return pins[0]


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


def test_the_installed_reportlab_is_the_pinned_one():
    assert Version == _pinned_reportlab(), (
        f"reportlab {Version} is installed but pyproject.toml pins {_pinned_reportlab()}: "
        "reinstall (make venv), or change the pin and add the new renderer id to GOLDEN."
    )


def test_the_layout_of_each_renderer_id_never_changes():
    digest = hashlib.sha256(render_pdf([_fixed()])).hexdigest()
    key = renderer_id()
    assert key == f"{RENDERER}; reportlab {_pinned_reportlab()}; {FONT_VERSION}", (
        f"{key!r} is not built from the pinned reportlab; see the test above."
    )
    assert key in GOLDEN, f"New renderer id {key!r}: add it to GOLDEN with digest {digest}."
    assert digest == GOLDEN[key], (
        "The PDF layout changed: bump RENDERER in swreflect/export/pdf_render.py and add "
        f"a line for the new id here (digest {digest})."
    )


def test_rendering_is_deterministic():
    assert render_pdf([_fixed()]) == render_pdf([_fixed()])
