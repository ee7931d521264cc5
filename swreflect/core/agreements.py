"""Supervision agreements: the pair, how often and how long, who records, and what is due.

Frequency and length are versioned terms (``change_terms``) so that a change applies from its
effective date; due dates come from ``supervision_schedule`` with today's date read from the
injected clock.
"""

from __future__ import annotations

import builtins
import uuid
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from swreflect.core import agreement_texts as texts
from swreflect.core import asye
from swreflect.core.clock import Clock
from swreflect.core.supervision_schedule import (
    DueState,
    describe_due,
    due_state,
    next_due,
    weekday_date,
)
from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.errors import NotFoundError, ValidationError
from swreflect.models.supervision import (
    DEFAULT_RECORD_DUE_DAYS,
    DEFAULT_USUAL_MINUTES,
    FREQUENCIES,
    NOT_HELD_STATUSES,
    Agreement,
    AgreementDetails,
    AgreementTerms,
    Person,
)
from swreflect.models.vocab import Role
from swreflect.timefmt import format_date, format_minutes, plural
from swreflect.vault.supervision import AgreementRepository, PeopleRepository, SessionRepository

DEFAULT_DISAGREEMENT = (
    "If either of us disagrees with something in the record, we write the disagreement down "
    "beside it. Nothing is overwritten."
)
# Honest about who sees the record (practice review H6): supervision files are open to the
# supervisor's manager, audit and inspection, and to the supervisee on request. The access line
# is its own sentence so an organisation can put its own wording in (it is editable per
# agreement, and ``confidentiality_text`` builds the whole paragraph around it).
DEFAULT_RECORD_ACCESS = (
    "The record we agree is kept on your supervision file. It can be seen by my manager, in "
    "audits and inspections, and you can ask for a copy at any time."
)
CONFIDENTIALITY_REST = (
    "What we talk about beyond the agreed record stays between us, except where someone may be "
    "at risk of harm, where the law requires it, or where a serious concern about practice has "
    "to be raised. If that happens, we talk about it first wherever we can."
)


def confidentiality_text(access_line: str = DEFAULT_RECORD_ACCESS) -> str:
    return f"{access_line.strip()} {CONFIDENTIALITY_REST}".strip()


DEFAULT_CONFIDENTIALITY = confidentiality_text()

FREQUENCY_LABELS = {
    "asye": (
        "Newly qualified first year: weekly for six weeks, at least fortnightly until six "
        "months, then at least monthly"
    ),
    "monthly": "At least monthly",
}


REVIEW_MONTHS = 12
MAX_DETAIL = 4000
DEFAULT_DETAILS = AgreementDetails(
    purpose=texts.DEFAULT_PURPOSE,
    location=texts.DEFAULT_LOCATION,
    uninterrupted=True,
    preparation=texts.DEFAULT_PREPARATION,
    cancellation=texts.DEFAULT_CANCELLATION,
    record_place=texts.DEFAULT_RECORD_PLACE,
    access=texts.DEFAULT_ACCESS,
    escalation=texts.DEFAULT_ESCALATION,
    difference=texts.DEFAULT_DIFFERENCE,
    assessment=texts.DEFAULT_ASSESSMENT,
    assessor="",
    protected_time="",
)
DETAIL_FIELDS = tuple(f.name for f in fields(AgreementDetails) if f.name != "uninterrupted")


def frequency_label(
    terms: AgreementTerms, agreement: Agreement | None = None, on: date | None = None
) -> str:
    """The terms in words; newly qualified terms read as monthly once the year is over."""
    if terms.frequency == "custom":
        days = terms.custom_days
        return f"Every {plural(days, 'day')}" if days else "A custom gap, not set yet"
    if terms.frequency == "asye" and agreement is not None and on is not None:
        start = asye.anchor(agreement, on)
        if start is not None and asye.year_over(agreement, on):
            return (
                "At least monthly (the newly qualified year ended on "
                f"{format_date(asye.year_ends(start))})"
            )
    return FREQUENCY_LABELS[terms.frequency]


