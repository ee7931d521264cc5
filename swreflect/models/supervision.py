"""Plain records for people, agreements, sessions and actions (no Qt, no SQL).

These are what the supervision repositories return and the services, CLI and GUI pass around.
Roles, functions, visibilities and statuses hold the values of ``models.vocab``'s enums: a
person's ``role`` is their relation to the vault owner (``Role.SUPERVISEE`` means "someone I
supervise").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from swreflect.models.vocab import (
    ActionKind,
    Function,
    Role,
    SessionKind,
    SessionStatus,
    Visibility,
)

# An agenda item may also be a neutral "case discussion": its time is split across the
# functions by the step of the 4x4x4 cycle it was spent in (see ``session_record``).
CASE_DISCUSSION = "case"
AGENDA_FUNCTIONS: tuple[str, ...] = (CASE_DISCUSSION, *Function)
CYCLE_FUNCTIONS: dict[str, str] = {
    "experience": Function.MANAGEMENT,
    "reflection": Function.SUPPORT,
    "analysis": Function.DEVELOPMENT,
    "action": Function.MANAGEMENT,
}
AGENDA_SOURCES = ("topic", "excerpt", "carried_action")

# Frequency presets. ``asye``: the newly-qualified first year (weekly for six weeks, at least
# fortnightly until six months, then at least monthly); ``monthly``: at least monthly for
# experienced staff; ``custom``: every ``custom_days`` days.
FREQUENCIES = ("asye", "monthly", "custom")
DEFAULT_USUAL_MINUTES = 90
DEFAULT_RECORD_DUE_DAYS = 14

# The session's own lifecycle; later steps (sent for agreement, agreed, ...) follow sign-off and
# are stored in the same column.
EDITABLE_STATUSES = (SessionStatus.DRAFT, SessionStatus.IN_SESSION, SessionStatus.SUMMARY_DRAFTED)
NOT_HELD_STATUSES = (SessionStatus.DRAFT, SessionStatus.CANCELLED)


@dataclass(frozen=True)
class StageSpec:
    key: str
    title: str
    function: str


# The built-in stage order. Prompt packs supply prompts for these keys; a pack may not invent
# new keys (the record and the reports rely on this set).
STAGES: tuple[StageSpec, ...] = (
    StageSpec("checkin", "Check-in and wellbeing", Function.SUPPORT),
    StageSpec("safety", "Psychological safety", Function.SUPPORT),
    StageSpec("review", "Reviewing previous actions", Function.MANAGEMENT),
    StageSpec("agenda", "Agenda and case discussions", Function.MANAGEMENT),
    StageSpec("learning", "Learning from mistakes and critical incidents", Function.DEVELOPMENT),
    StageSpec("identity", "Identity, power and anti-racist practice", Function.DEVELOPMENT),
    StageSpec("mediation", "You and the organisation", Function.MEDIATION),
    StageSpec("balance", "Support and challenge", Function.SUPPORT),
    StageSpec("development", "Development and CPD", Function.DEVELOPMENT),
    StageSpec("closing", "Closing and agreement", Function.MANAGEMENT),
    StageSpec("debrief", "After a critical incident", Function.SUPPORT),
)
STAGE_KEYS = tuple(s.key for s in STAGES)

# Session types and the stages each runs, in order. A debrief after a critical incident starts
# with how the worker is, and its own notes are private unless someone chooses to share them.
SESSION_KINDS: tuple[str, ...] = tuple(SessionKind)
KIND_STAGES: dict[str, tuple[str, ...]] = {
    SessionKind.REGULAR: tuple(k for k in STAGE_KEYS if k != "debrief"),
    SessionKind.DEBRIEF: ("checkin", "debrief", "closing"),
}
PRIVATE_BY_DEFAULT_STAGES = ("debrief",)
DEBRIEF_FOLLOW_UP_DAYS = 10  # a check-in one to two weeks after a debrief

# Action kinds: an ordinary action, or something to raise with the organisation (a disclosure
# of racism, a workload or resource problem) tracked like any other action.
ACTION_KINDS: tuple[str, ...] = tuple(ActionKind)
CANCELLED_BY: tuple[str, ...] = tuple(Role)


def stage_spec(key: str) -> StageSpec:
    for spec in STAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


@dataclass(frozen=True)
class Person:
    id: str
    display_name: str
    role: str
    pronouns: str = ""


@dataclass(frozen=True)
class AgreementTerms:
    """Frequency and length, in force from ``effective_from`` until the next terms."""

    effective_from: date
    frequency: str
    custom_days: int | None
    usual_minutes: int


@dataclass(frozen=True)
class AgreementDetails:
    """The agreement's written contents beyond frequency and length (agreement v2).

    Every field is plain text the pair agreed, except ``uninterrupted``. An agreement made
    before these fields existed has them empty, and screens say "not written down yet".
    """

    purpose: str = ""
    location: str = ""
    uninterrupted: bool = True
    preparation: str = ""
    cancellation: str = ""
    record_place: str = ""
    access: str = ""
    escalation: str = ""
    difference: str = ""
    assessment: str = ""
    assessor: str = ""
    protected_time: str = ""


@dataclass(frozen=True)
class Agreement:
    id: str
    person_id: str
    owner_name: str
    start_date: date
    review_date: date | None
    record_writer: str
    record_due_days: int
    disagreement: str
    confidentiality: str
    terms: tuple[AgreementTerms, ...]
    asye_start: date | None = None  # the newly qualified year's anchor, kept across supervisors
    details: AgreementDetails = field(default_factory=AgreementDetails)

    def terms_on(self, day: date) -> AgreementTerms:
        """The terms in force on ``day`` (the earliest terms before any of them start)."""
        current = self.terms[0]
        for terms in self.terms:
            if terms.effective_from <= day:
                current = terms
        return current


@dataclass(frozen=True)
class StageState:
    key: str
    title: str
    position: int
    skipped: bool
    seconds: int
    function: str


@dataclass(frozen=True)
class AgendaItem:
    id: str
    title: str
    source: str
    excerpt: str
    function: str
    seconds: int
    position: int
    action_id: str | None = None
    cycle_seconds: tuple[tuple[str, int], ...] = ()  # (cycle step, seconds) for case items


@dataclass(frozen=True)
class Note:
    id: str
    stage_key: str
    agenda_item_id: str | None
    prompt_id: str
    prompt_text: str
    text: str
    visibility: str
    position: int


@dataclass(frozen=True)
class Rating:
    rater: str
    support: int
    challenge: int
    include_in_record: bool = False  # the rater's own choice; never in the record without it


@dataclass(frozen=True)
class ReceivedRating:
    """The vault owner's own rating of a session held in the other person's vault, given
    while reviewing the record they sent (``record_ratings``). Never the other person's."""

    record_id: str
    counterpart_ref: str | None  # the paired person's id in this vault, if known
    counterpart_name: str  # the record's other party, as named in the record
    held_on: date
    rater: str  # the owner's role in that record
    support: int
    challenge: int


