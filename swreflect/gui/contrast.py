"""WCAG contrast of every colour pair the app draws, computed from the palette and stylesheets.

Used by the contrast test (and handy when choosing a colour): text needs 4.5:1 against what it
sits on, and every non-text cue a person relies on (control borders, the focus ring, check
and radio indicators, the private and shared note edges, the lock glyph) needs 3:1.
Stylesheets are read in cascade order (app.qss, then the scheme's file; later rules win).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from swreflect.gui.style import build_palette, load_stylesheet
from swreflect.gui.supervision.look import PRIVATE_ACCENT, SHARED_ACCENT

TEXT, NON_TEXT = 4.5, 3.0
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}|palette\([a-z-]+\)|rgba?\([^)]*\)")
_ROLES = {
    "window": QPalette.ColorRole.Window,
    "window-text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate-base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button-text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted-text": QPalette.ColorRole.HighlightedText,
    "placeholder-text": QPalette.ColorRole.PlaceholderText,
    "link": QPalette.ColorRole.Link,
    "mid": QPalette.ColorRole.Mid,
}
# Selectors whose borders are controls' edges or state cues (WCAG 1.4.11), not decoration.
CUE_SELECTORS = re.compile(
    r"^(QLineEdit|QPushButton|QComboBox|QAbstractSpinBox|QPlainTextEdit|QTextEdit|QListView|"
    r"QTableView|QTreeView|QCheckBox::indicator|QRadioButton::indicator|QTabBar|QRadioButton|"
    r"QListWidget#rail|QFrame\[privacy=)"
)


@dataclass(frozen=True)
class Pair:
    name: str
    fg: QColor
    bg: QColor
    need: float

    @property
    def ratio(self) -> float:
        return ratio(self.fg, self.bg)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    r, g, b = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` (maybe translucent) as seen on ``background``."""
    alpha = colour.alphaF()
    mixed = [
        c * alpha + b * (1 - alpha)
        for c, b in zip(
            (colour.redF(), colour.greenF(), colour.blueF()),
            (background.redF(), background.greenF(), background.blueF()),
            strict=True,
        )
    ]
    return QColor.fromRgbF(*mixed)


def parse_colour(text: str, palette: QPalette) -> QColor | None:
    found = _COLOUR.search(text)
    if found is None:
        return None
    token = found.group(0)
    if token.startswith("palette("):
        return palette.color(_ROLES[token[8:-1]])
    if token.startswith("rgb"):
        parts = [float(p) for p in token[token.index("(") + 1 : -1].split(",")]
        colour = QColor(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 4:
            colour.setAlphaF(parts[3])
        return colour
    return QColor(token)


def rules(sheet: str) -> dict[str, dict[str, str]]:
    """Selector -> its properties, later rules overriding earlier ones (comments dropped)."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    found: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        props = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                props[key.strip()] = value.strip()
        for selector in selectors.split(","):
            found.setdefault(" ".join(selector.split()), {}).update(props)
    return found


def _border(props: dict[str, str]) -> str | None:
    for key in ("border-color", "border-left", "border"):
        if key in props and props[key] not in ("none",) and "transparent" not in props[key]:
            return props[key]
    return None


def pairs(scheme: str) -> list[Pair]:
    palette = build_palette(scheme)
    role = palette.color
    window, base, button = (
        role(QPalette.ColorRole.Window),
        role(QPalette.ColorRole.Base),
        role(QPalette.ColorRole.Button),
    )
    found = [
        Pair("body text", role(QPalette.ColorRole.WindowText), window, TEXT),
        Pair("field text", role(QPalette.ColorRole.Text), base, TEXT),
        Pair("button text", role(QPalette.ColorRole.ButtonText), button, TEXT),
        Pair(
            "selected text",
            role(QPalette.ColorRole.HighlightedText),
            role(QPalette.ColorRole.Highlight),
            TEXT,
        ),
        Pair("placeholder", role(QPalette.ColorRole.PlaceholderText), base, TEXT),
        Pair("link", role(QPalette.ColorRole.Link), window, TEXT),
        Pair(
            "tooltip",
            role(QPalette.ColorRole.ToolTipText),
            role(QPalette.ColorRole.ToolTipBase),
            TEXT,
        ),
        Pair(
            "list text on alternate rows",
            role(QPalette.ColorRole.Text),
            role(QPalette.ColorRole.AlternateBase),
            TEXT,
        ),
    ]
    for name, bg in (("window", window), ("field", base), ("button", button)):
        found.append(
            Pair(f"focus ring on {name}", role(QPalette.ColorRole.Highlight), bg, NON_TEXT)
        )
    private_tint = over(parse_colour("rgba(128, 90, 213, 0.13)", palette) or QColor(), window)
    for name, bg in (("window", window), ("private note", private_tint)):
        found.append(
            Pair(
                f"private accent (lock, note edge) on {name}", QColor(PRIVATE_ACCENT), bg, NON_TEXT
            )
        )
        found.append(Pair(f"shared note edge on {name}", QColor(SHARED_ACCENT), bg, NON_TEXT))
    sheet = rules(load_stylesheet(scheme))
    for selector, props in sheet.items():
        if ":disabled" in selector:
            continue  # WCAG exempts inactive controls
        own_bg = parse_colour(props.get("background", props.get("background-color", "")), palette)
        backgrounds = [own_bg] if own_bg is not None and own_bg.alpha() == 255 else [window, base]
        if own_bg is not None and own_bg.alpha() < 255:
            backgrounds = [over(own_bg, window)]
        text = parse_colour(props.get("color", ""), palette)
        if text is not None:
            for bg in backgrounds:
                found.append(Pair(f"{selector} text", text, bg, TEXT))
        edge_text = _border(props)
        edge = parse_colour(edge_text, palette) if edge_text else None
        if edge is not None and CUE_SELECTORS.match(selector):
            # An edge sets a control apart from what is around it (its own fill may match).
            surrounds = [window, base]
            if own_bg is not None and own_bg.alpha() < 255:
                surrounds = [window, over(own_bg, window)]
            for bg in surrounds + ([button] if selector.startswith("QPushButton") else []):
                found.append(Pair(f"{selector} edge", over(edge, bg), bg, NON_TEXT))
    return found
