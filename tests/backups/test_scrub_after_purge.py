"""A permanent delete reaches the automatic backups: changed in place, or removed if unusable."""

from __future__ import annotations

from swreflect.core.clock import SystemClock
from swreflect.core.services import build_services
from swreflect.models.journal import EntryContent
from swreflect.vault.backups import inspect_backup, list_backups
from swreflect.vault.vault import Vault


def test_a_damaged_backup_is_removed_and_a_sound_one_is_cleaned(vault: Vault) -> None:
    services = build_services(vault, SystemClock())
    entry = services.journal.create(EntryContent(title="to go", body="gone for good"))
    first = services.backups.create_backup()
    second = services.backups.create_backup()
    raw = bytearray(first.path.read_bytes())
    raw[100] ^= 0xFF  # bit rot in the first page of one backup: it can no longer be opened
    first.path.write_bytes(bytes(raw))

    services.journal.trash(entry.id)
    services.journal.purge(entry.id)

    left = list_backups(services.backups.folder)
    assert [b.path for b in left] == [second.path]
    assert inspect_backup(second.path, vault.data_key()).sound


def test_emptying_the_trash_cleans_backups_too(vault: Vault) -> None:
    services = build_services(vault, SystemClock())
    ids = [
        services.journal.create(EntryContent(title=f"note {i}", body=f"body {i}")).id
        for i in range(3)
    ]
    backup = services.backups.create_backup()
    for entry_id in ids:
        services.journal.trash(entry_id)
    assert services.journal.empty_trash() == 3

    from swreflect.vault.backups import open_readonly

    conn = open_readonly(backup.path, vault.data_key())
    try:
        count = conn.execute("SELECT count(*) FROM journal_entries").fetchone()[0]
    finally:
        conn.close()
    assert count == 0
