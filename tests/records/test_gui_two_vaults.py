"""Issue 11 end to end through the real widgets on two real vaults (pytest-qt).

Priya types a disagreement while signing on her Agreements page; Sam imports her answer on his
and exports the PDF, a text copy and Markdown from the page: the disagreement is in each, the
PDF read back with pypdf and checked by the verifier. Sam's own rating, never included, is in
none; a learning-stage note written without choosing is private and in none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from swreflect.core.clock import FakeClock
from swreflect.export.verify import verify_file
from swreflect.export.verify_text import report_json
from swreflect.gui import dialogs
from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
from tests.gui.conftest import WAIT_MS, prepared_dialogs, styled_app
from tests.signing.conftest import open_services
from tests.signing.sessions import pair_people, run_session
from tests.wiring.helpers import pdf_text

__all__ = ["prepared_dialogs", "styled_app"]

DISAGREE = "GUI-DISAGREE: the rota, not me, made the visit rushed."
LEARNING = "GUI-LEARNING-CANARY: I missed the referral."


def _page(qtbot, services) -> AgreementInboxPage:
    page = AgreementInboxPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def test_a_disagreement_typed_at_signing_reaches_every_export(
    qtbot, styled_app, tmp_path: Path
) -> None:
    clock = FakeClock()
    sam = open_services(tmp_path / "sam", clock, "Sam Okafor", "supervisor")
    priya = open_services(tmp_path / "priya", clock, "Priya Shah", "supervisee")
    try:
        priya_id, _ = pair_people(sam, priya)
        sid = run_session(sam, priya_id)  # Sam rates 4/3 without including it
        sam.sessions.add_note(sid, "learning", LEARNING)  # no choice made: private
        record_id = sam.sessions.get(sid).record_id
        request = tmp_path / "request.swx"
        request.write_bytes(sam.signoff.request_session_agreement(sid))

        theirs = _page(qtbot, priya)
        dialogs.set_next_path(request)
        with qtbot.waitSignal(theirs.record_imported):
            theirs.import_button.click()
        assert LEARNING not in theirs.record_view.toPlainText()
        assert not theirs.rating.isHidden()  # Priya rates in her own vault, while reviewing
        theirs.rating.support.setCurrentIndex(2)
        theirs.rating.challenge.setCurrentIndex(5)
        assert priya.records.received_rating(record_id) == ("supervisee", 2, 5)
        theirs.note_field.setPlainText(DISAGREE)
        theirs.disagree_button.click()
        answer = tmp_path / "answer.swx"
        dialogs.set_next_answer(True)
        dialogs.set_next_path(answer)
        with qtbot.waitSignal(theirs.record_answered):
            theirs.sign_button.click()

        mine = _page(qtbot, sam)
        dialogs.set_next_path(answer)
        mine.import_button.click()
        assert sam.signoff.status(record_id) == "agreed"
        mine.select_record(record_id)
        shown = mine.record_view.toPlainText()
        assert "Disagreement by Priya Shah (supervisee)" in shown and DISAGREE in shown

        out = tmp_path / "record.pdf"
        dialogs.set_next_path(out)
        with qtbot.waitSignal(mine.exports.pdf_exported, timeout=WAIT_MS):
            mine.exports.pdf_button.click()
        qtbot.waitUntil(lambda: mine.exports.pdf_button.isEnabled(), timeout=WAIT_MS)
        text = " ".join(pdf_text(out).split())
        report = report_json(verify_file(out))
        mine.exports.copy_button.click()
        copied = QGuiApplication.clipboard().text()
        md_path = tmp_path / "record.md"
        dialogs.set_next_path(md_path)
        mine.exports.markdown_button.click()
        markdown = md_path.read_text(encoding="utf-8").replace("\\", "")
        for out_text in (text, copied, markdown):
            assert "GUI-DISAGREE" in out_text
            assert "signed with a recorded disagreement" in out_text.lower()
            assert "GUI-LEARNING-CANARY" not in out_text
            assert "Support and challenge" not in out_text  # nobody chose to include it
            assert "2 of 5" not in out_text
        assert [c["text"] for c in report["records"][0]["comments"]] == [DISAGREE]
        mine.clear_sensitive()
    finally:
        sam.close()
        priya.close()
