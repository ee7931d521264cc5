"""A permanently deleted entry can't be read back from any vault file, even with the key."""

from __future__ import annotations

from swreflect.core.services import Services
from swreflect.models.journal import EntryContent
from tests.journal.pages import occurs, plaintext_of_vault, raw_files

CANARY = "QuokkaCanary7731"
PARTS = ("Title", "Body", "Answer", "Revision", "Draft", "Mark", "Tag")


def _write_everything(services: Services) -> None:
    j = services.journal
    for i in range(200):
        j.create(EntryContent(title=f"entry {i}", body=f"ordinary words {i} " * 25))
    entry = j.create(
        EntryContent(
            title=f"{CANARY}Title",
            body=f"before {CANARY}Revision after",
            template_id="driscoll",
            answers={"what": f"{CANARY}Answer"},
            tags=(f"{CANARY}Tag",),
        )
    )
    j.update(entry.id, entry.content.with_(body=f"now {CANARY}Body"))
    j.save_draft(entry.id, entry.content.with_(body=f"{CANARY}Draft"))
    j.mark_for_supervision(entry.id, f"{CANARY}Mark")
    for i in range(40):
        j.create(EntryContent(title=f"later {i}", body="more ordinary words " * 30))
    j.trash(entry.id)


def _found(services: Services) -> list[str]:
    folder = services.vault.folder
    text = plaintext_of_vault(folder, bytes(services.vault.data_key()))
    return [
        p for p in PARTS if occurs(f"{CANARY}{p}", text) or occurs(f"{CANARY}{p}".lower(), text)
    ]


def test_canary_is_readable_before_purge_and_gone_after(services: Services) -> None:
    _write_everything(services)
    # The scanner works: before the purge, every copy can be read back with the key ...
    assert _found(services) == list(PARTS)
    # ... but never from the raw files, which are encrypted.
    assert not occurs(CANARY, raw_files(services.vault.folder))

    j = services.journal
    j.purge(j.list_trash()[0].id)

    assert _found(services) == []
    assert not occurs(
        CANARY.lower(), plaintext_of_vault(services.vault.folder, bytes(services.vault.data_key()))
    )
    assert services.vault.integrity_problems() == []
    assert j.count_entries() == 240
    assert len(j.search("ordinary")) == 50


def test_no_prefix_of_purged_words_survives_in_the_search_index(services: Services) -> None:
    """The FTS5 index keeps term prefixes as page keys; none may outlive a purge."""
    import secrets

    j = services.journal
    for i in range(300):
        j.create(EntryContent(title=f"filler {i}", body=f"ordinary reflective words {i} " * 12))
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [f"{letters[i % 26]}{secrets.token_hex(6)}" for i in range(60)]
    ids = [j.create(EntryContent(body=f"before {w} after")).id for w in words]
    key = bytes(services.vault.data_key())
    before = plaintext_of_vault(services.vault.folder, key)
    assert all(w.encode() in before for w in words)
    for entry_id in ids:
        j.trash(entry_id)
        j.purge(entry_id)
    after = plaintext_of_vault(services.vault.folder, key)
    assert [w for w in words if w[:6].encode() in after] == []
    assert services.vault.integrity_problems() == []
