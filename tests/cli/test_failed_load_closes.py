"""D6: when loading fails after the unlock, the vault is closed again at once.

``build_services`` is made to fail once (as a damaged page under the settings table would);
the command reports the typed error, and in the same process the vault's key is wiped, its
process lock is free, and the next command works instead of saying "in use".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.vault.lock import ProcessLock
from tests.conftest import TEST_PASSPHRASE
from tests.failing_load import fail_first_load
from tests.vault.support import make_vault


def test_a_failed_load_locks_the_vault_again(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_vault(vault_dir)
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    seen = fail_first_load(monkeypatch)
    assert main(["journal", "list", "--vault", str(vault_dir)]) == 4
    assert not seen[0].key.alive and not seen[0].is_unlocked
    lock = ProcessLock(vault_dir)
    lock.acquire()  # raises VaultInUseError if the failed command still held it
    lock.release()
    assert main(["journal", "list", "--vault", str(vault_dir)]) == 0
    assert "in another swreflect window" not in capsys.readouterr().err
