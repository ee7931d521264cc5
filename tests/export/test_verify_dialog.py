"""The Verify dialog checks a chosen or dropped PDF in a worker and shows the outcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from swreflect.gui.verify_dialog import CHECKING, VerifyDialog
from tests import shots


@pytest.fixture
def pdf_file(tmp_path, signed_pdf) -> Path:
    path = tmp_path / "record.pdf"
    path.write_bytes(signed_pdf[1])
    return path


def _dialog(qtbot, **kwargs) -> VerifyDialog:
    dialog = VerifyDialog(**kwargs)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    return dialog


def test_choosing_a_valid_pdf_shows_who_signed(qtbot, pdf_file, signed_pdf):
    signed, _data = signed_pdf
    supervisee_fp = signed.signatures[1].fingerprint or ""
    dialog = _dialog(
        qtbot,
        choose_path=lambda _parent: pdf_file,
        known_people=lambda: {supervisee_fp: "Olga (paired)"},
    )
    with qtbot.waitSignal(dialog.check_finished, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        assert dialog.status_label.text() == CHECKING
    assert blocker.args == [True]
    assert dialog.status_label.text().startswith("Valid")
    details = dialog.details.toPlainText()
    assert "PDF self-signed by Zoë Ó Súilleabháin" in details
    assert "Supervisee is paired with you: Olga (paired)" in details
    assert dialog.choose_button.isEnabled()
    shots.save(dialog, "export-verify-dialog")


def test_a_changed_pdf_is_reported_as_not_valid(qtbot, tmp_path, signed_pdf):
    data = bytearray(signed_pdf[1])
    data[len(data) // 2] ^= 0x20
    path = tmp_path / "changed.pdf"
    path.write_bytes(bytes(data))
    dialog = _dialog(qtbot)
    with qtbot.waitSignal(dialog.check_finished, timeout=30000) as blocker:
        dialog.check(path)
    assert blocker.args == [False]
    assert dialog.status_label.text().startswith("Not valid.")
    assert "Don't rely on this file" in dialog.details.toPlainText()


def test_dropping_a_file_checks_it(qtbot, pdf_file):
    dialog = _dialog(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf_file))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(dialog.check_finished, timeout=30000) as blocker:
        dialog.dropEvent(event)
    assert blocker.args == [True]
    assert dialog.file_label.text() == "record.pdf"


def test_cancelling_the_file_chooser_does_nothing(qtbot):
    dialog = _dialog(qtbot, choose_path=lambda _parent: None)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == ""
    assert dialog.choose_button.isEnabled()


def test_every_control_has_an_accessible_name(qtbot):
    from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

    dialog = _dialog(qtbot)
    for widget in dialog.findChildren(QPushButton) + dialog.findChildren(QPlainTextEdit):
        assert widget.accessibleName(), widget
    assert dialog.findChildren(QLabel)
