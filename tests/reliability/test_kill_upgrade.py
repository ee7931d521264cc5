"""What the unlock screen promises about an update is true: if the computer stops part-way,
nothing is lost, a copy was kept first, and the next unlock carries on.

A real CLI child upgrades a copy of a schema-4 vault; its last step does its real work inside
its transaction, then says so and waits to be killed with SIGKILL, the
closest a test gets to pulling the plug on the process. The vault must then be at the version
before that step, sound, with the copy kept; the next unlock finishes the update with one step
and the content equals that of a copy upgraded without interruption.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from swreflect.core.vault_access import unlock_vault
from swreflect.models.unlock_progress import UnlockProgress, UnlockStage
from swreflect.vault.backups import inspect_backup
from swreflect.vault.migrations import latest_version
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import REPO_ROOT, cli_env
from tests.vault.test_unlock_progress import OLD_V4

CHILD = """
import sys, time
from pathlib import Path
from swreflect.vault import open_steps
from swreflect.vault.migrations import Migration, ladder

real = ladder()
last = real[-1]

def held(conn):
    last.upgrade(conn)  # the real step, inside its own transaction
    Path(sys.argv[2]).write_bytes(b"")
    time.sleep(120)  # killed here, before the step commits

open_steps.ladder = lambda: [*real[:-1], Migration(last.version, last.name, held)]
from swreflect.cli import main
main(["journal", "list", "--vault", sys.argv[1]])
"""


def _content(folder: Path) -> list[tuple[object, ...]]:
    vault = unlock_vault(folder, TEST_PASSPHRASE)
    try:
        conn = vault.conn
        rows = list(conn.execute("SELECT id, title, body, deleted_at FROM journal_entries"))
        rows += list(conn.execute("SELECT id, status, finished_at FROM sessions ORDER BY id"))
        rows += list(conn.execute("SELECT id, text FROM session_notes ORDER BY id"))
        return rows
    finally:
        vault.lock()


def test_a_kill_inside_the_last_step_loses_nothing_and_the_next_unlock_carries_on(
    tmp_path: Path,
) -> None:
    folder, flag = tmp_path / "killed", tmp_path / "in-last-step"
    shutil.copytree(OLD_V4, folder)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(flag)],
        cwd=REPO_ROOT,
        env=cli_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not flag.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert flag.exists(), "the child never reached the last step"
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        _, stderr = child.communicate()
    assert child.returncode == -signal.SIGKILL
    steps = latest_version() - 4
    assert f"step {steps} of {steps}".encode() in stderr  # told on stderr as the step began

    copies = sorted((folder / "backups").glob("pre-migration-v4-*.db"))
    assert len(copies) == 1
    seen: list[UnlockProgress] = []
    vault = unlock_vault(folder, TEST_PASSPHRASE, progress=seen.append)
    try:
        check = inspect_backup(copies[0], vault.data_key())
        assert check.sound and check.vault_id == vault.vault_id
        assert vault.schema_version() == latest_version()
        assert vault.integrity_problems() == []
    finally:
        vault.lock()
    # the next unlock found the vault one step short, kept another copy and did that step
    done = [(p.step, p.steps) for p in seen if p.stage is UnlockStage.MIGRATE]
    assert done == [(1, 1)]
    assert list((folder / "backups").glob(f"pre-migration-v{latest_version() - 1}-*.db"))

    calm = tmp_path / "calm"
    shutil.copytree(OLD_V4, calm)
    assert _content(folder) == _content(calm) != []
