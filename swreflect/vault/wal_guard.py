"""A write-ahead log left by a crash is kept and checked before SQLite recovers it (D2, row 5).

SQLite ends its recovery at the first WAL frame whose checksum fails, then deletes the log at
the next checkpoint: one flipped bit in the middle of a log silently drops every commit after
it. So before ``vault.db`` is opened, a non-empty ``vault.db-wal`` is copied aside as
``vault.db-wal.kept-<UTC stamp>`` and read frame by frame (format: sqlite.org/fileformat2.html,
"WAL file format"):

* a 32-byte header (magic, version, page size, checkpoint sequence, two salts, a checksum of
  the first 24 bytes), then frames of a 24-byte header (page number, database size after a
  commit or 0, the two salts, a running checksum) and one page;
* each frame's checksum continues from the one stored in the frame before it, so a frame can
  be checked against its predecessor even after an earlier frame failed.

The log is **damaged** when a frame fails and a later commit frame of the same log (matching
salts) still checks out against its predecessor: commits after the damage would be lost.
Damage is also a complete frame after a failed header. A log that simply ends in an incomplete
frame, or in frames of an older log (other salts), is what a crash leaves and is recovered as
usual. A damaged log is refused with ``WalDamagedError`` (exit 4) naming the kept copy, and
nothing is opened, so SQLite never gets to discard it. After a clean open the kept copy is
removed.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

from swreflect.errors import WalDamagedError
from swreflect.platform.lazylog import get_logger
from swreflect.records import FrozenRecord

log = get_logger(__name__)

HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
KEPT_INFIX = ".kept-"
_MAGICS = (0x377F0682, 0x377F0683)  # checksums little- / big-endian words


class WalReport(FrozenRecord):
    frames: int
    valid_frames: int
    damaged: bool


def _checksum(data: bytes, big: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    import struct  # here and in ``inspect``: only a log left by a crash is read

    words = struct.unpack((">" if big else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def inspect(data: bytes) -> WalReport:
    """Read a WAL image; see the module docstring for what counts as damage."""
    if len(data) < HEADER_BYTES:
        return WalReport(0, 0, False)
    import struct

    magic, _ver, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        page_size = 4096  # a damaged field; the frames still tell whether anything follows
    frame_bytes = FRAME_HEADER_BYTES + page_size
    frames = (len(data) - HEADER_BYTES) // frame_bytes
    big = magic == _MAGICS[1]
    if magic not in _MAGICS or _checksum(data[:24], big) != (c0, c1):
        return WalReport(frames, 0, frames > 0)
    prev = (c0, c1)
    valid = 0
    broken = False
    for i in range(frames):
        start = HEADER_BYTES + i * frame_bytes
        head = data[start : start + FRAME_HEADER_BYTES]
        _pgno, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", head)
        page = data[start + FRAME_HEADER_BYTES : start + frame_bytes]
        ours = (f_salt1, f_salt2) == (salt1, salt2)
        good = ours and _checksum(head[:8] + page, big, *prev) == (f0, f1)
        if not broken and good:
            valid += 1
        elif not broken:
            broken = True
        elif good and commit:
            return WalReport(frames, valid, True)  # a sound commit after the break
        prev = (f0, f1)
    return WalReport(frames, valid, False)


def kept_copies(db_path: Path) -> list[Path]:
    return sorted(db_path.parent.glob(f"{db_path.name}-wal{KEPT_INFIX}*"))


def guard(db_path: Path) -> Path | None:
    """Keep a copy of a leftover log and refuse a damaged one; returns the copy, if any."""
    wal = Path(f"{db_path}-wal")
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if not data:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = wal.with_name(f"{wal.name}{KEPT_INFIX}{stamp}")
    same = [p for p in kept_copies(db_path) if p.read_bytes() == data]
    try:
        if same:
            kept = same[0]
        else:
            import shutil  # only on this rare path; opening a vault needn't load it

            shutil.copyfile(wal, kept)
    except OSError:  # read-only media: nothing will be recovered or deleted there either
        kept = wal
    report = inspect(data)
    if report.damaged:
        log.warning("a damaged write-ahead log was kept (%d of %d frames sound)",
                    report.valid_frames, report.frames)  # fmt: skip
        raise WalDamagedError(kept.name)
    return kept


def release(kept: Path | None) -> None:
    """After a clean open and recovery, the kept copy is no longer needed."""
    if kept is not None and KEPT_INFIX in kept.name:
        with contextlib.suppress(OSError):
            kept.unlink()
