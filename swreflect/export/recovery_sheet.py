"""A printable recovery-key sheet, rendered in memory and written only where the user chose.

reportlab is imported inside the function so that starting the app never pays for it. The
sheet holds the recovery key (that is its purpose) and nothing from the vault's contents.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

from swreflect.platform.files import atomic_write
from swreflect.timefmt import format_date

TITLE = "swreflect recovery key"
GUIDANCE = (
    "This key opens your swreflect vault if you forget your passphrase.",
    "Anyone holding it can open the vault, so keep it somewhere safe and private,",
    "away from your computer: a locked drawer at home, or with other important papers.",
    "If you think someone else has seen it, make a new one in Settings > Security.",
)


def render_recovery_sheet(recovery_key: str, created: datetime) -> bytes:
    """The sheet as PDF bytes: title, the grouped key in a large fixed-width font, guidance."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
    pdf.setTitle(TITLE)
    pdf.setAuthor("swreflect")
    pdf.setCreator("swreflect")
    _width, height = A4
    left = 60.0
    y = height - 80
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(left, y, TITLE)
    y -= 26
    pdf.setFont("Helvetica", 11)
    pdf.drawString(left, y, f"Made on {format_date(created)}")
    y -= 48
    groups = recovery_key.split("-")
    lines = ["  ".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
    pdf.setFont("Courier-Bold", 16)
    for line in lines:
        pdf.drawString(left, y, line)
        y -= 26
    y -= 24
    pdf.setFont("Helvetica", 11)
    for sentence in GUIDANCE:
        pdf.drawString(left, y, sentence)
        y -= 16
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def save_recovery_sheet(path: Path, recovery_key: str, created: datetime) -> Path:
    """Render and write atomically to ``path`` (a place the user picked)."""
    data = render_recovery_sheet(recovery_key, created)
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    atomic_write(target, data)
    return target
