"""The one transaction convention (docs/architecture.md §3), checked at run time.

A repository write made outside the service's transaction is refused before anything is
written; inside ``Vault.transaction()`` the same write goes through; a transaction opened
inside another is a savepoint of it, so a nested step that fails is undone on its own and the
outer use case still commits or rolls back as one unit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from swreflect.core.services import Services
from swreflect.models.journal import EntryContent
from swreflect.models.supervision import Person
from swreflect.vault.connection import TransactionRequiredError
from swreflect.vault.cpd_repo import CpdPiece, CpdRepository
from swreflect.vault.journal import DraftRepository, NeverRecordRepository
from swreflect.vault.record_ratings_repo import RecordRatingRepository
from swreflect.vault.settings_repo import SettingsRepository
from swreflect.vault.signing_repo import SigningRepository
from swreflect.vault.supervision import ActionRepository, PeopleRepository, SessionRepository
from swreflect.vault.vault import Vault

STAMP = "2026-03-02T10:00:00+00:00"

# Each: (a write through one repository, the table it would change).
WRITES: dict[str, tuple[Callable[[Vault], Any], str]] = {
    "people": (
        lambda v: PeopleRepository(v).add(Person("p1", "Ada", "supervisee", ""), STAMP),
        "people",
    ),
    "settings": (lambda v: SettingsRepository(v).set("ui.resume", "x"), "settings"),
    "cpd": (
        lambda v: CpdRepository(v).save(
            CpdPiece("journal", "1", date(2026, 3, 2), (), True), STAMP
        ),
        "cpd_pieces",
    ),
    "record ratings": (
        lambda v: RecordRatingRepository(v).put("rec-1", "supervisee", 4, 3, STAMP),
        "record_ratings",
    ),
    "signing": (
        lambda v: SigningRepository(v).remember_message("f" * 64, "message-1", STAMP),
        "exchange_seen",
    ),
    "journal drafts": (
        lambda v: DraftRepository(v).put("new", None, EntryContent(title="t", body="b"), _now()),
        "journal_drafts",
    ),
    "never-record names": (
        lambda v: NeverRecordRepository(v).add("Jordan", "Person A"),
        "journal_never_record",
    ),
}


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _count(vault: Vault, table: str) -> int:
    return int(vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_repository_write_outside_a_transaction_is_refused(vault: Vault, name: str) -> None:
    write, table = WRITES[name]
    before = _count(vault, table)
    with pytest.raises(TransactionRequiredError):
        write(vault)
    assert _count(vault, table) == before  # refused before anything was written
    with vault.transaction():
        write(vault)
    assert _count(vault, table) == before + 1


def test_session_repository_writes_are_refused_outside_a_transaction(services: Services) -> None:
    person = services.people.add("Priya Shah", "supervisee")
    agreement = services.agreements.add(person.id, "Sam Okafor")
    session = services.sessions.start(agreement.id)
    repo = SessionRepository(services.vault)
    from swreflect.models.supervision import Note

    note = Note("", "checkin", None, "", "", "typed outside", "shared", 0)
    with pytest.raises(TransactionRequiredError):
        repo.add_note(session.id, note, STAMP)
    with pytest.raises(TransactionRequiredError):
        repo.update_fields(session.id, STAMP, summary="changed behind the service")
    with pytest.raises(TransactionRequiredError):
        ActionRepository(services.vault).add(
            session.id, agreement.id, "stray", "supervisee", None, STAMP
        )
    again = services.sessions.get(session.id)
    assert again.notes == () and again.summary is None and again.actions == ()


def test_a_nested_transaction_is_a_savepoint_of_the_outer_one(vault: Vault) -> None:
    repo = SettingsRepository(vault)
    with vault.transaction():
        repo.set("outer.before", "1")
        with pytest.raises(RuntimeError), vault.transaction():
            repo.set("inner", "1")
            raise RuntimeError("the nested step fails")
        repo.set("outer.after", "1")
    assert repo.all() == {"outer.before": "1", "outer.after": "1"}

    with pytest.raises(RuntimeError), vault.transaction():
        repo.set("second.outer", "1")
        with vault.transaction():
            repo.set("second.inner", "1")
        raise RuntimeError("the outer use case fails after the nested step succeeded")
    assert "second.outer" not in repo.all() and "second.inner" not in repo.all()
    assert not vault.conn.in_transaction


def test_a_repository_write_from_a_worker_thread_is_refused_by_the_thread_rule(
    vault: Vault,
) -> None:
    """Only the owner writes (vault/threads.py): a worker reaching a repository's write gets
    ``ThreadRuleError`` from ``Vault.writer()``, whatever transaction the owner holds."""
    import threading

    from swreflect.vault.threads import ThreadRuleError

    caught: list[BaseException] = []

    def worker() -> None:
        try:
            PeopleRepository(vault).add(Person("p2", "Bea", "supervisee", ""), STAMP)
        except BaseException as exc:  # handed back to the test thread
            caught.append(exc)

    with vault.transaction():  # even while the owner holds one
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
    assert len(caught) == 1 and isinstance(caught[0], ThreadRuleError)
    assert _count(vault, "people") == 0
