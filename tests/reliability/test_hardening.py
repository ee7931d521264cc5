"""SECURITY.md row 13: start-up hardening switches core dumps off and makes the process
non-dumpable (checked in a child, so the test process itself is left as it was)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CHILD = r"""
import json, os, resource, sys
from swreflect.platform.hardening import harden_process, is_dumpable
harden_process()
without_ctypes = "ctypes" not in sys.modules  # prctl came from ctypes' C core
probe = os.umask(0); os.umask(probe)
asked = None
if sys.platform.startswith("linux"):  # asked again through the whole ctypes, independently
    import ctypes
    asked = ctypes.CDLL(None, use_errno=True).prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE
print(json.dumps({"core": resource.getrlimit(resource.RLIMIT_CORE), "dumpable": is_dumpable(),
                  "umask": probe, "asked": asked, "without_ctypes": without_ctypes}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_harden_process_disables_core_dumps() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert tuple(report["core"]) == (0, 0)
    if sys.platform.startswith("linux"):
        assert report["dumpable"] is False
        assert report["asked"] == 0
        assert report["without_ctypes"] is True
    assert report["umask"] == 0o077


ENTRY = r"""
import resource, runpy, sys
sys.argv = ["swreflect", "--version"]
try:
    runpy.run_module("swreflect", run_name="__main__")
except SystemExit:
    pass
print(resource.getrlimit(resource.RLIMIT_CORE))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_the_entry_point_hardens_before_running_a_command() -> None:
    result = subprocess.run(
        [sys.executable, "-c", ENTRY], capture_output=True, text=True, timeout=60
    )
    assert "swreflect" in result.stdout
    assert result.stdout.strip().endswith("(0, 0)"), result.stdout + result.stderr
