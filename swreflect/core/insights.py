"""Insights: a quiet look back at the balance of supervision, computed from the vault.

Pure functions over plain records (sessions, an agreement, today's date from the injected
clock), so each observation can be tested on its own. The wording is reflective, never a score
or a ranking: it says what happened in the pair's own sessions and suggests something to talk
about. Nothing here reads session notes or anything about the people a practitioner works with.
The owner's own journal check-ins are summarised in ``insights_wellbeing``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from swreflect.core import insights_words as words
from swreflect.core.agreements import AgreementService
from swreflect.core.clock import Clock
from swreflect.core.insights_length import RECENT as LENGTH_SESSIONS
from swreflect.core.insights_length import length_wording
from swreflect.core.insights_wellbeing import (
    WEEKS,
    WellbeingInsight,
    checkin_from_row,
    week_start,
    wellbeing_insight,
)
from swreflect.core.session_record import seconds_by_function
from swreflect.core.sessions import SessionService
from swreflect.core.supervision_schedule import add_months, calendar_due, describe_due, due_state
from swreflect.core.templates import TemplateLibrary
from swreflect.models.supervision import Agreement, Person, ReceivedRating, Session
from swreflect.models.vocab import Function, other_role
from swreflect.vault.insights_repo import CheckinRepository

RECENT_SESSIONS = 6  # rated sessions shown on the grid
SPLIT_SESSIONS = 4  # sessions looked at for the time split
MIN_SPLIT_SESSIONS = 3  # "several": fewer than this gives no observation
REGULARITY_MONTHS = 6
# pair_insight looks at held sessions since REGULARITY_MONTHS ago plus at most this many of
# the latest held (and latest rated) sessions before that; only those are read.
LOOK_BACK = max(RECENT_SESSIONS, SPLIT_SESSIONS, LENGTH_SESSIONS)
FUNCTION_LABELS = {
    "management": "Case management",
    "development": "Development",
    "support": "Support",
    "mediation": "Mediation",
}


@dataclass(frozen=True)
class RatedPoint:
    held_on: date
    rater: str  # "supervisor" or "supervisee"
    support: int
    challenge: int


@dataclass(frozen=True)
class FunctionSplit:
    held_on: date
    seconds: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.seconds.values())


@dataclass(frozen=True)
class Regularity:
    since: date
    held: int
    expected: int
    wording: str


@dataclass(frozen=True)
class PairInsight:
    agreement_id: str
    person_name: str
    owner_role: str
    points: tuple[RatedPoint, ...]
    ratings_wording: str
    splits: tuple[FunctionSplit, ...]
    untimed: int  # recent held sessions with no time recorded against any function
    balance_note: str | None
    regularity: Regularity
    length_wording: str | None = None  # held length against agreed length
    received_only: bool = False  # no agreement here: only ratings given on received records

    @property
    def has_sessions(self) -> bool:
        return self.regularity.held > 0 or bool(self.points) or bool(self.splits)


def held_sessions(sessions: Sequence[Session], today: date) -> list[Session]:
    """Sessions actually held on or before today, oldest first."""
    held = [s for s in sessions if s.is_held and s.held_on is not None and s.held_on <= today]
    return sorted(held, key=lambda s: s.held_on or today)


def rated_points(held: Sequence[Session], limit: int = RECENT_SESSIONS) -> list[RatedPoint]:
    """Both parties' ratings from the last ``limit`` rated sessions, oldest to newest."""
    rated = [s for s in held if s.ratings][-limit:]
    points = []
    for session in rated:
        for rating in sorted(session.ratings, key=lambda r: r.rater):
            assert session.held_on is not None
            points.append(
                RatedPoint(session.held_on, rating.rater, rating.support, rating.challenge)
            )
    return points


def _name_for(rater: str, owner_role: str, person_name: str) -> str:
    return "you" if rater == owner_role else person_name


