"""Supervision agreements: the pair, how often and how long, who records, and what is due.

Frequency and length are versioned terms (``change_terms``) so that a change applies from its
effective date; due dates come from ``supervision_schedule`` with today's date read from the
injected clock.
"""

from __future__ import annotations

import builtins
import uuid
from dataclasses import dataclass
from datetime import date

from swreflect.core.clock import Clock
from swreflect.core.supervision_models import (
    DEFAULT_RECORD_DUE_DAYS,
    DEFAULT_USUAL_MINUTES,
    FREQUENCIES,
    NOT_HELD_STATUSES,
    ROLES,
    Agreement,
    AgreementTerms,
    Person,
)
from swreflect.core.supervision_schedule import DueState, describe_due, due_state
from swreflect.errors import NotFoundError, ValidationError
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


def frequency_label(terms: AgreementTerms) -> str:
    if terms.frequency == "custom":
        return f"Every {terms.custom_days} days"
    return FREQUENCY_LABELS[terms.frequency]


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


@dataclass(frozen=True)
class DueSummary:
    agreement: Agreement
    person: Person
    due: DueState
    wording: str


class AgreementService:
    def __init__(
        self,
        repo: AgreementRepository,
        people: PeopleRepository,
        sessions: SessionRepository,
        clock: Clock,
    ) -> None:
        self._repo = repo
        self._people = people
        self._sessions = sessions
        self._clock = clock

    def _stamp(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")

    def today(self) -> date:
        return self._clock.now().date()

    def add(
        self,
        person_id: str,
        owner_name: str,
        *,
        start_date: date | None = None,
        frequency: str = "monthly",
        custom_days: int | None = None,
        usual_minutes: int = DEFAULT_USUAL_MINUTES,
        record_writer: str = "supervisor",
        record_due_days: int = DEFAULT_RECORD_DUE_DAYS,
        disagreement: str = DEFAULT_DISAGREEMENT,
        confidentiality: str = DEFAULT_CONFIDENTIALITY,
        review_date: date | None = None,
    ) -> Agreement:
        if self._people.get(person_id) is None:
            raise NotFoundError("That person wasn't found. Nothing was saved.")
        owner_name = " ".join(owner_name.split())
        if not owner_name:
            raise ValidationError(
                "Please give your own name as it should appear on records. Nothing was saved."
            )
        if record_writer not in ROLES:
            raise ValidationError(
                "The record is written by the 'supervisor' or the 'supervisee'. Nothing was saved."
            )
        if not 0 <= record_due_days <= 90:
            raise ValidationError(
                "The record should be due within 0 to 90 days. Nothing was saved."
            )
        start = start_date or self.today()
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
        )
        self._repo.add(agreement, self._stamp())
        return agreement

    def change_terms(
        self,
        agreement_id: str,
        *,
        effective_from: date,
        frequency: str,
        custom_days: int | None = None,
        usual_minutes: int = DEFAULT_USUAL_MINUTES,
    ) -> Agreement:
        """New frequency/length from ``effective_from``; what was due before stays as it was."""
        agreement = self.get(agreement_id)
        terms = check_terms(AgreementTerms(effective_from, frequency, custom_days, usual_minutes))
        self._repo.set_terms(agreement.id, terms, self._stamp())
        return self.get(agreement_id)

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
        matches = [a for a in self._repo.list() if a.id.startswith(id_or_prefix.strip())]
        if len(matches) == 1 and len(id_or_prefix.strip()) >= 4:
            return matches[0]
        if len(matches) > 1:
            raise ValidationError("More than one agreement matches that id; give more of it.")
        raise NotFoundError("No agreement with that id was found.")

    def list(self, person_id: str | None = None) -> list[Agreement]:
        return self._repo.list(person_id)

    def person_of(self, agreement: Agreement) -> Person:
        person = self._people.get(agreement.person_id)
        if person is None:
            raise NotFoundError("The person in that agreement wasn't found.")
        return person

    def due(self, agreement_id: str) -> DueState:
        agreement = self.get(agreement_id)
        last = self._sessions.last_held_on(agreement.id, NOT_HELD_STATUSES)
        return due_state(agreement, last, self.today())

    def due_summaries(self) -> builtins.list[DueSummary]:
        """Every agreement's next session, soonest (or most overdue) first."""
        out = []
        today = self.today()
        for agreement in self._repo.list():
            person = self.person_of(agreement)
            last = self._sessions.last_held_on(agreement.id, NOT_HELD_STATUSES)
            state = due_state(agreement, last, today)
            out.append(
                DueSummary(agreement, person, state, describe_due(state, person.display_name))
            )
        out.sort(key=lambda s: s.due.due_on)
        return out
