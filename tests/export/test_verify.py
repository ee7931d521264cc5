"""verify accepts an untouched export and refuses every change, swap or foreign file."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect.errors import NotASwreflectRecordError, VerificationFailedError
from swreflect.export.pdf_sign import sign_pdf
from swreflect.export.verify import verify_pdf
from swreflect.export.visible import EXACT
from swreflect.signing.records import SignedRecord
from tests.export.conftest import EXPORTED_AT
from tests.export.factory import make_identity, make_record, sign_both


def _byte_range(data: bytes) -> tuple[int, int, int, int]:
    start = data.rindex(b"/ByteRange [")
    numbers = data[start + len(b"/ByteRange [") : data.index(b"]", start)].split()
    a, b, c, d = (int(n) for n in numbers)
    return a, b, c, d


def test_untouched_export_is_valid_and_names_the_signers(signed_pdf, supervisor):
    signed, data = signed_pdf
    report = verify_pdf(data)
    assert report.pdf_signer.name == "Zoë Ó Súilleabháin"
    assert report.pdf_signer.fingerprint == signed.signatures[0].fingerprint
    assert report.pdf_signer.signed_at == EXPORTED_AT
    assert report.layout == EXACT
    assert [s.record for s in report.records] == [signed.record]
    assert {e.role for e in report.signatures()} == {"supervisor", "supervisee"}


def test_one_changed_byte_anywhere_fails(signed_pdf):
    _signed, data = signed_pdf
    _a, first, second, _d = _byte_range(data)
    rng = random.Random(20260305)
    offsets = rng.sample(range(len(data)), 40)
    offsets += rng.sample(range(first, second), 8)  # inside the signature's own hex: unsigned
    offsets += [0, 5, first - 1, first, second - 1, second, len(data) - 1]
    for offset in offsets:
        changed = bytearray(data)
        changed[offset] = (changed[offset] + rng.randrange(1, 256)) % 256
        with pytest.raises(VerificationFailedError):
            verify_pdf(bytes(changed))


def test_a_case_flip_inside_the_signature_hex_fails(signed_pdf):
    _signed, data = signed_pdf
    _a, first, second, _d = _byte_range(data)
    gap = data[first:second]
    index = next(i for i, ch in enumerate(gap) if chr(ch) in "ABCDEF")
    changed = bytearray(data)
    changed[first + index] = ord(chr(gap[index]).lower())
    with pytest.raises(VerificationFailedError, match="signature has been changed"):
        verify_pdf(bytes(changed))


def test_appending_an_update_after_signing_fails(signed_pdf):
    _signed, data = signed_pdf
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.root["/PageMode"] = generic.NameObject("/UseAttachments")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    assert len(out.getvalue()) > len(data)
    with pytest.raises(VerificationFailedError, match="added to the PDF after it was signed"):
        verify_pdf(out.getvalue())


def _resign_with_attachment(
    shown: list[SignedRecord], attached: list[SignedRecord], signer
) -> bytes:
    """A forger's file: the pages of ``shown`` with ``attached`` inside, properly signed."""
    from swreflect.export.pdf_render import render_pdf, renderer_id

    return sign_pdf(
        render_pdf(shown),
        attached,
        renderer=renderer_id(),
        title="x",
        identity=signer,
        now=EXPORTED_AT,
    )


def test_swapping_the_attached_record_fails(supervisor, supervisee):
    genuine = sign_both(make_record(), supervisor, supervisee)
    altered_record = make_record(notes_text="Words the supervisee never agreed to.")
    altered_record["record_id"] = genuine.record["record_id"]
    shown_altered = sign_both(altered_record, supervisor, supervisee)
    forged = _resign_with_attachment([shown_altered], [genuine], supervisor)
    with pytest.raises(VerificationFailedError, match="pages don't show what the attached"):
        verify_pdf(forged)


def test_an_attached_record_edited_after_signing_fails(supervisor, supervisee):
    genuine = sign_both(make_record(), supervisor, supervisee)
    edited = dict(genuine.record, summary="A different summary.")
    tampered = SignedRecord(edited, genuine.signatures)
    forged = _resign_with_attachment([tampered], [tampered], supervisor)
    with pytest.raises(VerificationFailedError, match="doesn't match this record"):
        verify_pdf(forged)


def test_a_pdf_signed_by_an_outsider_fails(supervisor, supervisee):
    genuine = sign_both(make_record(), supervisor, supervisee)
    outsider = make_identity("Someone Else")
    forged = _resign_with_attachment([genuine], [genuine], outsider)
    with pytest.raises(VerificationFailedError, match="didn't sign the record"):
        verify_pdf(forged)


def test_a_record_agreed_by_only_one_person_fails(supervisor):
    record = make_record()
    one = sign_both(record, supervisor, None)
    only = SignedRecord(record, one.signatures[:1])
    forged = _resign_with_attachment([only], [only], supervisor)
    with pytest.raises(VerificationFailedError, match="agreed by both"):
        verify_pdf(forged)


