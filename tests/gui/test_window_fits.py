"""Every screen and state fits a 1024x600 laptop at 100% (and 1366x768 at 125%), scrolling
where it must but never sideways, and no window ever resizes itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QScrollArea, QWidget

from tests.gui.walk import State, walk
from tests.typed import present

SMALL = (1024, 600)
# 1366x768 at QT_SCALE_FACTOR=1.25, in Qt's device-independent pixels.
SCALED = (int(1366 / 1.25), int(768 / 1.25))


def problems(state: State, size: tuple[int, int]) -> list[str]:
    found = []
    window = state.window
    hint = window.minimumSizeHint()
    if hint.width() > size[0] or hint.height() > size[1]:
        found.append(f"{state.name}: minimum size {hint.width()}x{hint.height()}")
    if window.minimumWidth() > size[0] or window.minimumHeight() > size[1]:
        found.append(
            f"{state.name}: fixed minimum {window.minimumWidth()}x{window.minimumHeight()}"
        )
    if state.page is not None:
        if (window.width(), window.height()) != size:
            found.append(
                f"{state.name}: window resized itself to {window.width()}x{window.height()}"
            )
        scroll = present(state.page.parentWidget()).parentWidget()
        if isinstance(scroll, QScrollArea) and scroll.horizontalScrollBar().maximum() > 0:
            bar = scroll.horizontalScrollBar()
            found.append(f"{state.name}: scrolls sideways by {bar.maximum()} px")
    for child in window.findChildren(QWidget):
        if child.isVisible() and child.minimumWidth() > size[0]:
            found.append(f"{state.name}: {type(child).__name__} fixed at {child.minimumWidth()} px")
    return found


def check_all(folder: Path, size: tuple[int, int]) -> tuple[list[str], int]:
    found: list[str] = []
    count = 0
    for state in walk(folder, size):
        count += 1
        found.extend(problems(state, size))
    return found, count


def test_every_state_fits_1024x600(qtbot, styled_app, tmp_path: Path) -> None:
    found, count = check_all(tmp_path / "vault", SMALL)
    assert count > 40  # every page, populated and empty, templates, runner, dialogs, gate
    assert found == []


def test_every_state_fits_1366x768_at_125_percent(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_SCALE_FACTOR="1.25",
        QT_QPA_PLATFORM="offscreen",
        SWREFLECT_COLOR_SCHEME="dark",
    )
    code = (
        "import sys; from pathlib import Path;"
        "from swreflect.gui.launch import make_application;"
        "from swreflect.gui.style import apply_style;"
        "app = make_application(['fit']); apply_style(app, 'dark');"
        "from tests.gui.test_window_fits import check_all, SCALED;"
        "found, count = check_all(Path(sys.argv[1]), SCALED);"
        "print('STATES', count); print('\\n'.join(found));"
        "sys.exit(1 if found or count < 40 else 0)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "vault")],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
