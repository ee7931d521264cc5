"""What a session accepts from a person, checked before anything is written: a supervision
function from the list, a note or summary of sensible length, shared or private. Each
refusal is a ``ValidationError`` in plain words, and the session is left as it was."""

from __future__ import annotations

from swreflect.errors import ValidationError
from swreflect.models.supervision import AGENDA_FUNCTIONS, AGENDA_SOURCES, Rating
from swreflect.models.vocab import Function, Role, Visibility

MAX_NOTE = 50_000  # characters in one note or summary


def function(value: str, agenda: bool = False) -> str:
    if value not in (AGENDA_FUNCTIONS if agenda else tuple(Function)):
        raise ValidationError(
            "The supervision function must be management, development, support or mediation"
            + (", or a case discussion." if agenda else ".")
        )
    return value


def note_text(text: str, what: str = "note") -> str:
    if len(text) > MAX_NOTE:
        raise ValidationError(f"That {what} is too long to save. Nothing was saved.")
    return text


def visibility(value: str) -> str:
    if value not in tuple(Visibility):
        raise ValidationError("A note is either shared or private.")
    return value


def rating(given: Rating) -> Rating:
    if given.rater not in tuple(Role):
        raise ValidationError("Ratings come from the supervisor or the supervisee.")
    if not (1 <= given.support <= 5 and 1 <= given.challenge <= 5):
        raise ValidationError("Support and challenge are each rated from 1 to 5.")
    return given


def agenda_title(title: str, source: str) -> str:
    """The title with its spacing tidied, once the item is known to be well formed."""
    title = " ".join(title.split())
    if not title:
        raise ValidationError("Please give the agenda item a short title. Nothing was saved.")
    if source not in AGENDA_SOURCES:
        raise ValidationError("That kind of agenda item isn't known.")
    return title
