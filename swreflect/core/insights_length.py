"""Held length against agreed length, for Insights (Standard 5 asks for at least 90 minutes).

Only sessions that were held count (``Session.is_held``). A session's length is the length
recorded for it, or else the time measured while it was open. The words say how many recent
sessions fell short of the time the agreement sets aside, without judging anyone.
"""

from __future__ import annotations

from collections.abc import Sequence

from swreflect.core.session_record import total_seconds
from swreflect.models.supervision import Agreement, Session
from swreflect.timefmt import format_minutes, plural

RECENT = 6
SHORT_BY_MINUTES = 10  # within ten minutes of the agreed length counts as the agreed length


def held_minutes(session: Session) -> int | None:
    if session.duration_minutes:
        return int(session.duration_minutes)
    seconds = total_seconds(session)
    return (seconds + 30) // 60 if seconds >= 60 else None


def length_wording(agreement: Agreement, held: Sequence[Session]) -> str | None:
    """Calm words comparing recent held sessions' length with the agreed length."""
    pairs = []
    for session in held[-RECENT:]:
        minutes = held_minutes(session)
        if minutes is not None and session.held_on is not None:
            pairs.append((minutes, agreement.terms_on(session.held_on).usual_minutes))
    if not pairs:
        return None
    short = [(m, agreed) for m, agreed in pairs if m < agreed - SHORT_BY_MINUTES]
    agreed_now = pairs[-1][1]
    counted = plural(len(pairs), "session")
    if not short:
        return (
            f"Your last {counted} each had about the time your agreement sets aside "
            f"({format_minutes(agreed_now)}) or more."
            if len(pairs) > 1
            else f"Your last session had about the time your agreement sets aside "
            f"({format_minutes(agreed_now)})."
        )
    average = round(sum(m for m, _ in short) / len(short))
    return (
        f"Of your last {counted}, {len(short)} had less time than the "
        f"{format_minutes(agreed_now)} your agreement sets aside (about "
        f"{format_minutes(average)} on average). It may be worth "
        "protecting the time together."
    )