_GAP_WORDS = {
    7: "every week",
    14: "every two weeks",
    21: "every three weeks",
    28: "every four weeks",
}


def terms_in_words(terms: AgreementTerms, asye_start: date | None = None) -> str:
    """'every two weeks', 'at least monthly', or the newly qualified phases with their dates."""
    if terms.frequency == "custom" and terms.custom_days:
        return _GAP_WORDS.get(terms.custom_days, f"every {plural(terms.custom_days, 'day')}")
    if terms.frequency == "asye":
        start = asye_start or terms.effective_from
        weekly_end = start + timedelta(days=asye.WEEKLY_DAYS)
        fortnightly_end = asye.add_months(start, asye.FORTNIGHTLY_MONTHS)
        return (
            f"weekly until {format_date(weekly_end)}, at least every two weeks until "
            f"{format_date(fortnightly_end)}, then at least monthly"
        )
    return "at least monthly"


def check_details(details: AgreementDetails) -> AgreementDetails:
    cleaned = {name: str(getattr(details, name)).strip() for name in DETAIL_FIELDS}
    for name, value in cleaned.items():
        if len(value) > MAX_DETAIL:
            label = name.replace("_", " ")
            raise ValidationError(f"The {label} text is too long. Nothing was saved.")
    return AgreementDetails(uninterrupted=bool(details.uninterrupted), **cleaned)


def check_terms(terms: AgreementTerms) -> AgreementTerms:
    if terms.frequency not in FREQUENCIES:
        raise ValidationError(
            "The frequency must be 'asye', 'monthly' or 'custom'. Nothing was saved."
        )
    if terms.frequency == "custom" and not (terms.custom_days and 1 <= terms.custom_days <= 365):
        raise ValidationError(
            "A custom frequency needs a number of days between 1 and 365. Nothing was saved."
        )
    if not 15 <= terms.usual_minutes <= 480:
        raise ValidationError(
            "The usual length should be between 15 and 480 minutes. Nothing was saved."
        )
    if terms.frequency != "custom":
        terms = AgreementTerms(terms.effective_from, terms.frequency, None, terms.usual_minutes)
    return terms


REMINDER_AHEAD_DAYS = 14
REMINDER_AFTER_DAYS = 7


def asye_reminders(agreement: Agreement, today: date) -> list[str]:
    """The 3, 6 and 12-month reviews of the newly qualified year when near, and its end (with
    the offer to move to monthly terms)."""
    out: list[str] = []
    start = asye.anchor(agreement, today)
    if start is None or agreement.terms_on(today).frequency != "asye":
        return out
    for label, day in asye.reviews(start):
        if -REMINDER_AFTER_DAYS <= (day - today).days <= REMINDER_AHEAD_DAYS:
            out.append(f"The newly qualified year's {label} is due on {weekday_date(day)}.")
    if asye.year_over(agreement, today):
        out.append(
            f"The newly qualified year ended on {format_date(asye.year_ends(start))}. "
            "You could change the agreement to at least monthly."
        )
    return out


def reminders(agreement: Agreement, today: date) -> list[str]:
    """Dates worth a gentle mention now: the newly qualified year's reviews and end, and the
    agreement's own review."""
    out = asye_reminders(agreement, today)
    review = agreement.review_date
    if review is not None and -REMINDER_AFTER_DAYS <= (review - today).days <= REMINDER_AHEAD_DAYS:
        out.append(f"The agreement is due for review on {weekday_date(review)}.")
    return out


@dataclass(frozen=True)
class DueSummary:
    agreement: Agreement
    person: Person
    due: DueState
    wording: str
    reminders: tuple[str, ...] = ()


