"""Due dates: presets, ASYE boundaries, agreements changed midway (pure rules)."""

from __future__ import annotations

from datetime import date

from swreflect.core.supervision_schedule import (
    add_months,
    describe_due,
    due_state,
    next_due,
)
from swreflect.models.supervision import Agreement, AgreementTerms


def _agreement(*terms: AgreementTerms, start: date = date(2026, 1, 5)) -> Agreement:
    return Agreement("a1", "p1", "Jo", start, None, "supervisor", 14, "", "", terms)


def _terms(
    frequency: str, effective: date = date(2026, 1, 5), days: int | None = None
) -> AgreementTerms:
    return AgreementTerms(effective, frequency, days, 90)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2028, 1, 30), 1) == date(2028, 2, 29)


def test_first_session_is_due_on_the_start_date() -> None:
    assert next_due(_agreement(_terms("monthly")), None) == date(2026, 1, 5)


def test_monthly_and_custom() -> None:
    monthly = _agreement(_terms("monthly"))
    assert next_due(monthly, date(2026, 1, 10)) == date(2026, 2, 10)
    custom = _agreement(_terms("custom", days=21))
    # 31 January 2026 is a Saturday: the session is due by the Friday before.
    assert next_due(custom, date(2026, 1, 10)) == date(2026, 1, 30)


def test_asye_phases_and_their_boundaries() -> None:
    start = date(2026, 1, 5)
    asye = _agreement(_terms("asye"))
    # Weekly in the first six weeks.
    assert next_due(asye, start) == date(2026, 1, 12)
    # Day 40: a week later would be day 47, after the weekly phase ended on day 42, so the
    # fortnightly rule on the far side of the boundary decides: day 54, a Saturday, so the
    # Friday before.
    day40 = date(2026, 2, 14)
    assert (day40 - start).days == 40
    assert next_due(asye, day40) == date(2026, 2, 27)
    # The last day of the fortnightly phase (6 months = 5 July) crosses into monthly.
    assert next_due(asye, date(2026, 6, 30)) == date(2026, 7, 30)
    # Comfortably inside the fortnightly phase.
    assert next_due(asye, date(2026, 3, 2)) == date(2026, 3, 16)


def test_tighter_terms_count_from_their_effective_date_not_before() -> None:
    agreement = _agreement(_terms("monthly"), _terms("custom", date(2026, 1, 20), days=7))
    # Monthly would give 10 Feb; weekly from 20 Jan counts a week from the change: 27 Jan.
    assert next_due(agreement, date(2026, 1, 10)) == date(2026, 1, 27)
    # After the change the new rule holds on its own.
    assert next_due(agreement, date(2026, 1, 21)) == date(2026, 1, 28)


def test_looser_terms_push_the_date_out_once_in_force() -> None:
    agreement = _agreement(_terms("custom", days=7), _terms("monthly", date(2026, 1, 12)))
    # A month from the change on 12 Jan, not from the last session on 10 Jan.
    assert next_due(agreement, date(2026, 1, 10)) == date(2026, 2, 12)
    # Before the change takes effect, the old weekly rule still applies.
    early = _agreement(_terms("custom", days=7), _terms("monthly", date(2026, 3, 1)))
    assert next_due(early, date(2026, 1, 10)) == date(2026, 1, 16)  # 17th is a Saturday


def test_overdue_counts_missed_sessions_and_uses_calm_words() -> None:
    agreement = _agreement(_terms("monthly"))
    state = due_state(agreement, date(2026, 1, 10), date(2026, 2, 24))
    assert state.state == "overdue"
    assert state.days_late == 14
    assert state.missed == 1
    text = describe_due(state, "Sam")
    assert "two weeks later than your agreement suggests" in text
    assert "Tuesday 10 February 2026" in text
    assert "overdue" not in text.lower()
    odd = due_state(agreement, date(2026, 1, 10), date(2026, 2, 27))
    assert "about two weeks later" in describe_due(odd, "Sam")
    later = due_state(agreement, date(2026, 1, 10), date(2026, 4, 20))
    assert "about two months later" in describe_due(later, "Sam")
    assert later.missed == 3  # 10 Feb, 10 Mar and 10 Apr passed without a session


def test_due_soon_today_and_not_due() -> None:
    agreement = _agreement(_terms("monthly"))
    last = date(2026, 1, 10)
    assert due_state(agreement, last, date(2026, 2, 10)).state == "due_today"
    assert due_state(agreement, last, date(2026, 2, 5)).state == "due_soon"
    assert due_state(agreement, last, date(2026, 1, 20)).state == "not_due"
    assert "due today" in describe_due(due_state(agreement, last, date(2026, 2, 10)), "Sam")
