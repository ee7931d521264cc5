"""WCAG AA contrast for every text pair (4.5:1) and non-text cue (3:1), light and dark, computed
from the palette and the stylesheets the app really loads."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from swreflect.gui.contrast import NON_TEXT, TEXT, pairs, ratio, rules


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_pair_meets_wcag_aa(qapp, scheme: str) -> None:
    found = pairs(scheme)
    names = " ".join(p.name for p in found)
    # The cues the review measured are all among the pairs checked.
    for cue in (
        "QLineEdit edge",
        "QRadioButton::indicator edge",
        "QCheckBox::indicator edge",
        "focus ring",
        "private accent",
        "shared note edge",
        'QLabel[role="hint"] text',
    ):
        assert cue in names, cue
    assert sum(p.need == TEXT for p in found) >= 15
    assert sum(p.need == NON_TEXT for p in found) >= 15
    failing = [
        f"{p.name}: {p.ratio:.2f}:1 ({p.fg.name()} on {p.bg.name()}, needs {p.need}:1)"
        for p in found
        if p.ratio < p.need
    ]
    assert failing == [], "\n".join(failing)


def test_the_arithmetic_matches_wcag() -> None:
    assert round(ratio(QColor("#000000"), QColor("#ffffff")), 2) == 21.0
    assert round(ratio(QColor("#767676"), QColor("#ffffff")), 2) == 4.54
    later = rules("QLineEdit { border: 1px solid #111111; } QLineEdit { border-color: #222222; }")
    assert later["QLineEdit"]["border-color"] == "#222222"
