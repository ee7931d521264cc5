"""Insights with practice content v2: held length against agreed length, the organisation's
support beside the stress note, and the registration year's CPD with the marking dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.core.signposting import Signposting
from swreflect.gui.insights.cpd_year_card import CpdTagDialog
from swreflect.gui.pages.insights_page import InsightsPage
from tests.insights.seed import TODAY, seed_all

SHOTS = Path("/work/shots")
ORG = "Employee assistance: call 0800 000 1111, any time."


@pytest.fixture
def v2_clock() -> FakeClock:
    return FakeClock(TODAY)


@pytest.fixture
def v2_services(vault: object, v2_clock: FakeClock) -> Services:
    return build_services(vault, v2_clock)  # type: ignore[arg-type]


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_insights_show_length_support_and_the_cpd_year(
    qtbot: QtBot, styled_app: object, v2_services: Services, v2_clock: FakeClock
) -> None:
    seed_all(v2_services, v2_clock)
    for session in v2_services.sessions.list():
        if session.is_editable and session.finished_at is None:
            v2_services.sessions.finish(session.id)  # only finished sessions were held
    Signposting(v2_services.settings).save(ORG, "")
    page = InsightsPage(v2_services)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)  # figures come from a worker
    sam = page.pair_cards[0]
    assert sam.length.isVisibleTo(page) and "90 minutes" in sam.length.text()
    journal = page.journal_card
    assert journal is not None and journal.stress.isVisibleTo(page)
    assert journal.support.isVisibleTo(page) and ORG in journal.support.text()

    card = page.cpd_card
    assert "No pieces of CPD are marked yet" in card.wording.text()
    assert "30 November 2026" in card.wording.text()

    def mark(dialog: CpdTagDialog) -> bool:
        qtbot.addWidget(dialog)
        items = range(dialog.item.count())
        sessions = [i for i in items if dialog.item.itemData(i)[0] == "session"]
        dialog.item.setCurrentIndex(sessions[0])
        assert dialog.peer.isChecked()  # supervision counts as peer reflection
        dialog.standards["4.2"].setChecked(True)
        dialog.standards["4.6"].setChecked(True)
        _shot(dialog, "v2-cpd-tag-dialog")
        return dialog.save()

    card.run_dialog = mark  # type: ignore[method-assign]
    card.mark_button.click()
    assert "You have 1 piece of CPD marked, 1 with peer reflection" in card.wording.text()
    assert card.rows[0].text() == (
        "6 January 2026: Supervision (4.2: supervision; 4.6: reflection) · peer reflection"
    )
    page.scroller.ensureWidgetVisible(card)
    _shot(page, "v2-insights-cpd-year")
