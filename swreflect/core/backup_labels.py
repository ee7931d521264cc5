"""Which backup, made when: the words a restore shows before it asks for anything.

A person restoring a vault is usually worried; the first thing they need to see is which file
will be used and when it was made, so they can tell "last night's copy" from "the stick from
March" before typing a secret. The GUI and the CLI both name a backup through this module, so
the two say the same thing, in local time with the zone (a backup may be read on another
computer).

An automatic backup's moment is the UTC stamp in its name. A "Back up to…" file carries no
plaintext date, so its file date is used: the moment it was written, unless a copy reset it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from swreflect.timefmt import format_moment


@dataclass(frozen=True)
class BackupLabel:
    """A backup as a person sees it: its file name and when it was made."""

    name: str
    made: datetime

    @property
    def made_text(self) -> str:
        """``2 December 2026, 14:05 (UTC+00:00)`` in local time."""
        return format_moment(self.made, with_zone=True)

    def describe(self) -> str:
        """``“stick.swrbak”, made 2 December 2026, 14:05 (UTC+00:00)``."""
        return f"“{self.name}”, made {self.made_text}"


def label_for_file(path: Path) -> BackupLabel | None:
    """A "Back up to…" file by its file date; ``None`` when the file can't be read."""
    try:
        stamp = Path(path).stat().st_mtime
    except OSError:
        return None
    return BackupLabel(Path(path).name, datetime.fromtimestamp(stamp, tz=UTC))


def label_for_taken(path: Path, taken_at: datetime) -> BackupLabel:
    """An automatic backup by the moment in its name."""
    return BackupLabel(Path(path).name, taken_at)


def newest_automatic(vault_folder: Path) -> BackupLabel | None:
    """The newest automatic backup in the vault's ``backups/`` (before any checks), or
    ``None`` when there is none. A restore uses it unless it fails its checks."""
    # Here, not at the top: the unlock screen's restore links import this module, and the
    # backup reader loads SQLCipher and the crypto library, which start-up doesn't need.
    from swreflect.vault.backups import list_backups

    found = list_backups(Path(vault_folder) / "backups")
    if not found:
        return None
    return label_for_taken(found[0].path, found[0].taken_at)
