"""Issue 11: a supervisee's Insights keep working from their own ratings.

Sam runs the sessions in his vault; Priya rates each one in hers while reviewing the record he
sends (``RecordService.rate_received``). Two real vaults, real exchange files. Her Insights show
her ratings, dated by the record's session date and placed under Sam; Sam's rating, private or
included in the record, never appears in hers, and hers never reaches his.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.insights import RatedPoint
from swreflect.core.services import Services
from swreflect.gui.pages.insights_page import InsightsPage
from swreflect.timefmt import format_date
from tests import shots
from tests.gui.conftest import styled_app
from tests.signing.conftest import open_services
from tests.signing.sessions import pair_people, run_session
from tests.typed import present

__all__ = ["styled_app"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def two(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Services, Services, str, str]]:
    sam = open_services(tmp_path / "sam", clock, "Sam Okafor", "supervisor")
    priya = open_services(tmp_path / "priya", clock, "Priya Shah", "supervisee")
    try:
        priya_id, sam_id = pair_people(sam, priya)
        yield sam, priya, priya_id, sam_id
    finally:
        sam.close()
        priya.close()


def _send_and_rate(sam: Services, priya: Services, sid: str, support: int, challenge: int) -> str:
    record_id = sam.sessions.get(sid).record_id
    priya.signoff.import_file(sam.signoff.request_session_agreement(sid))
    priya.records.rate_received(record_id, support, challenge)
    return record_id


def test_ratings_given_on_received_records_appear_in_the_reviewers_insights(
    two: tuple[Services, Services, str, str], clock: FakeClock
) -> None:
    sam, priya, priya_id, _sam_id = two
    first = run_session(sam, priya_id)  # Sam rates 4/3 and keeps it to himself
    _send_and_rate(sam, priya, first, 2, 5)
    clock.advance(30 * 24 * 3600)
    second = run_session(sam, priya_id)
    sam.sessions.rate(second, "supervisor", 5, 5, include_in_record=True)  # his choice
    record_id = _send_and_rate(sam, priya, second, 3, 4)
    sam.signoff.import_file(priya.signoff.sign(record_id))  # agreed: still hers to look back on
    assert priya.signoff.status(record_id) == "agreed"

    [card] = priya.insights.pairs()  # Priya has no agreement in her vault: a card of its own
    days = [present(sam.sessions.get(s).held_on) for s in (first, second)]
    assert card.person_name == "Sam Okafor" and card.owner_role == "supervisee"
    assert card.received_only and card.agreement_id == ""
    assert list(card.points) == [
        RatedPoint(days[0], "supervisee", 2, 5),
        RatedPoint(days[1], "supervisee", 3, 4),
    ]
    assert all(p.rater == "supervisee" for p in card.points)  # never Sam's, even included
    assert "you rated support 3 and challenge 4" in card.ratings_wording
    assert "Sam Okafor" in card.regularity.wording

    # Sam's Insights hold only his own ratings: Priya's never left her vault.
    his = [p for pair in sam.insights.pairs() for p in pair.points]  # one agreement per run
    assert {(p.rater, p.support, p.challenge) for p in his} == {
        ("supervisor", 4, 3),
        ("supervisor", 5, 5),
    }
    held_by_sam = sam.vault.conn.execute("SELECT count(*) FROM record_ratings").fetchone()[0]
    assert held_by_sam == 0
    agreed = sam.signoff.agreed_record(record_id).record["ratings"]
    assert agreed["supervisor"] == {"support": 5, "challenge": 5}  # his, by his choice
    assert agreed["supervisee"] is None  # hers never joined the record


def test_they_join_the_card_of_an_agreement_with_that_person(
    two: tuple[Services, Services, str, str],
) -> None:
    sam, priya, priya_id, sam_id = two
    agreement = priya.agreements.add(sam_id, "Priya Shah", frequency="monthly")
    sid = run_session(sam, priya_id)
    _send_and_rate(sam, priya, sid, 4, 2)
    # A rating given again replaces the first: one point per session.
    priya.records.rate_received(sam.sessions.get(sid).record_id, 5, 2)

    [card] = priya.insights.pairs()
    assert card.agreement_id == agreement.id and not card.received_only
    day = present(sam.sessions.get(sid).held_on)
    assert list(card.points) == [RatedPoint(day, "supervisee", 5, 2)]


def test_a_record_not_yet_rated_adds_nothing(two: tuple[Services, Services, str, str]) -> None:
    sam, priya, priya_id, _sam_id = two
    sid = run_session(sam, priya_id)
    priya.signoff.import_file(sam.signoff.request_session_agreement(sid))
    assert priya.insights.pairs() == []


def test_the_insights_page_shows_them(
    qtbot, styled_app, two: tuple[Services, Services, str, str]
) -> None:
    sam, priya, priya_id, _sam_id = two
    sid = run_session(sam, priya_id)
    _send_and_rate(sam, priya, sid, 2, 5)
    page = InsightsPage(priya)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)  # figures come from a worker
    assert not page.is_empty
    [card] = page.pair_cards
    day = sam.sessions.get(sid).held_on
    assert day is not None
    assert card.grid.points() == [(format_date(day), 2.0, 5.0)]
    assert "you rated support 2 and challenge 5" in card.ratings.text()
    assert "rated support 4" not in card.grid.accessibleDescription()  # Sam's stays his
    assert card.split_title.isHidden() and card.split_hint.isHidden()
    shots.save(page, "insights-received-ratings")


def test_a_record_agreed_before_rating_at_review_existed_can_be_rated_and_shown(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The vaults written by the code of 6 December 2026 (tests/fixtures/agreed_2026_12):
    Priya's agreed record opens, takes her rating now, and her Insights show it."""
    import json
    import shutil

    from swreflect.core.services import build_services
    from swreflect.vault.vault import Vault
    from tests.conftest import TEST_PASSPHRASE

    fixture = Path(__file__).parents[1] / "fixtures" / "agreed_2026_12"
    record_id = json.loads((fixture / "ids.json").read_text(encoding="utf-8"))["signed_both"]
    shutil.copytree(fixture / "priya-vault", tmp_path / "priya")
    priya = build_services(Vault.unlock(tmp_path / "priya", TEST_PASSPHRASE), clock)
    try:
        assert priya.signoff.status(record_id) == "agreed"
        held_on = priya.signoff.agreed_record(record_id).record["session"]["date"]
        priya.records.rate_received(record_id, 4, 4)
        points = [p for pair in priya.insights.pairs() for p in pair.points]
        assert [(p.held_on.isoformat(), p.rater, p.support) for p in points] == [
            (held_on, "supervisee", 4)
        ]
    finally:
        priya.close()
