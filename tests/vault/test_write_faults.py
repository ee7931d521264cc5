"""SECURITY.md row 3 (small form): a write failure at any step is a typed error, and the
vault still opens with the secret that was in force.

Key slots: every ``os.write`` / ``os.fsync`` / ``os.replace`` of a passphrase change and of a
recovery-key rotation is made to fail in turn with ENOSPC. Database: a child process under
``RLIMIT_FSIZE`` writes until the disk is "full"; its error is typed and every row it was
told was saved is there afterwards.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from swreflect.errors import KeyslotWriteError, WrongPassphraseError, WrongRecoveryKeyError
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import REPO_ROOT, cli_env, make_vault

CHEAP = KdfPolicy.insecure_for_tests()


class _Faults:
    def __init__(self, fail_at: int) -> None:
        self.fail_at = fail_at
        self.calls = 0
        self.fired = False

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def faulty(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.fail_at:
                self.fired = True
                raise OSError(errno.ENOSPC, "No space left on device (injected)")
            return real(*args, **kwargs)

        return faulty


@contextmanager
def _failing_io(monkeypatch: pytest.MonkeyPatch, fail_at: int) -> Iterator[_Faults]:
    faults = _Faults(fail_at)
    with monkeypatch.context() as patch:
        for name in ("write", "fsync", "replace"):
            patch.setattr(os, name, faults.wrap(getattr(os, name)))
        yield faults


def _opens(folder: Path, passphrase: str) -> bool:
    try:
        Vault.unlock(folder, passphrase).lock()
    except WrongPassphraseError:
        return False
    return True


def test_passphrase_change_survives_a_failure_at_every_step(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(vault_dir, rows=10)
    db = (vault_dir / "vault.db").read_bytes()
    current = TEST_PASSPHRASE
    typed_failures = 0
    for n in range(1, 60):
        vault = Vault.unlock(vault_dir, current)
        new = f"replacement passphrase {n}"
        with _failing_io(monkeypatch, n) as faults:
            try:
                vault.change_passphrase(new, CHEAP)
                error = None
            except KeyslotWriteError as exc:
                error = exc
        vault.lock()
        if error is not None:
            typed_failures += 1
            assert "old one still opens" in error.message
            assert _opens(vault_dir, current) and not _opens(vault_dir, new)
        else:
            # Either no fault fired, or it hit after the swap (folder sync, clean-up): then
            # the new passphrase is in force, and says so by working.
            assert _opens(vault_dir, new) and not _opens(vault_dir, current)
            current = new
        assert (vault_dir / "vault.db").read_bytes() == db
        if not faults.fired:
            break
    else:
        pytest.fail("the change never completed without a fault")
    assert typed_failures >= 4  # the writes before the swap each produced a typed error


def test_recovery_rotation_survives_a_failure_at_every_step(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery = make_vault(vault_dir)
    for n in range(1, 60):
        vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
        with _failing_io(monkeypatch, n) as faults:
            new_key: str | None = Vault.new_recovery_key_text()
            try:
                vault.install_recovery_key(str(new_key))
            except KeyslotWriteError:
                new_key = None
        vault.lock()
        if new_key is None:
            Vault.unlock_with_recovery_key(vault_dir, recovery).lock()
        else:
            Vault.unlock_with_recovery_key(vault_dir, new_key).lock()
            with pytest.raises(WrongRecoveryKeyError):
                Vault.unlock_with_recovery_key(vault_dir, recovery)
            recovery = new_key
        if not faults.fired:
            break


CHILD = r"""
import resource, signal, sys
from pathlib import Path
from swreflect.errors import SwreflectError
from swreflect.vault.vault import Vault

folder, passphrase, limit = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
vault = Vault.unlock(folder, passphrase)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
n = 0
try:
    while True:
        with vault.transaction() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                         (f"big-{n:06d}", "w" * 3000))
        print(n, flush=True)
        n += 1
except SwreflectError as exc:
    print("typed", type(exc).__name__, exc.exit_code, flush=True)
except Exception as exc:
    print("untyped", type(exc).__name__, flush=True)
"""


def test_a_full_disk_while_saving_is_typed_and_loses_nothing_saved(vault_dir: Path) -> None:
    pytest.importorskip("resource")
    make_vault(vault_dir, rows=10)
    limit = (vault_dir / "vault.db").stat().st_size + 200_000
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault_dir), TEST_PASSPHRASE, str(limit)],
        cwd=REPO_ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = result.stdout.split()
    assert "typed" in lines, (result.stdout[-300:], result.stderr[-2000:])
    assert lines[lines.index("typed") + 1] == "VaultWriteError"
    saved = [int(x) for x in lines[: lines.index("typed")]]
    assert saved, "the limit left no room for any row"
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        assert vault.integrity_problems() == []
        keys = [r[0] for r in vault.conn.execute("SELECT key FROM settings WHERE key LIKE 'big-%'")]
        assert keys == [f"big-{n:06d}" for n in saved]  # all saved rows, no partial one
    finally:
        vault.lock()
