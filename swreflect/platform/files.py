"""Private, atomic file writing that behaves the same on Windows, macOS and Linux.

Every file swreflect writes outside the database goes through ``atomic_write``: a temporary
file in the same folder, fsync, ``os.replace`` and an fsync of the folder, so a crash leaves
either the old file or the new one and never a torn mix.

Portability rules (``platform/system.py`` decides which apply):

* every ``os.open`` carries ``O_BINARY``, or Windows writes each ``\\n`` byte as ``\\r\\n``;
* ``fsync`` always goes through a writable descriptor (Windows' ``FlushFileBuffers`` refuses a
  read-only handle);
* folders are fsynced only where that exists (POSIX);
* folders are ``0700`` and files ``0600`` where the OS has permission bits; on Windows those
  bits only toggle "read-only", so privacy rests on the per-user profile folder's access list.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from swreflect.platform import system

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    make_private(path, DIR_MODE)
    return path


def make_private(path: Path, mode: int = FILE_MODE) -> None:
    """Owner-only permissions where the OS has them (a no-op on Windows, see module doc)."""
    if system.has_posix_modes():
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (POSIX only: Windows can't open a folder)."""
    if not system.has_dir_fsync():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a finished file to disk through a *writable* descriptor (Windows needs one)."""
    fd = os.open(path, os.O_RDWR | system.binary_flag())
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of it in order) byte for byte to a file that must not
    exist yet, fsynced, owner-only. Pieces let a large file be written without holding it all
    in memory."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | system.binary_flag()
    fd = os.open(path, flags, FILE_MODE)
    try:
        for piece in [data] if isinstance(data, (bytes, bytearray)) else data:
            view = memoryview(piece)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def refuse_unless_ordinary(path: Path) -> None:
    """Raise ``NotAnOrdinaryFileError`` if ``path`` exists and isn't a plain file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable: the write itself reports it
    if not stat.S_ISREG(info.st_mode):
        from swreflect.errors import NotAnOrdinaryFileError  # here: start-up needn't load them

        raise NotAnOrdinaryFileError()


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` so that readers only ever see the old or the new bytes.

    Only an ordinary file is ever replaced: renaming over a symlink would replace the link
    itself, and over a device (``/dev/stdout``) the device node, so both are refused."""
    path = Path(path)
    refuse_unless_ordinary(path)
    import secrets  # here, not at the top: most processes never write a file this way

    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        write_new_file(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
