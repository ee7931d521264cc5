"""Private notes and journal entries never reach an export.

The export layer is given only the agreed record (``SignedRecord``); these tests build a session
whose private notes and a journal entry carry canaries, derive the shared record the way the
supervision service does (shared notes only), export every format, and search everything the
files contain, streams decompressed, for the canaries.
"""

from __future__ import annotations

import copy
import io
from typing import Any, cast

from pypdf import PdfReader

from swreflect.core import cpd
from swreflect.export import text_export
from swreflect.export.pdf_record import build_pdf
from tests.export.conftest import EXPORTED_AT
from tests.export.factory import make_record, sign_both

PRIVATE_CANARY = "CANARY-PRIVATE-7f3a9c"
JOURNAL_CANARY = "CANARY-JOURNAL-2b81de"
CANARIES = (PRIVATE_CANARY, JOURNAL_CANARY)


def _session_with_private_material() -> dict[str, Any]:
    """A session as the note-taker holds it: shared record plus private notes and a journal."""
    shared = make_record()
    return {
        "shared": shared,
        "private_notes": [
            {"stage": "reflection", "text": f"My own worry: {PRIVATE_CANARY}"},
        ],
        "journal": [{"title": "Late visit", "body": f"Wrote this at night {JOURNAL_CANARY}"}],
    }


def _record_content(session: dict[str, Any]) -> dict[str, Any]:
    """Only the shared part goes into the record, as the supervision service's record_content."""
    return copy.deepcopy(session["shared"])


def _everything_in(data: bytes) -> str:
    """Text of every page plus every stream decoded, plus the raw bytes, as one string."""
    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    for number in range(1, int(cast(Any, reader.trailer["/Size"]))):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: S112 - sparse object numbers
            continue
        if obj is not None and hasattr(obj, "get_data"):
            parts.append(obj.get_data().decode("latin-1"))
    parts.append(data.decode("latin-1"))
    return "\n".join(parts)


def test_private_notes_and_journal_never_reach_any_export(supervisor, supervisee):
    session = _session_with_private_material()
    signed = sign_both(_record_content(session), supervisor, supervisee)
    pdf = build_pdf([signed], supervisor, EXPORTED_AT)
    everything = _everything_in(pdf)
    assert "Tired but settled." in everything  # the search does see shared content
    assert '"functions_minutes"' in everything  # and the attached record, decompressed
    outputs = [
        everything,
        text_export.record_text(signed),
        text_export.record_markdown(signed),
        cpd.from_record(signed.record).to_text(),
    ]
    for output in outputs:
        for canary in CANARIES:
            assert canary not in output
            assert canary.encode("utf-16-be").decode("latin-1") not in output


def test_the_pages_show_only_the_fields_they_know(supervisor, supervisee):
    """Even a record carrying an unexpected field doesn't print it: the layout names its fields."""
    record = make_record(extra={"private_notes": [PRIVATE_CANARY], "journal": JOURNAL_CANARY})
    pdf = build_pdf([sign_both(record, supervisor, supervisee)], supervisor, EXPORTED_AT)
    shown = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    text = text_export.record_text(sign_both(record, supervisor, supervisee))
    for canary in CANARIES:
        assert canary not in shown
        assert canary not in text