@dataclass(frozen=True)
class Action:
    id: str
    session_id: str
    agreement_id: str
    description: str
    owner: str
    due: date | None
    status: str
    carried_over_from: str | None
    carried_to: str | None
    position: int
    kind: str = "action"


@dataclass(frozen=True)
class Session:
    id: str
    agreement_id: str
    status: str
    held_on: date | None
    record_id: str
    record_version: int
    duration_minutes: int | None
    summary: str | None
    pack_id: str
    pack_version: int
    stages: tuple[StageState, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    notes: tuple[Note, ...] = ()
    ratings: tuple[Rating, ...] = ()
    actions: tuple[Action, ...] = ()
    case_file_decisions: tuple[str, ...] = field(default=())
    kind: str = "regular"
    cancelled_by: str | None = None
    cancel_reason: str = ""
    follow_up_on: date | None = None
    minutes_in_record: int = 0  # bit 1 supervisor, bit 2 supervisee agreed to include minutes
    finished_at: str | None = None  # when it was finished on the end screen

    @property
    def is_held(self) -> bool:
        """Only a finished session counts as having met (opening one is not meeting)."""
        return (
            self.finished_at is not None
            and self.status not in NOT_HELD_STATUSES
            and self.held_on is not None
        )

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    def has_content(self) -> bool:
        """Anything written or decided in it (a session without any can be discarded)."""
        return bool(
            self.notes
            or self.agenda
            or self.ratings
            or self.actions
            or self.case_file_decisions
            or (self.summary or "").strip()
        )

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    def stage(self, key: str) -> StageState:
        for stage in self.stages:
            if stage.key == key:
                return stage
        raise KeyError(key)

    def shared_notes(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.visibility == Visibility.SHARED)


@dataclass(frozen=True)
class SessionInProgress:
    """A session begun and not finished (Home offers to carry on with it)."""

    session_id: str
    person_name: str
    held_on: date | None
    kind: str
