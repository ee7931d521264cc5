"""Supervision pair insights on real vaults: the grid points, the time split, the balance
observation and regularity against the agreement (including a change of terms)."""

from __future__ import annotations

from datetime import date

from swreflect.core.insights import expected_sessions
from swreflect.core.services import Services
from tests.insights.conftest import SessionMaker

MONTHLY = [date(2026, 1, 5), date(2026, 2, 5), date(2026, 3, 5), date(2026, 4, 7), date(2026, 5, 5)]


def only_pair(services: Services):
    pairs = services.insights.pairs()
    assert len(pairs) == 1
    return pairs[0]


def test_no_agreements_means_no_pairs(services: Services) -> None:
    assert services.insights.pairs() == []


def test_an_agreement_without_sessions_explains_itself(
    services: Services, agreement_id: str
) -> None:
    pair = only_pair(services)
    assert pair.person_name == "Sam Okafor"
    assert pair.owner_role == "supervisor"
    assert not pair.has_sessions
    assert pair.points == () and pair.splits == () and pair.balance_note is None
    assert "No session has support and challenge ratings yet" in pair.ratings_wording
    assert pair.regularity.held == 0
    # Monthly from 5 January to 1 June: 5 Jan, 5 Feb, 5 Mar, 5 Apr, 5 May.
    assert pair.regularity.expected == 5
    assert "haven't met yet" in pair.regularity.wording
    assert "overdue" not in pair.regularity.wording.lower()


