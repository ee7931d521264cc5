"""The embedded Unicode font of every swreflect PDF.

DejaVu Sans (``resources/fonts/``, Bitstream Vera licence with DejaVu changes in the public
domain, see ``DejaVu-LICENSE.txt``) covers Latin with diacritics, Greek, Cyrillic, Armenian,
Georgian and more, so names in those scripts render; reportlab embeds only the glyphs used.
Registration parses the TTF files once per process (reportlab's font registry is itself
process-wide), which keeps later exports fast.
"""

from __future__ import annotations

import threading

from swreflect.paths import resource_path

REGULAR = "SwreflectSans"
BOLD = "SwreflectSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces with reportlab; returns their names."""
    global _registered
    with _lock:
        if not _registered:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered = True
    return REGULAR, BOLD


def missing(text: str) -> set[str]:
    """Characters of ``text`` the font has no glyph for (they would print as empty boxes)."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(REGULAR).face
    widths = face.charWidths
    return {ch for ch in text if not ch.isspace() and ch.isprintable() and ord(ch) not in widths}


def covers(text: str) -> bool:
    """True when the font has a glyph for every visible character of ``text``."""
    return not missing(text)
