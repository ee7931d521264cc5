"""Automatic backups: once a day by the injected clock, checked, named, rotated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.vault.backup_rotation import KEEP_MONTHS, KEEP_RECENT, backups_to_keep
from swreflect.vault.backups import (
    BackupInfo,
    inspect_backup,
    list_backups,
    parse_backup_name,
)
from swreflect.vault.backups import connect_copy as connect
from tests.backups.conftest import put_setting


def test_daily_backup_runs_once_per_day_and_is_sound(services: Services, clock: FakeClock) -> None:
    first = services.backups.run_daily_backup()
    assert first is not None
    assert first.kind == "auto"
    assert first.taken_at == clock.now().replace(microsecond=0)
    assert inspect_backup(first.path, services.vault.data_key()).sound
    assert not first.path.read_bytes().startswith(b"SQLite format 3")
    # Same day, later: nothing new.
    clock.advance(6 * 3600)
    assert services.backups.run_daily_backup() is None
    assert not services.backups.daily_backup_due()
    # Next calendar day, after a change: a new one.
    clock.advance(12 * 3600)
    put_setting(services.vault, "note.day-two", "written on the second day")
    second = services.backups.run_daily_backup()
    assert second is not None and second.path != first.path
    assert [b.path for b in services.backups.list_backups()] == [second.path, first.path]


def test_the_schedule_is_remembered_inside_the_vault(
    make_vault: object, clock: FakeClock, tmp_path: Path
) -> None:
    from swreflect.vault.vault import Vault
    from tests.backups.conftest import PASSPHRASE

    vault, _ = make_vault()  # type: ignore[operator]
    assert build_services(vault, clock).backups.run_daily_backup() is not None
    vault.lock()
    again = Vault.unlock(tmp_path / "vault", PASSPHRASE)
    try:
        assert build_services(again, clock).backups.run_daily_backup() is None
    finally:
        again.lock()


def test_backup_holds_the_records_and_the_schema_version(services: Services) -> None:
    put_setting(services.vault, "note.extra", "after the first rows")
    info = services.backups.create_backup()
    assert info.kind == "manual"
    assert info.schema_version == services.vault.schema_version()
    conn = connect(info.path, services.vault.data_key())
    try:
        rows = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    assert rows["note.extra"] == "after the first rows"
    assert version == services.vault.schema_version()
    assert not Path(f"{info.path}-wal").exists()


def test_two_backups_in_one_second_get_distinct_names(services: Services) -> None:
    a = services.backups.create_backup()
    b = services.backups.create_backup()
    assert a.path != b.path
    assert b.sequence == 1
    assert services.backups.list_backups()[0].path == b.path


def test_leftover_partial_files_are_removed(services: Services) -> None:
    folder = services.backups.folder
    junk = folder / "auto-v1-20260101T000000Z.db.partial"
    junk.write_bytes(b"interrupted")
    services.backups.create_backup()
    assert not junk.exists()


def test_pre_migration_names_follow_the_scheme() -> None:
    # Vault._upgrade_if_needed names its copies like this.
    info = parse_backup_name(Path("pre-migration-v3-20260102T030405Z.db"))
    assert info is not None
    assert (info.kind, info.schema_version) == ("pre-migration", 3)
    assert info.taken_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert parse_backup_name(Path("holiday-photo.db")) is None
    assert parse_backup_name(Path("auto-v1-20261399T000000Z.db")) is None


def _fake(folder: Path, when: datetime, kind: str = "auto") -> BackupInfo:
    path = folder / f"{kind}-v1-{when.strftime('%Y%m%dT%H%M%SZ')}.db"
    path.write_bytes(b"stand-in")
    info = parse_backup_name(path)
    assert info is not None
    return info


def test_rotation_keeps_ten_recent_and_one_per_month_for_a_year(
    services: Services, clock: FakeClock
) -> None:
    folder = services.backups.folder
    start = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
    for day in range(500):  # a backup every day for 500 days, rotating as we go
        clock.set(start + timedelta(days=day))
        _fake(folder, clock.now())
        services.backups.apply_rotation()
    kept = list_backups(folder)
    now = clock.now()
    recent = kept[:KEEP_RECENT]
    assert [b.taken_at.date() for b in recent] == [
        (now - timedelta(days=i)).date() for i in range(KEEP_RECENT)
    ]
    older = kept[KEEP_RECENT:]
    months = [(b.taken_at.year, b.taken_at.month) for b in older]
    assert len(months) == len(set(months))  # at most one per month beyond the recent ten
    oldest_month = (now.year * 12 + now.month - 1) - (KEEP_MONTHS - 1)
    assert all(b.taken_at.year * 12 + b.taken_at.month - 1 >= oldest_month for b in kept)
    # Each kept monthly copy is the newest of its month.
    for b in older:
        last_day_of_month = max(
            d
            for d in (start + timedelta(days=i) for i in range(500))
            if d.month == b.taken_at.month and d.year == b.taken_at.year
        )
        assert b.taken_at == last_day_of_month
    assert len(kept) <= KEEP_RECENT + KEEP_MONTHS
    print(f"\nrotation after 500 daily backups: {len(kept)} kept")


def test_rotation_applies_to_pre_migration_copies_and_ignores_other_files(
    services: Services, clock: FakeClock
) -> None:
    folder = services.backups.folder
    keep_me = folder / "my-notes.txt"
    keep_me.write_text("not a backup")
    base = clock.now() - timedelta(days=3)
    for i in range(15):
        _fake(folder, base + timedelta(minutes=i), kind="pre-migration")
    services.backups.apply_rotation()
    assert keep_me.exists()
    assert len(list_backups(folder)) == KEEP_RECENT


def test_keep_rule_is_pure() -> None:
    now = datetime(2026, 6, 15, tzinfo=UTC)
    infos = [
        BackupInfo(Path(f"b{i}"), "auto", 1, now - timedelta(days=40 * i), 0) for i in range(20)
    ]
    keep = backups_to_keep(infos, now)
    assert set(infos[:KEEP_RECENT]) <= keep
    assert infos[-1] not in keep  # 760 days old, outside the year


def test_a_failed_daily_backup_is_tried_again_next_time(services: Services) -> None:
    from swreflect.errors import BackupFailedError

    blocker = services.vault.folder / "backups"
    blocker.write_text("a file where the backups folder should be")
    with pytest.raises(BackupFailedError, match="not changed"):
        services.backups.run_daily_backup()
    assert services.backups.daily_backup_due()
    blocker.unlink()
    assert services.backups.run_daily_backup() is not None
    assert not services.backups.daily_backup_due()
