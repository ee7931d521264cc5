"""Which sessions Insights and Home read, as SQL, so a worker never builds them all.

A career's agreement has hundreds of sessions, but the figures look only at the sessions held
in the last few months and the latest few held and rated ones. Building every session in
Python in the worker held the interpreter long enough to stall the window, so the worker asks
SQLite for just these (the values come from the caller; only placeholders are formatted in).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from swreflect.models.supervision import NOT_HELD_STATUSES

_HELD = (
    "agreement_id = ? AND finished_at IS NOT NULL AND held_on IS NOT NULL AND held_on <= ? "
    "AND status NOT IN ({marks})"
)


def held_window_sql(
    agreement_id: str, since: date, today: date, latest: int
) -> tuple[str, list[Any]]:
    """SQL for the held sessions Insights reads (``Session.is_held`` and on or before
    ``today``): held on or after ``since``, or among the ``latest`` held, or among the
    ``latest`` that have a rating. "Latest" follows the overview's own order (held date, then
    creation), so the sessions kept are exactly the ones the figures would pick from all."""
    not_held = [str(s) for s in NOT_HELD_STATUSES]
    held = _HELD.format(marks=",".join("?" for _ in not_held))
    base = [agreement_id, today.isoformat(), *not_held]
    newest = "ORDER BY held_on DESC, created_at DESC LIMIT ?"
    rated = "EXISTS (SELECT 1 FROM session_ratings r WHERE r.session_id = sessions.id)"
    where = (
        f"{held} AND (held_on >= ? "  # noqa: S608
        f"OR id IN (SELECT id FROM sessions WHERE {held} {newest}) "
        f"OR id IN (SELECT id FROM sessions WHERE {held} AND {rated} {newest}))"
    )
    params = [*base, since.isoformat(), *base, int(latest), *base, int(latest)]
    return where, params


def pending_follow_ups_sql(until: date) -> tuple[str, list[Any]]:
    """(agreement id, follow-up day) of each debrief whose suggested follow-up falls on or
    before ``until`` and after which no session has been held yet, in session order."""
    not_held = [str(s) for s in NOT_HELD_STATUSES]
    marks = ",".join("?" for _ in not_held)
    sql = (
        "SELECT d.agreement_id, d.follow_up_on FROM sessions d "  # noqa: S608
        "WHERE d.kind = 'debrief' AND d.follow_up_on IS NOT NULL AND d.held_on IS NOT NULL "
        "AND d.follow_up_on <= ? AND NOT EXISTS (SELECT 1 FROM sessions s "
        "WHERE s.agreement_id = d.agreement_id AND s.id != d.id AND s.finished_at IS NOT NULL "
        f"AND s.held_on IS NOT NULL AND s.status NOT IN ({marks}) AND s.held_on > d.held_on) "
        "ORDER BY COALESCE(d.held_on, substr(d.created_at, 1, 10)), d.created_at"
    )
    return sql, [until.isoformat(), *not_held]