def test_ratings_from_both_parties_oldest_to_newest(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    held(agreement_id, date(2026, 2, 5), {"supervisor": (2, 2), "supervisee": (3, 1)})
    held(agreement_id, date(2026, 3, 5), {"supervisor": (4, 4), "supervisee": (5, 4)})
    pair = only_pair(services)
    assert [(p.held_on, p.rater, p.support, p.challenge) for p in pair.points] == [
        (date(2026, 2, 5), "supervisee", 3, 1),
        (date(2026, 2, 5), "supervisor", 2, 2),
        (date(2026, 3, 5), "supervisee", 5, 4),
        (date(2026, 3, 5), "supervisor", 4, 4),
    ]
    assert "5 March 2026" in pair.ratings_wording
    assert "you rated support 4 and challenge 4" in pair.ratings_wording
    assert "Sam Okafor rated support 5 and challenge 4" in pair.ratings_wording
    assert "you rated support 4 and challenge 4; Sam Okafor" in pair.ratings_wording
    assert "\u201cSupported and stretched\u201d quarter" in pair.ratings_wording
    assert "Only" not in pair.ratings_wording


def test_one_sided_and_differing_ratings_are_named_gently(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    held(agreement_id, date(2026, 3, 5), {"supervisee": (4, 2)})
    pair = only_pair(services)
    assert [p.rater for p in pair.points] == ["supervisee"]
    assert "Only Sam Okafor rated that one" in pair.ratings_wording
    assert "Supported, not stretched" in pair.ratings_wording
    held(agreement_id, date(2026, 4, 5), {"supervisor": (5, 5), "supervisee": (2, 5)})
    assert "saw that session differently" in only_pair(services).ratings_wording


def test_only_the_last_six_rated_sessions_reach_the_grid(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    for day in range(1, 9):
        held(agreement_id, date(2026, 5, day), {"supervisor": (3, day % 5 + 1)})
    pair = only_pair(services)
    assert [p.held_on.day for p in pair.points] == [3, 4, 5, 6, 7, 8]


def test_sessions_without_function_times_are_counted_apart(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    for day in MONTHLY[:4]:
        held(agreement_id, day)
    pair = only_pair(services)
    assert pair.splits == ()
    assert pair.untimed == 4
    assert pair.balance_note is None


def test_case_management_crowding_out_reflection_is_observed(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    for day in MONTHLY:
        held(agreement_id, day, minutes={"agenda": 60, "review": 10, "checkin": 5, "learning": 5})
    pair = only_pair(services)
    assert len(pair.splits) == 4
    assert pair.splits[-1].held_on == date(2026, 5, 5)
    assert pair.splits[0].seconds["management"] == 70 * 60
    assert pair.splits[0].total == 80 * 60
    assert pair.balance_note is not None
    assert pair.balance_note.startswith("Over your last four sessions, most time went on case")
    assert "about 90%" in pair.balance_note


def test_balanced_sessions_and_too_few_sessions_give_no_observation(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    held(agreement_id, MONTHLY[0], minutes={"agenda": 80, "checkin": 5})
    held(agreement_id, MONTHLY[1], minutes={"agenda": 80, "checkin": 5})
    assert only_pair(services).balance_note is None  # two sessions are not "several"
    for day in MONTHLY[2:]:
        held(agreement_id, day, minutes={"agenda": 30, "checkin": 20, "learning": 25})
    pair = only_pair(services)
    assert len(pair.splits) == 4
    assert pair.balance_note is None


def test_regular_sessions_are_in_step_and_cancelled_ones_do_not_count(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    for day in MONTHLY:
        held(agreement_id, day)
    cancelled = services.sessions.create(agreement_id)
    services.sessions.cancel(cancelled.id)
    pair = only_pair(services)
    assert (pair.regularity.held, pair.regularity.expected) == (5, 5)
    assert pair.regularity.wording.startswith(
        "Since your agreement began on 5 January 2026 you have met five times;"
    )
    assert "in step with what you agreed" in pair.regularity.wording


def test_fewer_sessions_than_agreed_is_said_calmly(
    services: Services, agreement_id: str, held: SessionMaker
) -> None:
    held(agreement_id, MONTHLY[0])
    held(agreement_id, MONTHLY[2])
    pair = only_pair(services)
    assert (pair.regularity.held, pair.regularity.expected) == (2, 5)
    assert "met twice" in pair.regularity.wording
    assert "Diaries slip" in pair.regularity.wording
    for word in ("overdue", "missed", "fail", "late!"):
        assert word not in pair.regularity.wording.lower()


def test_a_changed_agreement_counts_each_rule_from_its_date(
    services: Services, agreement_id: str
) -> None:
    before = services.agreements.get(agreement_id)
    today = date(2026, 6, 1)
    assert expected_sessions(before, date(2026, 1, 5), today) == 5
    changed = services.agreements.change_terms(
        agreement_id, effective_from=date(2026, 4, 1), frequency="custom", custom_days=14
    )
    # Monthly until April (5 Jan, 5 Feb, 5 Mar), then fortnightly counted from the change on
    # 1 April: 15 Apr, 29 Apr, 13 May, 27 May.
    assert expected_sessions(changed, date(2026, 1, 5), today) == 7
    assert only_pair(services).regularity.expected == 7


def test_an_agreement_that_has_not_started_expects_nothing(services: Services) -> None:
    person = services.people.add("Ana Silva", "supervisor")
    services.agreements.add(person.id, "Jo Reyes", start_date=date(2026, 7, 1))
    pair = only_pair(services)
    assert pair.owner_role == "supervisee"
    assert pair.regularity.expected == 0
    assert "starts on 1 July 2026" in pair.regularity.wording


def test_the_window_is_the_last_six_months(services: Services, held: SessionMaker) -> None:
    person = services.people.add("Ana Silva", "supervisor")
    agreement = services.agreements.add(person.id, "Jo Reyes", start_date=date(2025, 1, 10))
    held(agreement.id, date(2025, 6, 1))
    held(agreement.id, date(2026, 2, 1))
    pair = only_pair(services)
    assert pair.regularity.since == date(2025, 12, 1)
    assert pair.regularity.wording.startswith("Since 1 December 2025 you have met once;")
    assert pair.regularity.held == 1
    assert pair.regularity.expected == 6


def test_when_you_are_the_supervisee_your_own_rating_is_yours(
    services: Services, held: SessionMaker
) -> None:
    person = services.people.add("Ana Silva", "supervisor")
    agreement = services.agreements.add(person.id, "Jo Reyes", start_date=date(2026, 3, 1))
    held(agreement.id, date(2026, 5, 20), {"supervisee": (2, 5)})
    pair = only_pair(services)
    assert pair.owner_role == "supervisee"
    assert "you rated support 2 and challenge 5" in pair.ratings_wording
    assert "Only you rated that one" in pair.ratings_wording
    assert "Ana Silva may see it differently" in pair.ratings_wording
    assert "\u201cStretched, not supported\u201d" in pair.ratings_wording
