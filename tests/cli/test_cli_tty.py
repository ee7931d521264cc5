"""The passphrase prompt on a real terminal (a pseudo-terminal): asked for, never echoed."""

from __future__ import annotations

import os
import select
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import REPO_ROOT, cli_env, make_vault

pty = pytest.importorskip("pty")


def _read_until(fd: int, marker: bytes, limit: float = 30.0) -> bytes:
    seen = b""
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], limit)
        if not ready:
            raise AssertionError(f"no {marker!r} in {seen!r}")
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    return seen


def _read_all(fd: int) -> bytes:
    out = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 30.0)
        if not ready:
            return out
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # EIO: the child closed the terminal
            return out
        if not chunk:
            return out
        out += chunk


def _run_in_pty(args: list[str], answers: list[tuple[bytes, str]]) -> tuple[int, bytes]:
    env = cli_env()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the CLI
        os.chdir(REPO_ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "swreflect", *args], env)  # noqa: S606
    transcript = b""
    for prompt, answer in answers:
        transcript += _read_until(fd, prompt)
        os.write(fd, answer.encode("utf-8") + b"\n")
    transcript += _read_all(fd)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), transcript


def test_passphrase_prompt_is_not_echoed(vault_dir: Path) -> None:
    make_vault(vault_dir)
    code, transcript = _run_in_pty(
        ["check", "--vault", str(vault_dir)], [(b"Passphrase: ", TEST_PASSPHRASE)]
    )
    assert code == 0, transcript
    assert b"sound" in transcript
    assert TEST_PASSPHRASE.encode() not in transcript


def test_init_on_a_terminal_asks_twice_and_refuses_a_mismatch(vault_dir: Path) -> None:
    code, transcript = _run_in_pty(
        ["init", "--vault", str(vault_dir)],
        [(b"Choose a passphrase: ", TEST_PASSPHRASE), (b"again: ", TEST_PASSPHRASE + "x")],
    )
    assert code == 2, transcript
    assert b"don't match" in transcript
    assert not (vault_dir / "vault.db").exists()
    assert TEST_PASSPHRASE.encode() not in transcript


def test_restore_names_the_backup_and_its_date_before_asking(
    vault_dir: Path, tmp_path: Path
) -> None:
    from datetime import datetime

    from swreflect.core.clock import FakeClock
    from swreflect.core.services import build_services
    from swreflect.vault.vault import Vault

    make_vault(vault_dir)
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    stick = build_services(vault, FakeClock()).backups.back_up_to(tmp_path / "stick.swrbak")
    vault.lock()
    stamp = datetime(2026, 12, 2, 14, 5).timestamp()  # local time
    os.utime(stick, (stamp, stamp))
    target = tmp_path / "new-laptop"
    code, transcript = _run_in_pty(
        ["backup", "restore", str(stick), "--vault", str(target)],
        [(b"Passphrase of the backup: ", TEST_PASSPHRASE)],
    )
    assert code == 0, transcript
    asked = transcript.index(b"Passphrase of the backup: ")
    named = "“stick.swrbak”, made 2 December 2026, 14:05 (UTC".encode()
    assert transcript.find(named) != -1 and transcript.find(named) < asked, transcript
    assert transcript.find(named, asked) != -1, transcript  # and again in the result
