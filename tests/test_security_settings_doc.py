"""The security-settings page in docs/ shows exactly the table the code reads."""

from __future__ import annotations

from pathlib import Path

from swreflect.platform.security_settings import markdown_table

DOC = Path(__file__).resolve().parents[1] / "docs" / "security-settings.md"


def test_the_doc_holds_the_table_the_code_uses() -> None:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("<!-- table: generated")
    start = text.index("\n", start) + 1
    end = text.index("<!-- end of table -->")
    assert text[start:end] == markdown_table(), (
        "docs/security-settings.md is out of date: paste the output of "
        "'python -m swreflect.platform.security_settings' between the markers"
    )
