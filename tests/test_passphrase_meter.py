"""The passphrase meter: shape rules plus zxcvbn, so repetition and common phrases rate weak."""

from __future__ import annotations

import pytest

from swreflect.core.passphrase import assess


@pytest.mark.parametrize(
    ("passphrase", "level"),
    [
        ("password password password password", 1),  # long, four "words", but one repeated
        ("london london london london", 1),
        ("iloveyouiloveyou", 0),  # a top-list phrase twice: refused
        ("qwertyuiopasdfgh", 0),  # a keyboard walk: refused
        ("calm river under a quiet bridge", 3),
        ("gentle harbour kettle walnut river", 3),
    ],
)
def test_levels(passphrase: str, level: int) -> None:
    verdict = assess(passphrase)
    assert verdict.level == level, verdict
    assert passphrase not in verdict.advice


def test_weak_wording_is_plain() -> None:
    verdict = assess("password password password password")
    assert verdict.label == "Weak" and verdict.acceptable


def test_very_long_input_is_judged_not_refused() -> None:
    assert assess("gentle harbour kettle walnut river " * 5).level == 3
