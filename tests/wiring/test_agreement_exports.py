"""Exports from the Agreements page: a signed PDF of an agreed record (parsed back, with the
private-note canary absent), text and Markdown, buttons only for agreed records, and the
batch export (an agreement or a date range into one PDF with a contents page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from swreflect.export.verify import verify_file
from swreflect.gui import dialogs
from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
from swreflect.gui.signing.batch_export_dialog import EVERYONE
from tests.gui.conftest import WAIT_MS
from tests.signing.sessions import run_session
from tests.wiring.conftest import CANARY, SUMMARY, Agreed, agree_a_session
from tests.wiring.helpers import pdf_text, shots


def _page(qtbot, services, record_id: str) -> AgreementInboxPage:
    page = AgreementInboxPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.select_record(record_id)
    return page


def test_an_agreed_record_exports_as_a_signed_pdf_without_private_notes(
    qtbot, styled_app, agreed: Agreed, tmp_path: Path
) -> None:
    page = _page(qtbot, agreed.sam, agreed.record_id)
    exports = page.exports
    assert exports.pdf_button.isVisible() and exports.pdf_button.isEnabled()
    shots(styled_app, page, "agreements-exports")

    out = tmp_path / "chosen" / "record.pdf"
    out.parent.mkdir()
    dialogs.set_next_path(out)
    with qtbot.waitSignal(exports.pdf_exported, timeout=WAIT_MS):
        exports.pdf_button.click()
    qtbot.waitUntil(lambda: exports.pdf_button.isEnabled(), timeout=WAIT_MS)  # worker done
    assert page.message.text().startswith("Exported record.pdf, signed by you.")

    text = pdf_text(out)
    assert "Supervision record" in text
    assert "Sam Okafor" in text and "Priya Shah" in text
    assert "training day" in text
    assert CANARY not in text and "caseload" not in text
    assert CANARY.encode() not in out.read_bytes()
    report = verify_file(out)
    assert report.pdf_signer.fingerprint == agreed.sam_fingerprint
    assert [p.name for p in out.parent.iterdir()] == ["record.pdf"]  # no temp files left


def test_copy_as_text_and_save_as_markdown(
    qtbot, styled_app, agreed: Agreed, tmp_path: Path
) -> None:
    page = _page(qtbot, agreed.priya, agreed.record_id)
    page.exports.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert SUMMARY in copied and CANARY not in copied
    assert page.message.text().startswith("Copied as text.")
    page.clear_sensitive()
    assert QGuiApplication.clipboard().text() == ""  # cleared when the page is torn down

    out = tmp_path / "record.md"
    dialogs.set_next_path(out)
    page.exports.markdown_button.click()
    markdown = out.read_text(encoding="utf-8")
    assert "\n# Supervision record, " in markdown and SUMMARY in markdown and CANARY not in markdown

    dialogs.set_next_path(None)  # cancelled: nothing written, nothing said
    page.exports.markdown_button.click()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".md") == ["record.md"]


def test_a_failed_write_is_reported_calmly(
    qtbot, styled_app, agreed: Agreed, tmp_path: Path
) -> None:
    page = _page(qtbot, agreed.sam, agreed.record_id)
    missing = tmp_path / "no-such-folder" / "record.pdf"
    dialogs.set_next_path(missing)
    with qtbot.waitSignal(page.exports.export_failed, timeout=WAIT_MS) as blocker:
        page.exports.pdf_button.click()
    qtbot.waitUntil(lambda: page.exports.pdf_button.isEnabled(), timeout=WAIT_MS)
    assert "Nothing" in blocker.args[0]
    assert page.message.text() == blocker.args[0]
    assert not missing.exists()

    # a Markdown copy that can't be written says the same as the PDF that couldn't
    dialogs.set_next_path(missing.with_suffix(".md"))
    with qtbot.waitSignal(page.exports.export_failed, timeout=WAIT_MS) as markdown_blocker:
        page.exports.markdown_button.click()
    assert markdown_blocker.args == blocker.args
    assert not missing.parent.exists()


def test_only_agreed_records_offer_single_exports(qtbot, styled_app, agreed: Agreed) -> None:
    sam, priya = agreed.sam, agreed.priya
    sid = run_session(sam, agreed.person_id)
    priya.signoff.import_file(sam.signoff.request_session_agreement(sid))
    waiting = sam.sessions.get(sid).record_id
    page = _page(qtbot, priya, waiting)
    assert page.sign_button.isVisible()
    assert not page.exports.pdf_button.isVisible()
    assert page.exports.batch_button.isVisible() and page.exports.verify_button.isVisible()


def test_batch_export_of_an_agreement_or_a_date_range(
    qtbot, styled_app, agreed: Agreed, tmp_path: Path, clock
) -> None:
    sam, priya = agreed.sam, agreed.priya
    clock.advance(40 * 24 * 3600)
    agree_a_session(sam, priya, agreed.person_id)

    page = _page(qtbot, sam, agreed.record_id)
    page.exports.batch_button.click()
    dialog = page.exports._batch
    assert dialog is not None and dialog.isVisible()
    combo = dialog.who_box
    assert [combo.itemText(i) for i in range(combo.count())] == [
        EVERYONE,
        "Priya Shah",
        "Sam Okafor",
    ]
    assert len(dialog.page.selected()) == 2
    shots(styled_app, dialog, "batch-export", (900, 600))

    dialog.from_date.setDate(dialog.to_date.date())  # only the later session
    assert len(dialog.page.selected()) == 1
    dialog.from_date.setDate(dialog.from_date.minimumDate())
    combo.setCurrentIndex(1)
    assert len(dialog.page.selected()) == 2

    out = tmp_path / "both.pdf"
    dialogs.set_next_path(out)
    dialog.page.pdf_button.click()
    qtbot.waitUntil(
        lambda: dialog.page.message.text().startswith("Exported 2 records"), timeout=WAIT_MS
    )
    reader_text = pdf_text(out)
    assert "Contents" in reader_text and CANARY not in reader_text
    assert len(verify_file(out).records) == 2
    dialog.close()


def test_the_agreements_page_checks_a_pdf_and_names_paired_people(
    qtbot, styled_app, agreed: Agreed, tmp_path: Path
) -> None:
    from swreflect.export.pdf_record import export_record_pdf
    from swreflect.gui.verify_dialog import VerifyDialog

    priya = agreed.priya
    out = tmp_path / "from-sam.pdf"
    sam = agreed.sam
    signed = sam.signoff.agreed_record(agreed.record_id)
    export_record_pdf(signed, sam.identity.ensure_identity(), out, sam.clock.now())

    page = _page(qtbot, priya, agreed.record_id)
    assert "Ctrl+Shift+K" in page.exports.verify_button.toolTip()
    page.exports.verify_button.click()
    (dialog,) = page.findChildren(VerifyDialog)
    dialogs.set_next_path(out)
    with qtbot.waitSignal(dialog.check_finished, timeout=WAIT_MS) as blocker:
        dialog.choose_button.click()
    assert blocker.args == [True]
    assert "paired with you as Sam Okafor" in dialog.details.toPlainText()
    dialog.close()


def test_the_single_record_export_asks_first_when_something_might_identify_someone(
    qtbot, styled_app, agreed: Agreed, tmp_path: Path
) -> None:
    """The buttons under a record ask the same last question as the Exports page (one dialog,
    over ``RecordService.identifiers_in_records``): cancelled, nothing is written."""
    sam = agreed.sam
    sam.journal.add_never_record("Workload")  # the agreed summary mentions workload
    assert sam.records.identifiers_in_records([sam.signoff.agreed_record(agreed.record_id)])
    page = _page(qtbot, sam, agreed.record_id)

    dialogs.set_next_answer(False)  # "This might identify someone": Cancel
    page.exports.markdown_button.click()
    assert dialogs.pending() == 0 and list(tmp_path.glob("*.md")) == []

    out = tmp_path / "record.md"
    dialogs.set_next_answer(True)  # Export anyway
    dialogs.set_next_path(out)
    page.exports.markdown_button.click()
    assert SUMMARY in out.read_text(encoding="utf-8")
