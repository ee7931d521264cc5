"""The vault owner's own journal over recent weeks: check-in trends, how often they wrote, and
which templates they reach for. Only dates, template ids and the 1-5 check-ins are read.

A gentle note appears when stress has stayed high for several weeks. It points to supervision
and to wellbeing support, and never diagnoses or scores the person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from swreflect.core import insights_words as words
from swreflect.models.journal import WELLBEING_SCALES

WEEKS = 12
HIGH_STRESS = 4.0  # a weekly average at or above this counts as high
HIGH_STRESS_WEEKS = 3
SCALE_LABELS = {"energy": "Energy", "stress": "Stress", "workload": "Workload"}


@dataclass(frozen=True)
class Checkin:
    written_on: date
    template_id: str
    energy: int | None
    stress: int | None
    workload: int | None

    def value(self, scale: str) -> int | None:
        value: int | None = getattr(self, scale)
        return value


@dataclass(frozen=True)
class WeekPoint:
    """One calendar week (Monday first): entries written and the average of each check-in."""

    starts: date
    entries: int
    averages: dict[str, float | None]


@dataclass(frozen=True)
class WellbeingInsight:
    weeks: tuple[WeekPoint, ...]
    entries: int  # in the window
    weeks_written: int
    rhythm_wording: str
    templates: tuple[tuple[str, int], ...]  # (template name, entries), most used first
    templates_wording: str
    trend_wording: str
    stress_note: str | None

    @property
    def has_entries(self) -> bool:
        return self.entries > 0

    @property
    def has_checkins(self) -> bool:
        return any(v is not None for w in self.weeks for v in w.averages.values())


def checkin_from_row(row: tuple[str, str, int | None, int | None, int | None]) -> Checkin:
    return Checkin(datetime.fromisoformat(row[0]).date(), row[1], row[2], row[3], row[4])


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(checkins: Sequence[Checkin], today: date, weeks: int = WEEKS) -> list[WeekPoint]:
    """The last ``weeks`` calendar weeks up to and including this one, oldest first."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    out = []
    for index in range(weeks):
        starts = first + timedelta(weeks=index)
        inside = [c for c in checkins if starts <= c.written_on < starts + timedelta(days=7)]
        averages: dict[str, float | None] = {}
        for scale in WELLBEING_SCALES:
            values = [v for c in inside if (v := c.value(scale)) is not None]
            averages[scale] = round(sum(values) / len(values), 1) if values else None
        out.append(WeekPoint(starts, len(inside), averages))
    return out


def stress_note(weeks: Sequence[WeekPoint]) -> str | None:
    """When the most recent weeks with a stress check-in (ignoring a quiet current week) were
    all high, a gentle pointer towards supervision and support."""
    recent = list(weeks)
    if recent and recent[-1].averages["stress"] is None:
        recent = recent[:-1]
    tail = recent[-HIGH_STRESS_WEEKS:]
    if len(tail) < HIGH_STRESS_WEEKS:
        return None
    if any((w.averages["stress"] or 0) < HIGH_STRESS for w in tail):
        return None
    return (
        f"Your stress check-ins have been high for {words.count(len(tail), 'week')} running. "
        "That is worth noticing, and you don't have to carry it alone. You might bring it to "
        "your next supervision, talk with someone you trust, or use your organisation's "
        "wellbeing or employee assistance support."
    )


def _trend(weeks: Sequence[WeekPoint]) -> str:
    parts = []
    for scale in WELLBEING_SCALES:
        values = [v for w in weeks if (v := w.averages[scale]) is not None]
        if not values:
            continue
        label = SCALE_LABELS[scale]
        if len(values) == 1:
            parts.append(f"{label} was {values[0]:g} in the one week you checked in.")
            continue
        first, last = values[0], values[-1]
        if abs(last - first) < 1:
            move = "stayed about the same"
        elif last > first:
            move = "went up"
        else:
            move = "went down"
        parts.append(f"{label} {move}, from {first:g} to {last:g}.")
    if not parts:
        return (
            "No wellbeing check-ins in these weeks. When you write an entry you can note your "
            "energy, stress and workload from 1 to 5; they are optional."
        )
    return "Across the weeks you checked in (1 is low, 5 is high): " + " ".join(parts)


def wellbeing_insight(
    checkins: Sequence[Checkin],
    today: date,
    template_name: Callable[[str], str],
    weeks: int = WEEKS,
) -> WellbeingInsight:
    points = weekly(checkins, today, weeks)
    first = points[0].starts
    recent = [c for c in checkins if first <= c.written_on <= today]
    written = sum(1 for w in points if w.entries)
    if recent:
        rhythm = (
            f"You wrote {words.count(len(recent), 'entry', 'entries')} over the last "
            f"{words.count(weeks, 'week')}, in {words.number(written)} of those weeks."
        )
    else:
        rhythm = f"You haven't written in your journal in the last {words.count(weeks, 'week')}."
    counts = Counter(template_name(c.template_id) for c in recent)
    used = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    if used:
        listed = ", ".join(f"{name} ({words.times(n)})" for name, n in used[:4])
        templates_text = f"The ways you wrote: {listed}."
    else:
        templates_text = "Templates you use will be listed here."
    return WellbeingInsight(
        weeks=tuple(points),
        entries=len(recent),
        weeks_written=written,
        rhythm_wording=rhythm,
        templates=used,
        templates_wording=templates_text,
        trend_wording=_trend(points),
        stress_note=stress_note(points),
    )
