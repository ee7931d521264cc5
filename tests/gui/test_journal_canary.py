"""Typing in the Journal page (autosave, search, Trash, purge, lock) writes no plaintext files."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from swreflect.core.services import Services
from tests.journal.gui_fixtures import make_page
from tests.privacy import assert_no_canaries, new_canary


def test_gui_journal_session_leaves_no_plaintext(
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    swreflect_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from swreflect.app import setup_logging

    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    root = logging.getLogger()
    handlers = list(root.handlers)
    setup_logging()  # the app's real log file, in SWREFLECT_HOME
    try:
        canary = new_canary("TYPED")
        purged = new_canary("PURGED")
        page = make_page(qtbot, services)
        qtbot.keyClicks(page.editor.title_edit, f"About {purged}")  # type: ignore[attr-defined]
        qtbot.keyClicks(page.editor.body_edit, f"Purge me {purged}")  # type: ignore[attr-defined]
        page.commit()  # type: ignore[attr-defined]
        first = page.editor.entry_id  # type: ignore[attr-defined]
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        qtbot.keyClicks(page.editor.body_edit, f"Kept {canary}")  # type: ignore[attr-defined]
        page.save_pending()  # type: ignore[attr-defined]
        page.commit()  # type: ignore[attr-defined]
        qtbot.keyClicks(page.search_bar.field, canary[:12])  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: page.model.rowCount() >= 1)  # type: ignore[attr-defined]
        services.journal.trash(first)
        services.journal.purge(first)
        qtbot.keyClicks(page.editor.body_edit, " more")  # type: ignore[attr-defined]
        page.save_pending()  # type: ignore[attr-defined]
        page.clear_sensitive()  # type: ignore[attr-defined]
        services.vault.lock()
        for handler in root.handlers:
            handler.flush()
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
    scanned = assert_no_canaries(
        [tmp_path, swreflect_home], [canary, canary.lower(), purged, purged.lower()]
    )
    assert scanned >= 3
