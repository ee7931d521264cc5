from __future__ import annotations

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.journal import NEW_DRAFT, draft_slot
from swreflect.core.services import Services, build_services
from swreflect.errors import JournalInputError
from swreflect.models.journal import EntryContent
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def test_one_draft_per_entry_survives_relock(
    services: Services, clock: FakeClock, vault_dir: object
) -> None:
    j = services.journal
    entry = j.create(EntryContent(title="t"))
    j.save_draft(None, EntryContent(body="new one, first"))
    j.save_draft(None, EntryContent(body="new one, second"))
    j.save_draft(entry.id, EntryContent(title="t", body="edited"))
    services.vault.lock()  # as a crash would: nothing else saved

    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)  # type: ignore[arg-type]
    try:
        j2 = build_services(vault, clock).journal
        drafts = {d.slot: d for d in j2.drafts()}
        assert set(drafts) == {NEW_DRAFT, draft_slot(entry.id)}
        assert drafts[NEW_DRAFT].content.body == "new one, second"
        assert drafts[draft_slot(entry.id)].entry_id == entry.id
        # Committing clears the draft in the same transaction.
        j2.update(entry.id, drafts[draft_slot(entry.id)].content, draft=draft_slot(entry.id))
        j2.create(drafts[NEW_DRAFT].content, draft=NEW_DRAFT)
        assert j2.drafts() == []
        assert j2.get(entry.id).content.body == "edited"
    finally:
        vault.lock()


def test_marked_excerpts_are_listed_for_supervision(services: Services) -> None:
    j = services.journal
    entry = j.create(EntryContent(title="Visit", body="I froze when the door opened."))
    other = j.create(EntryContent(title="Other"))
    first = j.mark_for_supervision(entry.id, "  I froze  ")
    j.mark_for_supervision(other.id, "second thing")
    assert [(m.entry_title, m.excerpt) for m in j.marked_excerpts()] == [
        ("Visit", "I froze"),
        ("Other", "second thing"),
    ]
    j.mark_discussed(first.id)
    j.trash(other.id)
    assert j.marked_excerpts() == []
    with pytest.raises(JournalInputError):
        j.mark_for_supervision(entry.id, "   ")


def test_never_record_names_get_stable_pseudonyms(services: Services) -> None:
    j = services.journal
    assert j.add_never_record("Jordan Blake") == "Person A"
    assert j.add_never_record("the Okafor family") == "Family A"
    assert j.add_never_record("jordan  blake") == "Person A"
    assert j.add_never_record("Sam") == "Person B"
    text = "Jordan Blake said the Okafor family had moved; Sam agreed."
    assert [f.kind for f in j.check_text(text)] == ["name", "name", "name"]
    assert j.swap_for_pseudonyms(text) == "Person A said Family A had moved; Person B agreed."
