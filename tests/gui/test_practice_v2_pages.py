"""Practice content v2 on the Supervision page: the fuller agreement form, the newly qualified
fields, recording who cancelled a session, and starting a debrief. Screens are grabbed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from swreflect.core.services import Services
from swreflect.gui.pages.supervision_page import SupervisionPage
from swreflect.gui.supervision.cancel_dialog import CancelDialog
from tests.supervision.fixtures import sup_agreement, sup_clock, sup_services

__all__ = ["sup_agreement", "sup_clock", "sup_services"]

SHOTS = Path("/work/shots")


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_the_agreement_form_takes_the_fuller_contents(qtbot: QtBot, sup_services: Services) -> None:
    first = sup_services.people.add("Priya Shah", "supervisor")
    sup_services.agreements.add(
        first.id, "Ada Price", frequency="asye", start_date=date(2026, 1, 5)
    )
    person = sup_services.people.add("Ada Price", "supervisee")
    page = SupervisionPage(sup_services)
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
    (added,) = sup_services.agreements.list(person.id)
    assert added.asye_start == date(2026, 1, 5)
    assert added.details.location == "Room 4, Civic Centre"
    assert added.details.assessor == "Priya Shah"
    assert "10%" in added.details.protected_time
    assert added.review_date == date(2027, 3, 2)
    assert page.due.text() == "A session with Ada Price is due today."
    assert page.terms.text().startswith("Newly qualified first year")
    _shot(page, "v2-agreement-added")


def test_a_cancellation_records_who_and_why_and_a_debrief_starts(
    qtbot: QtBot, sup_services: Services, sup_agreement: str
) -> None:
    page = SupervisionPage(sup_services)
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

    page.run_dialog = accept  # type: ignore[method-assign]
    page.cancel_button.click()
    sessions = sup_services.sessions.list(sup_agreement)
    assert [(s.status, s.cancelled_by, s.cancel_reason) for s in sessions] == [
        ("cancelled", "supervisor", "Court hearing moved")
    ]
    assert "cancelled by the supervisor: Court hearing moved" in page.sessions.item(0).text()
    assert sup_services.agreements.due(sup_agreement).due_on == date(2026, 3, 2)  # not held
    _shot(page, "v2-supervision-page-cancelled")

    page.debrief_button.click()
    assert page.runner is not None
    debrief = sup_services.sessions.get(page.runner.session_id)
    assert debrief.kind == "debrief"
    assert page.runner.heading.text().startswith("<b>Debrief with Sam Okafor</b>")
    assert "follow-up check-in by Thursday 12 March 2026" in page.runner.heading.text()
