"""The page check behind every backup (vault/page_check.py) agrees with SQLCipher page by page,
refuses every kind of damage wherever it lands (pages in use or free), notices a page that
changed after it passed, and copes with pages read before the copy had written them."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import BackupCancelledError
from swreflect.vault import backup_check, backup_copy, page_check, page_keys
from swreflect.vault import connection as dbconn
from swreflect.vault.backups import inspect_backup
from swreflect.vault.page_check import PageCheck
from swreflect.vault.vault import Vault
from tests.backups.conftest import copy_page_by_page

PAGE = 4096


@pytest.fixture
def copied(make_vault: Any, tmp_path: Path) -> Iterator[tuple[Vault, Path, bytearray, int]]:
    """A real vault with a few hundred pages (some of them free), copied to ``copy.db``."""
    vault, _ = make_vault(rows=3000)
    with vault.transaction() as conn:  # free pages in the middle of the file
        conn.execute("DELETE FROM settings WHERE key LIKE 'note.1%'")
    dest = tmp_path / "copy.db"
    key, pages = copy_page_by_page(vault, dest)
    yield vault, dest, key, pages
    page_keys.wipe(key)


def _sqlcipher_bad_pages(path: Path, key: bytearray) -> set[int]:
    """The pages ``PRAGMA cipher_integrity_check`` lists for ``path`` under ``key``."""
    conn = dbconn._require_driver().connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(dbconn.raw_key_text(key))
        conn.execute("PRAGMA cipher_compatibility = 4")
        rows = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    finally:
        conn.close()
    return {int(row.rsplit(" ", 1)[-1]) for row in rows if "page" in row}


def _pages(path: Path, key: bytearray, salt: bytes) -> list[str]:
    check = PageCheck(path, key, salt, PAGE)
    try:
        return check.finish(path.stat().st_size // PAGE, lambda: False)
    finally:
        check.close()


def test_it_agrees_with_sqlcipher_on_every_page(copied: Any) -> None:
    vault, dest, key, _pages_written = copied
    salt = page_keys.file_salt(dest)
    assert salt is not None
    free = int(vault.conn.execute("PRAGMA freelist_count").fetchone()[0])
    assert free > 0  # the copy has free pages, which the check covers too
    assert _sqlcipher_bad_pages(dest, key) == set()
    assert _pages(dest, key, salt) == []
    original = dest.read_bytes()
    rng = random.Random(16)
    for _ in range(12):  # one byte anywhere in a page but the plain salt: both refuse that page
        offset = rng.randrange(16, len(original))
        data = bytearray(original)
        data[offset] ^= 1 << rng.randrange(8)
        dest.write_bytes(bytes(data))
        page = offset // PAGE + 1
        assert _sqlcipher_bad_pages(dest, key) == {page}
        assert _pages(dest, key, salt) == [f"1 page(s) of the copy fail their MAC (page {page})"]
    dest.write_bytes(original)
    assert _pages(dest, key, salt) == []


def test_every_page_is_covered_free_pages_included(copied: Any) -> None:
    vault, dest, key, pages = copied
    salt = page_keys.file_salt(dest)
    assert salt is not None
    with vault.key.use() as dek:  # the copy has as many free pages as the vault
        conn = dbconn.connect(vault.folder / "vault.db", dek)
        try:
            assert int(conn.execute("PRAGMA freelist_count").fetchone()[0]) > 0
        finally:
            conn.close()
    original = dest.read_bytes()
    for page in range(1, pages + 1):
        data = bytearray(original)
        data[(page - 1) * PAGE + (PAGE // 2)] ^= 0x10
        dest.write_bytes(bytes(data))
        assert _pages(dest, key, salt) != [], page


def _pipelined_backup(vault: Vault, dest: Path, between: Any = None) -> tuple[list[str], PageCheck]:
    """A copy with its pages checked alongside, as ``backups.backup_to_file`` makes it;
    ``between`` runs after the copy is closed and before the last pass."""
    with vault.key.use() as dek:
        salt = page_keys.new_salt()
        key = page_keys.copy_key(dek, salt)
        conn = dbconn.connect(vault.folder / "vault.db", dek)
        check = PageCheck(dest, key, salt, PAGE)
        try:
            check.start()
            pages = backup_copy.copy_pages(
                conn, dest, page_keys.key_text(key, salt), copied=check.copied
            )
            if between is not None:
                between(check, pages)
            return backup_check.check_copy(dest, key, pages, pages_check=check), check
        finally:
            check.close()
            conn.close()
            page_keys.wipe(key)


def test_pages_checked_alongside_the_copy_even_when_read_before_written(
    make_vault: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No distance behind the copy: the thread reads pages the copy still holds in its cache
    (not written yet, so they fail) and pages it has written; the last pass settles both."""
    monkeypatch.setattr(page_check, "BEHIND_PAGES", 0)
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 8)
    vault, _ = make_vault(rows=3000)
    dest = tmp_path / "copy.db"
    problems, check = _pipelined_backup(vault, dest)
    assert problems == []
    assert check.alongside > 0  # the thread did check pages while the copy ran
    assert inspect_backup(dest, vault.data_key()).sound  # the restore's full checks agree