class AgreementService:
    def __init__(
        self,
        repo: AgreementRepository,
        people: PeopleRepository,
        sessions: SessionRepository,
        clock: Clock,
        *,
        transaction: Transaction,
    ) -> None:
        self._transaction = transaction
        self._repo = repo
        self._people = people
        self._sessions = sessions
        self._clock = clock

    def _stamp(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")

    def today(self) -> date:
        return self._clock.now().date()

    @atomic
    def add(
        self,
        person_id: str,
        owner_name: str,
        *,
        start_date: date | None = None,
        frequency: str = "monthly",
        custom_days: int | None = None,
        usual_minutes: int = DEFAULT_USUAL_MINUTES,
        record_writer: str = Role.SUPERVISOR,
        record_due_days: int = DEFAULT_RECORD_DUE_DAYS,
        disagreement: str = DEFAULT_DISAGREEMENT,
        confidentiality: str = DEFAULT_CONFIDENTIALITY,
        review_date: date | None = None,
        asye_start: date | None = None,
        details: AgreementDetails | None = None,
        no_review: bool = False,
    ) -> Agreement:
        """A new agreement. The review date defaults to 12 months after the start (pass
        ``no_review`` for none); the written contents default to ``DEFAULT_DETAILS``."""
        if self._people.get(person_id) is None:
            raise NotFoundError("That person wasn't found. Nothing was saved.")
        owner_name = " ".join(owner_name.split())
        if not owner_name:
            raise ValidationError(
                "Please give your own name as it should appear on records. Nothing was saved."
            )
        if record_writer not in tuple(Role):
            raise ValidationError(
                "The record is written by the 'supervisor' or the 'supervisee'. Nothing was saved."
            )
        if not 0 <= record_due_days <= 90:
            raise ValidationError(
                "The record should be due within 0 to 90 days. Nothing was saved."
            )
        start = start_date or self.today()
        if review_date is None and not no_review:
            review_date = asye.add_months(start, REVIEW_MONTHS)
        if frequency == "asye" and asye_start is None:
            asye_start = self._inherited_asye_start(person_id)
        if asye_start is not None and asye_start > start:
            raise ValidationError(
                "The newly qualified year can't start after the agreement. Nothing was saved."
            )
        if review_date is not None and review_date < start:
            raise ValidationError(
                "The review date can't be before the start date. Nothing was saved."
            )
        terms = check_terms(AgreementTerms(start, frequency, custom_days, usual_minutes))
        agreement = Agreement(
            id=str(uuid.uuid4()),
            person_id=person_id,
            owner_name=owner_name,
            start_date=start,
            review_date=review_date,
            record_writer=record_writer,
            record_due_days=record_due_days,
            disagreement=disagreement.strip(),
            confidentiality=confidentiality.strip(),
            terms=(terms,),
            asye_start=asye_start,
            details=check_details(details or DEFAULT_DETAILS),
        )
        self._repo.add(agreement, self._stamp())
        return agreement

    def _inherited_asye_start(self, person_id: str) -> date | None:
        """When I am newly qualified and my supervisor changes, my year carries on: the ASYE
        start of my latest earlier agreement with a supervisor, if it had one."""
        person = self._people.get(person_id)
        if person is None or person.role != Role.SUPERVISOR:
            return None
        found: date | None = None
        for other in self._repo.list():
            other_person = self._people.get(other.person_id)
            if other_person is None or other_person.role != Role.SUPERVISOR:
                continue
            start = other.asye_start or asye.anchor(other, date.max)
            if start is not None:
                found = start
        return found

    @atomic
    def change_terms(
        self,
        agreement_id: str,
        *,
        effective_from: date,
        frequency: str,
        custom_days: int | None = None,
        usual_minutes: int = DEFAULT_USUAL_MINUTES,
        asye_start: date | None = None,
    ) -> Agreement:
        """New frequency/length from ``effective_from``; what was due before stays as it was.
        Switching to the newly qualified terms counts the year from ``asye_start`` if given
        (or the agreement's own), otherwise from ``effective_from``."""
        agreement = self.get(agreement_id)
        terms = check_terms(AgreementTerms(effective_from, frequency, custom_days, usual_minutes))
        if effective_from < agreement.start_date:
            raise ValidationError(
                "A change can't apply from before the agreement started. Nothing was saved."
            )
        self._repo.set_terms(agreement.id, terms, self._stamp())
        if asye_start is not None:
            self._repo.update_details(
                replace(self.get(agreement_id), asye_start=asye_start), self._stamp()
            )
        return self.get(agreement_id)

    def preview_change(
        self,
        agreement_id: str,
        *,
        effective_from: date,
        frequency: str,
        custom_days: int | None = None,
        usual_minutes: int = DEFAULT_USUAL_MINUTES,
        asye_start: date | None = None,
    ) -> str:
        """What a change would do, in words, without saving anything: "From 1 January 2027,
        every two weeks, usually 90 minutes. The next session would be due on ..."."""
        agreement = self.get(agreement_id)
        terms = check_terms(AgreementTerms(effective_from, frequency, custom_days, usual_minutes))
        kept = tuple(t for t in agreement.terms if t.effective_from != effective_from)
        changed = replace(
            agreement,
            terms=tuple(sorted((*kept, terms), key=lambda t: t.effective_from)),
            asye_start=asye_start or agreement.asye_start,
        )
        last = self._sessions.last_held_on(agreement.id, NOT_HELD_STATUSES)
        before = next_due(agreement, last)
        after = next_due(changed, last)
        words = terms_in_words(terms, asye.anchor(changed, effective_from))
        text = (
            f"From {format_date(effective_from)}, {words}, usually "
            f"{format_minutes(terms.usual_minutes)}. The next session would be due on "
            f"{weekday_date(after)}"
        )
        if after != before:
            text += f" (it is due on {weekday_date(before)} now)"
        return text + "."

    @atomic
    def update_details(self, agreement: Agreement) -> Agreement:
        self.get(agreement.id)
        self._repo.update_details(agreement, self._stamp())
        return self.get(agreement.id)

    def get(self, agreement_id: str) -> Agreement:
        agreement = self._repo.get(agreement_id)
        if agreement is None:
            raise NotFoundError("That agreement wasn't found.")
        return agreement

    def find(self, id_or_prefix: str) -> Agreement:
        from swreflect.core.id_prefix import pick

        return pick(self._repo.list(), id_or_prefix, lambda a: a.id, "agreement")

    def list(self, person_id: str | None = None) -> list[Agreement]:
        return self._repo.list(person_id)

    def has_any(self) -> bool:
        """Whether any agreement exists (Home asks at every unlock; listing built them all)."""
        return self._repo.has_any()

    def person_of(self, agreement: Agreement) -> Person:
        person = self._people.get(agreement.person_id)
        if person is None:
            raise NotFoundError("The person in that agreement wasn't found.")
        return person

    def due(self, agreement_id: str) -> DueState:
        agreement = self.get(agreement_id)
        last = self._sessions.last_held_on(agreement.id, NOT_HELD_STATUSES)
        return due_state(agreement, last, self.today())

    def follow_ups_due(self, until: date) -> builtins.list[tuple[str, date]]:
        """(agreement id, day) of debrief follow-ups suggested by ``until`` with no session
        held since the debrief (one query, not every session of a career)."""
        return self._sessions.pending_follow_ups(until)

    def due_summaries(self) -> builtins.list[DueSummary]:
        """Every agreement's next session, soonest (or most overdue) first."""
        out = []
        today = self.today()
        for agreement in self._repo.list():
            person = self.person_of(agreement)
            last = self._sessions.last_held_on(agreement.id, NOT_HELD_STATUSES)
            state = due_state(agreement, last, today)
            out.append(
                DueSummary(
                    agreement,
                    person,
                    state,
                    describe_due(state, person.display_name),
                    tuple(reminders(agreement, today)),
                )
            )
        out.sort(key=lambda s: s.due.due_on)
        return out
