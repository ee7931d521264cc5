"""The backup pieces of the GUI: restore from the gate, the daily backup, the Settings panel."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from swreflect.gui import dialogs
from swreflect.gui.backup_hooks import REPLACE_TITLE, RESTORED_TITLE, BackupHooks
from swreflect.gui.controller import State
from swreflect.gui.pages.backups_panel import EXPORT_TITLE, BackupsPanel
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests import shots
from tests.backups.conftest import get_setting, put_setting
from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def _shot(widget: object, name: str) -> None:
    shots.save(widget, f"backups-{name}")


def _backup_file(tmp_path: Path, state: str) -> tuple[Path, str]:
    """A "Back up to…" file of a vault whose setting ``state`` is ``state``."""
    from swreflect.core.clock import FakeClock
    from swreflect.core.services import build_services

    vault, recovery = Vault.create(
        tmp_path / "elsewhere", TEST_PASSPHRASE, KdfPolicy.insecure_for_tests()
    )
    try:
        put_setting(vault, "state", state)
        path = build_services(vault, FakeClock()).backups.back_up_to(tmp_path / "stick.swrbak")
    finally:
        vault.lock()
    return path, recovery


def _made_at(path: Path, local: datetime) -> str:
    """Give ``path`` the file date ``local`` (naive, local time); returns its "UTC+hh:mm"."""
    stamp = local.timestamp()
    os.utime(path, (stamp, stamp))
    raw = datetime.fromtimestamp(stamp).astimezone().strftime("%z")
    return f"UTC{raw[:3]}:{raw[3:]}"


def _panel(shell: object) -> BackupsPanel:
    window = shell.main_window  # type: ignore[attr-defined]
    window.show_page("settings")
    return window.pages["settings"].backups_panel


def test_new_computer_restores_from_a_backup_file(qtbot, make_shell, vault_dir, tmp_path) -> None:
    backup, _ = _backup_file(tmp_path, "from the old laptop")
    shell = make_shell(vault_dir)
    assert shell.state is State.CREATE
    hooks = BackupHooks.of(shell)
    shell.gate.resize(1280, 720)
    _shot(shell.gate, "create-screen")
    hooks.create_link.click()
    screen = hooks.restore_screen
    assert shell.gate.current_screen() is screen
    assert not screen.latest_choice.isVisible()
    assert not screen.restore_button.isEnabled()
    made = _made_at(backup, datetime(2026, 12, 2, 14, 5))
    dialogs.set_next_path(backup)
    screen.choose_button.click()
    # Which backup and its date are named before the secret is asked for.
    assert screen.which.isVisible()
    assert f"“stick.swrbak”, made 2 December 2026, 14:05 ({made})" in screen.which.text()
    qtbot.keyClicks(screen.secret_field, TEST_PASSPHRASE)
    _shot(shell.gate, "restore-file")
    dialogs.set_next_answer(True)  # the "restored" note
    with qtbot.waitSignal(hooks.restored, timeout=WAIT_MS) as told:
        screen.restore_button.click()
    qtbot.waitUntil(lambda: shell.services is not None, timeout=WAIT_MS)
    assert RESTORED_TITLE in dialogs.shown
    assert "“stick.swrbak”, made 2 December 2026, 14:05" in told.args[0]
    assert get_setting(shell.services.vault, "state") == "from the old laptop"


def test_restore_with_the_recovery_key_then_asks_for_a_new_passphrase(
    qtbot, make_shell, vault_dir, tmp_path
) -> None:
    backup, recovery = _backup_file(tmp_path, "recovered")
    shell = make_shell(vault_dir)
    hooks = BackupHooks.of(shell)
    hooks.create_link.click()
    screen = hooks.restore_screen
    dialogs.set_next_path(backup)
    screen.choose_button.click()
    screen.recovery_choice.setChecked(True)
    qtbot.keyClicks(screen.secret_field, recovery)
    dialogs.set_next_answer(True)  # the "restored" note
    screen.restore_button.click()
    qtbot.waitUntil(lambda: shell.state is State.NEW_PASSPHRASE, timeout=WAIT_MS)


def test_wrong_passphrase_on_restore_is_calm_and_changes_nothing(
    qtbot, make_shell, vault_dir, tmp_path
) -> None:
    backup, _ = _backup_file(tmp_path, "x")
    shell = make_shell(vault_dir)
    hooks = BackupHooks.of(shell)
    hooks.create_link.click()
    screen = hooks.restore_screen
    dialogs.set_next_path(backup)
    screen.choose_button.click()
    qtbot.keyClicks(screen.secret_field, "definitely not the passphrase")
    with qtbot.waitSignal(hooks.restore_failed, timeout=WAIT_MS):
        screen.restore_button.click()
    assert screen.message.text().startswith("That passphrase didn't open this backup")
    assert screen.secret_field.text() == ""
    assert not vault_dir.exists()
    _shot(shell.gate, "restore-wrong-passphrase")
    screen.back_button.click()
    assert shell.gate.current_screen() is shell.gate.create_screen


def test_daily_backup_after_unlock_then_damage_and_restore_latest(
    qtbot, make_shell, vault_dir
) -> None:
    vault, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    put_setting(vault, "state", "safe in the backup")
    vault.lock()
    shell = make_shell(vault_dir)
    hooks = BackupHooks.of(shell)
    with qtbot.waitSignal(hooks.daily_backup_finished, timeout=WAIT_MS) as finished:
        unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert finished.args[0] is not None and finished.args[0].kind == "auto"
    assert len(list((vault_dir / "backups").glob("auto-*.db"))) == 1
    shell.lock()

    data = bytearray((vault_dir / "vault.db").read_bytes())
    for offset in range(4096 + 64, len(data), 4096):
        data[offset] ^= 0xA5
    (vault_dir / "vault.db").write_bytes(bytes(data))
    screen = shell.gate.unlock_screen
    qtbot.keyClicks(screen.passphrase_field, TEST_PASSPHRASE)
    screen.unlock_button.click()
    qtbot.waitUntil(screen.message.isVisible, timeout=WAIT_MS)
    assert "damaged" in screen.message.text()
    shell.gate.resize(1280, 720)
    _shot(shell.gate, "unlock-damaged")

    hooks.unlock_link.click()
    restore = hooks.restore_screen
    assert restore.latest_choice.isChecked()
    (auto,) = (vault_dir / "backups").glob("auto-*.db")
    stamp = datetime.strptime(auto.name.split("-")[2][:16], "%Y%m%dT%H%M%SZ")
    local = stamp.replace(tzinfo=UTC).astimezone()
    made = f"{local.day} {local:%B %Y, %H:%M}"
    assert f"“{auto.name}”, made {made}" in restore.which.text()
    qtbot.keyClicks(restore.secret_field, TEST_PASSPHRASE)
    _shot(shell.gate, "restore-latest")
    dialogs.set_next_answer(True)
    dialogs.set_next_answer(True)  # the "restored" note
    with qtbot.waitSignal(hooks.restored, timeout=WAIT_MS) as told:
        restore.restore_button.click()
    qtbot.waitUntil(lambda: shell.services is not None, timeout=WAIT_MS)
    assert REPLACE_TITLE in dialogs.shown
    assert f"“{auto.name}”, made {made}" in told.args[0]
    assert get_setting(shell.services.vault, "state") == "safe in the backup"
    assert shell.services.vault.integrity_problems() == []


def test_declining_the_replace_question_changes_nothing(qtbot, make_shell, vault_dir) -> None:
    Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())[0].lock()
    before = folder_hashes(vault_dir)
    shell = make_shell(vault_dir)
    hooks = BackupHooks.of(shell)
    hooks.unlock_link.click()
    qtbot.keyClicks(hooks.restore_screen.secret_field, TEST_PASSPHRASE)
    dialogs.set_next_answer(False)
    hooks.restore_screen.restore_button.click()
    assert shell.state is State.UNLOCK
    assert folder_hashes(vault_dir) == before


def test_settings_panel_backs_up_and_exports_with_a_warning(
    qtbot, make_shell, vault_dir, tmp_path
) -> None:
    Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())[0].lock()
    shell = make_shell(vault_dir)
    hooks = BackupHooks.of(shell)
    with qtbot.waitSignal(hooks.daily_backup_finished, timeout=WAIT_MS):
        unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    panel = _panel(shell)
    assert "1 backup kept" in panel.status.text()

    dest = tmp_path / "stick" / "mine.swrbak"
    dest.parent.mkdir()
    dialogs.set_next_path(dest)
    panel.backup_to_button.click()
    qtbot.waitUntil(panel.message.isVisible, timeout=WAIT_MS)
    assert dest.is_file()
    assert "encrypted backup" in panel.message.text()

    # Declining the warning writes nothing.
    dialogs.set_next_answer(False)
    panel.export_button.click()
    assert EXPORT_TITLE in dialogs.shown
    export = tmp_path / "stick" / "export.json"
    dialogs.set_next_answer(True)
    dialogs.set_next_path(export)
    panel.export_button.click()
    qtbot.waitUntil(lambda: "not encrypted" in panel.message.text(), timeout=WAIT_MS)
    assert json.loads(export.read_text(encoding="utf-8"))["format"] == "swreflect-export"
    shell.main_window.resize(1280, 720)
    shell.main_window.pages["settings"].ensureWidgetVisible(panel.export_button)
    _shot(shell.main_window, "settings-panel")


def test_the_app_puts_back_a_vault_set_aside_by_an_interrupted_restore(
    qtbot, make_shell, vault_dir
) -> None:
    import os

    Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())[0].lock()
    aside = vault_dir.parent / f".{vault_dir.name}.restore-old-0123456789ab"
    os.replace(vault_dir, aside)  # the state between the two renames of the fallback swap
    shell = make_shell(vault_dir)
    assert shell.state is State.UNLOCK  # not "create": the vault was found again
    assert not aside.exists()
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)


def test_json_export_names_identifying_details_first(
    qtbot, make_shell, vault_dir, tmp_path
) -> None:
    from swreflect.core.services import build_services
    from swreflect.models.journal import EntryContent

    vault = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())[0]
    services = build_services(vault)
    services.journal.create(EntryContent(title="Visit", body="Met the family at LS6 2QT."))
    services.close()
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    panel = _panel(shell)
    export = tmp_path / "export.json"

    # Told what was found, they decline: nothing is written.
    dialogs.set_next_answer(True)  # the plain-text warning
    dialogs.set_next_path(export)
    dialogs.set_next_answer(False)  # "This might identify someone"
    panel.export_button.click()
    qtbot.waitUntil(lambda: "Nothing was exported" in panel.message.text(), timeout=WAIT_MS)
    assert "This might identify someone" in dialogs.shown
    assert not export.exists()

    # Going on knowingly writes the whole export.
    dialogs.set_next_answer(True)
    dialogs.set_next_path(export)
    dialogs.set_next_answer(True)
    panel.export_button.click()
    qtbot.waitUntil(lambda: "not encrypted" in panel.message.text(), timeout=WAIT_MS)
    assert "LS6 2QT" in export.read_text(encoding="utf-8")
