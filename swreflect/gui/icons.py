"""Line icons from ``resources/icons/*.svg``, tinted to the current text colour.

The SVGs draw with ``currentColor``; it is replaced with the palette's text colour when loaded,
so one set of files serves light and dark.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

from swreflect.paths import resource_path


def icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    palette = QGuiApplication.palette()
    source = path.read_text(encoding="utf-8")
    result = QIcon()
    for mode, colour_role in (
        (QIcon.Mode.Normal, role),
        (QIcon.Mode.Active, role),
        (QIcon.Mode.Selected, QPalette.ColorRole.HighlightedText),
    ):
        svg = source.replace("currentColor", palette.color(colour_role).name())
        pixmap = QPixmap()
        pixmap.loadFromData(svg.encode("utf-8"), "SVG")
        result.addPixmap(pixmap, mode)
    return result
