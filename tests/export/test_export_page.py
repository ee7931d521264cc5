"""The Exports page: choose records, export a signed PDF in a worker, save text, check a PDF."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from swreflect.export.verify import verify_file
from swreflect.gui import dialogs
from swreflect.gui.pages.export_page import NO_RECORDS, ExportPage, ExportSources
from tests import shots
from tests.export.conftest import EXPORTED_AT
from tests.export.factory import make_record, sign_both
from tests.prepared_dialogs import prepared_answers_only


@pytest.fixture(autouse=True)
def prepared_dialogs() -> Iterator[None]:
    """No test may open a real modal: every dialog must have a queued answer."""
    with prepared_answers_only():
        yield


def _page(qtbot, records, identity) -> ExportPage:
    sources = ExportSources(
        records=lambda: list(records),
        identity=lambda: identity,
        now=lambda: EXPORTED_AT,
        known_people=dict,
    )
    page = ExportPage(sources=sources)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


@pytest.fixture
def three(supervisor, supervisee):
    return [
        sign_both(make_record(date=d), supervisor, supervisee)
        for d in ("2026-03-04", "2026-01-07", "2026-02-04")
    ]


def test_records_are_listed_by_date_and_buttons_wait_for_a_choice(qtbot, qapp, three, supervisor):
    from swreflect.gui.style import apply_style

    apply_style(qapp, "light")
    page = _page(qtbot, three, supervisor)
    texts = [page.list.item(i).text() for i in range(page.list.count())]
    assert texts[0].startswith("Supervision record, 7 January 2026")
    assert texts[2].startswith("Supervision record, 4 March 2026")
    assert not page.pdf_button.isEnabled()
    page.list.item(0).setSelected(True)
    assert page.pdf_button.isEnabled()
    shots.save(page, "export-page")


def test_exporting_several_records_writes_one_signed_pdf(qtbot, tmp_path, three, supervisor):
    page = _page(qtbot, three, supervisor)
    page.list.selectAll()
    out = tmp_path / "batch.pdf"
    dialogs.set_next_path(out)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported 3 records" in page.message.text(), timeout=30000)
    report = verify_file(out)
    assert len(report.records) == 3
    qtbot.waitUntil(page.pdf_button.isEnabled, timeout=5000)


def test_cancelling_the_save_dialog_writes_nothing(qtbot, tmp_path, three, supervisor):
    page = _page(qtbot, three, supervisor)
    page.list.item(1).setSelected(True)
    dialogs.set_next_path(None)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert page.message.isHidden()
    assert list(tmp_path.rglob("*.pdf")) == []


def test_saving_markdown_and_cpd(qtbot, tmp_path, three, supervisor):
    page = _page(qtbot, three, supervisor)
    page.list.item(0).setSelected(True)
    md = tmp_path / "record.md"
    dialogs.set_next_path(md)
    qtbot.mouseClick(page.md_button, Qt.MouseButton.LeftButton)
    assert md.read_text(encoding="utf-8").startswith("*Confidential - supervision record*")
    cpd = tmp_path / "cpd.txt"
    dialogs.set_next_path(cpd)
    qtbot.mouseClick(page.cpd_button, Qt.MouseButton.LeftButton)
    dialog = page.cpd_dialog
    learned = dialog.fields["learned"]
    assert isinstance(learned, QPlainTextEdit)
    assert learned.toPlainText() == ""  # theirs to write, from the prompt
    assert "In your own words" in learned.placeholderText()
    learned.setPlainText("I learned to slow the first visit down.")
    dialog.accept()
    text = cpd.read_text(encoding="utf-8")
    assert "What I learned\n--------------\nI learned to slow the first visit down." in text
    assert "Peer reflection: what I learned from them" in text
    assert page.message.text().startswith("Saved cpd.txt. Still to write: ")

    decisions = tmp_path / "decisions.txt"  # the case file gets decisions only
    dialogs.set_next_path(decisions)
    qtbot.mouseClick(page.decisions_button, Qt.MouseButton.LeftButton)
    saved = decisions.read_text(encoding="utf-8")
    assert saved.startswith("Decisions for the case file\n")
    assert "Decision: Plan a joint visit before the next review." in saved
    assert "visit that felt rushed" not in saved and "Tired but settled." not in saved


def test_an_empty_vault_shows_a_calm_empty_state(qtbot, supervisor):
    page = _page(qtbot, [], supervisor)
    assert page.empty.isVisible()
    assert page.empty.text.text() == NO_RECORDS
    assert page.empty.action.text() == "Back to Agreements"  # the first step, offered
    assert not page.list.isVisible()


def test_check_a_pdf_opens_the_verify_dialog(qtbot, three, supervisor):
    from swreflect.gui.verify_dialog import VerifyDialog

    page = _page(qtbot, three, supervisor)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_locking_clears_the_list(qtbot, three, supervisor):
    page = _page(qtbot, three, supervisor)
    page.clear_sensitive()
    assert page.list.count() == 0


def test_the_page_says_when_the_font_lacks_some_characters(qtbot, tmp_path, supervisor):
    signed = sign_both(make_record(supervisee="王芳"), supervisor, None)
    page = _page(qtbot, [signed], supervisor)
    page.list.item(0).setSelected(True)
    dialogs.set_next_path(tmp_path / "one.pdf")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported 1 record" in page.message.text(), timeout=30000)
    assert "empty boxes: 王 芳" in page.message.text()
    assert verify_file(tmp_path / "one.pdf").records[0].record == signed.record


def test_identifying_details_are_named_before_export_and_can_stop_it(
    qtbot, tmp_path, three, supervisor
):
    from swreflect.core.record_service import record_texts, spotted_in

    record = three[0].record
    record["stages"][1]["notes"][0]["text"] = "Visit to SW1A 1AA went badly."
    sources = ExportSources(
        records=lambda: list(three),
        identity=lambda: supervisor,
        now=lambda: EXPORTED_AT,
        known_people=dict,
        identifiers=lambda chosen: [s for r in chosen for s in spotted_in(record_texts(r), [])],
    )
    page = ExportPage(sources=sources)
    qtbot.addWidget(page)
    page.list.item(
        next(i for i in range(page.list.count()) if page._records[i] is three[0])
    ).setSelected(True)
    dialogs.set_next_answer(False)  # "This might identify someone": Cancel
    qtbot.mouseClick(page.md_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.md")) == []
    dialogs.set_next_answer(True)  # Export anyway
    dialogs.set_next_path(tmp_path / "record.md")
    qtbot.mouseClick(page.md_button, Qt.MouseButton.LeftButton)
    assert "SW1A 1AA" in (tmp_path / "record.md").read_text(encoding="utf-8")
