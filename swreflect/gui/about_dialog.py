"""Help > About: version, licence, the privacy promise, and third-party licence texts.

Licence texts for the parts we ship are files in ``resources/licences/``; the box lists
whatever is there, so adding a licence needs no code change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from swreflect import __version__
from swreflect.gui.ui import label, title
from swreflect.paths import resource_path

LICENCE = "swreflect is proprietary software. All rights reserved."
PRIVACY_PROMISE = (
    "Your privacy: everything you write is encrypted and stays on this computer. swreflect "
    "never connects to the internet. Nothing leaves your vault unless you export or send it "
    "yourself, and your private journal and private notes are never shared or exported."
)


def licence_files(folder: Path | None = None) -> list[Path]:
    """The third-party licence texts shipped in ``resources/licences`` (may be none)."""
    where = folder if folder is not None else resource_path("licences")
    if not where.is_dir():
        return []
    return sorted(p for p in where.iterdir() if p.is_file() and not p.name.startswith((".", "_")))


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About swreflect")
        self.setAccessibleName("About swreflect")
        layout = QVBoxLayout(self)
        layout.addWidget(title("swreflect"))
        self.version_label = label(f"Version {__version__}")
        layout.addWidget(self.version_label)
        layout.addWidget(label(LICENCE))
        self.privacy_label = label(PRIVACY_PROMISE)
        layout.addWidget(self.privacy_label)
        self.files = licence_files(folder)
        self.licence_list = QListWidget()
        self.licence_list.setAccessibleName("Third-party licences")
        self.licence_list.setAccessibleDescription("Choose one to read its licence text below.")
        self.licence_list.setToolTip("Licences of the parts swreflect is built with")
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setAccessibleName("Licence text")
        self.licence_text.setAccessibleDescription("The text of the licence chosen above.")
        if self.files:
            layout.addWidget(label("Built with the help of these parts and their licences:"))
            for path in self.files:
                item = QListWidgetItem(path.stem.replace("-", " ").replace("_", " "))
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                self.licence_list.addItem(item)
            self.licence_list.setMaximumHeight(110)
            self.licence_list.currentRowChanged.connect(self.on_licence_list_current_row_changed)
            layout.addWidget(self.licence_list)
            layout.addWidget(self.licence_text, 1)
            self.licence_list.setCurrentRow(0)
        else:
            self.licence_list.hide()
            self.licence_text.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleDescription("Close the About window")
        close.setToolTip("Close (Esc)")
        layout.addWidget(buttons)
        self.resize(560, 520 if self.files else 300)

    def on_licence_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.files):
            text = self.files[row].read_text(encoding="utf-8", errors="replace")
            self.licence_text.setPlainText(text)


def show_about(parent: QWidget) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
