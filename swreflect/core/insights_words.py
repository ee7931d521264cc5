"""Small wording helpers shared by the insights computations: numbers and dates in words.

Insights speak in calm, plain sentences ("three sessions", "about two thirds"), never scores.
"""

from __future__ import annotations

from datetime import date

from swreflect.timefmt import format_date

_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


def number(value: int) -> str:
    return _WORDS[value] if 0 <= value < len(_WORDS) else str(value)


def count(value: int, unit: str, plural: str | None = None) -> str:
    """'one session', 'three sessions', 'no sessions'."""
    return f"{number(value)} {unit if value == 1 else plural or unit + 's'}"


def times(value: int) -> str:
    """'once', 'twice', 'three times'."""
    if value == 1:
        return "once"
    if value == 2:
        return "twice"
    return f"{number(value)} times"


def day(value: date) -> str:
    """'3 March 2026'."""
    return format_date(value)


def noun(count: int, singular: str) -> str:
    """``session`` or ``sessions`` for a count already written out in words."""
    return singular if count == 1 else f"{singular}s"


def share(part: int, whole: int) -> str:
    """A share in rounded words: 'about 70%', 'none', 'all'."""
    if whole <= 0 or part <= 0:
        return "none"
    if part >= whole:
        return "all"
    percent = round(part * 100 / whole / 5) * 5
    return f"about {max(5, min(95, percent))}%"
