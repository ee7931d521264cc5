"""Driving a whole supervision session through the real widgets, start to draft summary."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QWidget
from pytestqt.qtbot import QtBot

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.gui.supervision.agenda_panel import AgendaPanel
from swreflect.gui.supervision.session_runner import SessionRunner
from swreflect.gui.supervision.stage_panel import StagePanel
from tests import shots


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


@pytest.fixture
def sup_agreement(services: Services) -> str:
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    return services.agreements.add(person.id, "Jo Reyes", frequency="monthly").id


SHARED = "Arrived after a long week but glad of the space."
PRIVATE = "I'm worried I missed something on Tuesday."
AGENDA_SHARED = "Two ways of reading the visit: tiredness or fear."


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    shots.save(widget, name)


def _stage(runner: SessionRunner, key: str) -> StagePanel:
    panel = runner.panels[key]
    assert isinstance(panel, StagePanel)
    return panel


def test_whole_session_keeps_private_notes_out_of_the_summary(
    qtbot: QtBot, styled_app: QApplication, services: Services, sup_agreement: str, clock: FakeClock
) -> None:
    session_id = services.sessions.create(sup_agreement).id
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    runner.resize(1280, 720)
    runner.show()
    assert runner.current_key() == "checkin"

    # Check-in: one shared note (saved by the debounce on its own) and one private note.
    checkin = _stage(runner, "checkin")
    first_prompt = checkin.prompt_card.current()
    assert first_prompt is not None
    qtbot.mouseClick(checkin.notes.shared_button, Qt.MouseButton.LeftButton)
    shared = checkin.notes.editors[-1]
    qtbot.keyClicks(shared.editor, SHARED)
    qtbot.waitUntil(lambda: shared.note_id is not None)
    qtbot.mouseClick(checkin.prompt_card.another_button, Qt.MouseButton.LeftButton)
    assert checkin.prompt_card.current() != first_prompt
    qtbot.mouseClick(checkin.notes.private_button, Qt.MouseButton.LeftButton)
    private = checkin.notes.editors[-1]
    qtbot.keyClicks(private.editor, PRIVATE)
    assert private.property("privacy") == "private"
    assert "Private to you" in private.marker.text()
    assert private.lock.isVisibleTo(private) and not shared.lock.isVisibleTo(shared)
    assert shared.property("privacy") == "shared"
    clock.advance(8 * 60)

    # Skip psychological safety, pass through review, land on the agenda.
    qtbot.mouseClick(runner.next_button, Qt.MouseButton.LeftButton)
    assert runner.current_key() == "safety"
    qtbot.mouseClick(runner.skip_button, Qt.MouseButton.LeftButton)
    assert runner.current_key() == "review"
    qtbot.mouseClick(runner.next_button, Qt.MouseButton.LeftButton)
    assert runner.current_key() == "agenda"
    agenda = runner.panels["agenda"]
    assert isinstance(agenda, AgendaPanel)
    qtbot.keyClicks(agenda.topic_edit, "Visit that felt stuck")
    qtbot.keyClick(agenda.topic_edit, Qt.Key.Key_Return)
    item_id = agenda.current_agenda_item()
    assert item_id is not None
    item_panel = agenda.panel_for(item_id)
    item_panel.steps.setCurrentIndex(2)  # analysis
    analysis_prompt = item_panel.prompt_card.current()
    assert analysis_prompt is not None and analysis_prompt.cycle == "analysis"
    item_panel.notes.add_note("shared")
    qtbot.keyClicks(item_panel.notes.editors[-1].editor, AGENDA_SHARED)
    clock.advance(30 * 60)
    runner.on_timer_ticked(0)
    # The session clock counts every stage against the agreed length (90 minutes here).
    assert runner.session_clock.text() == "Session: 38 of 90 min"

    _shot(runner, "supervision-runner-agenda")

    # Revisit the check-in: the notes are still there.
    runner.select_stage("checkin")
    assert [e.text() for e in _stage(runner, "checkin").notes.editors] == [SHARED, PRIVATE]
    _shot(runner, "supervision-runner-checkin")

    # Reorder: move the check-in one place down.
    runner.move_stage(1)
    order = [s.key for s in services.sessions.get(session_id).stages]
    assert order[:2] == ["safety", "checkin"]

    # Finish: the end screen shows the split, takes ratings, actions, decisions, summary.
    qtbot.mouseClick(runner.finish_button, Qt.MouseButton.LeftButton)
    end = runner.end_screen
    assert runner.pages.currentWidget() is end
    # Only the stages that took time get a bar (not thirteen "0 min" bars).
    bars = end.stages_box.findChildren(QProgressBar)
    assert sorted(b.format() for b in bars) == ["30 min", "8 min"]
    assert all(b.format() != "0 min" for b in end.functions_box.findChildren(QProgressBar))
    # A case discussion spent in the analysis step counts as development, not management.
    assert "Case management took" not in end.balance.text()
    assert list(end.rating_boxes) == ["supervisor"]  # only your own rating, on your screen
    end.rating_boxes["supervisor"][0].setCurrentIndex(4)
    end.rating_boxes["supervisor"][1].setCurrentIndex(3)
    assert not end.include_rating.isChecked()
    assert services.sessions.record_content(session_id)["ratings"] is None
    qtbot.keyClicks(end.actions_editor.description, "Read the neglect research summary")
    qtbot.keyClick(end.actions_editor.description, Qt.Key.Key_Return)
    qtbot.keyClicks(end.decisions, "Update the plan after the core group")
    end.save_pending()
    assert end.deid.isHidden()
    qtbot.keyClicks(end.decisions, " at SW1A 1AA")
    end.save_pending()
    assert "Case-file decision: a postcode" in end.deid.text()  # noticed, saved anyway
    end.decisions.setPlainText("Update the plan after the core group")
    qtbot.mouseClick(end.assemble_button, Qt.MouseButton.LeftButton)
    summary = end.summary.toPlainText()
    assert summary.startswith("Discussed: ")  # an outline to edit, not a copy of the notes
    assert SHARED not in summary and AGENDA_SHARED not in summary
    assert PRIVATE not in summary
    end.summary.moveCursor(end.summary.textCursor().MoveOperation.End)
    qtbot.keyClick(end.summary, Qt.Key.Key_Return)
    qtbot.keyClicks(end.summary, "We agreed to meet sooner next time.")
    runner.save_pending()

    session = services.sessions.get(session_id)
    assert session.status == "summary_drafted"
    assert session.summary is not None and session.summary.endswith("meet sooner next time.")
    record = services.sessions.record_content(session_id)
    dumped = json.dumps(record)
    assert PRIVATE not in dumped
    assert SHARED in dumped
    assert record["ratings"] is None
    end.include_rating.setChecked(True)  # the rater's own explicit choice
    record = services.sessions.record_content(session_id)
    assert record["ratings"]["supervisor"] == {"support": 4, "challenge": 3}
    assert record["ratings"]["supervisee"] is None
    assert record["case_file_decisions"] == ["Update the plan after the core group"]
    assert record["actions"][0]["description"] == "Read the neglect research summary"
    # The minutes stay out of the record until both people tick to include them.
    assert record["functions_minutes"] is None
    end.minutes_consent.boxes["supervisor"].setChecked(True)
    end.minutes_consent.boxes["supervisee"].setChecked(True)
    record = services.sessions.record_content(session_id)
    assert record["functions_minutes"]["development"] == 30
    assert record["functions_minutes"]["management"] == 0
    assert record["functions_minutes"]["support"] == 8
    # The prompt each note answered travels with it.
    assert record["stages"][0]["notes"][0]["prompt"] == first_prompt.text
    _shot(runner, "supervision-end-screen")
    end.verticalScrollBar().setValue(end.verticalScrollBar().maximum())
    _shot(runner, "supervision-end-screen-bottom")


def test_session_survives_lock_in_the_middle(
    qtbot: QtBot,
    services: Services,
    sup_agreement: str,
    clock: FakeClock,
    vault_dir: object,
) -> None:
    from swreflect.core.services import build_services
    from swreflect.vault.vault import Vault
    from tests.conftest import TEST_PASSPHRASE

    session_id = services.sessions.create(sup_agreement).id
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    checkin = _stage(runner, "checkin")
    checkin.notes.add_note("shared")
    qtbot.keyClicks(checkin.notes.editors[-1].editor, "Half a thought")
    clock.advance(125)
    runner.save_pending()  # what the shell does before locking
    services.close()
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)  # type: ignore[arg-type]
    try:
        again = build_services(vault, clock)
        session = again.sessions.get(session_id)
        assert [n.text for n in session.notes] == ["Half a thought"]
        assert session.stage("checkin").seconds == 125
        resumed = SessionRunner(again, session_id)
        qtbot.addWidget(resumed)
        assert [e.text() for e in _stage(resumed, "checkin").notes.editors] == ["Half a thought"]
    finally:
        vault.lock()


def test_every_runner_control_is_named_and_keyboard_reachable(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
    )

    session_id = services.sessions.create(sup_agreement).id
    services.sessions.add_agenda_item(session_id, "A topic", excerpt="", function="support")
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    _stage(runner, "checkin").notes.add_note("private")
    kinds = (QAbstractButton, QLineEdit, QAbstractSpinBox, QListWidget, QComboBox, QPlainTextEdit)
    missing, unreachable = [], []
    for widget in runner.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        internal = widget.objectName().startswith("qt_") or isinstance(
            widget.parent(), QLineEdit | QAbstractSpinBox | QComboBox
        )
        if internal:
            continue
        if not widget.accessibleName():
            missing.append(type(widget).__name__)
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            unreachable.append(widget.accessibleName())
    assert missing == []
    assert unreachable == []


def test_timer_stops_quietly_if_the_vault_locks_underneath(
    qtbot: QtBot, services: Services, sup_agreement: str, clock: FakeClock
) -> None:
    session_id = services.sessions.create(sup_agreement).id
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    runner.save_pending()
    services.close()
    clock.advance(30)
    runner.timer.on_tick_timeout()  # would write time; the vault is locked
    assert runner.timer.current_seconds() == 0


def test_a_note_that_cant_be_saved_says_so_and_keeps_the_text(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    session_id = services.sessions.create(sup_agreement).id
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    editor = _stage(runner, "checkin").notes.add_note("shared")
    editor.editor.setPlainText("x" * 50_001)
    runner.save_pending()
    assert "too long" in editor.problem.text() and "still here" in editor.problem.text()
    assert editor.text() == "x" * 50_001
    assert services.sessions.get(session_id).notes == ()
    editor.editor.setPlainText("shorter now")
    runner.save_pending()
    assert editor.problem.isHidden()
    assert [n.text for n in services.sessions.get(session_id).notes] == ["shorter now"]


def test_an_excerpt_marked_in_my_own_journal_joins_the_agenda_only_when_chosen(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    from swreflect.models.journal import EntryContent

    journal = services.journal
    entry = journal.create(EntryContent(title="Tuesday's visit", body="A long day. It felt stuck."))
    journal.mark_for_supervision(entry.id, "It felt stuck.")
    session_id = services.sessions.create(sup_agreement).id
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    agenda = runner.panels["agenda"]
    assert isinstance(agenda, AgendaPanel)
    assert services.sessions.get(session_id).agenda == ()  # nothing arrives by itself
    assert agenda.journal_marks.currentText() == "Tuesday's visit"
    qtbot.mouseClick(agenda.bring_button, Qt.MouseButton.LeftButton)
    item = services.sessions.get(session_id).agenda[0]
    assert (item.title, item.source, item.excerpt) == (
        "Tuesday's visit",
        "excerpt",
        "It felt stuck.",
    )
    assert journal.marked_excerpts() == []
    assert not agenda.bring_button.isEnabled()
    # The excerpt is agenda material, not record text.
    assert "It felt stuck." not in json.dumps(services.sessions.record_content(session_id))


def test_a_carried_action_is_reviewed_and_can_join_the_agenda(
    qtbot: QtBot, services: Services, sup_agreement: str, clock: FakeClock
) -> None:
    first = services.sessions.start(sup_agreement).id
    services.sessions.add_action(first, "Speak to the team manager", "supervisor")
    clock.advance(28 * 86400)
    session_id = services.sessions.create(sup_agreement).id
    runner = SessionRunner(services, session_id)
    qtbot.addWidget(runner)
    review = _stage(runner, "review")
    assert [b.text() for b in review.carried_boxes] == ["Speak to the team manager, supervisor"]
    agenda = runner.panels["agenda"]
    assert isinstance(agenda, AgendaPanel)
    assert agenda.carried.currentText() == "Speak to the team manager"
    qtbot.mouseClick(agenda.discuss_button, Qt.MouseButton.LeftButton)
    item = services.sessions.get(session_id).agenda[0]
    carried = services.sessions.get(session_id).actions[0]
    assert (item.source, item.action_id) == ("carried_action", carried.id)
    review.carried_boxes[0].setChecked(True)
    assert services.actions.list() == []


def test_end_screen_of_an_untimed_session_says_so_calmly(
    qtbot: QtBot, styled_app: QApplication, services: Services, sup_agreement: str
) -> None:
    runner = SessionRunner(services, services.sessions.create(sup_agreement).id)
    qtbot.addWidget(runner)
    runner.resize(1024, 600)
    runner.show()
    qtbot.mouseClick(runner.finish_button, Qt.MouseButton.LeftButton)
    end = runner.end_screen
    assert end.stages_box.findChildren(QProgressBar) == []
    assert end.functions_box.findChildren(QProgressBar) == []
    line = end.stages_box.findChild(QLabel, "noTimeRecorded")
    assert line is not None and line.text().startswith("No time was recorded")
    _shot(runner, "supervision-end-untimed")
