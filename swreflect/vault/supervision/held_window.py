"""Which of an agreement's sessions the Insights page reads, as SQL.

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
