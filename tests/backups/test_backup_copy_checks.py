"""The page copy behind every backup: its read-back check refuses a damaged copy, its progress
rises step by step, and putting it off at any point leaves nothing behind and the earlier
backups as they were."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import BackupCancelledError
from swreflect.vault import backup_check, backup_copy, page_keys
from swreflect.vault.backups import PARTIAL_SUFFIX, inspect_backup
from swreflect.vault.vault import Vault
from tests.backups.conftest import copy_page_by_page

PAGE = 4096


@pytest.fixture
def copied(make_vault: Any, tmp_path: Path) -> Iterator[tuple[Vault, Path, bytearray, int]]:
    """A real vault with a few hundred pages, copied page by page to ``copy.db``."""
    vault, _ = make_vault(rows=3000)
    dest = tmp_path / "copy.db"
    key, pages = copy_page_by_page(vault, dest)
    yield vault, dest, key, pages
    page_keys.wipe(key)


def _root_pages(vault: Vault) -> list[int]:
    rows = vault.conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND rootpage > 1 "
        "AND name IN ('settings', 'meta') ORDER BY name"
    ).fetchall()
    return [int(r[0]) for r in rows]


def _rewrite(path: Path, change: Any) -> None:
    data = bytearray(path.read_bytes())
    change(data)
    path.write_bytes(bytes(data))


def test_an_intact_copy_passes_and_matches_the_vault(copied: Any) -> None:
    vault, dest, key, pages = copied
    assert pages == int(vault.conn.execute("PRAGMA page_count").fetchone()[0])
    assert dest.stat().st_size == pages * PAGE
    assert backup_check.check_copy(dest, key, pages) == []
    check = inspect_backup(dest, vault.data_key())  # the restore's full checks agree
    assert check.sound and check.vault_id == vault.vault_id


def test_a_flipped_byte_in_a_page_in_use_is_refused(copied: Any) -> None:
    vault, dest, key, pages = copied
    page = _root_pages(vault)[1]

    def flip(data: bytearray) -> None:
        data[(page - 1) * PAGE + 700] ^= 0x01

    _rewrite(dest, flip)
    assert backup_check.check_copy(dest, key, pages) != []


def test_two_pages_swapped_are_refused(copied: Any) -> None:
    vault, dest, key, pages = copied
    first, second = _root_pages(vault)

    def swap(data: bytearray) -> None:
        a = slice((first - 1) * PAGE, first * PAGE)
        b = slice((second - 1) * PAGE, second * PAGE)
        data[a], data[b] = data[b], data[a]

    _rewrite(dest, swap)
    assert backup_check.check_copy(dest, key, pages) != []


def test_a_truncated_copy_is_refused(copied: Any) -> None:
    _vault, dest, key, pages = copied
    _rewrite(dest, lambda data: data.__delitem__(slice(len(data) - PAGE, None)))
    assert backup_check.check_copy(dest, key, pages) != []


def test_the_wrong_key_is_refused(copied: Any) -> None:
    _vault, dest, key, pages = copied
    other = bytearray(key)
    other[0] ^= 0xFF
    assert backup_check.check_copy(dest, other, pages) != []


def test_progress_rises_step_by_step_to_the_end(
    make_vault: Any, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 4)
    vault, _ = make_vault(rows=3000)
    backups = build_services(vault, clock).backups
    seen: list[float | None] = []
    original = backups._note_progress

    def note(done: float) -> None:
        original(done)
        seen.append(backups.progress())

    monkeypatch.setattr(backups, "_note_progress", note)
    assert backups.progress() is None
    backups.create_backup()
    assert backups.progress() is None  # nothing under way any more
    values = [v for v in seen if v is not None]
    assert len(values) == len(seen) and values == sorted(values)
    copying = [v for v in values if v <= backup_copy.COPY_SHARE]
    assert len(set(copying)) >= 10  # one value per step of the copy
    assert values[-1] == 1.0 and len(values) > len(copying)  # then the checks


@pytest.mark.parametrize("phase", ["copying", "checking"])
def test_putting_off_leaves_no_file_and_earlier_backups_untouched(
    make_vault: Any, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, phase: str
) -> None:
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 16)
    vault, _ = make_vault(rows=3000)
    backups = build_services(vault, clock).backups
    earlier = backups.create_backup()
    before = earlier.path.read_bytes()
    clock.advance(3600)

    def stop_part_way() -> bool:
        done = backups.progress() or 0.0
        if phase == "copying":
            return 0.1 < done < backup_copy.COPY_SHARE
        return done > backup_copy.COPY_SHARE

    with pytest.raises(BackupCancelledError):
        backups.write_daily_backup(stop_part_way)
    folder = backups.folder
    assert [p.name for p in folder.iterdir()] == [earlier.path.name]
    assert not list(folder.glob(f"*{PARTIAL_SUFFIX}*"))
    assert earlier.path.read_bytes() == before
    assert backups.list_backups() == [earlier]
    assert vault.integrity_problems() == []
