"""Practice content v2 on the Supervision page: the fuller agreement form, the newly qualified
fields, recording who cancelled a session, and starting a debrief. Screens are grabbed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.gui.pages.supervision_page import SupervisionPage
from swreflect.gui.supervision.cancel_dialog import CancelDialog


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


@pytest.fixture
def sup_agreement(services: Services) -> str:
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    return services.agreements.add(person.id, "Jo Reyes", frequency="monthly").id


SHOTS = Path("/work/shots")


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_the_agreement_form_takes_the_fuller_contents(qtbot: QtBot, services: Services) -> None:
    first = services.people.add("Priya Shah", "supervisor")
    services.agreements.add(first.id, "Ada Price", frequency="asye", start_date=date(2026, 1, 5))
    person = services.people.add("Ada Price", "supervisee")
    page = SupervisionPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    form = page.agreement_form
    page.tabs.setCurrentWidget(form)
    form.reload_people(select=person.id)
    form.me.setText("Tom Hale")
    assert form.has_review.isChecked()  # a yearly review unless you say not
    assert not form.details.asye_box.isVisibleTo(form)
    form.frequency.setCurrentIndex(form.frequency.findData("asye"))
    assert form.details.asye_box.isVisibleTo(form)
    assert not form.details.body.isVisibleTo(form)  # folded until asked for
    form.details.toggle.setChecked(True)
    assert form.details.body.isVisibleTo(form)
    form.details.location.setText("Room 4, Civic Centre")
    form.details.has_asye_start.setChecked(True)
    form.details.asye_start.setDate(QDate(2026, 1, 5))
    form.details.assessor.setText("Priya Shah")
    assert "principal social worker" in form.details.texts["escalation"].toPlainText()
    _shot(page, "v2-agreement-form")
    form.add_button.click()
    assert form.message.text() == "Agreement added."
    (added,) = services.agreements.list(person.id)
    assert added.asye_start == date(2026, 1, 5)
    assert added.details.location == "Room 4, Civic Centre"
    assert added.details.assessor == "Priya Shah"
    assert "10%" in added.details.protected_time
    assert added.review_date == date(2027, 3, 2)
    assert page.due.text() == "A session with Ada Price is due today."
    assert page.terms.text().startswith("Newly qualified first year")
    _shot(page, "v2-agreement-added")


def test_a_cancellation_records_who_and_why_and_a_debrief_starts(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    page = SupervisionPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    dialog = CancelDialog(page)
    qtbot.addWidget(dialog)
    dialog.by["supervisee"].setChecked(True)
    dialog.reason.setText("Off sick")
    _shot(dialog, "v2-cancel-dialog")
    assert dialog.chosen() == ("supervisee", "Off sick")

    def accept(shown: object) -> bool:
        assert isinstance(shown, CancelDialog)
        shown.by["supervisor"].setChecked(True)
        shown.reason.setText("Court hearing moved")
        return True

    page.run_dialog = accept  # type: ignore[method-assign,assignment]
    page.cancel_button.click()
    sessions = services.sessions.list(sup_agreement)
    assert [(s.status, s.cancelled_by, s.cancel_reason) for s in sessions] == [
        ("cancelled", "supervisor", "Court hearing moved")
    ]
    assert "cancelled by the supervisor: Court hearing moved" in page.sessions.item(0).text()
    assert services.agreements.due(sup_agreement).due_on == date(2026, 3, 2)  # not held
    _shot(page, "v2-supervision-page-cancelled")

    page.debrief_button.click()
    assert page.runner is not None
    debrief = services.sessions.get(page.runner.session_id)
    assert debrief.kind == "debrief"
    assert page.runner.heading.text().startswith("<b>Debrief with Sam Okafor</b>")
    assert "follow-up check-in by Thursday 12 March 2026" in page.runner.heading.text()


def test_home_mentions_the_debrief_follow_up_and_asye_reviews(
    qtbot: QtBot, services: Services, sup_agreement: str, clock: object
) -> None:
    from swreflect.gui.supervision.home_panel import SupervisionHomePanel

    debrief = services.sessions.start(sup_agreement, kind="debrief")
    assert debrief.follow_up_on == date(2026, 3, 12)
    person = services.people.add("Ada Price", "supervisee")
    services.agreements.add(person.id, "Jo Reyes", frequency="asye", start_date=date(2025, 12, 8))
    clock.advance(6 * 24 * 3600)  # type: ignore[attr-defined]
    panel = SupervisionHomePanel(services)
    qtbot.addWidget(panel)
    assert panel.follow_up_lines() == [
        "A follow-up check-in with Sam Okafor after the debrief is suggested by "
        "Thursday 12 March 2026."
    ]
    # Ada's year began on 8 December: three months on is Sunday 8 March, so the Friday.
    assert panel.asye_lines() == [
        "Ada Price: The newly qualified year's 3-month review is due on Friday 6 March 2026."
    ]
    # Once a later session has taken place, the follow-up is no longer mentioned.
    later = services.sessions.create(sup_agreement)
    services.sessions.begin(later.id, held_on=date(2026, 3, 8))
    services.sessions.finish(later.id)
    assert panel.follow_up_lines() == []


def test_the_written_agreement_can_be_read_and_edited(
    qtbot: QtBot, services: Services, sup_agreement: str
) -> None:
    from swreflect.gui.supervision.agreement_text_dialog import AgreementTextDialog

    page = SupervisionPage(services)
    qtbot.addWidget(page)
    seen: list[AgreementTextDialog] = []

    def edit(dialog: object) -> bool:
        assert isinstance(dialog, AgreementTextDialog)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        assert "Room" not in dialog.fields.location.text()
        dialog.fields.location.setText("The quiet room, second floor")
        dialog.fields.uninterrupted.setChecked(False)
        _shot(dialog, "v2-written-agreement")
        return dialog.save()

    page.run_dialog = edit  # type: ignore[method-assign]
    page.text_button.click()
    assert seen and not seen[0].fields.asye_box.isVisibleTo(seen[0])  # not newly qualified
    details = services.agreements.get(sup_agreement).details
    assert details.location == "The quiet room, second floor"
    assert details.uninterrupted is False
    assert "principal social worker" in details.escalation  # the rest is kept as it was