def _place(support: float, challenge: float) -> str:
    """Where a point sits, in the grid's own quarter names."""
    if support == 3 or challenge == 3:
        return "near the middle of the grid"
    if support > 3 and challenge > 3:
        quarter = "Supported and stretched"
    elif support > 3:
        quarter = "Supported, not stretched"
    elif challenge > 3:
        quarter = "Stretched, not supported"
    else:
        quarter = "Neither supported nor stretched"
    return f"in the \u201c{quarter}\u201d quarter"


def describe_ratings(points: Sequence[RatedPoint], owner_role: str, person_name: str) -> str:
    """Plain words for the newest rated session, noting one-sided or differing ratings."""
    if not points:
        return (
            "No session has support and challenge ratings yet. At the end of a session you can "
            "rate both from 1 to 5; your rating stays in your vault and appears here."
        )
    newest = points[-1].held_on
    latest = sorted((p for p in points if p.held_on == newest), key=lambda p: p.rater != owner_role)
    parts = [
        f"{_name_for(p.rater, owner_role, person_name)} rated support "
        f"{p.support} and challenge {p.challenge}"
        for p in latest
    ]
    support = sum(p.support for p in latest) / len(latest)
    challenge = sum(p.challenge for p in latest) / len(latest)
    text = f"In your most recent rated session ({words.day(newest)}), " + "; ".join(parts)
    text += f". Taken together, it sits {_place(support, challenge)}."
    if len(latest) == 1:
        who = _name_for(latest[0].rater, owner_role, person_name)
        other = _name_for(other_role(latest[0].rater), owner_role, person_name)
        only = "Only you" if who == "you" else f"Only {who}"
        text += f" {only} rated that one, so it shows one view; {other} may see it differently."
    elif any(
        abs(a.support - b.support) >= 2 or abs(a.challenge - b.challenge) >= 2
        for a in latest
        for b in latest
    ):
        text += " You saw that session differently, which can be a good thing to talk over."
    return text


def function_splits(
    held: Sequence[Session], limit: int = SPLIT_SESSIONS
) -> tuple[list[FunctionSplit], int]:
    """Time per function for the last ``limit`` held sessions that recorded any time, and how
    many of the last ``limit`` held sessions recorded none."""
    recent = list(held)[-limit:]
    splits, untimed = [], 0
    for session in recent:
        seconds = seconds_by_function(session)
        clean = {str(f): int(seconds.get(f, 0)) for f in Function}
        if sum(clean.values()) <= 0:
            untimed += 1
            continue
        assert session.held_on is not None
        splits.append(FunctionSplit(session.held_on, clean))
    return splits, untimed


def balance_note(splits: Sequence[FunctionSplit]) -> str | None:
    """An observation when case management crowded out support and development across several
    sessions (at least 60% of the time, with under 30% left for both together)."""
    if len(splits) < MIN_SPLIT_SESSIONS:
        return None
    total = sum(s.total for s in splits)
    management = sum(s.seconds["management"] for s in splits)
    reflective = sum(s.seconds["support"] + s.seconds["development"] for s in splits)
    if total <= 0 or management * 100 < total * 60 or reflective * 100 >= total * 30:
        return None
    return (
        f"Over your last {words.number(len(splits))} {words.noun(len(splits), 'session')}, "
        "most time went on case "
        f"management ({words.share(management, total)}). Support and development had "
        f"{words.share(reflective, total)} between them. That happens when work is busy; you "
        "might agree to protect some time for reflection and learning next session."
    )


def expected_sessions(agreement: Agreement, since: date, today: date) -> int:
    """How many sessions the agreement asked for between ``since`` and ``today``, following
    each change of terms from its effective date. Counted on the agreement's calendar (before
    due dates are moved off weekends and bank holidays), so a moved date never adds a session."""
    if agreement.start_date > today:
        return 0
    if agreement.start_date >= since:
        cursor, expected = agreement.start_date, 1
    else:
        cursor, expected = since, 0
    while True:
        cursor = calendar_due(agreement, cursor)
        if cursor > today:
            return expected
        expected += 1


