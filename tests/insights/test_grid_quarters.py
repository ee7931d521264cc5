"""The grid's quarter names match the words Insights uses for a point in that quarter.

Support runs across and challenge up, so high challenge with low support (top left) is
"Stretched, not supported"; the picture and the sentence beside it must agree."""

from __future__ import annotations

from swreflect.core.insights import _place
from swreflect.gui.supervision.balance_grid import QUADRANTS


def test_each_quarter_of_the_grid_is_named_as_the_words_name_it() -> None:
    for label, right, top in QUADRANTS:
        support = 5 if right else 1
        challenge = 5 if top else 1
        assert _place(support, challenge) == f"in the \u201c{label}\u201d quarter", label
