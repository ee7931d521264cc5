"""A whole session through the real shell: start, write, finish (now it counts as held), then
send it for agreement or agree it in the room; an empty session can be discarded; sending to
someone not yet paired says so before any file dialog."""

from __future__ import annotations

from pathlib import Path

from swreflect.gui import dialogs
from swreflect.gui.pages.supervision_page import ID_ROLE, SupervisionPage
from swreflect.gui.supervision.session_runner import SessionRunner
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import unlock_through_ui
from tests.signing.conftest import open_services
from tests.signing.sessions import pair_people


def _shell_with_priya(qtbot, make_shell, vault_dir, tmp_path, clock):
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    sam = shell.services
    sam.identity.ensure_identity("Sam Okafor", "supervisor")
    priya = open_services(tmp_path / "priya", clock, "Priya Shah", "supervisee")
    priya_id, _ = pair_people(sam, priya)
    agreement = sam.agreements.add(priya_id, "Sam Okafor")
    return shell, sam, priya, agreement


def _run_session(qtbot, shell, agreement_id: str) -> tuple[SupervisionPage, SessionRunner]:
    window = shell.main_window
    window.show_page("supervision")
    page = window.current_page()
    page.refresh()
    page.show_agreement(agreement_id)
    page.agreements.setCurrentRow(
        [page.agreements.item(r).data(ID_ROLE) for r in range(page.agreements.count())].index(
            agreement_id
        )
    )
    page.start_button.click()
    runner = page.runner
    assert runner is not None
    shell.services.sessions.add_note(runner.session_id, "checkin", "Arrived steady.")
    runner.finish_button.click()  # "Finish and review": the end screen
    assert runner.pages.currentWidget() is runner.end_screen
    return page, runner


def test_start_finish_and_send_for_agreement(
    qtbot, make_shell, existing_vault, vault_dir, tmp_path: Path, clock
) -> None:
    shell, sam, priya, agreement = _shell_with_priya(qtbot, make_shell, vault_dir, tmp_path, clock)
    try:
        due_before = sam.agreements.due(agreement.id).due_on
        page, runner = _run_session(qtbot, shell, agreement.id)
        session_id = runner.session_id
        assert not sam.sessions.get(session_id).is_held  # opening is not meeting
        request = tmp_path / "request.swx"
        dialogs.set_next_choice(0)  # "Send it for agreement…"
        dialogs.set_next_path(request)
        runner.end_screen.finish_button.click()
        assert sam.sessions.get(session_id).is_held
        assert sam.agreements.due(agreement.id).due_on > due_before
        window = shell.main_window
        assert window.current_key() == "agreements"  # Agreements shows it at once
        assert request.exists()
        record_id = sam.sessions.get(session_id).record_id
        assert sam.signoff.status(record_id) == "sent"
        priya.signoff.import_file(request.read_bytes())  # the other laptop can open it
        assert priya.signoff.records()
        assert page.runner is None  # the runner closed
    finally:
        priya.close()


def test_finish_and_agree_in_the_room(
    qtbot, make_shell, existing_vault, vault_dir, tmp_path: Path, clock
) -> None:
    shell, sam, priya, agreement = _shell_with_priya(qtbot, make_shell, vault_dir, tmp_path, clock)
    try:
        _page, runner = _run_session(qtbot, shell, agreement.id)
        dialogs.set_next_choice(1)  # "Agree it together now"
        session_id = runner.session_id
        runner.end_screen.finish_button.click()
        inbox = shell.main_window.current_page()
        dialog = inbox.send_panel.in_room_dialog  # the whole record, read back to Priya
        dialog.comment.setPlainText("Thanks, a helpful hour.")
        dialog.read_it.setChecked(True)
        dialogs.set_next_path(None)  # no copy for her vault this time
        dialog.agree_button.click()
        record_id = sam.sessions.get(session_id).record_id
        assert sam.signoff.status(record_id) == "acknowledged-in-room"
        inbox = shell.main_window.current_page()
        assert "acknowledged in the room" in inbox.send_panel.message.text().lower()
    finally:
        priya.close()


def test_sending_to_someone_not_paired_says_so_before_any_file_dialog(
    qtbot, make_shell, existing_vault, vault_dir, tmp_path: Path, clock
) -> None:
    shell, sam, priya, _agreement = _shell_with_priya(qtbot, make_shell, vault_dir, tmp_path, clock)
    try:
        stranger = sam.people.add("Alex Morgan", "supervisee")
        agreement = sam.agreements.add(stranger.id, "Sam Okafor")
        _page, runner = _run_session(qtbot, shell, agreement.id)
        dialogs.set_next_choice(0)  # send; no file path is queued: asking for one would fail
        runner.end_screen.finish_button.click()
        assert sam.sessions.get(runner.session_id).is_held
        inbox = shell.main_window.current_page()
        text = inbox.send_panel.message.text()
        assert "haven't paired with Alex Morgan" in text and "Settings" in text
    finally:
        priya.close()


def test_an_empty_session_can_be_discarded(
    qtbot, make_shell, existing_vault, vault_dir, tmp_path: Path, clock
) -> None:
    shell, sam, priya, agreement = _shell_with_priya(qtbot, make_shell, vault_dir, tmp_path, clock)
    try:
        window = shell.main_window
        window.show_page("supervision")
        page = window.current_page()
        page.refresh()
        page.agreements.setCurrentRow(0)
        page.start_button.click()
        runner = page.runner
        assert runner.discard_button.isEnabled()
        runner.discard_button.click()
        assert page.runner is None
        assert sam.sessions.list(agreement.id) == []
    finally:
        priya.close()
