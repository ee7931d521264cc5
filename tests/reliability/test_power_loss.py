"""SECURITY.md row 2: a power cut at any moment loses no acknowledged entry and corrupts nothing.

No LazyFS here, and FUSE bindings aren't installed, so a small LD_PRELOAD recorder
(``powerloss/shim.c``, compiled with the system C compiler) logs every write, truncate, fsync,
rename and unlink a real writer makes in the vault folder while it saves journal entries
through the service and then locks. ``powerloss/model.py`` rebuilds the folder as a power cut
after any of those operations would leave it (only fsynced data and fsynced directory entries
survive). ``SWREFLECT_POWERLOSS_RUNS`` cut points (20 in the suite, 500 in ``make nightly``)
(distinct; the writer saves ``RUNS // 8`` entries, at least 30, so there are enough)
are each opened with the real vault code: both integrity checks pass, no rollback is reported,
and every entry acknowledged before the cut is there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect.errors import SwreflectError
from tests.conftest import TEST_PASSPHRASE
from tests.reliability.conftest import rng
from tests.reliability.journal_check import crash_numbers
from tests.reliability.powerloss.model import Disk, read_log
from tests.vault.support import REPO_ROOT, cli_env, make_vault

RUNS = int(os.environ.get("SWREFLECT_POWERLOSS_RUNS", "20"))
SHIM = Path(__file__).parent / "powerloss" / "shim.c"


def _compile(tmp: Path) -> Path:
    cc = shutil.which("gcc") or shutil.which("cc")
    if cc is None or sys.platform != "linux":
        pytest.skip("needs a C compiler on Linux for the power-loss recorder")
    out = tmp / "shim.so"
    subprocess.run([cc, "-shared", "-fPIC", "-O1", "-o", str(out), str(SHIM), "-ldl"], check=True)
    return out


def test_power_cuts_lose_no_acknowledged_entry(tmp_path: Path) -> None:
    shim = _compile(tmp_path)
    folder = tmp_path / "vault"
    make_vault(folder, rows=20)
    before = Disk.of(folder)
    log = tmp_path / "ops.log"
    env = cli_env(LD_PRELOAD=str(shim), PL_DIR=str(folder), PL_LOG=str(log))
    child = subprocess.run(
        [sys.executable, "-m", "tests.reliability.powerloss.child", str(folder),
         TEST_PASSPHRASE, str(max(30, RUNS // 8))],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr
    ops = read_log(log)
    kinds = {op.kind for op in ops}
    assert {"W", "S", "A"} <= kinds, f"the recorder saw too little: {kinds}"
    random = rng()
    # Distinct cut points (after operation k), sampled without repeats, plus the very end.
    cuts = sorted(set(random.sample(range(len(ops) + 1), min(RUNS, len(ops) + 1))) | {len(ops)})
    disk, done, acked = before, 0, set()
    failures: list[str] = []
    for cut in cuts:
        for op in ops[done:cut]:
            disk.apply(op)
            if op.kind == "A" and op.data.strip().isdigit():
                acked.add(int(op.data))
        done = cut
        target = tmp_path / f"cut-{cut}" / "vault"
        disk.write_after_power_cut(folder, target)
        try:
            found, problems = crash_numbers(target, TEST_PASSPHRASE)
        except SwreflectError as exc:
            failures.append(f"cut after op {cut}: {type(exc).__name__}: {exc.message}")
            continue
        if problems or not acked <= found:
            failures.append(f"cut after op {cut}: problems {problems}, lost {acked - found}")
        shutil.rmtree(target.parent)
    print(f"power loss: {len(cuts)} cuts over {len(ops)} recorded operations, "
          f"{len(failures)} failed, {len(acked)} entries acknowledged in all")  # fmt: skip
    assert failures == []
