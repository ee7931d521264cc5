"""The agreement inbox and the identity panel, with real widgets on two real vaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from swreflect.core.services import Services
from swreflect.gui import dialogs
from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
from swreflect.gui.pages.settings_page import SettingsPage
from swreflect.gui.signing.agreements_model import RECORD_ID_ROLE, AgreementsModel
from swreflect.gui.signing.identity_panel import IdentityPanel, people_choices
from swreflect.signing.identity import new_identity
from tests import shots
from tests.signing.records import RECORD_ID, make_record

Pair = tuple[Services, Services]


def _shot(widget, name: str) -> None:
    if shots.folder() is not None:
        widget.resize(1280, 720)
        shots.save(widget, f"signing-{name}")


def _accessible(widget) -> None:
    """Our own controls all have accessible names (Qt's internal sub-widgets excluded)."""
    kinds = (QAbstractButton, QPlainTextEdit, QLineEdit, QComboBox, QTableView)
    for child in widget.findChildren(QWidget):
        if isinstance(child, kinds) and not child.objectName().startswith("qt_"):
            if isinstance(child.parent(), QComboBox | QLineEdit):
                continue
            assert child.accessibleName(), f"{type(child).__name__} is unnamed"


def test_model_lists_records_without_a_view(paired: Pair) -> None:
    sam, priya = paired
    priya.signoff.import_file(sam.signoff.request_agreement(make_record(), to="priya"))
    model = AgreementsModel(priya.signoff, priya.identity)
    assert model.rowCount() == 1 and model.columnCount() == 3
    cells = [model.data(model.index(0, c)) for c in range(3)]
    assert cells == ["Session on 2026-03-02 (version 1)", "Sam Okafor", "Waiting for you to review"]
    assert model.data(model.index(0, 0), RECORD_ID_ROLE) == RECORD_ID
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Where it stands"
    assert model.record_id(5) is None


def test_review_comment_sign_and_import_through_the_pages(
    qtbot, styled_app, paired: Pair, tmp_path: Path
) -> None:
    sam, priya = paired
    request = tmp_path / "request.swx"
    request.write_bytes(sam.signoff.request_agreement(make_record(), to="priya"))

    page = AgreementInboxPage(priya)
    qtbot.addWidget(page)
    page.show()
    assert not page.sign_button.isEnabled()
    dialogs.set_next_path(request)
    with qtbot.waitSignal(page.record_imported):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert "asked you to agree" in page.message.text()
    assert page.record_view.isReadOnly()
    assert "Tired but steady." in page.record_view.toPlainText()
    assert page.sign_button.isEnabled()
    _accessible(page)

    qtbot.keyClicks(page.note_field, "I see the caseload differently.")
    qtbot.mouseClick(page.disagree_button, Qt.MouseButton.LeftButton)
    assert "Disagreement by Priya Shah (supervisee)" in page.record_view.toPlainText()
    assert "I see the caseload differently." in page.record_view.toPlainText()
    _shot(page, "inbox-review")

    answer = tmp_path / "answer.swx"
    dialogs.set_next_answer(True)
    dialogs.set_next_path(answer)
    with qtbot.waitSignal(page.record_answered):
        qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert answer.exists()
    assert priya.signoff.status(RECORD_ID) == "agreed"
    assert page.status_label.text() == "Agreed and signed by both"
    assert not page.note_field.isEnabled()
    assert page.resend_button.isVisible()
    dialogs.set_next_path(tmp_path / "answer-again.swx")
    qtbot.mouseClick(page.resend_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "answer-again.swx").exists()

    sams_page = AgreementInboxPage(sam)
    qtbot.addWidget(sams_page)
    dialogs.set_next_path(answer)
    qtbot.mouseClick(sams_page.import_button, Qt.MouseButton.LeftButton)
    assert "it's agreed" in sams_page.message.text()
    assert sam.signoff.status(RECORD_ID) == "agreed"
    shown = sams_page.record_view.toPlainText()
    assert "Supervisee: Priya Shah\nSigned with a recorded disagreement on " in shown
    assert "Details" in shown and RECORD_ID in shown.split("Details")[1]  # ids only there
    assert RECORD_ID not in shown.split("Details")[0]
    _shot(sams_page, "inbox-agreed")
    sams_page.clear_sensitive()
    assert sams_page.record_view.toPlainText() == ""


def test_cancelled_sign_and_bad_files_change_nothing(
    qtbot, styled_app, paired: Pair, tmp_path: Path
) -> None:
    sam, priya = paired
    junk = tmp_path / "junk.swx"
    junk.write_bytes(b"not an agreement file")
    page = AgreementInboxPage(priya)
    qtbot.addWidget(page)
    dialogs.set_next_path(junk)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert "isn't a swreflect agreement file" in page.message.text()
    assert page.model.rowCount() == 0
    _shot(page, "inbox-bad-file")

    request = tmp_path / "request.swx"
    request.write_bytes(sam.signoff.request_agreement(make_record(), to="priya"))
    dialogs.set_next_path(request)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialogs.set_next_answer(False)  # "Sign this record?" -> Cancel
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert priya.signoff.status(RECORD_ID) == "received"
    dialogs.set_next_path(None)  # return: the save dialog is cancelled
    page.note_field.setPlainText("Please add the training day.")
    qtbot.mouseClick(page.comment_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    assert priya.signoff.status(RECORD_ID) == "received"
    dialogs.set_next_path(tmp_path / "back.swx")
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    assert priya.signoff.status(RECORD_ID) == "returned"
    assert sam.signoff.import_file((tmp_path / "back.swx").read_bytes()).status == "returned"


def test_identity_panel_pairs_only_after_confirmation(
    qtbot, styled_app, supervisor: Services, supervisee: Services, tmp_path: Path, clock
) -> None:
    card = tmp_path / "sam.swid"
    panel = IdentityPanel(supervisor.identity)
    qtbot.addWidget(panel)
    assert panel.own_fingerprint.text() == supervisor.identity.ensure_identity().short_fingerprint
    dialogs.set_next_path(card)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert card.exists()

    lonely = IdentityPanel(supervisee.identity, people_choices(supervisee))
    qtbot.addWidget(lonely)
    assert not lonely.choose_button.isEnabled()  # nobody to pair with yet
    assert "Supervision page" in lonely.no_people_hint.text()
    sam_id = supervisee.people.add("Sam Okafor", "supervisor").id
    supervisee.people.add("Alex Morgan", "supervisor")
    theirs = IdentityPanel(supervisee.identity, people_choices(supervisee))
    qtbot.addWidget(theirs)
    theirs.show()
    assert theirs.no_people_hint.isHidden()
    theirs.person_box.setCurrentIndex(theirs.person_box.findData(sam_id))
    dialogs.set_next_path(card)
    qtbot.mouseClick(theirs.choose_button, Qt.MouseButton.LeftButton)
    assert theirs.their_fingerprint.text() == panel.own_fingerprint.text()
    assert not theirs.pair_button.isEnabled()
    theirs.match_box.setChecked(True)
    assert theirs.pair_button.isEnabled()
    _shot(theirs, "identity-pairing")
    _accessible(theirs)
    with qtbot.waitSignal(theirs.paired):
        qtbot.mouseClick(theirs.pair_button, Qt.MouseButton.LeftButton)
    assert supervisee.identity.pairing(sam_id).display_name == "Sam Okafor"

    # A different key for the same person: warned, and refused when the user says no.
    imposter = tmp_path / "imposter.swid"
    imposter.write_bytes(new_identity("Sam Okafor", "supervisor", clock.now()).card().to_bytes())
    dialogs.set_next_path(imposter)
    qtbot.mouseClick(theirs.choose_button, Qt.MouseButton.LeftButton)
    theirs.match_box.setChecked(True)
    dialogs.set_next_answer(False)
    qtbot.mouseClick(theirs.pair_button, Qt.MouseButton.LeftButton)
    assert "different from the one you paired with" in theirs.message.text()
    assert supervisee.identity.pairing(sam_id).fingerprint == (
        supervisor.identity.ensure_identity().fingerprint
    )


def test_identity_is_made_on_purpose_with_the_owners_name(qtbot, styled_app, vault) -> None:
    from swreflect.core.services import build_services

    services = build_services(vault)
    panel = IdentityPanel(services.identity)
    qtbot.addWidget(panel)
    panel.show()
    assert not services.identity.has_identity()  # looking never creates anything
    assert panel.setup_box.isVisible() and not panel.ready_box.isVisible()
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert "type your name" in panel.message.text()
    assert not services.identity.has_identity()
    qtbot.keyClicks(panel.name_field, "Alex Morgan")
    qtbot.keyClick(panel.name_field, Qt.Key.Key_Return)
    assert services.identity.ensure_identity().display_name == "Alex Morgan"
    assert panel.ready_box.isVisible() and not panel.setup_box.isVisible()
    assert panel.own_fingerprint.text() == services.identity.ensure_identity().short_fingerprint
    _accessible(panel)


def test_settings_shows_the_fingerprint(qtbot, styled_app, supervisor: Services) -> None:
    page = SettingsPage(supervisor)
    qtbot.addWidget(page)
    fingerprint = supervisor.identity.ensure_identity().short_fingerprint
    assert page.identity_panel.own_fingerprint.text() == fingerprint
    page.show()
    page.resize(1280, 720)
    page.ensureWidgetVisible(page.identity_panel)
    _shot(page, "settings")


def test_send_a_session_and_an_addendum_from_the_page(
    qtbot, styled_app, supervisor: Services, supervisee: Services, tmp_path: Path
) -> None:
    from tests.signing.sessions import pair_people, run_session

    sam, priya = supervisor, supervisee
    priya_id, _ = pair_people(sam, priya)
    page = AgreementInboxPage(sam)
    qtbot.addWidget(page)
    page.show()
    panel = page.send_panel
    assert not panel.send_button.isEnabled()  # no session held yet
    sid = run_session(sam, priya_id)
    panel.refresh()
    assert panel.session_box.currentData() == sid
    assert "with Priya Shah" in panel.session_box.currentText()
    _accessible(page)

    request = tmp_path / "request.swx"
    dialogs.set_next_path(request)
    with qtbot.waitSignal(panel.request_saved):
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    record_id = sam.sessions.get(sid).record_id
    assert page.status_label.text() == "Sent, waiting for their answer"
    assert not panel.send_button.isEnabled()  # the session is out for agreement now
    _shot(page, "inbox-sent")

    priya.signoff.import_file(request.read_bytes())
    (tmp_path / "answer.swx").write_bytes(priya.signoff.sign(record_id))
    dialogs.set_next_path(tmp_path / "answer.swx")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    page.select_record(record_id)
    assert page.send_panel.addendum_button.isEnabled()
    page.send_panel.addendum_field.setPlainText("The training day moved to the 21st.")
    dialogs.set_next_path(tmp_path / "addendum.swx")
    with qtbot.waitSignal(panel.request_saved):
        qtbot.mouseClick(panel.addendum_button, Qt.MouseButton.LeftButton)
    opened = priya.signoff.import_file((tmp_path / "addendum.swx").read_bytes())
    addendum = priya.signoff.signed_record(opened.record_id).record
    assert (addendum["kind"], addendum["addendum_to"]) == ("addendum", record_id)


def test_agreed_in_the_room_is_labelled_on_the_page(
    qtbot, styled_app, supervisor: Services, supervisee: Services, tmp_path: Path
) -> None:
    from tests.signing.sessions import PRIVATE, pair_people, run_session

    sam, priya = supervisor, supervisee
    priya_id, _ = pair_people(sam, priya)
    sid = run_session(sam, priya_id)
    page = AgreementInboxPage(sam)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.send_panel.in_room_button, Qt.MouseButton.LeftButton)
    dialog = page.send_panel.in_room_dialog
    dialog.reject()
    assert sam.signoff.records() == []
    qtbot.mouseClick(page.send_panel.in_room_button, Qt.MouseButton.LeftButton)
    dialog = page.send_panel.in_room_dialog
    shown = dialog.record.toPlainText()
    assert "Arrived tired but steady." in shown  # the whole record, read back on one screen
    assert PRIVATE not in shown
    assert not dialog.agree_button.isEnabled()  # not until they say they read it
    qtbot.keyClicks(dialog.comment, "IN-ROOM-COMMENT: more reflection time, please.")
    qtbot.keyClicks(dialog.disagreement, "IN-ROOM-DISAGREE: the caseload wasn't discussed.")
    dialog.read_it.setChecked(True)
    _shot(dialog, "in-room-dialog")
    copy = tmp_path / "copy.swx"
    dialogs.set_next_path(copy)  # a copy for Priya's own vault
    with qtbot.waitSignal(page.send_panel.request_saved):
        qtbot.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert copy.exists()
    record_id = sam.sessions.get(sid).record_id
    assert sam.signoff.status(record_id) == "acknowledged-in-room"
    assert page.status_label.text() == "Acknowledged in the room (not a cryptographic signature)"
    shown = page.record_view.toPlainText()
    assert "not a cryptographic signature" in shown
    assert "Comment given in the room by Priya Shah (supervisee)" in shown
    assert "IN-ROOM-COMMENT: more reflection time, please." in shown
    assert "acknowledged in the room with a recorded disagreement" in shown.lower()
    assert not page.send_panel.addendum_button.isHidden()  # an addendum is offered after in-room
    _shot(page, "inbox-in-room-agreed")
    signed = sam.signoff.agreed_record(record_id)
    from swreflect.export.text_export import record_text

    assert "IN-ROOM-DISAGREE: the caseload wasn't discussed." in record_text(signed)

    # Priya's own vault takes the copy: her words are hers, and she can add an addendum.
    hers = AgreementInboxPage(priya)
    qtbot.addWidget(hers)
    dialogs.set_next_path(copy)
    with qtbot.waitSignal(hers.record_imported):
        qtbot.mouseClick(hers.import_button, Qt.MouseButton.LeftButton)
    assert "acknowledged in the room" in hers.message.text()
    assert "IN-ROOM-DISAGREE" in hers.record_view.toPlainText()
    assert not hers.send_panel.addendum_button.isHidden()
    assert len(priya.signoff.verify(record_id)) == 2
    assert page.model.data(page.model.index(0, 2)).startswith("Acknowledged in the room")
