"""Fixtures for the backup tests: vaults with some records, file hashing, a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from swreflect.core.clock import FakeClock
from swreflect.vault import backup_copy, page_keys
from swreflect.vault import connection as dbconn
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE

PASSPHRASE = TEST_PASSPHRASE


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir())


def put_setting(vault: Vault, key: str, value: str) -> None:
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def get_setting(vault: Vault, key: str) -> str | None:
    row = vault.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def all_rows(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ordinary table, sorted, for comparing two vaults record by record.

    The vault's generation counter (``meta.generation``) is left out: a restore raises it on
    purpose, so that the copy it replaced reads as a rollback."""
    from swreflect.vault.portability_repo import exportable_tables, read_rows

    rows = {spec.name: read_rows(vault.conn, spec) for spec in exportable_tables(vault.conn)}
    rows["meta"] = [row for row in rows.get("meta", []) if row[0] != "generation"]
    return rows


def copy_page_by_page(vault: Vault, dest: Path) -> tuple[bytearray, int]:
    """Copy ``vault`` page by page to ``dest`` under a fresh per-copy key, as a backup does;
    returns that key (the caller wipes it) and the page count."""
    with vault.key.use() as dek:
        salt = page_keys.new_salt()
        key = page_keys.copy_key(dek, salt)
        conn = dbconn.connect(vault.folder / "vault.db", dek)
        try:
            pages = backup_copy.copy_pages(conn, dest, page_keys.key_text(key, salt))
        finally:
            conn.close()
    return key, pages


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 14, 9, 30, tzinfo=UTC))


@pytest.fixture
def make_vault(tmp_path: Path) -> Iterator[Any]:
    opened: list[Vault] = []

    def _make(name: str = "vault", rows: int = 5) -> tuple[Vault, str]:
        vault, recovery = Vault.create(tmp_path / name, PASSPHRASE, KdfPolicy.insecure_for_tests())
        opened.append(vault)
        for i in range(rows):
            put_setting(vault, f"note.{i}", f"reflection {i} " + "x" * (i % 50))
        return vault, recovery

    yield _make
    for vault in opened:
        vault.lock()


@pytest.fixture
def vault(make_vault: Any) -> Vault:
    """The shared ``vault`` fixture's place, with a few rows in it (the shared ``services``
    fixture builds on this)."""
    vault, _ = make_vault()
    return vault
