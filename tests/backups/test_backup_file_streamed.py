""" "Back up to…" writes and checks its file a piece at a time (a career's vault is most of a
gigabyte): the streamed bytes are exactly ``pack``'s, and the streamed check refuses what the
whole-file reader refuses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from swreflect.errors import BackupFileDamagedError
from swreflect.vault import backup_file

DEK = bytearray(os.urandom(32))
KEYSLOTS = b'{"version": 1, "slots": "wrapped keys only"}'


@pytest.fixture
def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, bytes]:
    monkeypatch.setattr(backup_file, "PIECE", 4096)  # many pieces, and a short last one
    (tmp_path / "out").mkdir()
    db = tmp_path / "out" / "snapshot.db"
    db.write_bytes(os.urandom(5 * 4096 + 123))
    dest = tmp_path / "out" / "stick.swrbak"
    backup_file.write_backup_file(dest, KEYSLOTS, db, DEK)
    return dest, db.read_bytes()


def test_the_streamed_file_is_byte_for_byte_what_pack_makes(written: tuple[Path, bytes]) -> None:
    dest, db_bytes = written
    assert dest.read_bytes() == backup_file.pack(KEYSLOTS, db_bytes, DEK)
    backup_file.check_written(dest, DEK)  # and it passes its own check
    assert sorted(p.name for p in dest.parent.iterdir()) == ["snapshot.db", "stick.swrbak"]


@pytest.mark.parametrize(
    "damage",
    ["database byte", "key-slot byte", "digest", "tag", "truncated", "one byte more", "magic"],
)
def test_the_streamed_check_refuses_damage(written: tuple[Path, bytes], damage: str) -> None:
    dest, _ = written
    data = bytearray(dest.read_bytes())
    start = backup_file.HEADER_BYTES + len(KEYSLOTS)
    if damage == "database byte":
        data[start + 3 * 4096 + 7] ^= 0x20
    elif damage == "key-slot byte":
        data[backup_file.HEADER_BYTES + 2] ^= 0x01
    elif damage == "digest":
        data[-backup_file.TRAILER_BYTES] ^= 0x01
    elif damage == "tag":
        data[-1] ^= 0x01
    elif damage == "truncated":
        del data[-10:]
    elif damage == "one byte more":
        data.append(0)
    else:
        data[0:8] = b"NOTABACK"
    dest.write_bytes(bytes(data))
    with pytest.raises(BackupFileDamagedError):
        backup_file.check_written(dest, DEK)
    with pytest.raises(BackupFileDamagedError):  # the whole-file reader agrees
        backup_file.parse_backup_bytes(bytes(data)).check_key(DEK)


def test_the_wrong_key_is_refused(written: tuple[Path, bytes]) -> None:
    dest, _ = written
    other = bytearray(DEK)
    other[0] ^= 0xFF
    with pytest.raises(BackupFileDamagedError):
        backup_file.check_written(dest, other)
