"""The newly qualified year, date by date: phases, the switch to ASYE terms, the anchor kept
across a change of supervisor, working days, review reminders and the end of the year."""

from __future__ import annotations

import itertools
from datetime import date

from swreflect.core import asye
from swreflect.core.agreements import frequency_label, reminders, terms_in_words
from swreflect.core.bank_holidays import is_working_day
from swreflect.core.services import Services
from swreflect.core.supervision_schedule import describe_due, due_state, next_due
from swreflect.models.supervision import Agreement, AgreementTerms

START = date(2026, 1, 5)  # a Monday


def _agreement(*terms: AgreementTerms, asye_start: date | None = None) -> Agreement:
    return Agreement(
        "a1", "p1", "Jo", START, None, "supervisor", 14, "", "", terms, asye_start=asye_start
    )


def _held_on_every_due_date(agreement: Agreement, count: int) -> list[date]:
    out: list[date] = []
    last: date | None = None
    for _ in range(count):
        last = next_due(agreement, last)
        out.append(last)
    return out


def test_a_new_asye_agreement_gives_six_weekly_then_fortnightly_then_monthly() -> None:
    agreement = _agreement(AgreementTerms(START, "asye", None, 90))
    dates = _held_on_every_due_date(agreement, 23)
    assert dates == [
        # Weeks 1-6: weekly.
        date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19), date(2026, 1, 26),
        date(2026, 2, 2), date(2026, 2, 9),
        # Then every two weeks until six months (5 July). 6 April is Easter Monday and
        # 3 April Good Friday, so that session is due by Thursday 2 April; the count goes on
        # from the day it was held.
        date(2026, 2, 23), date(2026, 3, 9), date(2026, 3, 23), date(2026, 4, 2),
        date(2026, 4, 16), date(2026, 4, 30), date(2026, 5, 14), date(2026, 5, 28),
        date(2026, 6, 11), date(2026, 6, 25),
        # Then monthly. 25 July and 24 October are Saturdays: due by the Friday before.
        date(2026, 7, 24), date(2026, 8, 24), date(2026, 9, 24), date(2026, 10, 23),
        date(2026, 11, 23), date(2026, 12, 23),
        # Month 13: the year is over and the terms read as monthly.
        date(2027, 1, 22),
    ]  # fmt: skip
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)]
    assert gaps[:5] == [7] * 5
    assert all(gap <= 14 for gap in gaps[5:15])
    assert all(28 <= gap <= 31 for gap in gaps[15:])
    assert len([d for d in dates if d < asye.year_ends(START)]) == 22  # 6 + 10 + 6
    assert all(is_working_day(d) for d in dates)


def test_changing_a_monthly_agreement_to_asye_makes_the_next_session_due_a_week_later() -> None:
    monthly = AgreementTerms(START, "monthly", None, 90)
    last_held = date(2026, 8, 14)
    # Changed on Tuesday 1 September 2026: due a week later, Tuesday 8 September (not monthly).
    changed = _agreement(monthly, AgreementTerms(date(2026, 9, 1), "asye", None, 90))
    assert next_due(changed, last_held) == date(2026, 9, 8)
    # Weekly from then on, because the year counts from the change, not from January.
    assert next_due(changed, date(2026, 9, 8)) == date(2026, 9, 15)
    assert asye.phase(changed, date(2026, 10, 12)) == "weekly"  # day 41 of the year
    assert asye.phase(changed, date(2026, 10, 13)) == "fortnightly"
    # Changed on Monday 24 August 2026: a week later is the summer bank holiday, 31 August,
    # so the session is due by the working day before, Friday 28 August.
    holiday = _agreement(monthly, AgreementTerms(date(2026, 8, 24), "asye", None, 90))
    assert next_due(holiday, last_held) == date(2026, 8, 28)
    assert "Friday 28 August 2026" in describe_due(
        due_state(holiday, last_held, date(2026, 8, 25)), "Ada"
    )


def test_an_explicit_asye_start_counts_from_that_day() -> None:
    monthly = AgreementTerms(START, "monthly", None, 90)
    agreement = _agreement(
        monthly, AgreementTerms(date(2026, 9, 1), "asye", None, 90), asye_start=date(2026, 7, 1)
    )
    # Started the year on 1 July: by 1 September the weekly six weeks are over.
    assert asye.phase(agreement, date(2026, 9, 1)) == "fortnightly"
    assert next_due(agreement, date(2026, 8, 14)) == date(2026, 9, 15)


