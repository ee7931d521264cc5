"""England and Wales bank holidays, computed on the device, checked against published lists."""

from __future__ import annotations

from datetime import date

from swreflect.core import bank_holidays as bh

# The published England and Wales lists for these years.
PUBLISHED = {
    2020: ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
           "2020-12-25", "2020-12-28"],
    2021: ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
           "2021-12-27", "2021-12-28"],
    2022: ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
           "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"],
    2023: ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
           "2023-08-28", "2023-12-25", "2023-12-26"],
    2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
           "2025-12-25", "2025-12-26"],
    2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
           "2026-12-25", "2026-12-28"],
    2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
           "2027-12-27", "2027-12-28"],
}  # fmt: skip


def test_each_year_matches_the_published_list() -> None:
    for year, days in PUBLISHED.items():
        assert sorted(bh.holidays(year)) == [date.fromisoformat(d) for d in days], year


def test_easter_by_the_computus() -> None:
    known = {2000: (4, 23), 2008: (3, 23), 2011: (4, 24), 2019: (4, 21), 2024: (3, 31),
             2038: (4, 25), 2285: (3, 22)}  # fmt: skip
    for year, (month, day) in known.items():
        assert bh.easter_sunday(year) == date(year, month, day)


def test_working_days_skip_weekends_and_holidays() -> None:
    assert bh.working_day_on_or_before(date(2026, 12, 28)) == date(2026, 12, 24)
    assert bh.working_day_on_or_after(date(2026, 12, 25)) == date(2026, 12, 29)
    assert bh.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert bh.holiday_name(date(2023, 5, 8)) == "Coronation of King Charles III"
    assert bh.is_working_day(date(2026, 12, 24))
