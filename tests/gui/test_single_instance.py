"""One window per vault: a second launch (a real second process) hands over its files over a
local socket, and the first window imports them into the right page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from swreflect.gui.controller import State
from swreflect.gui.launch import compose
from swreflect.gui.open_files import FileHandOff
from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
from swreflect.gui.pages.settings_page import SettingsPage
from swreflect.gui.single_instance import SingleInstance, instance_name
from swreflect.vault.kdf import KdfPolicy
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui
from tests.typed import page_of

SECOND_LAUNCH = """
import sys
from PySide6.QtCore import QCoreApplication
from swreflect.gui.single_instance import SingleInstance
app = QCoreApplication([])
sys.exit(0 if SingleInstance(sys.argv[1]).hand_over(sys.argv[2:]) else 3)
"""


def _second_launch(name: str, *files: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-c", SECOND_LAUNCH, name, *files]
    return subprocess.run(cmd, env=env, timeout=60, check=False).returncode


def test_a_second_process_hands_over_its_files(qtbot, qapp, tmp_path: Path) -> None:
    name = instance_name(tmp_path / "vault")
    first = SingleInstance(name)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=WAIT_MS) as got:
            assert _second_launch(name, str(tmp_path / "request.swx")) == 0
        assert got.args == [[str((tmp_path / "request.swx").resolve())]]
        with qtbot.waitSignal(first.activated, timeout=WAIT_MS) as got:
            assert _second_launch(name) == 0  # a plain second launch: just come forward
        assert got.args == [[]]
    finally:
        first.close()
    assert _second_launch(name) == 3, "with nobody listening the launch carries on itself"


def test_names_are_per_vault_and_reveal_nothing(tmp_path: Path) -> None:
    a, b = instance_name(tmp_path / "a"), instance_name(tmp_path / "b")
    assert a != b and a == instance_name(tmp_path / "a")
    assert str(tmp_path.name) not in a and "/" not in a and "\\" not in a


def test_a_stale_endpoint_is_replaced(qapp, tmp_path: Path) -> None:
    name = instance_name(tmp_path / "stale")
    crashed = SingleInstance(name)
    assert crashed.listen()
    crashed._server = None  # as if the process died without closing its endpoint
    fresh = SingleInstance(name)
    assert fresh.listen()
    fresh.close()


def test_files_wait_for_unlock_then_go_to_their_page(
    qtbot, styled_app, clock, existing_vault, vault_dir, tmp_path: Path
) -> None:
    bad_exchange = tmp_path / "request.swx"
    bad_exchange.write_bytes(b"SWREFLECT-EXCHANGE\nnot really\n")
    card = tmp_path / "theirs.swid"
    card.write_bytes(b"{}")
    shell = compose(vault_dir, clock, KdfPolicy.from_environment())
    qtbot.addWidget(shell.gate)
    hand_off = FileHandOff(shell)
    shell.start()
    try:
        hand_off.open([str(bad_exchange), str(tmp_path / "notes.txt")])
        assert shell.state is State.UNLOCK and hand_off.pending == [bad_exchange]
        unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
        window = shell.main_window
        assert window is not None and hand_off.pending == []
        assert window.current_key() == "agreements"
        inbox_message = page_of(window, "agreements", AgreementInboxPage).message
        assert inbox_message.isVisibleTo(window) and inbox_message.text()
        hand_off.open([str(card)])
        assert window.current_key() == "settings"
        panel_message = page_of(window, "settings", SettingsPage).identity_panel.message
        assert panel_message.text()
    finally:
        shell.shutdown()
