"""Fixtures for the reliability tests: child processes killed at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from tests.vault.support import REPO_ROOT, cli_env


@dataclass
class KilledChild:
    lines: list[str]
    delay: float


def run_and_kill(module: str, args: list[str], delay: float, **env: str) -> KilledChild:
    """Start ``python -m module args``; once it prints ``ready``, wait ``delay`` s, SIGKILL.

    Returns every complete line the child printed (its acknowledgements)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=REPO_ROOT,
        env=cli_env(**env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if first.strip() != "ready":
        proc.kill()
        _out, err = proc.communicate()
        raise AssertionError(f"child did not start: {first!r} {err}")
    time.sleep(delay)  # the kill moment, not a timed assertion
    with_kill = proc.poll() is None
    if with_kill:
        os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    if not with_kill and proc.returncode != 0:
        raise AssertionError(f"child failed: {err}")
    text = out if out.endswith("\n") or not out else out.rsplit("\n", 1)[0] + "\n"
    return KilledChild([line for line in text.splitlines() if line], delay)


def runs(env_name: str, default: int) -> int:
    """How many randomised runs: ``default`` in the suite, more for nightly via ``env_name``."""
    return int(os.environ.get(env_name, default))


def rng() -> random.Random:
    seed = int(os.environ.get("SWREFLECT_RELIABILITY_SEED", str(time.time_ns())))
    print(f"reliability seed {seed}")
    return random.Random(seed)
