"""The agreed record's use cases that cross sessions, sign-off and exports, in one place.

The GUI and the CLI both call these: the de-identification check while writing and once more
before any export, agreed records gathered for export with their later addenda, sending an
addendum from either vault, the decisions-only export for the case file, and the CPD draft.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from swreflect.core import case_decisions, cpd
from swreflect.core.deidentify import Finding, find_identifiers
from swreflect.core.record_outline import Part, outline
from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.export import record_view as view
from swreflect.signing.records import SignedRecord

Deliver = Callable[[bytes], None]


@dataclass(frozen=True)
class Spotted:
    """Something that looks identifying, and where it is (for the person to find it)."""

    where: str
    finding: Finding

    def describe(self) -> str:
        return f"{self.where}: {self.finding.label} ({self.finding.text})"


def spotted_in(texts: Iterable[tuple[str, str]], names: Iterable[str]) -> list[Spotted]:
    names = list(names)
    return [Spotted(where, f) for where, text in texts for f in find_identifiers(text, names)]


def identifiers_in_records(
    records: Sequence[SignedRecord], names: Iterable[str] = ()
) -> list[Spotted]:
    """The last check before records leave the vault, over everything an export would show;
    ``names`` are the owner's never-record names (none when no vault is open)."""
    names = list(names)
    return [s for signed in records for s in spotted_in(record_texts(signed), names)]


def record_texts(signed: SignedRecord) -> list[tuple[str, str]]:
    """(where, text) for every piece of free text an export of ``signed`` would show."""
    record = signed.record
    title = view.title(record)
    texts = [(f"{title}, addendum", view.addendum_text(record))]
    for stage in view.stages(record):
        texts.append((f"{title}, {stage.title}", stage.title))
        texts += [(f"{title}, {stage.title}", note) for _prompt, note in stage.notes]
    texts.append((f"{title}, summary", view.summary(record)))
    texts += [(f"{title}, action", row[0]) for row in view.action_rows(record)]
    texts += [(f"{title}, case-file decision", d) for d in view.decisions(record)]
    texts += [(f"{title}, {c.label.lower()}", c.text) for c in view.comment_views(signed.notes)]
    return [(where, text) for where, text in texts if text.strip()]


