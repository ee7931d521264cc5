"""The one date, time and count format (swreflect/timefmt.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from swreflect.timefmt import format_date, format_iso_moment, format_moment, plural


def test_dates_have_no_leading_zero_and_full_month() -> None:
    assert format_date(date(2026, 12, 2)) == "2 December 2026"


def test_moment_is_shown_in_local_time() -> None:
    aware = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)
    local = aware.astimezone()
    expected = f"{local.day} {local.strftime('%B %Y')}, {local.strftime('%H:%M')}"
    assert format_moment(aware) == expected


def test_zone_is_added_only_when_asked() -> None:
    plus_one = timezone(timedelta(hours=1))
    naive_local = datetime(2026, 6, 2, 9, 30)
    assert format_moment(naive_local) == "2 June 2026, 09:30"
    text = format_moment(datetime(2026, 6, 2, 9, 30, tzinfo=plus_one), with_zone=True)
    assert text.endswith(")") and "(UTC" in text


def test_unreadable_timestamp_is_shown_as_stored() -> None:
    assert format_iso_moment("not a date") == "not a date"


def test_plurals() -> None:
    assert plural(1, "minute") == "1 minute"
    assert plural(2, "minute") == "2 minutes"
    assert plural(0, "entry", "entries") == "0 entries"


def test_lengths_and_short_forms() -> None:
    from swreflect.timefmt import (
        format_day_month,
        format_minutes,
        format_short_minutes,
        format_weekday_date,
    )

    assert format_minutes(1) == "1 minute"
    assert format_minutes(90) == "90 minutes"
    assert format_minutes(120) == "2 hours"
    assert format_minutes(121) == "2 hours 1 minute"
    assert format_short_minutes(85) == "1 h 25 min"
    assert format_short_minutes(60) == "1 h"
    assert format_short_minutes(1) == "1 min"
    assert format_day_month(date(2026, 12, 2)) == "2 Dec"
    assert format_weekday_date(date(2026, 1, 12)) == "Monday 12 January 2026"
