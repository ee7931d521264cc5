"""One meaning for "records with this person, between these dates" in the CLI and the GUI."""

from __future__ import annotations

from datetime import date

from swreflect.core.record_filter import RecordFilter, people_in, record_day
from tests.export.factory import make_identity, make_record, sign_both

SUP = make_identity("Zoë Ó Súilleabháin")


def _signed(day: str, supervisee: str = "Ольга Петренко"):
    return sign_both(make_record(date=day, supervisee=supervisee), SUP, None)


def test_a_person_matches_either_party_ignoring_case() -> None:
    march, june = _signed("2026-03-04"), _signed("2026-06-01", supervisee="Ada Price")
    records = [march, june]
    assert RecordFilter(person="ольга петренко").apply(records) == [march]
    assert RecordFilter(person="ZOË Ó SÚILLEABHÁIN").apply(records) == records
    assert RecordFilter(person="Nobody").apply(records) == []
    assert people_in(records) == ["Ada Price", "Zoë Ó Súilleabháin", "Ольга Петренко"]


def test_dates_are_parsed_and_both_ends_are_inclusive() -> None:
    march, june = _signed("2026-03-04"), _signed("2026-06-01")
    records = [march, june]
    assert record_day(march) == date(2026, 3, 4)
    assert RecordFilter(since=date(2026, 3, 4)).apply(records) == records
    assert RecordFilter(until=date(2026, 3, 4)).apply(records) == [march]
    assert RecordFilter(since=date(2026, 3, 5), until=date(2026, 6, 1)).apply(records) == [june]


def test_an_undated_record_is_kept_only_without_date_bounds() -> None:
    undated = _signed("not a date")
    assert RecordFilter().apply([undated]) == [undated]
    assert RecordFilter(since=date(2000, 1, 1)).apply([undated]) == []
