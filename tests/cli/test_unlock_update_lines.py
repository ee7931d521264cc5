"""The first command after an upgrade of swreflect says, on stderr, what the vault update does.

The real CLI in a child process, on copies of real vaults written at schema 4 by the code of
their day. Standard output must be exactly what the same command prints once the update is
done, so scripts that parse it see no difference.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from swreflect.cli.unlock_lines import UpdateLines
from swreflect.core.vault_access import unlock_vault
from swreflect.errors import EXIT_OK
from swreflect.models.unlock_progress import UPDATE_NOTE_SHORT
from swreflect.vault.migrations import latest_version
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import run_cli
from tests.vault.test_unlock_progress import GOLDEN_V4, OLD_V4

STEPS = latest_version() - 4


def _expected_lines() -> list[str]:
    lines = [f"swreflect: {UPDATE_NOTE_SHORT}", "Keeping a copy of your vault before updating it…"]
    lines += [f"Updating your vault: step {k} of {STEPS}." for k in range(1, STEPS + 1)]
    return [*lines, "Update finished: your vault is up to date."]


def _old(tmp_path: Path, name: str = "old") -> Path:
    folder = tmp_path / name
    shutil.copytree(OLD_V4, folder)
    return folder


def test_the_update_is_told_on_stderr_once_and_stdout_is_unchanged(tmp_path: Path) -> None:
    folder = _old(tmp_path)
    args = ("journal", "list", "--vault", str(folder))
    first = run_cli(*args, SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert first.returncode == EXIT_OK, first.stderr
    lines = first.stderr.splitlines()
    expected = _expected_lines()
    # each step's line starts as expected; the slow ones say what they do
    assert len(lines) == len(expected), first.stderr
    assert all(line.startswith(want) for line, want in zip(lines, expected, strict=True))
    slow = [line for line in lines if "Tidying the search index" in line]
    assert len(slow) == 1 and "may take a minute" in slow[0]
    again = run_cli(*args, SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert again.returncode == EXIT_OK and again.stderr == ""  # a normal unlock says nothing
    assert first.stdout == again.stdout
    assert list((folder / "backups").glob("pre-migration-v4-*.db"))


def test_json_output_gets_no_update_lines(tmp_path: Path) -> None:
    folder = _old(tmp_path)
    result = run_cli(
        "journal", "list", "--json", "--vault", str(folder), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stderr == ""
    json.loads(result.stdout)
    check = run_cli("check", "--json", "--vault", str(folder), SWREFLECT_PASSPHRASE=TEST_PASSPHRASE)
    assert json.loads(check.stdout)["schema_version"] == latest_version()  # it did update


def test_recover_with_the_recovery_key_tells_the_update_too(tmp_path: Path) -> None:
    root = tmp_path / "golden"
    shutil.copytree(GOLDEN_V4, root)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    result = run_cli(
        "recover",
        "--vault",
        str(root / "sam"),
        SWREFLECT_RECOVERY_KEY=str(manifest["recovery_keys"]["sam"]),
        SWREFLECT_NEW_PASSPHRASE="a brand new passphrase for sam",
    )
    assert result.returncode == EXIT_OK, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"swreflect: {UPDATE_NOTE_SHORT}"
    assert lines[-1] == "Update finished: your vault is up to date."
    assert "new passphrase is set" in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_in_a_terminal_the_copy_counts_up_in_place(tmp_path: Path) -> None:
    terminal = _Terminal()
    unlock_vault(_old(tmp_path), TEST_PASSPHRASE, progress=UpdateLines(terminal)).lock()
    text = terminal.getvalue()
    copy_line, *rest = text.split("\n")[1:]
    assert copy_line.startswith("\rKeeping a copy of your vault before updating it… 0%")
    assert copy_line.endswith("… 100%") and copy_line.count("\r") > 2
    assert rest[0] == f"Updating your vault: step 1 of {STEPS}."
    assert rest[-2:] == ["Update finished: your vault is up to date.", ""]
