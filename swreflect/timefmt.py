"""One way to show dates, times and counts to a person, everywhere in the app and its exports.

The reviews counted six date formats and a "1 minutes". Every screen, export and CLI message that
shows a date or a count to a person goes through these few functions, so the record reads the
same in the app as in the PDF. Stored values are unchanged: this module only formats.

Format: "2 December 2026" for a date, "2 December 2026, 14:05" for a moment in local time, with
the UTC offset added only where the caller says the zone matters (exports read elsewhere).
"""

from __future__ import annotations

from datetime import date, datetime


def format_date(value: date) -> str:
    """``2 December 2026``: day without a leading zero, full month name, four-digit year."""
    return f"{value.day} {value.strftime('%B %Y')}"


def format_short_date(value: date) -> str:
    """``2 Dec 2026``, for narrow lists and charts."""
    return f"{value.day} {value.strftime('%b %Y')}"


def format_day_month(value: date) -> str:
    """``2 Dec``: for chart axes and lists where the year is plain from the context."""
    return f"{value.day} {value.strftime('%b')}"


def format_weekday_date(value: date) -> str:
    """``Monday 12 January 2026``: a due date, shown with its weekday."""
    return f"{value.strftime('%A')} {format_date(value)}"


def format_moment(value: datetime, *, with_zone: bool = False) -> str:
    """``2 December 2026, 14:05`` in the computer's local time.

    A naive ``datetime`` is taken as already local. With ``with_zone`` the UTC offset follows
    (``2 December 2026, 14:05 (UTC+00:00)``), for text that may be read in another time zone.
    """
    local = value.astimezone() if value.tzinfo is not None else value
    text = f"{format_date(local)}, {local.strftime('%H:%M')}"
    if with_zone and local.tzinfo is not None:
        raw = local.strftime("%z")
        text += f" (UTC{raw[:3]}:{raw[3:]})"
    return text


def format_time(value: datetime) -> str:
    """``14:05``: the local time of day, for "Saved 14:05" beside an editor."""
    local = value.astimezone() if value.tzinfo is not None else value
    return local.strftime("%H:%M")


def format_stamp(value: datetime) -> str:
    """``2026-12-02 14:05 +00:00``: local time with its UTC offset, sortable and unambiguous,
    for command-line lists (a stored UTC time is never shown as if it were local).

    A naive ``datetime`` is taken as UTC, which is how the vault stores moments."""
    from datetime import UTC

    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    local = aware.astimezone()
    raw = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {raw[:3]}:{raw[3:]}"


def format_local_day(value: datetime) -> str:
    """``2026-12-02``: the local calendar day of a stored moment (near midnight UTC the
    local day can differ)."""
    return format_stamp(value)[:10]


def format_iso_moment(text: str, *, with_zone: bool = False) -> str:
    """Format a stored ISO 8601 timestamp; an unreadable one is shown as stored, never dropped."""
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return text
    return format_moment(parsed, with_zone=with_zone)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 minute``, ``2 minutes``, ``0 entries`` (pass ``plural_form`` for irregular words)."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"


def format_minutes(minutes: int) -> str:
    """``1 minute``, ``90 minutes``, ``2 hours 5 minutes`` (whole hours only from two hours,
    so "90 minutes", the way supervision lengths are usually agreed, stays as it is)."""
    if minutes >= 120:
        hours, rest = divmod(minutes, 60)
        text = plural(hours, "hour")
        return f"{text} {plural(rest, 'minute')}" if rest else text
    return plural(minutes, "minute")


def format_short_minutes(minutes: int) -> str:
    """``25 min``, ``1 h 25 min``, ``2 h``: the compact length for tables, bars and clocks
    (abbreviations have no plural, so "1 min" and "5 min" are both right)."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return f"{hours} h"
    return f"{rest} min"