class RecordService:
    def __init__(
        self,
        sessions: Any,
        signoff: Any,
        journal: Any,
        ratings: Any = None,
        clock: Any = None,
        *,
        transaction: Transaction,
    ) -> None:
        self._transaction = transaction
        self._sessions = sessions
        self._signoff = signoff
        self._journal = journal
        self._ratings = ratings
        self._clock = clock

    # ---------------------------------------------------------------- rating at review
    @atomic
    def rate_received(self, record_id: str, support: int, challenge: int) -> str:
        """Your own rating of a session whose record the other person sent you: kept in your
        vault for your insights, never added to their record. Returns the record id."""
        from swreflect.errors import AgreementStateError, ValidationError

        rid = self._signoff.resolve(record_id)
        row = self._signoff.latest(rid)
        if row.direction != "incoming" or row.kind == "addendum":
            raise AgreementStateError("Rate your own sessions from the session itself.")
        if not (1 <= support <= 5 and 1 <= challenge <= 5):
            raise ValidationError("Support and challenge are each rated from 1 to 5.")
        stamp = self._clock.now().isoformat(timespec="seconds")
        self._ratings.put(rid, row.my_role, int(support), int(challenge), stamp)
        return str(rid)

    def received_rating(self, record_id: str) -> tuple[str, int, int] | None:
        return self._ratings.get(self._signoff.resolve(record_id)) if self._ratings else None

    # ---------------------------------------------------------------- de-identification
    def pseudonyms(self) -> dict[str, str]:
        """The owner's never-record names, each with its fixed pseudonym."""
        return dict(self._journal.never_record())

    def identifiers_in_text(self, text: str) -> list[Finding]:
        return find_identifiers(text, self.pseudonyms().keys())

    def identifiers_in_session(self, session_id: str) -> list[Spotted]:
        """Shared notes, summary, actions and case-file decisions: what could reach a record."""
        session = self._sessions.get(session_id)
        titles = {s.key: s.title for s in session.stages}
        texts = [(titles.get(n.stage_key, n.stage_key), n.text) for n in session.shared_notes()]
        texts += [("Agenda item", item.title) for item in session.agenda]
        texts.append(("Summary", session.summary or ""))
        texts += [("Action", a.description) for a in session.actions]
        texts += [("Case-file decision", d) for d in session.case_file_decisions]
        return spotted_in(texts, self.pseudonyms().keys())

    def identifiers_in_records(self, records: Sequence[SignedRecord]) -> list[Spotted]:
        """The check before an export: everything the export would show."""
        return identifiers_in_records(records, self.pseudonyms().keys())

    # ---------------------------------------------------------------- gathering for export
    def agreed_with_addenda(self, record_ids: Iterable[str]) -> list[SignedRecord]:
        """Each agreed record, followed by its agreed addenda (oldest first), once each."""
        out: list[SignedRecord] = []
        seen: set[str] = set()
        addenda: dict[str, list[str]] = {}
        for row in self._signoff.records():
            if row.kind == "addendum" and row.is_locked and row.addendum_to:
                addenda.setdefault(row.addendum_to, []).append(row.record_id)
        for rid in record_ids:
            for ref in (rid, *addenda.get(rid, ())):
                if ref not in seen:
                    seen.add(ref)
                    out.append(self._signoff.agreed_record(ref))
        return out

    # ---------------------------------------------------------------- addenda
    def send_addendum(self, record_id: str, text: str, deliver: Deliver | None = None) -> str:
        """Write an addendum to an agreed (or in-room acknowledged) record, sign it and seal it
        for the other person; returns the addendum's id. Either person can do this."""
        rid = self._signoff.resolve(record_id)
        row = self._signoff.latest(rid)
        if row.counterpart_ref is None:
            from swreflect.errors import AgreementStateError

            raise AgreementStateError(
                "This record isn't linked to a paired person, so an addendum can't be sent."
            )
        addendum = self._signoff.new_addendum(rid, text)
        self._signoff.request_agreement(
            addendum, to=row.counterpart_ref, my_role=row.my_role, deliver=deliver
        )
        return str(addendum["record_id"])

    # ---------------------------------------------------------------- how a record reads
    def outline(
        self, record_id: str, *, status: str = "", history: Sequence[str] = ()
    ) -> list[Part]:
        """The latest version of a record as the app shows it (with its comments)."""
        rid = self._signoff.resolve(record_id)
        row = self._signoff.latest(rid)
        signed = self._signoff.signed_record(rid, row.version)
        return outline(signed, status=status, history=history)

    def session_outline(self, session_id: str, status: str = "Not agreed yet") -> list[Part]:
        """A session's shared record as it would be agreed: the in-room read-back."""
        return outline(SignedRecord(self._sessions.record_content(session_id)), status=status)

    # ---------------------------------------------------------------- decisions and CPD
    def decisions(self, record_id: str, label: str | None = None) -> list[case_decisions.Decision]:
        signed = self._signoff.agreed_record(self._signoff.resolve(record_id))
        return case_decisions.decisions(signed.record, label, self.pseudonyms())

    def my_role_in(self, record_id: str) -> str:
        return str(self._signoff.latest(self._signoff.resolve(record_id)).my_role)

    def cpd_from_record(
        self, record_id: str, answers: Mapping[str, str] | None = None
    ) -> cpd.CpdEntry:
        rid = self._signoff.resolve(record_id)
        signed = self._signoff.agreed_record(rid)
        return cpd.from_record(
            signed.record, answers, my_role=self.my_role_in(rid), pseudonyms=self.pseudonyms()
        )
