"""Which agreed records a person means: "with Priya", "since March", "until the end of June".

One meaning for every front end (the CLI's ``--person/--since/--until`` and the GUI's batch
export filters): a person matches either party's name, ignoring case; dates are the session's
date (or the day an addendum was written), parsed, and both ends are inclusive. A record with
no readable date is kept only when no date bound is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from swreflect.export import record_view as view
from swreflect.models.vocab import Role
from swreflect.signing.records import SignedRecord


def record_day(signed: SignedRecord) -> date | None:
    try:
        return date.fromisoformat(view.record_date(signed.record)[:10])
    except ValueError:
        return None


def party_names(signed: SignedRecord) -> list[str]:
    """The supervisor's and the supervisee's names, as the record gives them."""
    return [name for role in Role if (name := view.party(signed.record, role)[0])]


def people_in(records: Iterable[SignedRecord]) -> list[str]:
    """Every party named in ``records``, sorted, once each (ignoring case)."""
    seen: dict[str, str] = {}
    for signed in records:
        for name in party_names(signed):
            seen.setdefault(name.casefold(), name)
    return sorted(seen.values(), key=str.casefold)


@dataclass(frozen=True)
class RecordFilter:
    person: str | None = None
    since: date | None = None
    until: date | None = None

    def matches(self, signed: SignedRecord) -> bool:
        if self.person and self.person.casefold() not in {
            n.casefold() for n in party_names(signed)
        }:
            return False
        if self.since is None and self.until is None:
            return True
        day = record_day(signed)
        if day is None:
            return False
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def apply(self, records: Iterable[SignedRecord]) -> list[SignedRecord]:
        return [signed for signed in records if self.matches(signed)]
