"""End to end with the real supervision service: a session's private notes never reach the PDF.

Runs once the supervision service (``swreflect.core.sessions``) is present in the build.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from pypdf import PdfReader

from swreflect.core import cpd
from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.export import text_export
from swreflect.export.pdf_record import build_pdf
from swreflect.signing.records import SignedRecord, in_room_acknowledgement, sign_record
from tests.export.conftest import EXPORTED_AT

PRIVATE_CANARY = "CANARY-PRIVATE-SESSION-5d1e"


def test_a_real_sessions_private_note_never_reaches_any_export(vault, supervisor):
    services = build_services(vault, FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC)))
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    agreement_id = services.agreements.add(person.id, "Jo Reyes", frequency="monthly").id
    sid = services.sessions.start(agreement_id).id
    services.sessions.add_note(sid, "checkin", "Arrived tired but keen.", prompt_text="How?")
    services.sessions.add_note(
        sid, "checkin", f"My own worry {PRIVATE_CANARY}", visibility="private"
    )
    services.sessions.add_action(sid, "Read the research summary", "supervisee", date(2026, 3, 20))
    record = services.sessions.record_content(sid)
    signed = (
        SignedRecord(record)
        .with_signature(
            sign_record(
                record,
                role="supervisor",
                signer_name="Jo Reyes",
                private_key=supervisor.private_key,
                certificate=supervisor.certificate,
                signed_at=EXPORTED_AT,
            )
        )
        .with_signature(in_room_acknowledgement("supervisee", "Sam Okafor", EXPORTED_AT))
    )
    pdf = build_pdf([signed], supervisor, EXPORTED_AT)
    reader = PdfReader(io.BytesIO(pdf))
    shown = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "Arrived tired but keen." in shown
    assert "Read the research summary" in shown
    assert "Sam Okafor" in shown
    attached = b"".join(data for files in reader.attachments.values() for data in files)
    for output in (
        shown,
        attached.decode("utf-8"),
        pdf.decode("latin-1"),
        text_export.record_text(signed),
        text_export.record_markdown(signed),
        cpd.from_record(record).to_text(),
    ):
        assert PRIVATE_CANARY not in output
