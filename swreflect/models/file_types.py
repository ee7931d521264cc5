"""swreflect's own file types: one table for file associations, MIME types and the hand-off.

The desktop files (``installers/``), the Windows and macOS installers and the app's "open this
file" path all read this table, so a type is registered the same way everywhere.
"""

from __future__ import annotations

from pathlib import Path

from swreflect.records import FrozenRecord


class FileType(FrozenRecord):
    extension: str  # with the dot
    mime: str
    description: str
    kind: str  # what the app does with it: "exchange", "card" or "backup"
    magic: bytes = b""


FILE_TYPES = (
    FileType(
        ".swx",
        "application/x-swreflect-exchange",
        "swreflect agreement file",
        "exchange",
        b"SWREFLECT-EXCHANGE",
    ),
    FileType(".swid", "application/x-swreflect-identity", "swreflect identity card", "card"),
    FileType(
        ".swb",
        "application/x-swreflect-backup",
        "swreflect encrypted backup",
        "backup",
        b"SWREFLBK",
    ),
)


def file_type(path: Path) -> FileType | None:
    suffix = Path(path).suffix.lower()
    return next((t for t in FILE_TYPES if t.extension == suffix), None)


def is_openable(path: Path) -> bool:
    """An existing file with one of our extensions (what a file manager would pass us)."""
    return file_type(path) is not None and Path(path).is_file()
