"""Which automatic backups to keep.

The rule, applied to every file in ``backups/`` that follows the naming scheme (``auto``,
``manual`` and ``pre-migration`` alike):

* keep the **10 most recent** backups; and
* for each of the **12 calendar months** ending with the current one (UTC, by the injected
  clock), keep the **newest** backup taken in that month;
* delete everything else.

So a vault opened every day holds about 10 daily copies plus one a month going back a year,
which bounds the folder at 22 files however long the vault is used. Files that don't follow
the naming scheme are never touched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import datetime

from swreflect.vault.backups import BackupInfo

KEEP_RECENT = 10
KEEP_MONTHS = 12


def _month_index(when: datetime) -> int:
    return when.year * 12 + (when.month - 1)


def backups_to_keep(backups: Iterable[BackupInfo], now: datetime) -> set[BackupInfo]:
    newest_first = sorted(backups, key=lambda b: b.sort_key, reverse=True)
    keep = set(newest_first[:KEEP_RECENT])
    this_month = _month_index(now)
    months_seen: set[int] = set()
    for info in newest_first:
        month = _month_index(info.taken_at)
        if this_month - KEEP_MONTHS < month <= this_month and month not in months_seen:
            months_seen.add(month)
            keep.add(info)
    return keep


def rotate(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Delete the backups the rule doesn't keep; returns what was deleted."""
    keep = backups_to_keep(backups, now)
    deleted = []
    for info in backups:
        if info not in keep:
            with contextlib.suppress(FileNotFoundError):
                info.path.unlink()
            deleted.append(info)
    return deleted
