"""GUI test fixtures: a shell on a real vault in tmp_path, a fake clock, prepared dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from swreflect.gui.controller import ShellController, State
from swreflect.gui.launch import compose
from swreflect.gui.style import apply_style
from swreflect.vault.kdf import KdfPolicy
from tests.conftest import TEST_PASSPHRASE
from tests.prepared_dialogs import prepared_answers_only

NEW_PASSPHRASE = "willow garden beside the slow canal"
WAIT_MS = 20000


@pytest.fixture(autouse=True)
def prepared_dialogs() -> Iterator[None]:
    """No test may open a real modal: every dialog must have a queued answer."""
    with prepared_answers_only():
        yield


@pytest.fixture
def styled_app(qapp: QApplication) -> QApplication:
    apply_style(qapp, "light")
    return qapp


@pytest.fixture
def make_shell(qtbot, styled_app, clock):
    """Build (and afterwards shut down) shells for a vault folder."""
    shells: list[ShellController] = []

    def make(folder: Path, pages=None) -> ShellController:
        shell = compose(folder, clock, KdfPolicy.from_environment(), pages)
        qtbot.addWidget(shell.gate)
        shells.append(shell)
        shell.start()
        return shell

    yield make
    for shell in shells:
        shell.shutdown()


@pytest.fixture
def existing_vault(vault_dir: Path) -> str:
    """A locked vault on disk; returns its recovery key."""
    from swreflect.vault.vault import Vault

    vault, recovery = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    vault.lock()
    return recovery


def unlock_through_ui(qtbot, shell: ShellController, passphrase: str) -> None:
    assert shell.state is State.UNLOCK
    screen = shell.gate.unlock_screen
    qtbot.keyClicks(screen.passphrase_field, passphrase)
    with qtbot.waitSignal(shell.unlocked, timeout=WAIT_MS):
        screen.unlock_button.click()
    assert shell.main_window is not None