def regularity(
    agreement: Agreement, person: Person, held: Sequence[Session], today: date
) -> Regularity:
    """Held against expected over the last few months, in calm words, with the next date."""
    since = max(agreement.start_date, add_months(today, -REGULARITY_MONTHS))
    name = person.display_name
    if agreement.start_date > today:
        text = (
            f"Your agreement with {name} starts on {words.day(agreement.start_date)}, so no "
            "sessions are expected yet."
        )
        return Regularity(since, 0, 0, text)
    count = sum(1 for s in held if s.held_on is not None and since <= s.held_on <= today)
    expected = expected_sessions(agreement, since, today)
    start = (
        f"Since your agreement began on {words.day(since)}"
        if since == agreement.start_date
        else f"Since {words.day(since)}"
    )
    opening = f"{start} you have met {words.times(count)}"
    if count == 0:
        opening = f"{start} you haven't met yet"
    opening += f"; your agreement suggests about {words.count(expected, 'session')}."
    if count >= expected:
        opening += " That's in step with what you agreed."
    else:
        opening += (
            " Diaries slip for everyone; it may help to look at the next date together "
            "and protect it."
        )
    last = held[-1].held_on if held else None
    state = due_state(agreement, last, today)
    return Regularity(since, count, expected, f"{opening} {describe_due(state, name)}")


def pair_insight(
    agreement: Agreement, person: Person, sessions: Sequence[Session], today: date
) -> PairInsight:
    held = held_sessions(sessions, today)
    owner_role = other_role(person.role)
    points = rated_points(held)
    splits, untimed = function_splits(held)
    return PairInsight(
        agreement_id=agreement.id,
        person_name=person.display_name,
        owner_role=owner_role,
        points=tuple(points),
        ratings_wording=describe_ratings(points, owner_role, person.display_name),
        splits=tuple(splits),
        untimed=untimed,
        balance_note=balance_note(splits),
        regularity=regularity(agreement, person, held, today),
        length_wording=length_wording(agreement, held),
    )


class InsightsService:
    """Gathers the page's data from the other services; read-only, never writes the vault."""

    def __init__(
        self,
        agreements: AgreementService,
        sessions: SessionService,
        checkins: CheckinRepository,
        templates: TemplateLibrary,
        clock: Clock,
        received: Callable[[], Sequence[ReceivedRating]] | None = None,
    ) -> None:
        self._received = received  # the owner's ratings of records sent to them
        self._agreements = agreements
        self._sessions = sessions
        self._checkins = checkins
        self._templates = templates
        self._clock = clock

    def today(self) -> date:
        return self._clock.now().date()

    def pairs(self) -> list[PairInsight]:
        """One insight per agreement, in the order the agreements were made."""
        today = self.today()
        since = add_months(today, -REGULARITY_MONTHS)
        out = []
        people = []
        for agreement in self._agreements.list():
            person = self._agreements.person_of(agreement)
            sessions = self._sessions.insight_overview(agreement.id, since, today, LOOK_BACK)
            out.append(pair_insight(agreement, person, sessions, today))
            people.append(person.id)
        return self._with_received(out, people)

    def _with_received(self, pairs: list[PairInsight], people: list[str]) -> list[PairInsight]:
        """Add the ratings given on received records (``insights_received``)."""
        ratings = self._received() if self._received is not None else ()
        if not ratings:
            return pairs
        from swreflect.core.insights_received import merge_received

        return merge_received(pairs, people, ratings)

    def wellbeing(self) -> WellbeingInsight:
        today = self.today()
        first = week_start(today) - timedelta(weeks=WEEKS - 1)
        since = (first - timedelta(days=1)).isoformat()  # a day's margin for the time zone
        checkins = [checkin_from_row(row) for row in self._checkins.rows(since)]
        return wellbeing_insight(checkins, today, self._template_name)

    def _template_name(self, template_id: str) -> str:
        return self._templates.get(template_id).name