def test_a_page_changed_after_it_passed_is_caught(
    make_vault: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two whole pages swapped after the thread passed them (each still carries a valid MAC,
    for the other page number): the last pass sees their MACs changed and checks them again."""
    monkeypatch.setattr(page_check, "BEHIND_PAGES", 0)
    vault, _ = make_vault(rows=3000)
    dest = tmp_path / "copy.db"

    def swap_after_they_passed(check: PageCheck, pages: int) -> None:
        check.copied(pages)
        deadline = time.monotonic() + 30
        while check.alongside < pages - 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert check.alongside >= pages - 1
        data = bytearray(dest.read_bytes())
        a, b = slice(2 * PAGE, 3 * PAGE), slice(5 * PAGE, 6 * PAGE)
        data[a], data[b] = data[b], data[a]
        dest.write_bytes(bytes(data))

    problems, _check = _pipelined_backup(vault, dest, swap_after_they_passed)
    assert problems == ["2 page(s) of the copy fail their MAC (page 3, 6)"]


def test_the_lock_byte_page_is_skipped_and_no_other(
    copied: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite never writes the page holding its lock bytes (at 1 GiB; moved here to page 7)."""
    _vault, dest, key, pages = copied
    monkeypatch.setattr(page_check, "LOCK_BYTE_OFFSET", 6 * PAGE)
    data = bytearray(dest.read_bytes())
    data[6 * PAGE : 7 * PAGE] = bytes(PAGE)
    dest.write_bytes(bytes(data))
    assert backup_check.check_copy(dest, key, pages) == []
    data[8 * PAGE : 9 * PAGE] = bytes(PAGE)
    dest.write_bytes(bytes(data))
    assert backup_check.check_copy(dest, key, pages) == [
        "1 page(s) of the copy fail their MAC (page 9)"
    ]


def test_a_backup_put_off_mid_copy_stops_the_thread(
    make_vault: Any, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_check, "BEHIND_PAGES", 0)
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 8)
    vault, _ = make_vault(rows=3000)
    backups = build_services(vault, clock).backups
    before = {t.name for t in threading.enumerate()}
    steps: list[float] = []

    def stop_after_a_few_steps() -> bool:
        steps.append(backups.progress() or 0.0)
        return len(steps) > 5

    with pytest.raises(BackupCancelledError):
        backups.write_daily_backup(stop_after_a_few_steps)
    assert "backup page check" not in {t.name for t in threading.enumerate()} - before
    assert backups.list_backups() == []
    assert list(backups.folder.iterdir()) == []


def test_a_page_that_failed_alongside_is_refused_at_the_end(
    copied: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged page the thread met (and whose MAC never changes afterwards) stays refused."""
    monkeypatch.setattr(page_check, "BEHIND_PAGES", 0)
    _vault, dest, key, pages = copied
    salt = page_keys.file_salt(dest)
    assert salt is not None
    data = bytearray(dest.read_bytes())
    data[3 * PAGE + 10] ^= 0x01
    dest.write_bytes(bytes(data))
    check = PageCheck(dest, key, salt, PAGE)
    try:
        check.start()
        check.copied(pages)
        deadline = time.monotonic() + 30
        while check.alongside < pages and time.monotonic() < deadline:
            time.sleep(0.01)
        assert check.alongside == pages
        problems = check.finish(pages, lambda: False)
    finally:
        check.close()
    assert problems == ["1 page(s) of the copy fail their MAC (page 4)"]
