"""Learning stays safe in the session runner: private by default, a calm line, a warning when
shared, identifying details noticed while writing (issue 11, H3, H8, H10)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from swreflect.core.record_guidance import PRIVATE_NOTE_CAUTION, SHARE_WARNING, guidance
from swreflect.core.services import Services
from swreflect.gui.supervision.session_runner import SessionRunner
from swreflect.gui.supervision.stage_panel import StagePanel


@pytest.fixture
def sup_agreement(services: Services) -> str:
    person = services.people.add("Sam Okafor", "supervisee")
    return services.agreements.add(person.id, "Jo Reyes", frequency="monthly").id


def test_learning_notes_are_private_unless_moved(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    services.journal.add_never_record("Jayden Smith")
    session_id = services.sessions.create(sup_agreement).id
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    runner.resize(1280, 720)
    runner.show()
    runner.select_stage("learning")
    panel = runner.panels["learning"]
    assert isinstance(panel, StagePanel)
    assert panel.notes.guidance.text() == guidance("learning")
    assert "facts belong in the case record or an incident report" in guidance("learning")

    # The first button is the private one; either way a new note starts private here.
    editor = panel.notes.add_note(None)
    assert editor.visibility == "private"
    qtbot.keyClicks(editor.editor, "I rushed the visit to Jayden Smith and missed a cue.")
    editor.save_pending()
    note = services.sessions.get(session_id).notes[-1]
    assert note.visibility == "private"
    assert "Jayden Smith" not in str(services.sessions.record_content(session_id))
    assert editor.caution.text() == PRIVATE_NOTE_CAUTION  # a supervisor's own private note
    assert "might identify someone" in editor.deid.text()  # noticed, and saved anyway

    # Moving it to the shared record says it will be signed by both and kept.
    editor.shared_button.setChecked(True)  # the visible shared/private choice
    assert editor.caution.text() == SHARE_WARNING
    assert services.sessions.get(session_id).notes[-1].visibility == "shared"
    record = services.sessions.record_content(session_id)
    titles = [s["title"] for s in record["stages"]]
    assert titles == ["Reflective learning"]  # not "Learning from mistakes..." in the record
    QApplication.processEvents()
    runner.grab().save("/work/shots/i11-learning-stage.png")
