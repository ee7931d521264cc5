"""Checking a signed PDF: from the unlock screen without unlocking, and while unlocked (where
paired people are named by their fingerprints)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from swreflect.gui import dialogs
from swreflect.gui.controller import State
from swreflect.gui.verify_hooks import VERIFY_SHORTCUT, VerifyHooks
from swreflect.signing.records import format_fingerprint
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui
from tests.wiring.conftest import Agreed
from tests.wiring.helpers import shots


def _export(agreed: Agreed, folder: Path) -> tuple[Path, Path]:
    """A genuine PDF of the agreed record, and a copy with one byte changed."""
    from swreflect.export.pdf_record import export_record_pdf

    sam = agreed.sam
    good = folder / "record.pdf"
    signed = sam.signoff.agreed_record(agreed.record_id)
    export_record_pdf(signed, sam.identity.ensure_identity(), good, sam.clock.now())
    data = bytearray(good.read_bytes())
    middle = len(data) // 2
    data[middle] = (data[middle] + 1) % 256
    bad = folder / "changed.pdf"
    bad.write_bytes(bytes(data))
    return good, bad


def _check(qtbot, dialog, path: Path) -> bool:
    dialogs.set_next_path(path)
    with qtbot.waitSignal(dialog.check_finished, timeout=WAIT_MS) as blocker:
        dialog.choose_button.click()
    return bool(blocker.args[0])


def test_a_pdf_is_checked_from_the_unlock_screen_without_unlocking(
    qtbot, styled_app, make_shell, agreed: Agreed, vault_dir: Path, tmp_path: Path
) -> None:
    good, bad = _export(agreed, tmp_path)
    agreed.sam.close()  # the vault is locked on disk; the shell must not need it
    shell = make_shell(vault_dir)
    assert shell.state is State.UNLOCK
    hooks = VerifyHooks.of(shell)
    assert hooks.unlock_link.accessibleName() == "Check a signed PDF"
    assert hooks.unlock_link.isVisibleTo(shell.gate.unlock_screen)
    shots(styled_app, shell.gate, "unlock-link")

    hooks.unlock_link.click()
    dialog = hooks.dialog
    assert dialog is not None and dialog.isVisible()

    assert _check(qtbot, dialog, good)
    assert dialog.status_label.text().startswith("Valid")
    details = dialog.details.toPlainText()
    assert "Sam Okafor" in details and "Priya Shah" in details
    assert format_fingerprint(agreed.sam_fingerprint, 16) in details
    assert "paired with you" not in details  # locked: no vault, so nobody is named as paired
    shots(styled_app, dialog, "verify-valid", (760, 520))

    assert not _check(qtbot, dialog, bad)
    assert dialog.status_label.text().startswith("Not valid.")
    assert "Don't rely on this file" in dialog.details.toPlainText()
    shots(styled_app, dialog, "verify-changed", (760, 520))

    assert shell.state is State.UNLOCK and shell.services is None
    dialog.close()


def test_when_unlocked_the_shortcut_checks_and_names_paired_people(
    qtbot, styled_app, make_shell, agreed: Agreed, vault_dir: Path, tmp_path: Path
) -> None:
    good, _bad = _export(agreed, tmp_path)
    agreed.sam.close()
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    wanted = QKeySequence(VERIFY_SHORTCUT)
    (action,) = [a for a in window.actions() if a.shortcut() == wanted]
    action.trigger()
    hooks = VerifyHooks.of(shell)
    dialog = hooks.dialog
    assert dialog is not None and dialog.parent() is window

    assert _check(qtbot, dialog, good)
    details = dialog.details.toPlainText()
    assert "Supervisee is paired with you: Priya Shah" in details

    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        shell.lock()
    assert hooks.dialog is None  # closed on lock: no paired name stays on screen


def test_the_create_screen_offers_checking_too(
    qtbot, styled_app, make_shell, tmp_path: Path
) -> None:
    shell = make_shell(tmp_path / "no-vault-yet")
    assert shell.state is State.CREATE
    hooks = VerifyHooks.of(shell)
    assert hooks.create_link.isVisibleTo(shell.gate.create_screen)
    shots(styled_app, shell.gate, "create-link")
    hooks.create_link.click()
    assert hooks.dialog is not None and hooks.dialog.isVisible()
    assert hooks.show_dialog() is hooks.dialog  # a second click reuses the open dialog
    hooks.dialog.close()
