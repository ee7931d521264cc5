"""Fixtures for the whole-app privacy tests: one scripted CLI run shared by its checks."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.privacy import new_canary
from tests.privacy.isolation import REPO, Sandbox, make_sandbox
from tests.privacy.syscalls import strace_available, strace_prefix, unshare_available

CANARY_PARTS = ("title", "body", "tag", "answer", "purged", "person", "shared", "private")


@dataclass
class CliRun:
    sandbox: Sandbox
    canaries: dict[str, str]
    steps: list[dict[str, Any]]
    trace: Path | None  # strace output, when strace ran
    strace_skipped: str  # why strace didn't run, if it didn't
    offline: bool  # ran inside a fresh network namespace (unshare -n)
    returncode: int
    stderr: str


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory: pytest.TempPathFactory) -> CliRun:
    """The scripted session of cli_session.py, under unshare -n and strace where possible."""
    base = tmp_path_factory.mktemp("cli-privacy")
    sandbox = make_sandbox(base)
    canaries = {part: new_canary(part.upper()) for part in CANARY_PARTS}
    (base / "canaries.json").write_text(json.dumps(canaries), encoding="utf-8")
    result = base / "steps.json"
    command = [
        sys.executable,
        "-m",
        "tests.privacy.cli_session",
        str(base / "canaries.json"),
        str(result),
        str(sandbox.exports),
    ]
    reason = strace_available()
    trace = None if reason else base / "strace.txt"
    if trace is not None:
        command = strace_prefix(trace) + command
    offline = unshare_available()
    if offline:
        command = ["unshare", "-n", *command]
    proc = subprocess.run(
        command,
        env=sandbox.env(),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    steps = json.loads(result.read_text(encoding="utf-8")) if result.exists() else []
    return CliRun(sandbox, canaries, steps, trace, reason, offline, proc.returncode, proc.stderr)
