"""The unlock screen says what a long one-off update is doing, and a normal unlock looks as before.

Real vaults, the real worker and the real shell: an old vault (schema 4, written by the code of
its day) is unlocked through the unlock screen, and what the gate window showed at each report
is recorded on the UI thread as it happened.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton

from swreflect.core.vault_access import unlock_vault
from swreflect.gui import dialogs
from swreflect.gui.backup_hooks import BackupHooks
from swreflect.gui.controller import State
from swreflect.gui.style import apply_style
from swreflect.models.unlock_progress import (
    CLOSE_AFTER_UPDATE,
    UPDATE_NOTE,
    UnlockProgress,
    UnlockStage,
)
from swreflect.vault import open_steps
from swreflect.vault.migrations import Migration, ladder, latest_version
from swreflect.vault.migrations import m0010_search_versions as m0010
from tests import shots
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui
from tests.vault.support import make_vault
from tests.vault.test_unlock_progress import GOLDEN_V4, OLD_V4, check_upgrade_reports


def _record_what_the_gate_showed(shell) -> list[tuple[UnlockProgress, str, int, bool]]:
    """After the gate handled each report (connected after it): the busy line, the bar's
    maximum (0: busy) and whether the update note was up."""
    gate, shown = shell.gate, []

    def record(progress: UnlockProgress) -> None:
        note_up = gate.update_note is not None and not gate.update_note.isHidden()
        shown.append((progress, gate.busy_label.text(), gate.busy_bar.maximum(), note_up))

    shell.unlock_relay.reported.connect(record)
    return shown


def test_an_old_vault_shows_each_stage_then_opens(qtbot, make_shell, tmp_path: Path) -> None:
    folder = tmp_path / "old"
    shutil.copytree(OLD_V4, folder)
    shell = make_shell(folder)
    shown = _record_what_the_gate_showed(shell)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)

    check_upgrade_reports([p for p, *_ in shown], start=4)
    key, *update = shown
    assert key[1:] == ("Opening your vault…", 0, False)  # the key stage changes nothing
    for progress, text, maximum, note_up in update:
        assert text == progress.text and note_up
        assert maximum == (0 if progress.fraction is None else 100)
    assert shell.gate.update_note.text() == UPDATE_NOTE
    # the final state: open at the newest schema, the copy kept, the gate back to normal
    assert shell.state is State.UNLOCKED and shell.main_window is not None
    assert shell.services is not None
    assert shell.services.vault.schema_version() == latest_version()
    assert list((folder / "backups").glob("pre-migration-v4-*.db"))
    assert shell.gate.update_note.isHidden() and shell.gate.busy_bar.maximum() == 0


def test_a_normal_unlock_shows_no_update(qtbot, make_shell, vault_dir: Path) -> None:
    make_vault(vault_dir, rows=5)
    shell = make_shell(vault_dir)
    shown = _record_what_the_gate_showed(shell)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert [p.stage for p, *_ in shown] == [UnlockStage.KEY]
    assert [s[1:] for s in shown] == [("Opening your vault…", 0, False)]
    assert shell.gate.update_note is None  # never even built


@dataclass
class Held:
    release: threading.Event
    fail: bool = False  # the step raises once released


@pytest.fixture
def held_step(monkeypatch: pytest.MonkeyPatch, vault_dir: Path) -> Iterator[Held]:
    """A current vault, then one more step on top of the real ladder (no file written) that
    waits until released, so the test can look at the window while an update really runs."""
    make_vault(vault_dir, rows=50)
    held, real = Held(threading.Event()), ladder()
    version = real[-1].version + 1

    def upgrade(conn: Any) -> None:
        assert held.release.wait(WAIT_MS / 1000), "the test never released the step"
        conn.execute("CREATE TABLE held_step_ran (id INTEGER)")
        if held.fail:
            raise RuntimeError("the step failed")

    step = Migration(version, f"m{version:04d}_held", upgrade, m0010.PROGRESS_TEXT)
    monkeypatch.setattr(open_steps, "ladder", lambda: [*real, step])
    monkeypatch.setattr(open_steps, "latest_version", lambda: version)
    yield held
    held.release.set()  # never leave the worker waiting


def test_during_an_update_the_window_answers_and_offers_no_cancel(
    qtbot, make_shell, vault_dir: Path, held_step: Held, styled_app
) -> None:
    shell = make_shell(vault_dir)
    gate = shell.gate
    gate.resize(1024, 600)
    qtbot.keyClicks(gate.unlock_screen.passphrase_field, TEST_PASSPHRASE)
    gate.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: "step 1 of 1" in gate.busy_label.text(), timeout=WAIT_MS)

    # The worker is inside the step now; the UI thread still runs timers and paints.
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=WAIT_MS)
    timer.stop()
    assert not held_step.release.is_set() and shell.state is State.UNLOCK
    assert gate.updating and not gate.update_note.isHidden()
    assert "may take a minute" in gate.busy_label.text()
    assert gate.busy_bar.maximum() == 0  # the step can't tell how far it is: busy
    assert gate.busy_bar.accessibleName() == "Updating your vault"
    assert gate.busy_bar.accessibleDescription() == gate.busy_label.text()
    assert "can't be cancelled" in gate.update_note.text()
    assert "nothing is lost" in gate.update_note.text()
    assert not gate.stack.isEnabled()  # nothing on the screen takes input meanwhile
    offered = [
        b.text() for b in gate.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()
    ]
    assert not [t for t in offered if "cancel" in t.lower() or "stop" in t.lower()], offered
    try:
        shots.save(gate, "unlock-update-light-1024x600")
        apply_style(styled_app, "dark")
        shots.save(gate, "unlock-update-dark-1024x600")
    finally:
        apply_style(styled_app, "light")

    with qtbot.waitSignal(shell.unlocked, timeout=WAIT_MS):
        held_step.release.set()
    assert shell.services is not None
    tables = {r[0] for r in shell.services.vault.conn.execute("SELECT name FROM sqlite_master")}
    assert "held_step_ran" in tables


def test_the_bar_fills_when_a_stage_can_tell_how_far_it_is(make_shell, vault_dir: Path) -> None:
    make_vault(vault_dir)
    gate = make_shell(vault_dir).gate
    gate.resize(1024, 600)
    gate.set_busy(True, "Opening your vault…")
    gate.show_unlock_progress(UnlockProgress.backup(0.42))
    assert (gate.busy_bar.maximum(), gate.busy_bar.value()) == (100, 42)
    assert gate.busy_label.text().startswith("Keeping a copy of your vault")
    shots.save(gate, "unlock-update-copy-42-light-1024x600")
    gate.show_unlock_progress(UnlockProgress.migration(2, 6))
    assert gate.busy_bar.maximum() == 0
    gate.set_busy(False)
    gate.show_unlock_progress(UnlockProgress.done())  # late, after the work ended: ignored
    assert gate.update_note.isHidden() and gate.busy_bar.maximum() == 0


def _unlock_and_close_during_the_update(qtbot: Any, make_shell: Any, vault_dir: Path) -> Any:
    """Unlock through the real gate, wait until the held update step runs, and ask to close:
    the close is refused while the update goes on. Returns the shell."""
    shell = make_shell(vault_dir)
    gate = shell.gate
    qtbot.keyClicks(gate.unlock_screen.passphrase_field, TEST_PASSPHRASE)
    gate.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: gate.updating, timeout=WAIT_MS)
    assert gate.close() is False  # refused: the update goes on
    return shell


def test_closing_during_an_update_waits_for_it_then_closes(
    qtbot, make_shell, vault_dir: Path, held_step: Held
) -> None:
    shell = _unlock_and_close_during_the_update(qtbot, make_shell, vault_dir)
    gate = shell.gate
    assert gate.isVisible() and gate.close_wanted
    assert gate.update_note.text().endswith(CLOSE_AFTER_UPDATE)
    held_step.release.set()
    qtbot.waitUntil(lambda: not gate.isVisible(), timeout=WAIT_MS)
    assert shell.main_window is None and shell.services is None  # it closed, not opened
    vault = unlock_vault(vault_dir, TEST_PASSPHRASE)  # the vault was locked and let go
    try:
        tables = {r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master")}
        assert "held_step_ran" in tables  # and the update had finished first
    finally:
        vault.lock()


def test_restoring_a_backup_from_an_earlier_version_shows_its_update(
    qtbot, make_shell, vault_dir: Path, tmp_path: Path
) -> None:
    """The "Back up to…" file in the golden fixtures was made at schema 4: restoring it on a
    new computer updates it while it opens, and the gate says so."""
    manifest = json.loads((GOLDEN_V4 / "manifest.json").read_text(encoding="utf-8"))
    shell = make_shell(vault_dir)
    shown = _record_what_the_gate_showed(shell)
    hooks = BackupHooks.of(shell)
    hooks.create_link.click()
    screen = hooks.restore_screen
    dialogs.set_next_path(GOLDEN_V4 / "sam.swbak")
    screen.choose_button.click()
    qtbot.keyClicks(screen.secret_field, str(manifest["passphrase"]))
    dialogs.set_next_answer(True)  # the "restored" note
    screen.restore_button.click()
    qtbot.waitUntil(lambda: shell.services is not None, timeout=WAIT_MS)
    check_upgrade_reports([p for p, *_ in shown], start=4)
    assert all(note_up for _p, _t, _m, note_up in shown[1:])
    assert shell.services.vault.schema_version() == latest_version()


def test_closing_during_an_update_that_fails_still_closes(
    qtbot, make_shell, vault_dir: Path, held_step: Held
) -> None:
    shell = _unlock_and_close_during_the_update(qtbot, make_shell, vault_dir)
    gate = shell.gate
    held_step.fail = True
    held_step.release.set()
    qtbot.waitUntil(lambda: not gate.isVisible(), timeout=WAIT_MS)
    assert shell.main_window is None and shell.services is None
    held_step.fail = False
    seen: list[UnlockProgress] = []
    vault = unlock_vault(vault_dir, TEST_PASSPHRASE, progress=seen.append)  # it was let go
    try:
        # the failed step had rolled back whole, so this unlock ran it again
        assert [p.step for p in seen if p.stage is UnlockStage.MIGRATE] == [1]
        tables = {r[0] for r in vault.conn.execute("SELECT name FROM sqlite_master")}
        assert "held_step_ran" in tables
    finally:
        vault.lock()
