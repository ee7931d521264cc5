"""Kill a real CLI command at a chosen system call with strace's fault injection.

``count_calls`` runs a command once under ``strace -f -c``-style tracing and counts each watched
system call; ``kill_at(cmd, syscall, n)`` runs it again with
``strace -f -e inject=<syscall>:signal=KILL:when=<n>``, so the process dies exactly at its n-th
call of that kind (before the call takes effect). Sweeping every n of every watched call finds
the windows random-time kills miss (the security review's D3 was found this way).
Without strace the tests skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

import pytest

from tests.vault.support import REPO_ROOT, cli_env

WATCHED = (
    "write",
    "pwrite64",
    "fsync",
    "fdatasync",
    "rename",
    "renameat",
    "renameat2",
    "unlink",
    "unlinkat",
)
POINTS_ENV = "SWREFLECT_STRACE_POINTS"  # how many kill points per operation; "all" for nightly


def require_strace() -> str:
    tool = shutil.which("strace")
    if tool is None:
        pytest.skip("needs strace (installers/linux/ensure-system-libs.sh installs it)")
    return tool


def _command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "swreflect", *args]


def count_calls(args: list[str], env: dict[str, str]) -> Counter[str]:
    tool = require_strace()
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as log:
        subprocess.run(
            [tool, "-f", "-qq", "-o", log.name, "-e", "trace=" + ",".join(WATCHED),
             *_command(args)],
            env=env, cwd=REPO_ROOT, stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
            check=True,
        )  # fmt: skip
        counts: Counter[str] = Counter()
        for line in log:
            name = line.split("(", 1)[0].split()[-1] if "(" in line else ""
            if name in WATCHED and "resumed>" not in line:
                counts[name] += 1
    return counts


def kill_at(
    args: list[str], env: dict[str, str], syscall: str, n: int
) -> subprocess.CompletedProcess[str]:
    tool = require_strace()
    return subprocess.run(
        [tool, "-f", "-qq", "-o", os.devnull, "-e", f"trace={syscall}",
         "-e", f"inject={syscall}:signal=KILL:when={n}", *_command(args)],
        env={**env, "PYTHONUNBUFFERED": "1"}, cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def kill_points(counts: Counter[str], seed: int) -> list[tuple[str, int]]:
    """Every (syscall, n) point, or an even spread of ``SWREFLECT_STRACE_POINTS`` of them.

    Writes (hundreds, mostly SQLite pages and output) are sampled; fsync, rename and unlink
    points, where the file-replacement steps are, come first."""
    points = [(name, n) for name in WATCHED for n in range(1, counts.get(name, 0) + 1)]
    wanted = os.environ.get(POINTS_ENV, "6")
    if wanted == "all":
        return points
    limit = int(wanted)
    key_steps = [p for p in points if p[0] not in ("write", "pwrite64")]
    writes = [p for p in points if p[0] in ("write", "pwrite64")]
    return _spread(key_steps, (limit + 1) // 2, seed) + _spread(writes, limit // 2, seed)


def _spread(points: list[tuple[str, int]], count: int, seed: int) -> list[tuple[str, int]]:
    if not points or count <= 0:
        return []
    step = max(1, len(points) // count)
    return points[seed % step :: step][:count]


def base_env(**extra: str) -> dict[str, str]:
    return cli_env(**extra)
