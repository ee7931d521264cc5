"""A small, real filesystem for disk-full and read-only tests (needs root and ``mount``).

``small_disk(path, size)`` mounts a tmpfs of ``size`` at ``path`` and unmounts it afterwards;
``fill_to(path, free)`` leaves about ``free`` bytes free with a filler file, and
``read_only(path)`` remounts it read-only for a moment. Without root or ``mount`` the tests
that need it skip with that reason (a missing system tool, never a missing feature).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FILLER = ".filler"


def require_mount() -> None:
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("needs the mount and umount tools")
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (CI runs as root)")


@contextlib.contextmanager
def small_disk(path: Path, size_kib: int) -> Iterator[Path]:
    require_mount()
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(path)],
        check=True,
    )
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def free_bytes(path: Path) -> int:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def fill_to(path: Path, free: int) -> None:
    """Grow (or shrink) the filler file so that about ``free`` bytes stay free."""
    filler = path / FILLER
    filler.touch()
    target = max(0, filler.stat().st_size + free_bytes(path) - free)
    with open(filler, "r+b") as fh:
        fh.truncate(0)
        chunk = b"\0" * 4096
        written = 0
        with contextlib.suppress(OSError):
            while written < target:
                n = fh.write(chunk[: min(4096, target - written)])
                written += n
            fh.flush()
            os.fsync(fh.fileno())


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(path)], check=True)