def test_in_room_acknowledgement_verifies_and_is_reported(supervisor):
    from swreflect.export.pdf_record import build_pdf
    from swreflect.export.verify_text import report_lines

    signed = sign_both(make_record(), supervisor, None)
    report = verify_pdf(build_pdf([signed], supervisor, EXPORTED_AT))
    text = "\n".join(report_lines(report))
    assert "not a cryptographic signature" in text
    assert "acknowledged" in text


def test_a_pdf_from_another_tool_is_not_a_swreflect_record():
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "Supervision record")
    canvas.save()
    with pytest.raises(NotASwreflectRecordError, match="not a swreflect record"):
        verify_pdf(out.getvalue())
    with pytest.raises(NotASwreflectRecordError):
        verify_pdf(b"just some text, not a PDF")


def test_a_batch_verifies_and_lists_every_record(supervisor, supervisee):
    from swreflect.export.pdf_record import build_pdf

    records = [
        sign_both(make_record(date=f"2026-0{m}-02"), supervisor, supervisee) for m in (1, 2, 3)
    ]
    report = verify_pdf(build_pdf(records, supervisor, EXPORTED_AT))
    assert [s.record_id for s in report.records] == [s.record_id for s in records]
    assert report.layout == EXACT


def test_signing_and_verifying_never_open_a_network_connection(tmp_path):
    """Runs export and verify in a fresh process with an audit hook on every socket call.

    pyHanko imports aiohttp and runs its checks through asyncio, whose event loop opens an
    AF_UNIX socket pair to wake itself; that is the only socket allowed. No network socket is
    created, nothing resolves a name, connects or sends."""
    script = tmp_path / "offline.py"
    script.write_text(
        "import sys\n"
        "events = []\n"
        "import socket\n"
        "def hook(name, args):\n"
        "    if name == 'socket.__new__' and args[1] == socket.AF_UNIX:\n"
        "        return  # asyncio's in-process wake-up pair, not a network socket\n"
        "    if name.startswith(('socket.', 'urllib.', 'http.')):\n"
        "        events.append(name)\n"
        "sys.addaudithook(hook)\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        "from tests.export.factory import make_identity, make_record, sign_both\n"
        "from tests.export.conftest import EXPORTED_AT\n"
        "from swreflect.export.pdf_record import build_pdf\n"
        "from swreflect.export.verify import verify_pdf\n"
        "a, b = make_identity('A'), make_identity('B')\n"
        "verify_pdf(build_pdf([sign_both(make_record(), a, b)], a, EXPORTED_AT))\n"
        "print('events:', ','.join(events))\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "events:"


def test_an_addendum_exports_alone_and_in_a_batch_and_verifies(supervisor, supervisee):
    import io as _io

    from pypdf import PdfReader

    from swreflect.export import text_export
    from swreflect.export.pdf_record import batch_order, build_pdf
    from tests.export.factory import make_addendum

    base = sign_both(make_record(), supervisor, supervisee)
    addendum = sign_both(
        make_addendum(base.record, "The joint visit moved to April."), supervisor, supervisee
    )
    pdf = build_pdf([addendum], supervisor, EXPORTED_AT)
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(_io.BytesIO(pdf)).pages
    )
    assert "Addendum to a supervision record, 20 March 2026" in text
    assert "The joint visit moved to April." in text
    assert base.record["record_id"] in text
    assert "Actions" not in text
    assert verify_pdf(pdf).records[0].record == addendum.record
    batch = build_pdf(batch_order([addendum, base]), supervisor, EXPORTED_AT)
    assert [s.record["kind"] for s in verify_pdf(batch).records] == [
        "supervision-record",
        "addendum",
    ]
    plain = text_export.record_text(addendum)
    assert "Addendum\n--------\nThe joint visit moved to April." in plain
    assert "## Addendum" in text_export.record_markdown(addendum)


def test_a_file_from_another_renderer_version_is_compared_by_text(supervisor, supervisee):
    from swreflect.export.pdf_render import render_pdf
    from swreflect.export.visible import TEXT_ONLY

    genuine = sign_both(make_record(), supervisor, supervisee)
    older = sign_pdf(
        render_pdf([genuine]),
        [genuine],
        renderer="swreflect-pdf-0; reportlab 4.0.0; DejaVu Sans 2.37",
        title="x",
        identity=supervisor,
        now=EXPORTED_AT,
    )
    report = verify_pdf(older)
    assert report.layout == TEXT_ONLY
    assert report.notes

    changed = make_record(notes_text="Something else entirely.")
    changed["record_id"] = genuine.record["record_id"]
    forged = sign_pdf(
        render_pdf([sign_both(changed, supervisor, supervisee)]),
        [genuine],
        renderer="swreflect-pdf-0; reportlab 4.0.0; DejaVu Sans 2.37",
        title="x",
        identity=supervisor,
        now=EXPORTED_AT,
    )
    with pytest.raises(VerificationFailedError, match="pages don't show"):
        verify_pdf(forged)