def test_a_change_of_supervisor_keeps_the_asye_anchor(services: Services) -> None:
    """I am newly qualified; my supervisor changes in month 4. The year carries on."""
    first = services.people.add("Priya Shah", "supervisor")
    services.agreements.add(first.id, "Ada Price", frequency="asye", start_date=START)
    second = services.people.add("Tom Hale", "supervisor")
    new_start = date(2026, 5, 4)  # the early May bank holiday
    agreement = services.agreements.add(
        second.id, "Ada Price", frequency="asye", start_date=new_start
    )
    assert agreement.asye_start == START
    # The first session with the new supervisor: the start date is a bank holiday, so the
    # next working day; then fortnightly (month 4), not weekly as a fresh start would give.
    assert next_due(agreement, None) == date(2026, 5, 5)
    assert next_due(agreement, date(2026, 5, 5)) == date(2026, 5, 19)
    # The same anchor survives a round trip through the vault.
    assert services.agreements.get(agreement.id).asye_start == START


def test_the_supervisors_side_can_name_the_asye_start(services: Services) -> None:
    person = services.people.add("Ada Price", "supervisee")
    agreement = services.agreements.add(
        person.id, "Tom Hale", frequency="asye", start_date=date(2026, 5, 5),
        asye_start=START,
    )  # fmt: skip
    assert asye.phase(agreement, date(2026, 5, 5)) == "fortnightly"


def test_reviews_reminders_and_the_end_of_the_year() -> None:
    agreement = _agreement(AgreementTerms(START, "asye", None, 90))
    assert asye.reviews(START) == [
        ("3-month review", date(2026, 4, 3 - 1)),  # 5 April is Easter Sunday: Thursday 2nd
        ("6-month review", date(2026, 7, 3)),  # 5 July is a Sunday
        ("12-month review", date(2027, 1, 5)),
    ]
    assert any("3-month review" in r for r in reminders(agreement, date(2026, 3, 25)))
    assert reminders(agreement, date(2026, 3, 1)) == []
    terms = agreement.terms[0]
    assert frequency_label(terms, agreement, date(2026, 12, 1)).startswith("Newly qualified")
    after = frequency_label(terms, agreement, date(2027, 1, 6))
    assert after.startswith("At least monthly") and "5 January 2027" in after
    assert any("change the agreement" in r for r in reminders(agreement, date(2027, 1, 6)))
    assert "weekly until 16 February 2026" in terms_in_words(terms)


def test_preview_of_a_change_says_what_it_will_do(services: Services) -> None:
    person = services.people.add("Ada Price", "supervisee")
    agreement = services.agreements.add(person.id, "Tom Hale", start_date=START)
    text = services.agreements.preview_change(
        agreement.id, effective_from=date(2027, 1, 1), frequency="custom", custom_days=14
    )
    assert text.startswith("From 1 January 2027, every two weeks, usually 90 minutes.")
    # Nothing was saved by the preview.
    assert len(services.agreements.get(agreement.id).terms) == 1


def test_preview_says_when_the_next_date_still_follows_the_old_terms(services: Services) -> None:
    person = services.people.add("Ada Price", "supervisee")
    agreement = services.agreements.add(person.id, "Tom Hale", start_date=START)
    later = services.agreements.preview_change(
        agreement.id, effective_from=date(2030, 1, 1), frequency="custom", custom_days=14
    )
    # The next session falls long before 2030, so the current terms set its date, and the
    # preview says so instead of naming a date earlier than "From ..." without a word.
    assert later.endswith(", under the terms that apply until then.")
    sooner = services.agreements.preview_change(
        agreement.id, effective_from=START, frequency="custom", custom_days=14
    )
    assert "under the terms that apply until then" not in sooner


def test_a_record_after_month_12_is_not_labelled_newly_qualified(services: Services) -> None:
    person = services.people.add("Ada Price", "supervisee")
    agreement = services.agreements.add(person.id, "Tom Hale", frequency="asye", start_date=START)
    during = services.sessions.create(agreement.id)
    services.sessions.begin(during.id, held_on=date(2026, 12, 1))
    after = services.sessions.create(agreement.id)
    services.sessions.begin(after.id, held_on=date(2027, 1, 6))
    label_during = services.sessions.record_content(during.id)["agreement"]["frequency"]
    label_after = services.sessions.record_content(after.id)["agreement"]["frequency"]
    assert label_during.startswith("Newly qualified first year")
    assert label_after.startswith("At least monthly (the newly qualified year ended on")
