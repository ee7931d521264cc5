"""What keeps the shared record safe for the person it describes: stage defaults and wording.

Notes in the learning and identity stages are private unless the note-taker moves them: a shared
note there is signed by both and kept on a supervision file, where it can read as an admission
(practice review H3). One calm line per stage says why. The wording lives here so the GUI, the
CLI and the tests use the same sentences.
"""

from __future__ import annotations

from swreflect.models.supervision import PRIVATE_BY_DEFAULT_STAGES
from swreflect.models.vocab import Visibility

# Learning and identity here; a debrief's own stage is private by default too (models).
PRIVATE_BY_DEFAULT = frozenset({"learning", "identity", *PRIVATE_BY_DEFAULT_STAGES})

STAGE_GUIDANCE = {
    "learning": (
        "This is for learning, not a report: facts belong in the case record or an incident "
        "report. Notes here stay private unless you choose to share one."
    ),
    "identity": (
        "Personal experiences rarely need to be in the record. Notes here stay private unless "
        "you choose to share one."
    ),
}

SHARE_WARNING = (
    "Shared notes go into the record that you both sign. Once agreed, it is kept on the "
    "supervision file and can't be changed, only added to."
)

PRIVATE_NOTE_CAUTION = (
    "Private notes are never shared or exported, but notes about a person are still that "
    "person's data: they could ask to see them."
)

SUMMARY_PROMPT = (
    "In a few lines: what we discussed, what we agreed and what we decided. The stage notes are "
    "already in the record, so there's no need to copy them here."
)

# How stage titles read in a record (the stage screen may use its own, longer title).
RECORD_STAGE_TITLES = {"learning": "Reflective learning"}


def default_visibility(stage_key: str) -> str:
    """Where a new note in this stage goes unless the note-taker chooses: the one rule the
    session service, the note editor and the CLI all follow."""
    return Visibility.PRIVATE if stage_key in PRIVATE_BY_DEFAULT else Visibility.SHARED


def guidance(stage_key: str) -> str:
    return STAGE_GUIDANCE.get(stage_key, "")


def record_title(stage_key: str, title: str) -> str:
    return RECORD_STAGE_TITLES.get(stage_key, title)
