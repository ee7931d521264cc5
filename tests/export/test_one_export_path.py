"""One path per use case: the CLI and the GUI export and check records through the same core
functions (``core.record_export``, ``core.pdf_check``), so what they write and say is the same,
byte for byte and line for line. Real records, real PDFs, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.core import record_export
from swreflect.core.pdf_check import check_pdf
from swreflect.errors import EXIT_OK, ExportFailedError
from swreflect.gui import dialogs
from swreflect.gui.pages.export_page import ExportPage, ExportSources
from swreflect.gui.verify_dialog import VerifyDialog
from swreflect.signing.canonical import canonical_bytes
from tests.export.conftest import EXPORTED_AT
from tests.export.factory import make_record, sign_both
from tests.prepared_dialogs import prepared_answers_only

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def prepared_dialogs() -> Iterator[None]:
    """No test may open a real modal: every dialog must have a queued answer."""
    with prepared_answers_only():
        yield


def test_text_and_markdown_are_the_same_from_the_cli_and_the_exports_page(
    qtbot, tmp_path: Path, supervisor, supervisee
) -> None:
    first = sign_both(make_record(), supervisor, supervisee)
    second = sign_both(make_record(date="2026-04-01"), supervisor, supervisee)
    files = []
    for n, signed in enumerate((first, second)):
        files += ["--from-file", str(tmp_path / f"r{n}.json")]
        (tmp_path / f"r{n}.json").write_bytes(canonical_bytes(signed.to_json()))
    page = ExportPage(
        sources=ExportSources(
            records=lambda: [first, second],
            identity=lambda: supervisor,
            now=lambda: EXPORTED_AT,
            known_people=dict,
        )
    )
    qtbot.addWidget(page)
    page.list.selectAll()
    for kind, button in (("text", page.text_button), ("markdown", page.md_button)):
        cli_out, gui_out = tmp_path / f"cli-{kind}", tmp_path / f"gui-{kind}"
        assert main(["export", kind, *files, "--out", str(cli_out)]) == EXIT_OK
        dialogs.set_next_path(gui_out)
        button.click()
        cli_bytes = cli_out.read_bytes()
        assert cli_bytes == gui_out.read_bytes(), kind
        expected = record_export.records_text(page.selected(), kind)  # type: ignore[arg-type]
        assert cli_bytes == expected.encode("utf-8")
        assert cli_bytes.count(b"Supervision record, ") == 2


def test_a_pdf_check_reads_the_same_in_the_verify_dialog_and_the_cli(
    qtbot, tmp_path: Path, signed_pdf, capsys
) -> None:
    _signed, data = signed_pdf
    path = tmp_path / "record.pdf"
    path.write_bytes(data)
    lines = check_pdf(path).lines()
    assert lines[0].startswith("Valid: ") and len(lines) > 3

    assert main(["verify", str(path)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == lines

    dialog = VerifyDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.check_finished, timeout=WAIT_MS) as blocker:
        dialog.check(path)
    assert blocker.args == [True]
    assert [dialog.status_label.text(), *dialog.details.toPlainText().split("\n")] == lines


def test_a_failed_text_write_is_worded_the_same_by_the_cli_and_the_exports_page(
    qtbot, tmp_path: Path, signed, capsys
) -> None:
    source = tmp_path / "record.json"
    source.write_bytes(canonical_bytes(signed.to_json()))
    missing = tmp_path / "no-such-folder" / "record.txt"
    wording = ExportFailedError.default_message

    code = main(["export", "text", "--from-file", str(source), "--out", str(missing)])
    assert code == ExportFailedError.exit_code != EXIT_OK
    assert capsys.readouterr().err.strip() == f"swreflect: {wording}"

    page = ExportPage(
        sources=ExportSources(
            records=lambda: [signed], identity=dict, now=lambda: EXPORTED_AT, known_people=dict
        )
    )
    qtbot.addWidget(page)
    page.list.selectAll()
    dialogs.set_next_path(missing)
    page.text_button.click()
    assert page.message.text() == wording
    assert not missing.parent.exists()
