"""Guards against the PySide6 6.12.0 reference-count bug on CPython 3.11.

That release hands back ``None`` and ``True`` without a reference from every void method and
every ``Signal.emit()``. On CPython < 3.12 (where those objects are not immortal) a few thousand
calls make the interpreter abort with "none_dealloc"/"bool_dealloc": the app would crash after
a while of typing. pyproject pins PySide6 below 6.12; these tests fail if that ever regresses.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from swreflect.core.services import Services
from swreflect.gui.journal.safe_emit import _Probe, emit
from tests.journal.gui_fixtures import make_page


def test_void_qt_calls_keep_none_balanced(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i % 3))
    assert abs(sys.getrefcount(None) - before) < 50


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


def test_typing_in_the_editor_keeps_true_and_none_balanced(
    qtbot: QtBot, services: Services
) -> None:
    page = make_page(qtbot, services)
    editor = page.editor  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.body_edit, "warm up")
    before = sys.getrefcount(True), sys.getrefcount(None)
    qtbot.keyClicks(editor.body_edit, "x" * 300)
    qtbot.keyClicks(editor.title_edit, "y" * 100)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert abs(after[0] - before[0]) < 20
    assert abs(after[1] - before[1]) < 200
