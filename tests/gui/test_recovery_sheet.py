"""The recovery key leaves the app only where the person chose: a PDF sheet or a printer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from swreflect.export.recovery_sheet import render_recovery_sheet, save_recovery_sheet
from swreflect.gui import dialogs
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS

KEY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QRST"


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_sheet_is_a_pdf_holding_the_grouped_key(tmp_path: Path) -> None:
    data = render_recovery_sheet(KEY, datetime(2026, 1, 5, tzinfo=UTC))
    assert data.startswith(b"%PDF")
    out = tmp_path / "out"
    out.mkdir()
    target = save_recovery_sheet(out / "sheet", KEY, datetime(2026, 1, 5, tzinfo=UTC))
    assert target.name == "sheet.pdf" and target.read_bytes() == data
    text = _text(target)
    for group in KEY.split("-"):
        assert group in text
    assert "5 January 2026" in text
    assert list(out.iterdir()) == [target]  # no temporary files left behind


def _create_to_recovery_panel(qtbot, make_shell, vault_dir):
    shell = make_shell(vault_dir)
    form = shell.gate.create_screen.form
    form.set_passphrase(TEST_PASSPHRASE)
    with qtbot.waitSignal(shell.state_changed, timeout=WAIT_MS):
        shell.gate.create_screen.create_button.click()
    return shell, shell.gate.recovery_panel


def test_save_as_pdf_and_print_from_the_recovery_screen(
    qtbot, make_shell, vault_dir: Path, tmp_path: Path
) -> None:
    shell, panel = _create_to_recovery_panel(qtbot, make_shell, vault_dir)
    groups = panel.key_label.text().split()
    out = tmp_path / "chosen"
    out.mkdir()

    dialogs.set_next_path(None)  # cancelled: nothing written
    panel.save_button.click()
    assert list(out.iterdir()) == []

    dialogs.set_next_path(out / "my-key.pdf")
    panel.save_button.click()
    assert panel.message.text() == "Saved as my-key.pdf."
    text = _text(out / "my-key.pdf")
    assert all(group in text for group in groups)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "printed.pdf"))
    dialogs.set_next_printer(printer)
    panel.print_button.click()
    printed = _text(out / "printed.pdf")
    assert all(group in printed for group in groups)
    assert panel.message.text() == "Sent to the printer."
    assert shell.state.value == "recovery_key"


def test_unwritable_folder_gives_a_calm_message(qtbot, make_shell, vault_dir, tmp_path):
    _shell, panel = _create_to_recovery_panel(qtbot, make_shell, vault_dir)
    dialogs.set_next_path(tmp_path / "missing-folder" / "key.pdf")
    panel.save_button.click()
    assert panel.message.text().startswith("The PDF couldn't be saved there. Nothing was written")
    assert not (tmp_path / "missing-folder").exists()
