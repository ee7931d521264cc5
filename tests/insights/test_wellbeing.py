"""The owner's own journal over recent weeks, from real entries in a real vault."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from swreflect.core.insights_wellbeing import WEEKS, week_start
from swreflect.core.services import Services

Writer = Callable[..., int]
THIS_WEEK = date(2026, 6, 1)  # a Monday, the fake clock's today


def weeks_ago(n: int, weekday: int = 2) -> date:
    return THIS_WEEK - timedelta(weeks=n) + timedelta(days=weekday)


def test_an_empty_journal_says_how_it_fills(services: Services) -> None:
    insight = services.insights.wellbeing()
    assert not insight.has_entries and not insight.has_checkins
    assert len(insight.weeks) == WEEKS
    assert insight.weeks[-1].starts == THIS_WEEK
    assert insight.weeks[0].starts == THIS_WEEK - timedelta(weeks=WEEKS - 1)
    assert "haven't written" in insight.rhythm_wording
    assert "optional" in insight.trend_wording
    assert insight.stress_note is None


def test_weekly_averages_and_how_often_you_wrote(services: Services, write: Writer) -> None:
    write(weeks_ago(3), energy=2, stress=4, workload=5)
    write(weeks_ago(3, 4), energy=3, stress=3, workload=4)
    write(weeks_ago(1), energy=4, stress=2)
    write(weeks_ago(1, 3))  # no check-in: counts as writing, not as a check-in
    write(weeks_ago(20), energy=1, stress=5, workload=5)  # outside the window
    insight = services.insights.wellbeing()
    by_week = {w.starts: w for w in insight.weeks}
    three = by_week[week_start(weeks_ago(3))]
    assert three.entries == 2
    assert three.averages == {"energy": 2.5, "stress": 3.5, "workload": 4.5}
    one = by_week[week_start(weeks_ago(1))]
    assert one.entries == 2
    assert one.averages == {"energy": 4.0, "stress": 2.0, "workload": None}
    assert insight.entries == 4 and insight.weeks_written == 2
    assert (
        insight.rhythm_wording
        == "You wrote four entries over the last twelve weeks, in two of those weeks."
    )
    assert "Energy went up, from 2.5 to 4." in insight.trend_wording
    assert "Stress went down, from 3.5 to 2." in insight.trend_wording
    assert "Workload was 4.5 in the one week" in insight.trend_wording
    assert insight.stress_note is None


def test_stress_high_for_three_weeks_brings_a_gentle_note(
    services: Services, write: Writer
) -> None:
    for n in (3, 2, 1):
        write(weeks_ago(n), stress=4 if n != 2 else 5)
    note = services.insights.wellbeing().stress_note
    assert note is not None
    assert "three weeks" in note and "supervision" in note and "wellbeing" in note
    for word in ("burnout", "depress", "anxiety disorder", "diagnos", "warning"):
        assert word not in note.lower()


def test_one_calmer_week_means_no_note(services: Services, write: Writer) -> None:
    write(weeks_ago(3), stress=5)
    write(weeks_ago(2), stress=3)
    write(weeks_ago(1), stress=5)
    write(weeks_ago(0, 0), stress=5)
    assert services.insights.wellbeing().stress_note is None


def test_a_week_without_a_stress_check_in_breaks_the_run(services: Services, write: Writer) -> None:
    write(weeks_ago(3), stress=5)
    write(weeks_ago(2), energy=3)
    write(weeks_ago(1), stress=5)
    assert services.insights.wellbeing().stress_note is None


def test_templates_are_named_and_counted_and_trash_is_left_out(
    services: Services, write: Writer
) -> None:
    write(weeks_ago(2), template="gibbs")
    write(weeks_ago(2, 3), template="gibbs")
    write(weeks_ago(1), template="free")
    write(weeks_ago(1, 1), template="no-longer-installed")
    services.journal.trash(write(weeks_ago(1, 2), template="driscoll", stress=5))
    insight = services.insights.wellbeing()
    names = dict(insight.templates)
    assert names["Free writing"] == 2  # an unknown template reads as free writing
    assert len(names) == 2 and insight.entries == 4
    assert insight.templates[0][1] == 2
    assert "What? So what? Now what?" not in insight.templates_wording
    assert insight.weeks[-2].averages["stress"] is None


def test_nothing_written_is_read_back(services: Services, write: Writer) -> None:
    write(weeks_ago(1), stress=3)
    insight = services.insights.wellbeing()
    assert "A day" not in repr(insight) and "Some words" not in repr(insight)
