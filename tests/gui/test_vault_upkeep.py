"""Checkpoints leave the save path: the writer defers them and the upkeep runs them in a
worker, so a save never copies the write-ahead log into the database itself."""

from __future__ import annotations

from pathlib import Path

from swreflect.core.services import build_services
from swreflect.gui.vault_upkeep import VaultUpkeep
from swreflect.models.journal import EntryContent
from swreflect.vault.vault import Vault


def _wal_bytes(vault: Vault) -> int:
    wal = Path(vault.folder) / "vault.db-wal"
    return wal.stat().st_size if wal.exists() else 0


def test_saves_grow_the_log_until_the_upkeep_checkpoints_it(qtbot, vault: Vault) -> None:
    services = build_services(vault)
    upkeep = VaultUpkeep(vault)
    upkeep.timer.stop()  # driven by hand below
    body = "a long reflective paragraph about the week " * 200
    for n in range(120):  # well past SQLite's 1,000-page automatic checkpoint
        services.journal.create(EntryContent(title=f"Entry {n}", body=body))
    log_pages, copied = vault.conn.execute("PRAGMA wal_checkpoint(NOOP)").fetchone()[1:]
    assert log_pages > 1000 and copied == 0  # no save copied the log into the database
    assert _wal_bytes(vault) > 4_000_000

    upkeep.on_timer_timeout()
    qtbot.waitUntil(lambda: upkeep.checkpoints == 1, timeout=20_000)
    log_pages, copied = vault.conn.execute("PRAGMA wal_checkpoint(NOOP)").fetchone()[1:]
    assert copied == log_pages  # the worker's passive checkpoint copied everything

    upkeep.on_timer_timeout()  # nothing changed since: no second checkpoint
    qtbot.wait(50)
    assert not upkeep.runner.busy and upkeep.checkpoints == 1
