"""Windows file rules, emulated on Linux, so the Windows code paths run in ``make test``.

``windows_rules(monkeypatch)`` switches ``swreflect.platform.system`` to its Windows branches
and makes the ``os`` calls behave as they do on Windows, so code that only works on POSIX
fails here the way it would fail on a council laptop:

* ``os.open`` without ``os.O_BINARY`` is **text mode**: every ``\\n`` written becomes
  ``\\r\\n`` (and ``\\r\\n`` reads back as ``\\n``), as the Microsoft C runtime does;
* ``os.fsync`` on a read-only descriptor fails (``FlushFileBuffers`` needs write access);
* ``os.open`` on a folder fails (so a folder can't be fsynced);
* a folder holding an open file can't be renamed, and an open file can't be renamed over,
  renamed or deleted (Python opens files without ``FILE_SHARE_DELETE``);
* ``os.rename`` onto an existing name fails (only ``os.replace`` overwrites);
* ``msvcrt.locking`` is provided by a fake with Windows semantics (a second handle, even in
  the same process, is refused).

Open files are tracked when opened through ``os.open``, ``open``/``io.open`` (which pathlib
uses) and the SQLCipher driver. What it can't emulate: ACLs, path length and reserved names.
"""

from __future__ import annotations

import builtins
import errno
import fcntl
import io
import os
import shutil
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

O_BINARY = 1 << 30  # a bit Linux doesn't use; stripped before the real os.open

_real_open = os.open
_real_write = os.write
_real_read = os.read
_real_close = os.close
_real_fsync = os.fsync
_real_replace = os.replace
_real_rename = os.rename
_real_unlink = os.unlink
_real_io_open = io.open


