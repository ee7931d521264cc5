"""Bank holidays of England and Wales, worked out on this computer (no network, no download).

Due dates must never land on a weekend or a bank holiday, and the app never goes online, so the
holidays are computed from their rules: New Year's Day, Good Friday and Easter Monday (from the
date of Easter, by the Gregorian computus), the early May, spring and summer bank holidays
(Mondays), Christmas Day and Boxing Day, with a substitute weekday when a fixed holiday falls at
a weekend. Years when a holiday was moved, and one-off holidays proclaimed for national events,
are data below; a new proclamation means adding one line here.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

# One-off bank holidays proclaimed for a single year.
ONE_OFF: tuple[tuple[date, str], ...] = (
    (date(1999, 12, 31), "Millennium celebrations"),
    (date(2002, 6, 3), "Golden Jubilee"),
    (date(2011, 4, 29), "Royal wedding"),
    (date(2012, 6, 5), "Diamond Jubilee"),
    (date(2022, 6, 3), "Platinum Jubilee"),
    (date(2022, 9, 19), "State funeral of Queen Elizabeth II"),
    (date(2023, 5, 8), "Coronation of King Charles III"),
)

# Years when a regular holiday was moved off its usual day: (year, rule) -> the day used.
MOVED: dict[tuple[int, str], date] = {
    (1995, "early_may"): date(1995, 5, 8),
    (2002, "spring"): date(2002, 6, 4),
    (2012, "spring"): date(2012, 6, 4),
    (2020, "early_may"): date(2020, 5, 8),
    (2022, "spring"): date(2022, 6, 2),
}


def easter_sunday(year: int) -> date:
    """Easter Day in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    day = following - timedelta(days=1)
    return day - timedelta(days=day.weekday())


def _new_year(year: int) -> date:
    day = date(year, 1, 1)
    return day + timedelta(days={5: 2, 6: 1}.get(day.weekday(), 0))


def _christmas_and_boxing(year: int) -> tuple[date, date]:
    christmas = date(year, 12, 25)
    weekday = christmas.weekday()
    if weekday == 5:  # Saturday: Monday and Tuesday are the substitute days
        return date(year, 12, 27), date(year, 12, 28)
    if weekday == 6:  # Sunday: Boxing Day is Monday, Christmas moves to Tuesday
        return date(year, 12, 27), date(year, 12, 26)
    if weekday == 4:  # Friday: Boxing Day falls on Saturday, so Monday is the substitute
        return christmas, date(year, 12, 28)
    return christmas, date(year, 12, 26)


@lru_cache(maxsize=64)
def holidays(year: int) -> dict[date, str]:
    """Every bank holiday in England and Wales in ``year``, by date."""
    easter = easter_sunday(year)
    christmas, boxing = _christmas_and_boxing(year)
    regular = {
        "new_year": (_new_year(year), "New Year's Day"),
        "good_friday": (easter - timedelta(days=2), "Good Friday"),
        "easter_monday": (easter + timedelta(days=1), "Easter Monday"),
        "early_may": (_first_monday(year, 5), "Early May bank holiday"),
        "spring": (_last_monday(year, 5), "Spring bank holiday"),
        "summer": (_last_monday(year, 8), "Summer bank holiday"),
        "christmas": (christmas, "Christmas Day"),
        "boxing": (boxing, "Boxing Day"),
    }
    out: dict[date, str] = {}
    for rule, (day, name) in regular.items():
        out[MOVED.get((year, rule), day)] = name
    for day, name in ONE_OFF:
        if day.year == year:
            out[day] = name
    return out


def holiday_name(day: date) -> str | None:
    return holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int) -> date:
    """``count`` working days after ``day`` (a reply window, a decision due in one day)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
