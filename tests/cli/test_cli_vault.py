"""The command-line contract of docs/architecture.md §10 for the vault commands, run for real."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from swreflect import __version__
from swreflect.errors import EXIT_IN_USE, EXIT_USAGE, EXIT_WRONG_SECRET, WrongRecoveryKeyError
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.vault.support import cli_env, make_vault, run_cli

KEY_SHAPE = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){12}\b")
NEW = "a completely new passphrase for the test"


def _single_clean_line(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("swreflect: "), stderr


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"swreflect {__version__}"


def test_init_prints_the_recovery_key_once_with_a_warning(vault_dir: Path) -> None:
    result = run_cli("init", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    keys = KEY_SHAPE.findall(result.stdout)
    assert len(keys) == 1
    assert "shown only once" in result.stdout and "safe" in result.stdout
    Vault.unlock_with_recovery_key(vault_dir, keys[0]).lock()
    Vault.unlock(vault_dir, TEST_PASSPHRASE).lock()
    assert (vault_dir.stat().st_mode & 0o777) == 0o700
    for name in ("vault.db", "keyslots.json", "vault.lock"):
        assert ((vault_dir / name).stat().st_mode & 0o777) == 0o600, name


def test_init_on_an_existing_vault_is_refused_untouched(vault_dir: Path) -> None:
    make_vault(vault_dir, rows=5)
    before = folder_hashes(vault_dir)
    result = run_cli("init", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE="another passphrase!!")
    assert result.returncode == 1
    assert "already exists" in result.stderr
    _single_clean_line(result.stderr)
    assert folder_hashes(vault_dir) == before


def test_init_in_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    (folder / "letter.txt").write_text("hello")
    result = run_cli("init", "--vault", str(folder), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 1
    _single_clean_line(result.stderr)
    assert sorted(p.name for p in folder.iterdir()) == ["letter.txt"]
    assert (folder.stat().st_mode & 0o777) == 0o755


def test_init_with_a_short_passphrase_is_a_usage_error(vault_dir: Path) -> None:
    result = run_cli("init", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE="short")
    assert result.returncode == EXIT_USAGE
    _single_clean_line(result.stderr)
    assert not vault_dir.exists()


@pytest.mark.parametrize("order", ["before", "after"])
def test_check_ok_and_json_with_options_before_or_after(vault_dir: Path, order: str) -> None:
    make_vault(vault_dir, rows=5)
    opts = ["--vault", str(vault_dir)]
    args = [*opts, "check", "--json"] if order == "before" else ["check", "--json", *opts]
    result = run_cli(*args, SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["problems"] == []
    assert report["schema_version"] >= 1
    assert report["settings"]["journal_mode"] == "wal"
    assert report["settings"]["synchronous"] == 2
    assert report["settings"]["cipher_plaintext_header_size"] == 0
    plain = run_cli("check", *opts, SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert plain.returncode == 0 and "sound" in plain.stdout


def test_default_vault_folder_comes_from_swreflect_home(swreflect_home: Path) -> None:
    result = run_cli("init", SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert (swreflect_home / "data" / "vault" / "vault.db").is_file()


def test_passphrase_file(vault_dir: Path, tmp_path: Path) -> None:
    make_vault(vault_dir)
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n", encoding="utf-8")
    result = run_cli("check", "--vault", str(vault_dir), "--passphrase-file", str(secret))
    assert result.returncode == 0, result.stderr
    missing = run_cli("check", "--vault", str(vault_dir), "--passphrase-file", str(tmp_path / "x"))
    assert missing.returncode == EXIT_USAGE
    _single_clean_line(missing.stderr)


def test_passphrase_change_from_environment(vault_dir: Path) -> None:
    make_vault(vault_dir, rows=5)
    db = (vault_dir / "vault.db").read_bytes()
    result = run_cli(
        "passphrase",
        "change",
        "--vault",
        str(vault_dir),
        SWREFLECT_PASSPHRASE=TEST_PASSPHRASE,
        SWREFLECT_NEW_PASSPHRASE=NEW,
    )
    assert result.returncode == 0, result.stderr
    assert (vault_dir / "vault.db").read_bytes() == db
    old = run_cli("check", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert old.returncode == EXIT_WRONG_SECRET
    assert run_cli("check", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=NEW).returncode == 0


def test_passphrase_change_from_file(vault_dir: Path, tmp_path: Path) -> None:
    make_vault(vault_dir)
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW + "\n", encoding="utf-8")
    result = run_cli(
        "passphrase",
        "change",
        "--vault",
        str(vault_dir),
        "--new-passphrase-file",
        str(new_file),
        SWREFLECT_PASSPHRASE=TEST_PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    Vault.unlock(vault_dir, NEW).lock()


def test_passphrase_change_without_a_new_one_changes_nothing(vault_dir: Path) -> None:
    make_vault(vault_dir)
    before = folder_hashes(vault_dir)
    result = run_cli(
        "passphrase", "change", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE
    )
    assert result.returncode == EXIT_USAGE
    _single_clean_line(result.stderr)
    assert folder_hashes(vault_dir) == before


@pytest.mark.parametrize("source", ["env", "file"])
def test_recover_sets_a_new_passphrase(vault_dir: Path, tmp_path: Path, source: str) -> None:
    recovery = make_vault(vault_dir, rows=5)
    extra: dict[str, str] = {"SWREFLECT_NEW_PASSPHRASE": NEW}
    args = ["recover", "--vault", str(vault_dir)]
    if source == "env":
        extra["SWREFLECT_RECOVERY_KEY"] = recovery.lower()
    else:
        key_file = tmp_path / "key.txt"
        key_file.write_text(f"  {recovery}\n", encoding="utf-8")
        args += ["--recovery-key-file", str(key_file)]
    result = run_cli(*args, env=cli_env(**extra))
    assert result.returncode == 0, result.stderr
    Vault.unlock(vault_dir, NEW).lock()
    Vault.unlock_with_recovery_key(vault_dir, recovery).lock()


def test_recovery_key_rotate(vault_dir: Path) -> None:
    old_key = make_vault(vault_dir)
    result = run_cli(
        "recovery-key", "rotate", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    (new_key,) = KEY_SHAPE.findall(result.stdout)
    assert "Nothing has changed yet" in result.stdout
    with pytest.raises(WrongRecoveryKeyError):  # shown, not yet in force
        Vault.unlock_with_recovery_key(vault_dir, new_key)
    Vault.unlock_with_recovery_key(vault_dir, old_key).lock()
    confirmed = run_cli(
        "recovery-key",
        "rotate",
        "--confirm",
        "--vault",
        str(vault_dir),
        SWREFLECT_PASSPHRASE=TEST_PASSPHRASE,
        SWREFLECT_NEW_RECOVERY_KEY=new_key,
    )
    assert confirmed.returncode == 0, confirmed.stderr
    Vault.unlock_with_recovery_key(vault_dir, new_key).lock()
    retry = run_cli(
        "recover",
        "--vault",
        str(vault_dir),
        SWREFLECT_RECOVERY_KEY=old_key,
        SWREFLECT_NEW_PASSPHRASE=NEW,
    )
    assert retry.returncode == EXIT_WRONG_SECRET


@pytest.mark.parametrize(
    "args",
    [["frobnicate"], ["passphrase"], ["check", "--no-such-option"], ["recovery-key"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == EXIT_USAGE
    assert "Traceback" not in result.stderr


def test_no_passphrase_and_no_terminal_is_a_usage_error(vault_dir: Path) -> None:
    make_vault(vault_dir)
    result = run_cli("check", "--vault", str(vault_dir))
    assert result.returncode == EXIT_USAGE
    _single_clean_line(result.stderr)
    assert "SWREFLECT_PASSPHRASE" in result.stderr


def test_missing_vault_is_one_clean_line(tmp_path: Path) -> None:
    result = run_cli("check", "--vault", str(tmp_path / "nothing"), SWREFLECT_PASSPHRASE="x" * 20)
    assert result.returncode == 1
    _single_clean_line(result.stderr)
    assert not (tmp_path / "nothing").exists()


def test_debug_shows_a_traceback_and_plain_does_not(vault_dir: Path) -> None:
    make_vault(vault_dir)
    plain = run_cli(
        "check", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE="wrong but long enough"
    )
    _single_clean_line(plain.stderr)
    debug = run_cli(
        "--debug", "check", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE="wrong but long enough"
    )
    assert debug.returncode == EXIT_WRONG_SECRET
    assert "Traceback" in debug.stderr and "WrongPassphraseError" in debug.stderr
    assert debug.stderr.strip().splitlines()[-1] == plain.stderr.strip()


def test_second_process_gets_vault_in_use(vault_dir: Path) -> None:
    make_vault(vault_dir)
    holder = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        result = run_cli("check", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
        assert result.returncode == EXIT_IN_USE
        assert "open in another" in result.stderr
        _single_clean_line(result.stderr)
    finally:
        holder.lock()
    assert (
        run_cli("check", "--vault", str(vault_dir), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE).returncode
        == 0
    )


def test_init_in_a_read_only_place_is_one_clean_line(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        # root ignores permissions: use a path under a file instead
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        target = blocker / "vault"
    else:
        ro = tmp_path / "ro"
        ro.mkdir(mode=0o500)
        target = ro / "vault"
    result = run_cli("init", "--vault", str(target), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert result.returncode == 1
    _single_clean_line(result.stderr)
    assert "couldn't create the vault" in result.stderr
