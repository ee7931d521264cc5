from __future__ import annotations

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.errors import JournalEntryNotFoundError, JournalInputError
from swreflect.models.journal import EntryContent, Wellbeing


def test_create_and_read_back_every_field(services: Services, clock: FakeClock) -> None:
    j = services.journal
    content = EntryContent(
        title="  After the review meeting ",
        body="It went better than I feared.",
        template_id="driscoll",
        answers={"what": "We met as a team.", "so_what": "", "now_what": "Ask for time."},
        tags=("Team", "review", "team", " #Learning "),
        wellbeing=Wellbeing(energy=2, stress=4, workload=5),
    )
    entry = j.create(content)
    again = j.get(entry.id)
    assert again.title == "After the review meeting"
    assert again.content.body == "It went better than I feared."
    assert again.content.template_id == "driscoll"
    assert again.content.answers == {"what": "We met as a team.", "now_what": "Ask for time."}
    assert again.content.tags == ("team", "review", "learning")
    assert again.content.wellbeing == Wellbeing(2, 4, 5)
    assert again.created_at == clock.now() == again.updated_at


def test_wellbeing_outside_one_to_five_is_refused(services: Services) -> None:
    with pytest.raises(JournalInputError):
        services.journal.create(EntryContent(body="x", wellbeing=Wellbeing(energy=6)))
    assert services.journal.count_entries() == 0


def test_each_changing_save_keeps_the_previous_version(
    services: Services, clock: FakeClock
) -> None:
    j = services.journal
    entry = j.create(EntryContent(title="v1", body="first"))
    clock.advance(60)
    j.update(entry.id, entry.content.with_(body="second"))
    j.update(entry.id, j.get(entry.id).content)  # unchanged: no new revision
    clock.advance(60)
    latest = j.update(entry.id, entry.content.with_(body="third"))
    assert latest.updated_at == clock.now()
    revisions = j.revisions(entry.id)
    assert [r.content.body for r in revisions] == ["second", "first"]
    restored = j.restore_revision(entry.id, revisions[1].id)
    assert restored.content.body == "first"
    assert [r.content.body for r in j.revisions(entry.id)] == ["third", "second", "first"]


def test_trash_restore_and_purge(services: Services) -> None:
    j = services.journal
    keep = j.create(EntryContent(title="keep"))
    gone = j.create(EntryContent(title="gone", body="walrus"))
    j.trash(gone.id)
    assert [s.id for s in j.list_entries()] == [keep.id]
    assert [s.id for s in j.list_trash()] == [gone.id]
    assert j.search("walrus") == []
    j.restore(gone.id)
    assert [h.id for h in j.search("walrus")] == [gone.id]
    j.trash(gone.id)
    j.purge(gone.id)
    assert j.count_trash() == 0
    with pytest.raises(JournalEntryNotFoundError):
        j.get(gone.id)
    assert services.vault.integrity_problems() == []


def test_empty_trash_purges_everything_in_it(services: Services) -> None:
    j = services.journal
    ids = [j.create(EntryContent(title=f"t{i}")).id for i in range(3)]
    for i in ids[:2]:
        j.trash(i)
    assert j.empty_trash() == 2
    assert [s.id for s in j.list_entries()] == [ids[2]]


def test_list_pages_newest_first_with_filters(services: Services, clock: FakeClock) -> None:
    from datetime import timedelta

    from swreflect.models.journal import JournalFilter

    j = services.journal
    start = clock.now()
    for i in range(7):
        j.create(EntryContent(title=f"e{i}", tags=("odd",) if i % 2 else ()))
        clock.advance(3600)
    assert [s.title for s in j.list_entries(0, 3)] == ["e6", "e5", "e4"]
    assert [s.title for s in j.list_entries(3, 3)] == ["e3", "e2", "e1"]
    assert j.count_entries(JournalFilter(tag="odd")) == 3
    window = JournalFilter(
        created_from=start + timedelta(hours=2), created_before=start + timedelta(hours=4)
    )
    assert [s.title for s in j.list_entries(flt=window)] == ["e3", "e2"]
    assert j.tags() == ["odd"]


def test_missing_entry_is_a_typed_error(services: Services) -> None:
    with pytest.raises(JournalEntryNotFoundError) as info:
        services.journal.trash(999)
    assert "Nothing was changed" in info.value.message
