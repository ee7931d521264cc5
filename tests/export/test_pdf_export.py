"""A record exported to PDF reads back with the right content, font, metadata and attachments."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from pypdf import PdfReader

from swreflect.export import record_view
from swreflect.export.pdf_record import export_batch_pdf, export_record_pdf
from swreflect.models.vocab import IN_ROOM_LABEL
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.records import SignedRecord, format_fingerprint
from tests import shots
from tests.export.conftest import EXPORTED_AT
from tests.export.factory import make_record, sign_both


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _flat(value: str) -> str:
    return "".join(value.split())


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_export_writes_the_chosen_file_with_every_agreed_part(tmp_path, signed, supervisor):
    out = tmp_path / "chosen" / "record.pdf"
    out.parent.mkdir()
    export_record_pdf(signed, supervisor, out, EXPORTED_AT)

    assert sorted(p.name for p in out.parent.iterdir()) == ["record.pdf"]  # no temp left over
    data = out.read_bytes()
    text = _flat(_text(data))
    record = signed.record
    expected = [
        "Confidential - supervision record",
        "Supervision record, 4 March 2026",
        "Zoë Ó Súilleabháin (Team manager)",
        "Ольга Петренко (Social worker (ASYE))",
        "1 h 25 min",
        "every four weeks, usually 1 h 30 min",
        "Reflecting on practice",
        "What happened?",
        record["stages"][1]["notes"][0]["text"],
        "Read the practice guidance on planned home visits",
        "18 March 2026",
        "Support and challenge",
        "4 of 5",
        "Plan a joint visit before the next review.",
        "A steady session with a clear plan for the next visit.",
        "Agreed and signed",
        format_fingerprint(signed.signatures[0].fingerprint or "", 8),
        record["record_id"],
        record_view.verification_code(record),
        "Page 1 of 2",
        "Page 2 of 2",
    ]
    for fragment in expected:
        assert _flat(fragment) in text, fragment
    assert "A stage with nothing shared" not in text.replace(" ", "")
    assert "In-room" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_names_in_several_scripts(tmp_path, supervisor, supervisee):
    from swreflect.export.fonts import covers

    names = [
        "Αθηνά Παπαδοπούλου",  # Greek
        "Łukasz Żółkiewski-Nguyễn",  # Latin with diacritics
        "Ольга Петренко",  # Cyrillic
        "ნინო ბერიძე",  # Georgian
        "Անի Հակոբյան",  # Armenian
        "Siobhán Ó Dónaill, naïve café façade",
    ]
    record = make_record(supervisor=names[0], supervisee=names[1], notes_text="\n".join(names[2:]))
    out = tmp_path / "scripts.pdf"
    export_record_pdf(sign_both(record, supervisor, supervisee), supervisor, out, EXPORTED_AT)
    text = pdftotext(out)
    for name in names:
        assert covers(name), name
        assert name in text, name


def test_fonts_are_embedded_and_metadata_is_set(signed_pdf):
    _signed, data = signed_pdf
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None
    assert reader.metadata.title == "Supervision record, 4 March 2026"
    assert str(cast(Any, reader.trailer["/Root"])["/Lang"]) == "en-GB"
    for page in reader.pages:
        for font in cast(Any, page["/Resources"])["/Font"].values():
            font = font.get_object()
            assert "+DejaVuSans" in str(font["/BaseFont"])  # an embedded subset
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # the TrueType program is inside the file


def test_the_signed_record_is_attached_in_canonical_form(signed_pdf):
    signed, data = signed_pdf
    attachments = PdfReader(io.BytesIO(data)).attachments
    assert set(attachments) == {"swreflect-export.json", "swreflect-record.json"}
    (attached,) = attachments["swreflect-record.json"]
    assert attached == canonical_bytes(signed.to_json())


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")
def test_a_standard_reader_reports_a_valid_signature_over_the_whole_file(tmp_path, signed_pdf):
    _signed, data = signed_pdf
    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in report
    assert "Total document signed" in report
    assert "ETSI.CAdES.detached" in report
    assert "Zoë Ó Súilleabháin" in report

    changed = bytearray(data)
    changed[len(changed) // 4] ^= 0x04  # one bit, inside the signed range
    path.write_bytes(bytes(changed))
    report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in report


def test_ratings_appear_only_when_both_chose_to_include_them(supervisor, supervisee):
    from swreflect.export.pdf_record import build_pdf

    record = make_record(include_ratings=False)
    text = _flat(
        _text(build_pdf([sign_both(record, supervisor, supervisee)], supervisor, EXPORTED_AT))
    )
    assert "Supportandchallenge" not in text
    assert "of5" not in text
    record["ratings"] = None
    text = _flat(
        _text(build_pdf([sign_both(record, supervisor, supervisee)], supervisor, EXPORTED_AT))
    )
    assert "of5" not in text


def test_in_room_acknowledgement_is_labelled(supervisor):
    from swreflect.export.pdf_record import build_pdf

    signed = sign_both(make_record(), supervisor, None)
    text = _flat(_text(build_pdf([signed], supervisor, EXPORTED_AT)))
    assert _flat(IN_ROOM_LABEL) in text


def test_batch_has_a_contents_page_pointing_at_each_record(tmp_path, supervisor, supervisee):
    dates = ["2026-03-04", "2026-01-07", "2026-02-04"]
    records = [sign_both(make_record(date=d), supervisor, supervisee) for d in dates]
    out = tmp_path / "batch.pdf"
    assert export_batch_pdf(records, supervisor, out, EXPORTED_AT) == 3
    reader = PdfReader(out)
    contents = reader.pages[0].extract_text()
    assert "Contents" in contents
    assert "3 agreed records, from 7 January 2026 to 4 March 2026" in " ".join(contents.split())
    rows = contents.split("Contents", 1)[1]
    positions = [rows.index(d) for d in ("7 January 2026", "4 February 2026", "4 March 2026")]
    assert positions == sorted(positions)  # date order
    starts = [
        i + 1
        for i, p in enumerate(reader.pages)
        if "Check-in and agenda" in (p.extract_text() or "")
    ]
    assert len(starts) == 3
    assert re.findall(r"Record\s+(\d+)", rows) == [str(page) for page in starts]
    assert len(reader.outline) == 4  # contents + one bookmark per record


def test_render_page_one_to_png_for_a_look(tmp_path, signed_pdf):
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    _signed, data = signed_pdf
    path = tmp_path / "look.pdf"
    path.write_bytes(data)
    target = shots.folder() or tmp_path
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(path),
            str(target / "export-record-page1"),
        ],
        check=True,
    )
    png = (target / "export-record-page1.png").read_bytes()
    assert png.startswith(b"\x89PNG")


def test_importing_the_export_package_loads_no_pdf_library():
    code = (
        "import sys\n"
        "import swreflect.export, swreflect.export.pdf_record, swreflect.export.verify\n"
        "import swreflect.export.text_export, swreflect.core.cpd, swreflect.export.verify_text\n"
        "import swreflect.cli.export_cmds\n"
        "bad = [m for m in ('reportlab', 'pyhanko', 'pypdf', 'PySide6') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_an_empty_export_is_refused_and_writes_nothing(tmp_path, supervisor):
    from swreflect.errors import ValidationError

    out = tmp_path / "none.pdf"
    with pytest.raises(ValidationError):
        export_batch_pdf([], supervisor, out, EXPORTED_AT)
    assert not out.exists()


def test_unwritable_destination_is_a_typed_error(tmp_path, signed, supervisor):
    from swreflect.errors import ExportFailedError

    with pytest.raises(ExportFailedError):
        export_record_pdf(signed, supervisor, tmp_path / "missing" / "x.pdf", EXPORTED_AT)


def test_signed_record_round_trips_through_json(signed):
    assert SignedRecord.from_json(signed.to_json()) == signed


def test_characters_the_font_lacks_are_named_after_export(tmp_path, supervisor, supervisee):
    from swreflect.cli import main
    from swreflect.export.pdf_record import missing_characters
    from swreflect.signing.canonical import canonical_bytes

    record = make_record(supervisee="李小龙 Ólafsdóttir")
    signed = sign_both(record, supervisor, supervisee)
    assert missing_characters([signed]) == ["小", "李", "龙"]
    assert missing_characters([sign_both(make_record(), supervisor, supervisee)]) == []
    source = tmp_path / "signed.json"
    source.write_bytes(canonical_bytes(signed.to_json()))
    assert main(["export", "text", "--from-file", str(source)]) == 0  # text keeps everything
