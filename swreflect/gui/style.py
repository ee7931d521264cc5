"""The app's look: Fusion style, a calm palette and the stylesheet, light or dark.

The scheme follows the system (``QStyleHints.colorScheme``) and changes with it while the app
runs; ``SWREFLECT_COLOR_SCHEME=light|dark`` forces one (screenshots, accessibility testing).
Stylesheets live in ``resources/styles``: ``app.qss`` holds layout and uses ``palette(...)``
colours, ``light.qss`` / ``dark.qss`` add the few scheme-specific tints. Text colours were chosen
for at least WCAG AA contrast on their backgrounds.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from swreflect.paths import resource_path

SCHEME_ENV = "SWREFLECT_COLOR_SCHEME"

# role -> (light, dark)
_COLOURS: dict[QPalette.ColorRole, tuple[str, str]] = {
    QPalette.ColorRole.Window: ("#f5f4f0", "#1b2024"),
    QPalette.ColorRole.WindowText: ("#1f2a30", "#e4e7e5"),
    QPalette.ColorRole.Base: ("#ffffff", "#242a2f"),
    QPalette.ColorRole.AlternateBase: ("#efede8", "#2a3136"),
    QPalette.ColorRole.Text: ("#1f2a30", "#e4e7e5"),
    QPalette.ColorRole.PlaceholderText: ("#5f6a70", "#9aa5aa"),
    QPalette.ColorRole.Button: ("#e9e7e1", "#2d353a"),
    QPalette.ColorRole.ButtonText: ("#1f2a30", "#e4e7e5"),
    QPalette.ColorRole.Highlight: ("#2c6b6e", "#7bbcb8"),
    QPalette.ColorRole.HighlightedText: ("#ffffff", "#0f1d1e"),
    QPalette.ColorRole.ToolTipBase: ("#1f2a30", "#e4e7e5"),
    QPalette.ColorRole.ToolTipText: ("#ffffff", "#1b2024"),
    QPalette.ColorRole.Link: ("#245d60", "#8fcac6"),
    QPalette.ColorRole.Mid: ("#c9c6bd", "#4a545a"),
    QPalette.ColorRole.Midlight: ("#dedbd3", "#394247"),
    QPalette.ColorRole.Dark: ("#a9a59b", "#11161a"),
    QPalette.ColorRole.Light: ("#ffffff", "#3a4449"),
}


def current_scheme() -> str:
    """``"light"`` or ``"dark"``: the forced choice, else the system's, else light."""
    forced = os.environ.get(SCHEME_ENV, "").strip().lower()
    if forced in ("light", "dark"):
        return forced
    hints = QGuiApplication.styleHints()
    if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def build_palette(scheme: str) -> QPalette:
    index = 1 if scheme == "dark" else 0
    palette = QPalette()
    for role, pair in _COLOURS.items():
        palette.setColor(role, QColor(pair[index]))
    disabled_text = QColor("#8a8f8c" if scheme == "light" else "#7d878b")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled_text)
    return palette


def load_stylesheet(scheme: str) -> str:
    styles = resource_path("styles")
    base = (styles / "app.qss").read_text(encoding="utf-8")
    tint = (styles / f"{scheme}.qss").read_text(encoding="utf-8")
    return base + "\n" + tint


def apply_style(app: QApplication, scheme: str | None = None) -> str:
    """Apply palette and stylesheet for ``scheme`` (default: the current one)."""
    chosen = scheme or current_scheme()
    app.setStyle("Fusion")
    app.setPalette(build_palette(chosen))
    app.setStyleSheet(load_stylesheet(chosen))
    app.setProperty("swreflect_scheme", chosen)
    return chosen


def follow_system_scheme(app: QApplication) -> None:
    """Re-style when the system switches between light and dark."""
    hints = QGuiApplication.styleHints()
    if hints is None:
        return
    hints.colorSchemeChanged.connect(lambda _scheme: apply_style(app))
