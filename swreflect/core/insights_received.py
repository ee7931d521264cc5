"""Insights from the ratings a person gave while reviewing records sent to them.

A supervisee's sessions are usually run, and kept, in the supervisor's vault; the supervisee
rates each one in their own vault when the record arrives for agreement (``record_ratings``).
Those ratings are theirs, so their Insights show them: dated by the record's session date,
under the record's other party. Only the owner's own rating is ever used; the other person's
rating stays theirs (it is not in this vault unless they chose to put it in the record, and
even then it is not read here).

A rating joins the pair card of the agreement with that person when the vault has one;
otherwise the person gets a card of their own built from these ratings alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from swreflect.core.insights import (
    RECENT_SESSIONS,
    PairInsight,
    RatedPoint,
    Regularity,
    describe_ratings,
)
from swreflect.models.supervision import ReceivedRating


def _point(rating: ReceivedRating) -> RatedPoint:
    return RatedPoint(rating.held_on, rating.rater, rating.support, rating.challenge)


def _recent(points: Sequence[RatedPoint], limit: int = RECENT_SESSIONS) -> list[RatedPoint]:
    """The points of the last ``limit`` rated session dates, oldest first (as ``rated_points``)."""
    ordered = sorted(points, key=lambda p: (p.held_on, p.rater))
    days = sorted({p.held_on for p in ordered})[-limit:]
    return [p for p in ordered if p.held_on in days]


def with_received(pair: PairInsight, ratings: Sequence[ReceivedRating]) -> PairInsight:
    """``pair`` with the owner's ratings of received records for this person added."""
    if not ratings:
        return pair
    points = _recent([*pair.points, *(_point(r) for r in ratings)])
    return replace(
        pair,
        points=tuple(points),
        ratings_wording=describe_ratings(points, pair.owner_role, pair.person_name),
    )


def received_only(ratings: Sequence[ReceivedRating]) -> PairInsight:
    """A card for a person this vault has no agreement with, from the ratings alone."""
    newest = max(ratings, key=lambda r: r.held_on)
    name, role = newest.counterpart_name, newest.rater
    points = _recent([_point(r) for r in ratings])
    wording = (
        f"Your sessions with {name} are kept in their vault, so only the ratings you gave "
        "while reviewing the records they sent you are shown here."
    )
    return PairInsight(
        agreement_id="",
        person_name=name,
        owner_role=role,
        points=tuple(points),
        ratings_wording=describe_ratings(points, role, name),
        splits=(),
        untimed=0,
        balance_note=None,
        regularity=Regularity(newest.held_on, 0, 0, wording),
        received_only=True,
    )


def merge_received(
    pairs: Sequence[PairInsight],
    person_of_pair: Sequence[str],
    ratings: Sequence[ReceivedRating],
) -> list[PairInsight]:
    """Each pair with its person's received ratings; people with ratings but no agreement
    get a card of their own after the rest. ``person_of_pair`` gives each pair's person id.
    A person with several agreements has the ratings shown on the newest one."""
    by_person: dict[str, list[ReceivedRating]] = {}
    for rating in ratings:
        key = rating.counterpart_ref or f"name:{rating.counterpart_name}"
        by_person.setdefault(key, []).append(rating)
    last_pair = {person: i for i, person in enumerate(person_of_pair)}
    out = list(pairs)
    for person, index in last_pair.items():
        out[index] = with_received(out[index], by_person.pop(person, []))
    out += [received_only(group) for group in by_person.values()]
    return out
