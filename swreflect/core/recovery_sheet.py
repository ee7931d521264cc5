"""The recovery key on paper: saved as a PDF sheet, or printed with the same words.

Shown once when a vault is created or its recovery key is replaced. The PDF comes from
``export.recovery_sheet``; ``sheet_html`` lays out the same title, key and guidance for the GUI's
printer, so the two never drift. The PDF library loads only when a sheet is saved.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path


def save_recovery_sheet(path: Path, recovery_key: str, created: datetime) -> Path:
    """Write the sheet atomically to ``path`` (the user's choice); returns the path written."""
    from swreflect.export.recovery_sheet import save_recovery_sheet as save

    return save(Path(path), recovery_key, created)


def sheet_html(recovery_key: str, made_on: str) -> str:
    """The sheet as simple HTML for printing: title, date, the key in groups of five, guidance."""
    from swreflect.export.recovery_sheet import GUIDANCE, TITLE

    groups = recovery_key.split("-")
    lines = ["&nbsp;&nbsp;".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
    return (
        f"<h1>{escape(TITLE)}</h1><p>Made on {escape(made_on)}</p>"
        f"<p style='font-family: monospace; font-size: 16pt; font-weight: bold'>"
        f"{'<br>'.join(lines)}</p>"
        f"<p>{'<br>'.join(escape(s) for s in GUIDANCE)}</p>"
    )