class FakeMsvcrt:
    """``msvcrt.locking`` with Windows semantics: a locked byte range refuses every other
    handle (in this process or another) until it is unlocked or the handle is closed."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        st = os.fstat(fd)
        pos = os.lseek(fd, 0, os.SEEK_CUR)
        key = (st.st_dev, st.st_ino, pos)
        if mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise PermissionError(errno.EACCES, "unlocking a region this handle never locked")
            del self.held[key]
            fcntl.lockf(fd, fcntl.LOCK_UN, nbytes, pos)
            return
        owner = self.held.get(key)
        if owner is not None and owner != fd:
            raise PermissionError(errno.EACCES, "the region is locked by another handle")
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, nbytes, pos)
        except OSError as exc:
            raise PermissionError(errno.EACCES, "the region is locked by another process") from exc
        self.held[key] = fd

    def forget(self, fd: int) -> None:
        for key, owner in list(self.held.items()):
            if owner == fd:
                del self.held[key]


class WindowsRules:
    def __init__(self) -> None:
        self.text_fds: set[int] = set()
        self.readonly_fds: set[int] = set()
        self.fd_paths: dict[int, str] = {}
        self.files: list[tuple[weakref.ref[Any], str]] = []
        self.connections: list[tuple[Any, str]] = []
        self.msvcrt = FakeMsvcrt()
        self.refusals: list[str] = []

    # ------------------------------------------------------------------ bookkeeping
    def open_paths(self) -> list[str]:
        paths = list(self.fd_paths.values())
        alive: list[tuple[weakref.ref[Any], str]] = []
        for ref, path in self.files:
            handle = ref()
            if handle is not None and not handle.closed:
                alive.append((ref, path))
                paths.append(path)
        self.files = alive
        still: list[tuple[Any, str]] = []
        for ref, path in self.connections:
            conn = ref()
            if conn is not None and _connection_open(conn):
                still.append((ref, path))
                paths.append(path)
        self.connections = still
        return paths

    def _refuse(self, what: str, path: str) -> PermissionError:
        self.refusals.append(f"{what}: {path}")
        return PermissionError(errno.EACCES, f"[emulated Windows] {what}", path)

    def _busy_under(self, path: str) -> bool:
        root = os.path.abspath(path)
        for open_path in self.open_paths():
            if open_path == root or open_path.startswith(root + os.sep):
                return True
        return False

    # ------------------------------------------------------------------ os replacements
    def os_open(self, path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
        if dir_fd is not None:
            return _real_open(path, flags, mode, dir_fd=dir_fd)
        text = os.path.abspath(os.fsdecode(path))
        if os.path.isdir(text):
            raise self._refuse("a folder can't be opened as a file", text)
        fd = _real_open(text, flags & ~O_BINARY, mode)
        if not flags & O_BINARY:
            self.text_fds.add(fd)
        if flags & os.O_ACCMODE == os.O_RDONLY:
            self.readonly_fds.add(fd)
        self.fd_paths[fd] = text
        return fd

    def os_write(self, fd: int, data: Any) -> int:
        if fd not in self.text_fds:
            return _real_write(fd, data)
        raw = bytes(data)
        translated = memoryview(raw.replace(b"\n", b"\r\n"))
        while translated:
            translated = translated[_real_write(fd, translated) :]
        return len(raw)

    def os_read(self, fd: int, n: int) -> bytes:
        data = _real_read(fd, n)
        return data.replace(b"\r\n", b"\n") if fd in self.text_fds else data

    def os_close(self, fd: int) -> None:
        self.text_fds.discard(fd)
        self.readonly_fds.discard(fd)
        self.fd_paths.pop(fd, None)
        self.msvcrt.forget(fd)
        _real_close(fd)

    def os_fsync(self, fd: Any) -> None:
        number = fd if isinstance(fd, int) else fd.fileno()
        if number in self.readonly_fds:
            raise OSError(errno.EBADF, "[emulated Windows] fsync needs a writable handle")
        _real_fsync(fd)

    def _check_move(self, src: Any, dst: Any) -> tuple[str, str]:
        s, d = os.path.abspath(os.fsdecode(src)), os.path.abspath(os.fsdecode(dst))
        if self._busy_under(s):
            raise self._refuse("a file, or a folder holding a file, is open", s)
        if os.path.exists(d) and self._busy_under(d):
            raise self._refuse("the destination is open", d)
        return s, d

    def os_replace(self, src: Any, dst: Any, **kw: Any) -> None:
        if kw:
            return _real_replace(src, dst, **kw)
        s, d = self._check_move(src, dst)
        if os.path.isdir(s) and os.path.exists(d):
            raise self._refuse("a folder can't replace an existing name", d)
        _real_replace(s, d)

    def os_rename(self, src: Any, dst: Any, **kw: Any) -> None:
        if kw:
            return _real_rename(src, dst, **kw)
        s, d = self._check_move(src, dst)
        if os.path.exists(d):
            raise FileExistsError(errno.EEXIST, "[emulated Windows] rename onto a name", d)
        _real_rename(s, d)

    def os_unlink(self, path: Any, *, dir_fd: Any = None) -> None:
        if dir_fd is None:
            text = os.path.abspath(os.fsdecode(path))
            if text in self.open_paths():
                raise self._refuse("an open file can't be deleted", text)
            return _real_unlink(text)
        return _real_unlink(path, dir_fd=dir_fd)

    def io_open(self, file: Any, *args: Any, **kwargs: Any) -> Any:
        handle = _real_io_open(file, *args, **kwargs)
        if isinstance(file, (str, bytes, os.PathLike)):
            self.files.append((weakref.ref(handle), os.path.abspath(os.fsdecode(file))))
        return handle

    def track_driver(self, driver: Any) -> Any:
        rules = self

        class TrackedDriver:
            def __getattr__(self, name: str) -> Any:
                return getattr(driver, name)

            def connect(self, database: Any, *args: Any, **kwargs: Any) -> Any:
                conn = driver.connect(database, *args, **kwargs)
                path = _db_path(os.fsdecode(database))
                if path:
                    rules.connections.append((_ref(conn), path))
                return conn

        return TrackedDriver()


def _ref(obj: Any) -> Callable[[], Any]:
    try:
        return weakref.ref(obj)
    except TypeError:  # no weak references: keep it, and judge liveness by use
        return lambda: obj


def _connection_open(conn: Any) -> bool:
    try:
        conn.total_changes  # noqa: B018 - raises once the connection is closed
    except Exception:
        return False
    return True


def _db_path(database: str) -> str:
    if database.startswith("file:"):
        database = database[5:].split("?", 1)[0]
        while database.startswith("//"):
            database = database[1:]
        from urllib.parse import unquote

        database = unquote(database)
    return "" if database in ("", ":memory:") else os.path.abspath(database)


@contextmanager
def windows_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[WindowsRules]:
    """Run the enclosed code with Windows file rules (see the module docstring)."""
    from swreflect.platform import system
    from swreflect.vault import connection as dbconn

    rules = WindowsRules()
    real_driver = dbconn._require_driver
    with monkeypatch.context() as m:
        m.setattr(system, "WINDOWS", True)
        m.setattr(system, "msvcrt", lambda: rules.msvcrt)
        m.setattr(os, "O_BINARY", O_BINARY, raising=False)
        m.setattr(os, "open", rules.os_open)
        m.setattr(os, "write", rules.os_write)
        m.setattr(os, "read", rules.os_read)
        m.setattr(os, "close", rules.os_close)
        m.setattr(os, "fsync", rules.os_fsync)
        m.setattr(os, "replace", rules.os_replace)
        m.setattr(os, "rename", rules.os_rename)
        m.setattr(os, "unlink", rules.os_unlink)
        m.setattr(os, "remove", rules.os_unlink)
        m.setattr(io, "open", rules.io_open)
        m.setattr(builtins, "open", rules.io_open)
        # Windows' rmtree walks by name; the fd-based POSIX walk would open folders.
        m.setattr(shutil, "_use_fd_functions", False)
        m.setattr(shutil.rmtree, "avoids_symlink_attacks", False)
        m.setattr(dbconn, "_require_driver", lambda: rules.track_driver(real_driver()))
        yield rules


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