def test_a_white_box_drawn_over_a_line_fails_though_the_text_is_unchanged(supervisor, supervisee):
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    from swreflect.export.pdf_render import render_pdf, renderer_id
    from swreflect.export.visible import page_text

    genuine = sign_both(make_record(), supervisor, supervisee)
    clean = render_pdf([genuine])
    overlay_bytes = io.BytesIO()
    overlay = Canvas(overlay_bytes)
    overlay.setFillColorRGB(1, 1, 1)
    overlay.rect(50, 500, 500, 40, stroke=0, fill=1)
    overlay.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(clean)))
    writer.pages[0].merge_page(PdfReader(overlay_bytes).pages[0])
    covered = io.BytesIO()
    writer.write(covered)
    assert page_text(covered.getvalue()) == page_text(clean)  # text alone can't tell
    forged = sign_pdf(
        covered.getvalue(),
        [genuine],
        renderer=renderer_id(),
        title="x",
        identity=supervisor,
        now=EXPORTED_AT,
    )
    with pytest.raises(VerificationFailedError, match="pages don't show"):
        verify_pdf(forged)


def test_a_pdf_with_an_open_action_fails(supervisor, supervisee):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    from swreflect.export.pdf_render import render_pdf, renderer_id

    genuine = sign_both(make_record(), supervisor, supervisee)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(render_pdf([genuine]))))
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hi')"),
        }
    )
    scripted = io.BytesIO()
    writer.write(scripted)
    forged = sign_pdf(
        scripted.getvalue(),
        [genuine],
        renderer=renderer_id(),
        title="x",
        identity=supervisor,
        now=EXPORTED_AT,
    )
    with pytest.raises(VerificationFailedError, match="actions that run"):
        verify_pdf(forged)


def test_truncated_or_garbled_files_fail_with_a_typed_error(signed_pdf):
    _signed, data = signed_pdf
    rng = random.Random(7)
    samples = [data[:cut] for cut in rng.sample(range(1, len(data)), 12)]
    samples += [data + b"\n%%EOF\n", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(500))]
    for sample in samples:
        with pytest.raises(VerificationFailedError):
            verify_pdf(sample)


def test_a_full_disk_during_export_leaves_no_file_and_says_so(tmp_path):
    """The write fails part-way (file size limit): a typed error, no partial or temporary file."""
    script = tmp_path / "full.py"
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    script.write_text(
        "import resource, signal, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        "from tests.export.factory import make_identity, make_record, sign_both\n"
        "from tests.export.conftest import EXPORTED_AT\n"
        "from swreflect.errors import ExportFailedError\n"
        "from swreflect.export.pdf_record import export_record_pdf\n"
        "from pathlib import Path\n"
        f"target = Path({str(out_dir / 'r.pdf')!r})\n"
        "a = make_identity('A'); s = sign_both(make_record(), a, a)\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))\n"
        "try:\n"
        "    export_record_pdf(s, a, target, EXPORTED_AT)\n"
        "except ExportFailedError as exc:\n"
        "    print('typed:', exc.message)\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("typed: The export couldn't be written there.")
    assert list(out_dir.iterdir()) == []


def test_older_wording_around_the_record_is_accepted_when_every_word_is_shown(
    supervisor, supervisee, monkeypatch
):
    from swreflect.export import pdf_layout
    from swreflect.export.pdf_render import render_pdf
    from swreflect.export.visible import CONTENT_ONLY

    genuine = sign_both(make_record(), supervisor, supervisee)
    monkeypatch.setattr(pdf_layout, "HOW_TO_CHECK", "An older version said something else here.")
    old_pages = render_pdf([genuine])
    changed = make_record(notes_text="A sentence nobody agreed to.")
    changed["record_id"] = genuine.record["record_id"]
    forged_pages = render_pdf([sign_both(changed, supervisor, supervisee)])
    monkeypatch.undo()

    def signed_with_old_id(pages: bytes) -> bytes:
        return sign_pdf(
            pages,
            [genuine],
            renderer="swreflect-pdf-0; reportlab 4.2.0; DejaVu Sans 2.37",
            title="x",
            identity=supervisor,
            now=EXPORTED_AT,
        )

    report = verify_pdf(signed_with_old_id(old_pages))
    assert report.layout == CONTENT_ONLY
    assert "wasn't compared" in report.notes[0]
    with pytest.raises(VerificationFailedError, match="pages don't show"):
        verify_pdf(signed_with_old_id(forged_pages))


def test_an_attachment_that_unpacks_to_something_huge_is_refused(
    supervisor, supervisee, monkeypatch
):
    from swreflect.export import pdf_sign
    from swreflect.export.pdf_render import render_pdf, renderer_id
    from swreflect.signing.canonical import canonical_bytes

    genuine = sign_both(make_record(), supervisor, supervisee)

    def padded(value):
        data = canonical_bytes(value)
        return data if value.get("format") == "swreflect-export" else data + b" " * (20 << 20)

    monkeypatch.setattr(pdf_sign, "canonical_bytes", padded)
    bomb = sign_pdf(
        render_pdf([genuine]),
        [genuine],
        renderer=renderer_id(),
        title="x",
        identity=supervisor,
        now=EXPORTED_AT,
    )
    monkeypatch.undo()
    assert len(bomb) < 1 << 20  # small on disk
    with pytest.raises(VerificationFailedError, match="too large"):
        verify_pdf(bomb)
