"""``core.vault_access``: the one way the GUI and the CLI open and manage a vault folder.

Real vaults in ``tmp_path`` and the real (test-cheap) key derivation; the front ends' own tests
(tests/gui, tests/cli, tests/backups) drive the same functions through the screens and commands.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect.core import vault_access
from swreflect.errors import (
    VaultDamagedError,
    VaultExistsError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from swreflect.vault.connection import DB_NAME, DatabaseError
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.keyslots import KEYSLOTS_NAME
from tests.conftest import TEST_PASSPHRASE

CHEAP = KdfPolicy.insecure_for_tests()


def test_start_up_file_names_match_the_vault_layer() -> None:
    assert vault_access.DB_FILE == DB_NAME
    assert vault_access.KEYSLOTS_FILE == KEYSLOTS_NAME


def test_asking_whether_a_vault_exists_loads_no_database_or_crypto_library(tmp_path: Path) -> None:
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from swreflect.core import vault_access\n"
        f"vault_access.vault_exists(Path({str(tmp_path)!r}))\n"
        f"vault_access.finish_interrupted_restore(Path({str(tmp_path)!r}) / 'vault')\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert "swreflect.core.vault_access" in loaded
    heavy = [m for m in loaded if m.startswith(("sqlcipher3", "cryptography", "swreflect.vault."))]
    assert heavy == ["swreflect.vault.restore_names"], heavy


def test_a_database_means_a_vault_and_anything_of_one_means_the_gui_offers_unlock(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "vault"
    assert not vault_access.vault_exists(folder) and not vault_access.vault_files_present(folder)
    folder.mkdir()
    assert not vault_access.vault_exists(folder) and not vault_access.vault_files_present(folder)
    # key slots alone (an interrupted create, or a database that has gone): the CLI may create
    # again over them (tests/reliability/test_kill_init.py); the GUI offers unlock instead
    (folder / KEYSLOTS_NAME).write_bytes(b"{}")
    assert not vault_access.vault_exists(folder) and vault_access.vault_files_present(folder)
    (folder / DB_NAME).write_bytes(b"")
    assert vault_access.vault_exists(folder) and vault_access.vault_files_present(folder)


def test_create_then_unlock_with_either_secret(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, recovery = vault_access.create_vault(folder, TEST_PASSPHRASE, CHEAP)
    vault_id = vault.vault_id
    vault.lock()
    assert vault_access.vault_exists(folder)
    with pytest.raises(VaultExistsError):
        vault_access.create_vault(folder, TEST_PASSPHRASE, CHEAP)
    opened = vault_access.unlock_vault(folder, TEST_PASSPHRASE)
    assert opened.vault_id == vault_id and opened.is_unlocked
    opened.lock()
    opened = vault_access.unlock_vault(folder, recovery, recovery_key=True)
    assert opened.vault_id == vault_id
    opened.lock()
    with pytest.raises(WrongPassphraseError):
        vault_access.unlock_vault(folder, "not the passphrase at all")
    with pytest.raises(WrongRecoveryKeyError):
        vault_access.unlock_vault(folder, TEST_PASSPHRASE, recovery_key=True)


def test_a_missing_database_is_named_as_damage(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, _ = vault_access.create_vault(folder, TEST_PASSPHRASE, CHEAP)
    vault.lock()
    (folder / DB_NAME).unlink()
    with pytest.raises(VaultDamagedError):
        vault_access.unlock_vault(folder, TEST_PASSPHRASE)


def test_check_reports_a_sound_vault_and_its_pinned_settings(tmp_path: Path) -> None:
    vault, _ = vault_access.create_vault(tmp_path / "vault", TEST_PASSPHRASE, CHEAP)
    try:
        check = vault_access.check_vault(vault)
    finally:
        vault.lock()
    assert check.ok and check.problems == []
    report = check.as_json()
    assert report["ok"] is True and report["vault_id"] == vault.vault_id
    assert report["schema_version"] >= 1 and report["settings"]


def test_driver_errors_become_typed_errors_and_bugs_stay_bugs() -> None:
    damaged = DatabaseError("database disk image is malformed")
    damaged.sqlite_errorcode = 11  # type: ignore[attr-defined]  # SQLITE_CORRUPT
    assert isinstance(vault_access.typed_error_for(damaged), VaultDamagedError)
    assert vault_access.typed_error_for(ValueError("a bug")) is None
