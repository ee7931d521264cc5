"""About names the version, licence and privacy promise and lists every licence file shipped;
F1 help explains each page."""

from __future__ import annotations

from pathlib import Path

from swreflect import __version__
from swreflect.gui.about_dialog import AboutDialog, licence_files
from swreflect.gui.help_dialog import PAGE_HELP, HelpDialog
from swreflect.gui.menus import SHORTCUTS
from swreflect.gui.pages.registry import PAGES


def test_about_lists_whatever_licence_files_exist(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "licences"
    folder.mkdir()
    (folder / "PySide6-LGPL.txt").write_text("GNU LESSER GENERAL PUBLIC LICENSE", encoding="utf-8")
    (folder / "sqlcipher.txt").write_text("BSD-style licence text", encoding="utf-8")
    dialog = AboutDialog(None, folder)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version_label.text()
    assert "never connects to the internet" in dialog.privacy_label.text()
    names = [dialog.licence_list.item(i).text() for i in range(dialog.licence_list.count())]
    assert names == ["PySide6 LGPL", "sqlcipher"]
    assert "LESSER" in dialog.licence_text.toPlainText()
    dialog.licence_list.setCurrentRow(1)
    assert "BSD" in dialog.licence_text.toPlainText()


def test_about_without_licence_folder_still_opens(qtbot, tmp_path: Path) -> None:
    assert licence_files(tmp_path / "missing") == []
    dialog = AboutDialog(None, tmp_path / "missing")
    qtbot.addWidget(dialog)
    assert dialog.licence_list.isHidden()


def test_help_covers_every_page_and_lists_the_shortcuts(qtbot) -> None:
    assert {spec.key for spec in PAGES} <= set(PAGE_HELP)
    dialog = HelpDialog(None, "journal", SHORTCUTS)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for keys, _what in SHORTCUTS:
        assert keys in texts
    assert "private journal" in texts
