"""Home names a supervision session that was begun and not finished, with a button that opens
it where it was left; the question is one indexed query, so 5,000 sessions stay cheap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.gui.supervision.home_panel import IN_PROGRESS_SHOWN, SupervisionHomePanel
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.supervision.unfinished_repo import UnfinishedSessionRepository
from swreflect.vault.vault import Vault
from tests import shots
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def _agreement(services: Services, name: str) -> str:
    person = services.people.add(name, "supervisee")
    return services.agreements.add(person.id, "Jo", start_date=date(2026, 1, 5)).id


def _texts(panel: SupervisionHomePanel) -> list[str]:
    """Every line the panel holds (a redraw takes the old ones out of the panel at once; new
    ones are shown on the next turn of the event loop, so visibility can't be asked yet)."""
    return [w.text() for w in panel.findChildren(QLabel)]


def _carry_on_buttons(widget) -> list[QPushButton]:
    return [b for b in widget.findChildren(QPushButton) if b.text() == "Carry on"]


def test_only_begun_unfinished_sessions_are_named(qtbot, styled_app, services: Services) -> None:
    sam, ada = _agreement(services, "Sam Okafor"), _agreement(services, "Ada Price")
    begun = services.sessions.start(sam)
    finished = services.sessions.start(ada)
    services.sessions.finish(finished.id)
    services.sessions.create(ada)  # planned, never begun: not "in progress"
    cancelled = services.sessions.start(ada)
    services.sessions.cancel(cancelled.id)
    panel = SupervisionHomePanel(services)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.is_ready, timeout=WAIT_MS)
    unfinished = [t for t in _texts(panel) if "isn't finished yet" in t]
    assert len(unfinished) == 1 and unfinished[0].startswith("Your session with Sam Okafor, begun")
    assert len(_carry_on_buttons(panel)) == 1
    button = _carry_on_buttons(panel)[0]
    assert button.accessibleName() == "Carry on with the session with Sam Okafor"
    assert button.accessibleDescription()
    assert [s.session_id for s in services.unfinished_sessions.newest(5)] == [begun.id]


def test_a_few_are_named_and_the_rest_pointed_to(qtbot, styled_app, services: Services) -> None:
    for n in range(IN_PROGRESS_SHOWN + 1):
        services.sessions.start(_agreement(services, f"Person {n}"))
    panel = SupervisionHomePanel(services)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.is_ready, timeout=WAIT_MS)
    assert len(_carry_on_buttons(panel)) == IN_PROGRESS_SHOWN
    assert "There are more unfinished sessions on the Supervision page." in _texts(panel)


def test_the_question_reads_the_partial_index_not_the_table(services: Services) -> None:
    services.sessions.start(_agreement(services, "Sam Okafor"))
    plan = UnfinishedSessionRepository(services.vault).plan()
    assert "USING INDEX sessions_unfinished" in plan, plan
    assert "SCAN sessions\n" not in plan + "\n", plan


def test_carry_on_opens_the_session_in_the_runner(qtbot, make_shell, vault_dir: Path) -> None:
    vault, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, FakeClock())
    try:
        session = services.sessions.start(_agreement(services, "Sam Okafor"))
    finally:
        services.close()
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    home = window.pages["home"]
    qtbot.waitUntil(lambda: home.supervision.is_ready, timeout=WAIT_MS)
    (button,) = _carry_on_buttons(home)
    qtbot.waitUntil(button.isVisible, timeout=WAIT_MS)  # added rows show on the next turn
    window.resize(1024, 600)
    shots.save(window, "home-session-in-progress-1024x600")
    button.click()
    assert window.current_key() == "supervision"
    page = window.current_page()
    assert page.runner is not None and page.runner.session_id == session.id
