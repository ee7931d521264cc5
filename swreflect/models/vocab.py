"""The shared words of supervision and sign-off, spelled once for every layer.

Each vocabulary is a ``StrEnum`` whose values are exactly the strings already stored in the
vault, written into records and exchange files, and typed on the command line. A member compares
equal to its stored string, so rows read back as plain ``str`` still match, and nothing on disk
changes. New code writes ``SessionStatus.AGREED`` instead of ``"agreed"``, so a misspelling is a
type error rather than a silent mismatch.

Two lifecycles share some words but are stored in different tables with different spellings
(the session table uses underscores, the signing table hyphens). They are two enums, and
``SESSION_STATUS_FOR`` is the one bridge between them.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A party to supervision. For a person in the vault it is their relation to the owner:
    ``SUPERVISEE`` means "someone I supervise"."""

    SUPERVISOR = "supervisor"
    SUPERVISEE = "supervisee"


def other_role(role: str) -> Role:
    """The other party's role (anything that isn't the supervisee is taken as the supervisor)."""
    return Role.SUPERVISOR if role == Role.SUPERVISEE else Role.SUPERVISEE


class Function(StrEnum):
    """The four functions of supervision a stage or agenda item serves."""

    MANAGEMENT = "management"
    DEVELOPMENT = "development"
    SUPPORT = "support"
    MEDIATION = "mediation"


FUNCTION_NAMES: dict[str, str] = {
    Function.MANAGEMENT: "Management",
    Function.DEVELOPMENT: "Development",
    Function.SUPPORT: "Support",
    Function.MEDIATION: "Mediation",
}


class SessionKind(StrEnum):
    """A regular session, or a debrief after a critical incident (wellbeing first, notes
    private by default, a follow-up check-in a week or two later)."""

    REGULAR = "regular"
    DEBRIEF = "debrief"


class ActionKind(StrEnum):
    """An ordinary agreed action, or something to raise with the organisation (a disclosure,
    a workload or resource problem), tracked like any other action."""

    ACTION = "action"
    RAISE_WITH_ORGANISATION = "raise_with_organisation"


class Visibility(StrEnum):
    """Whether a session note goes into the shared record or stays with its writer."""

    SHARED = "shared"
    PRIVATE = "private"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class SessionStatus(StrEnum):
    """A supervision session's lifecycle, as stored in ``sessions.status``.

    The first four belong to the session itself; the last three follow sign-off."""

    DRAFT = "draft"
    IN_SESSION = "in_session"
    SUMMARY_DRAFTED = "summary_drafted"
    CANCELLED = "cancelled"
    SENT_FOR_AGREEMENT = "sent_for_agreement"
    AGREED = "agreed"
    ACKNOWLEDGED_IN_ROOM = "acknowledged_in_room"


class AgreementStatus(StrEnum):
    """One signed-record version's state, as stored in ``agreement_versions.status``."""

    SENT = "sent"
    RECEIVED = "received"
    RETURNED = "returned"
    AGREED = "agreed"
    ACKNOWLEDGED_IN_ROOM = "acknowledged-in-room"
    SUPERSEDED = "superseded"


AGREED_STATUSES = (AgreementStatus.AGREED, AgreementStatus.ACKNOWLEDGED_IN_ROOM)

# How a record version's sign-off state moves the session it came from (``returned`` opens a
# new record version instead, so it has no entry here).
SESSION_STATUS_FOR: dict[str, SessionStatus] = {
    AgreementStatus.SENT: SessionStatus.SENT_FOR_AGREEMENT,
    AgreementStatus.AGREED: SessionStatus.AGREED,
    AgreementStatus.ACKNOWLEDGED_IN_ROOM: SessionStatus.ACKNOWLEDGED_IN_ROOM,
}


class Direction(StrEnum):
    """Whether a record version was written here and sent, or arrived from the other party."""

    OUTGOING = "outgoing"
    INCOMING = "incoming"


class Decision(StrEnum):
    """A reviewer's answer to an agreement request, as written in the response file."""

    SIGNED = "signed"
    RETURNED = "returned"


# The one wording for a record agreed face to face without a cryptographic signature: shown in
# the app, the CLI, text exports and the PDF alike.
IN_ROOM_LABEL = "Acknowledged in the room (not a cryptographic signature)"
