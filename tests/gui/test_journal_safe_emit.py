"""Typing in the journal must not drain references from ``True`` (PySide6 6.12.0 emit bug)."""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot

from swreflect.core.services import Services
from swreflect.gui.journal.safe_emit import _Probe, emit
from tests.journal.gui_fixtures import journal_services, make_page

__all__ = ["journal_services"]


def test_safe_emit_keeps_true_balanced(qtbot: QtBot) -> None:
    probe = _Probe()
    calls: list[int] = []
    probe.fired.connect(lambda: calls.append(1))
    emit(probe.fired)  # the first call measures
    before = sys.getrefcount(True)
    for _ in range(500):
        emit(probe.fired)
    assert len(calls) == 501
    assert abs(sys.getrefcount(True) - before) < 20


def test_typing_in_the_editor_keeps_true_balanced(qtbot: QtBot, journal_services: Services) -> None:
    page = make_page(qtbot, journal_services)
    editor = page.editor  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.body_edit, "warm up")
    before = sys.getrefcount(True)
    qtbot.keyClicks(editor.body_edit, "x" * 300)
    qtbot.keyClicks(editor.title_edit, "y" * 100)
    assert abs(sys.getrefcount(True) - before) < 20
