"""SECURITY.md row 17 against backups: is a purged entry gone from the backups too?

"Delete for good" promises the words can't be brought back. The live vault keeps that promise
(test_cli_session, tests/journal/test_purge_canary.py), but a backup taken before the purge,
such as the GUI's automatic daily one, is a copy under the same key. A purge therefore also
deletes the entry from every automatic backup; this test decrypts every backup page afterwards.
"""

from __future__ import annotations

from pathlib import Path

from swreflect.core.clock import SystemClock
from swreflect.core.services import build_services
from swreflect.models.journal import EntryContent
from swreflect.vault.backups import inspect_backup
from swreflect.vault.vault import Vault
from tests.journal.pages import copy_pages
from tests.privacy import find_in_bytes, new_canary


def test_purged_entry_is_not_in_earlier_backups(vault: Vault) -> None:
    services = build_services(vault, SystemClock())
    canary = new_canary("BACKEDUP")
    entry = services.journal.create(EntryContent(title=canary, body=f"words {canary}"))
    services.backups.create_backup()  # as the daily automatic backup would
    services.journal.create(EntryContent(title="kept entry", body="still here"))
    services.backups.create_backup()
    services.journal.trash(entry.id)
    services.journal.purge(entry.id)
    key = bytes(vault.data_key())
    backups = [p for p in Path(vault.folder).rglob("*.db") if p.parent != Path(vault.folder)]
    assert backups, "no backup file was written"
    found = [
        p.name
        for p in backups
        if find_in_bytes(b"".join(copy_pages(p, key)), [canary, canary.lower()])
    ]
    print(f"\nbackups still holding the purged entry: {len(found)} of {len(backups)}")
    assert found == []
    # The backups were changed in place, not thrown away: they still open and pass both
    # checks, and they still hold what was not deleted.
    assert all(inspect_backup(p, vault.data_key()).sound for p in backups)
    assert any(find_in_bytes(b"".join(copy_pages(p, key)), ["still here"]) for p in backups), (
        "the backups lost what was not deleted"
    )
