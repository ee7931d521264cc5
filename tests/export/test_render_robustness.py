"""Any text people type renders, exports and verifies: markup characters, control characters,
emoji the font lacks, very long words and empty fields."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swreflect.export.pdf_record import build_pdf
from swreflect.export.verify import verify_pdf
from tests.export.conftest import EXPORTED_AT
from tests.export.factory import make_identity, make_record, sign_both

SIGNER = make_identity("Sam Signer")

awkward = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=80
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=awkward, note=awkward, action=awkward)
def test_any_typed_text_exports_and_verifies(name: str, note: str, action: str) -> None:
    record = make_record(supervisee=name, notes_text=note)
    record["actions"][0]["description"] = action
    signed = sign_both(record, SIGNER, None)
    report = verify_pdf(build_pdf([signed], SIGNER, EXPORTED_AT))
    assert report.records[0].record == record


def test_markup_and_control_characters_are_shown_as_typed():
    import io

    from pypdf import PdfReader

    note = "<b>not bold</b> & <i>plain</i> a\x0bb\x00c " + "x" * 300
    record = make_record(notes_text=note)
    pdf = build_pdf([sign_both(record, SIGNER, None)], SIGNER, EXPORTED_AT)
    text = "".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "<b>not bold</b> & <i>plain</i>" in text
    verify_pdf(pdf)
