"""Practice content v2 in the session runner: the mediation stage, debriefs, signposting set
by the organisation, the routes and the private word in the identity stage, supervisor-only
prompts, and the organisation panel in Settings. Screens are grabbed for a person to look at."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.core.signposting import DEFAULT_ROUTES, Signposting
from swreflect.gui import dialogs
from swreflect.gui.pages.organisation_panel import OrganisationPanel
from swreflect.gui.supervision.session_runner import SessionRunner
from swreflect.gui.supervision.stage_extras import PRIVATE_WORD_ACTION
from swreflect.gui.supervision.stage_panel import StagePanel


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


@pytest.fixture
def sup_agreement(services: Services) -> str:
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    return services.agreements.add(person.id, "Jo Reyes", frequency="monthly").id


SHOTS = Path("/work/shots")
ORG_SUPPORT = "Employee assistance: Health Assured, 0800 000 1111 (any time)."


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _runner(qtbot: QtBot, services: Services, session_id: str) -> SessionRunner:
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    runner.resize(1280, 760)
    runner.show()
    return runner


def _panel(runner: SessionRunner, key: str) -> StagePanel:
    panel = runner.panels[key]
    assert isinstance(panel, StagePanel)
    return panel


def test_regular_session_has_mediation_signposting_and_identity_routes(
    qtbot: QtBot, services: Services, sup_agreement: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services
    Signposting(services.settings).save(ORG_SUPPORT, "")
    session_id = services.sessions.create(sup_agreement).id
    runner = _runner(qtbot, services, session_id)
    keys = [s.key for s in services.sessions.get(session_id).stages]
    assert "mediation" in keys and "debrief" not in keys

    checkin = _panel(runner, "checkin")
    assert checkin.extras.support is not None
    assert ORG_SUPPORT in checkin.extras.support.text()
    closing = _panel(runner, "closing")
    assert closing.extras.support is not None and ORG_SUPPORT in closing.extras.support.text()
    _shot(runner, "v2-runner-checkin-signposting")

    runner.select_stage("mediation")
    mediation = _panel(runner, "mediation")
    assert mediation.function.currentData() == "mediation"
    texts = []
    for _ in range(len(services.prompts.active().stage("mediation").prompts)):
        current = mediation.prompt_card.current()
        assert current is not None
        texts.append(current.text)
        mediation.prompt_card.on_another_button_clicked()
    assert any("recording and processes" in t for t in texts)
    _shot(runner, "v2-runner-mediation")

    runner.select_stage("identity")
    identity = _panel(runner, "identity")
    first = identity.prompt_card.current()
    assert first is not None and first.id == "identity.racism"  # reached directly
    assert identity.extras.routes is not None
    assert DEFAULT_ROUTES in identity.extras.routes.text()  # no organisation routes set
    # The owner supervises Sam: the supervisor's self-check on oversight is among the prompts.
    assert "identity.oversight" in [p.id for p in identity.prompt_card._prompts]
    dialogs.set_next_text("Take the team's concern to HR")
    assert identity.extras.raise_button is not None and identity.extras.private_button is not None
    identity.extras.raise_button.click()
    identity.extras.private_button.click()
    actions = services.sessions.get(session_id).actions
    assert [(a.kind, a.owner) for a in actions] == [
        ("raise_with_organisation", "supervisor"),
        ("action", "supervisor"),
    ]
    assert actions[1].description == PRIVATE_WORD_ACTION
    assert "Nothing else was written down" in identity.extras.message.text()
    _shot(runner, "v2-runner-identity")


def test_a_supervisee_never_sees_the_supervisors_self_check(
    qtbot: QtBot, services: Services
) -> None:
    person = services.people.add("Priya Shah", "supervisor")
    agreement = services.agreements.add(person.id, "Ada Price")
    runner = _runner(qtbot, services, services.sessions.create(agreement.id).id)
    ids = [p.id for p in _panel(runner, "identity").prompt_card._prompts]
    assert "identity.racism" in ids and "identity.oversight" not in ids


def test_a_debrief_runs_wellbeing_first_with_private_notes(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    session = services.sessions.start(sup_agreement, kind="debrief")
    assert session.follow_up_on is not None
    runner = _runner(qtbot, services, session.id)
    assert [s.key for s in session.stages] == ["checkin", "debrief", "closing"]
    runner.select_stage("debrief")
    debrief = _panel(runner, "debrief")
    first = debrief.prompt_card.current()
    assert first is not None and first.id == "debrief.now"
    outer = debrief.notes.layout()
    assert outer is not None
    first_item = outer.itemAt(0)
    assert first_item is not None
    buttons = first_item.layout()
    assert buttons is not None
    private, shared = debrief.notes.private_button, debrief.notes.shared_button
    assert buttons.indexOf(private) < buttons.indexOf(shared)  # private offered first
    assert debrief.extras.support is not None
    note = services.sessions.add_note(session.id, "debrief", "Shaken; slept badly.")
    stored = next(n for n in services.sessions.get(session.id).notes if n.id == note)
    assert stored.visibility == "private"
    assert "Shaken" not in str(services.sessions.record_content(session.id))
    _shot(runner, "v2-runner-debrief")


def test_the_organisation_panel_saves_both_texts(qtbot: QtBot, services: Services) -> None:
    panel = OrganisationPanel(services)
    qtbot.addWidget(panel)
    panel.resize(700, 420)
    panel.show()
    panel.support.setPlainText(ORG_SUPPORT)
    panel.routes.setPlainText("Black staff network; Freedom to Speak Up guardian: Ann Lee.")
    panel.save_button.click()
    signposting = Signposting(services.settings)
    assert signposting.support() == ORG_SUPPORT and "Ann Lee" in signposting.routes()
    assert signposting.is_set_by_organisation()
    panel.support.setPlainText("x" * 2000)
    panel.save_button.click()
    assert "1,500" in panel.message.text()
    assert signposting.support() == ORG_SUPPORT  # nothing half-written
    _shot(panel, "v2-settings-organisation")


def test_the_end_screen_adds_an_action_to_raise_with_the_organisation(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    from swreflect.gui.pages.actions_page import ActionsPage

    runner = _runner(qtbot, services, services.sessions.create(sup_agreement).id)
    runner.show_end_screen()
    editor = runner.end_screen.actions_editor
    editor.description.setText("Ask for a caseload review with the service manager")
    editor.kind.setCurrentIndex(editor.kind.findData("raise_with_organisation"))
    editor.on_add_button_clicked()
    (action,) = services.sessions.get(runner.session_id).actions
    assert action.kind == "raise_with_organisation"
    page = ActionsPage(services)
    qtbot.addWidget(page)
    cell = page.table.item(0, 0)
    assert cell is not None
    assert cell.text().startswith("Raise with the organisation: Ask for")
    _shot(runner, "v2-end-screen-raise")
