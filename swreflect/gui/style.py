"""The app's look: Fusion style, a calm palette and the stylesheet, light or dark.

The scheme follows the system (``QStyleHints.colorScheme``) and changes with it while the app
runs; ``SWREFLECT_COLOR_SCHEME=light|dark`` forces one (screenshots, accessibility testing).
Stylesheets live in ``resources/styles``: ``app.qss`` holds layout and uses ``palette(...)``
colours, ``light.qss`` / ``dark.qss`` add the few scheme-specific tints. Text colours were chosen
for at least WCAG AA contrast on their backgrounds.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from swreflect.paths import resource_path

SCHEME_ENV = "SWREFLECT_COLOR_SCHEME"

# role -> (light, dark)
_PLATFORM_DARK = "swreflect_platform_dark"
CONFIRM_AFTER_MS = 300

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


def _forced_scheme() -> str | None:
    forced = os.environ.get(SCHEME_ENV, "").strip().lower()
    return forced if forced in ("light", "dark") else None


def platform_palette_scheme() -> str:
    """A quick guess from the platform's own palette (dark window colour = dark scheme).

    Used at start-up, before our palette replaces it: asking ``QStyleHints.colorScheme()``
    makes PySide build every enum of the ``Qt`` namespace (~20 ms) before the first paint.
    """
    app = QGuiApplication.instance()
    if app is not None and app.property(_PLATFORM_DARK) is not None:
        return "dark" if app.property(_PLATFORM_DARK) else "light"
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    dark = window.lightness() < 128
    if app is not None:
        app.setProperty(_PLATFORM_DARK, dark)
    return "dark" if dark else "light"


def current_scheme() -> str:
    """``"light"`` or ``"dark"``: the forced choice, else the system's, else the palette's."""
    forced = _forced_scheme()
    if forced:
        return forced
    hints = QGuiApplication.styleHints()
    name = hints.colorScheme().name if hints is not None else "Unknown"
    if name in ("Dark", "Light"):
        return name.lower()
    return platform_palette_scheme()


def startup_scheme() -> str:
    return _forced_scheme() or platform_palette_scheme()


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
    icons = resource_path("icons").as_posix()
    return (base + "\n" + tint).replace("@ICONS@", icons)


def apply_style(app: QApplication, scheme: str | None = None, *, set_style: bool = True) -> str:
    """Apply palette and stylesheet for ``scheme`` (default: the current one), and the Fusion
    style unless the application was made with it (``set_style=False``)."""
    chosen = scheme or current_scheme()
    if set_style:
        app.setStyle("Fusion")
    app.setPalette(build_palette(chosen))
    app.setStyleSheet(load_stylesheet(chosen))
    app.setProperty("swreflect_scheme", chosen)
    return chosen


def follow_system_scheme(app: QApplication) -> None:
    """Re-style when the system switches between light and dark.

    Shortly after start-up the system's stated scheme is compared with the quick guess made
    from its palette; where they disagree (rare), the look is corrected then.
    """
    hints = QGuiApplication.styleHints()
    if hints is None:
        return
    hints.colorSchemeChanged.connect(lambda _scheme: apply_style(app))

    def confirm() -> None:
        scheme = current_scheme()
        if scheme != app.property("swreflect_scheme"):
            apply_style(app, scheme)

    QTimer.singleShot(CONFIRM_AFTER_MS, confirm)
