"""One rule for naming things by id on the command line: the full id, or any unambiguous
prefix of at least four characters (as git does), with a plain message for each way it fails.

People, agreements, sessions, actions and records all go through ``pick``; journal entries
have short numbers instead, so they need no prefix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from swreflect.errors import NotFoundError, ValidationError

MIN_ID_PREFIX = 4
T = TypeVar("T")


def too_short(noun: str) -> ValidationError:
    return ValidationError(
        f"That {noun} id is too short: give at least its first {MIN_ID_PREFIX} characters."
    )


def pick(items: Iterable[T], ref: str, key: Callable[[T], str], noun: str) -> T:
    """The one item whose id is ``ref`` or starts with it (``ref`` at least 4 characters)."""
    wanted = ref.strip()
    pool = list(items)
    exact = [item for item in pool if key(item) == wanted]
    if exact:
        return exact[0]
    if len(wanted) < MIN_ID_PREFIX:
        raise too_short(noun)
    matches = [item for item in pool if key(item).startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ValidationError(f"More than one {noun} matches that id; give more of it.")
    raise NotFoundError(f"No {noun} with that id was found.")
