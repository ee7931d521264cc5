"""Render the one app icon (resources/app/swreflect.svg) at every size installers need.

    python tools/make_icons.py OUT_DIR

writes ``hicolor/<n>x<n>/apps/<app id>.png`` for the Linux icon theme, ``swreflect.ico``
(Windows, several sizes in one file) and ``swreflect.icns`` (macOS), all with Qt's own SVG
renderer and image writers, so no other tool is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.swreflect.Swreflect"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "app" / "swreflect.svg"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(out: Path) -> int:
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(folder / f"{APP_ID}.png")):
            return 1
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{APP_ID}.svg").write_bytes(SOURCE.read_bytes())
    for name, fmt, size in (("swreflect.ico", b"ico", 256), ("swreflect.icns", b"icns", 512)):
        writer = QImageWriter(str(out / name), fmt)
        if not writer.write(render(renderer, size)):
            print(f"make_icons: {name}: {writer.errorString()}", file=sys.stderr)
            return 1
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
