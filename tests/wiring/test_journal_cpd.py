"""CPD text from the journal editor: what is on screen becomes the four CPD parts, saved only
where the user chose; the entry itself is not changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from swreflect.core.services import Services
from swreflect.gui import dialogs
from swreflect.gui.journal.cpd_export import NOTHING_YET
from swreflect.gui.pages.journal_page import JournalPage
from tests import shots
from tests.gui.conftest import WAIT_MS
from tests.journal.gui_fixtures import make_page


def _page(qtbot: QtBot, services: Services) -> JournalPage:
    page = make_page(qtbot, services)
    assert isinstance(page, JournalPage)
    page.show()
    return page


def _journal_shots(qtbot: QtBot, app, services: Services, entry_id: int) -> None:
    """One page per scheme: the journal tints its surface from the palette it was built in."""
    from swreflect.gui.style import apply_style

    if shots.folder() is None:
        return
    for scheme in ("light", "dark"):
        apply_style(app, scheme)
        page = _page(qtbot, services)
        page.open_entry(entry_id)
        shots.save(page, f"wiring-journal-cpd-{scheme}")
        page.close()
    apply_style(app, "light")


def test_a_journal_entry_saves_as_cpd_text(
    qtbot: QtBot, styled_app, services: Services, tmp_path: Path
) -> None:
    page = _page(qtbot, services)
    qtbot.keyClicks(page.editor.title_edit, "After the panel")
    qtbot.keyClicks(page.editor.body_edit, "I learned to name the risk plainly.")
    with qtbot.waitSignal(page.entry_saved):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    [summary] = services.journal.list_entries()
    page.open_entry(summary.id)
    before = services.journal.get(summary.id)
    assert page.cpd.button.isVisible() and page.cpd.button.accessibleName()
    _journal_shots(qtbot, styled_app, services, summary.id)

    out = tmp_path / "cpd.txt"
    dialogs.set_next_path(out)
    with qtbot.waitSignal(page.cpd.cpd_saved, timeout=WAIT_MS):
        page.cpd.button.click()
    qtbot.waitUntil(lambda: not page.cpd.busy, timeout=WAIT_MS)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Type of CPD\n")
    assert "Title\n-----\nAfter the panel" in text
    assert "What I learned\n--------------\nI learned to name the risk plainly." in text
    assert "[To complete: what you do differently now" in text
    assert "Peer reflection: what I learned from them" in text
    assert page.saved_label.text().startswith("Saved cpd.txt.")
    assert services.journal.get(summary.id) == before  # the entry is unchanged


def test_a_blank_editor_asks_for_writing_first(
    qtbot: QtBot, styled_app, services: Services
) -> None:
    page = _page(qtbot, services)
    page.cpd.button.click()  # no file dialog: nothing is prepared, so one would fail the test
    assert page.saved_label.text() == NOTHING_YET


def test_an_unwritable_place_is_reported_calmly(
    qtbot: QtBot, styled_app, services: Services, tmp_path: Path
) -> None:
    page = _page(qtbot, services)
    qtbot.keyClicks(page.editor.body_edit, "A short reflection.")
    dialogs.set_next_path(tmp_path / "missing" / "cpd.txt")
    with qtbot.waitSignal(page.cpd.cpd_failed, timeout=WAIT_MS) as blocker:
        page.cpd.button.click()
    qtbot.waitUntil(lambda: not page.cpd.busy, timeout=WAIT_MS)
    assert "Nothing was changed" in blocker.args[0]
    assert not (tmp_path / "missing").exists()
