from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect.cli import main
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture
def cli_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cli-vault"
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["init", "--vault", str(folder)]) == 0
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_show_search_delete_restore_purge(
    cli_vault: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    v = ["--vault", str(cli_vault)]
    body_file = tmp_path / "body.txt"
    body_file.write_text("The supervision felt rushed but honest.", encoding="utf-8")
    code, out, _ = _run(
        capsys, "journal", "add", "Rushed", "--body-file", str(body_file), "--tag", "time", *v
    )
    assert code == 0 and "Saved entry 1" in out
    code, out, _ = _run(
        capsys,
        "journal",
        "add",
        "Second",
        "--body",
        "Quiet day",
        "--template",
        "gibbs",
        "--json",
        *v,
    )
    assert json.loads(out)["template_id"] == "gibbs"

    code, out, _ = _run(capsys, "journal", "list", "--json", *v)
    assert [e["title"] for e in json.loads(out)] == ["Second", "Rushed"]
    code, out, _ = _run(capsys, "journal", "show", "1", "--json", *v)
    shown = json.loads(out)
    assert shown["body"] == "The supervision felt rushed but honest." and shown["tags"] == ["time"]
    code, out, _ = _run(capsys, "journal", "show", "1", *v)
    assert "Tags: time" in out and "rushed but honest" in out

    code, out, _ = _run(capsys, "journal", "search", "rush", "--json", *v)
    hits = json.loads(out)
    assert [h["id"] for h in hits] == [1]
    assert "[rushed]" in hits[0]["snippet"].lower()
    code, out, _ = _run(capsys, "journal", "search", '"unbalanced (quote OR', *v)
    assert code == 0 and "Nothing in your journal matches" in out

    code, out, _ = _run(capsys, "journal", "delete", "1", *v)
    assert code == 0 and "Trash" in out
    code, out, _ = _run(capsys, "journal", "list", "--trash", "--json", *v)
    assert [e["id"] for e in json.loads(out)] == [1]
    assert _run(capsys, "journal", "restore", "1", *v)[0] == 0
    code, out, _ = _run(capsys, "journal", "delete", "--purge", "1", *v)
    assert code == 0 and "for good" in out
    code, _, err = _run(capsys, "journal", "show", "1", *v)
    assert code == 1 and "wasn't found" in err


def test_unknown_template_is_a_usage_error(
    cli_vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys,
        "journal",
        "add",
        "T",
        "--body",
        "x",
        "--template",
        "nope",
        "--vault",
        str(cli_vault),
    )
    assert code == 2 and "driscoll" in err
    code, out, _ = _run(capsys, "journal", "list", "--vault", str(cli_vault))
    assert "no entries yet" in out


def test_body_from_stdin_in_a_real_process(cli_vault: Path) -> None:
    env = {**os.environ, "SWREFLECT_PASSPHRASE": TEST_PASSPHRASE}
    base = [sys.executable, "-m", "swreflect", "journal"]
    done = subprocess.run(
        [*base, "add", "From stdin", "--vault", str(cli_vault)],
        input="Typed into a pipe.\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = subprocess.run(
        [*base, "show", "1", "--json", "--vault", str(cli_vault)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert json.loads(shown.stdout)["body"] == "Typed into a pipe.\n"


def test_revisions_marks_never_record_and_date_filters(
    cli_vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    v = ["--vault", str(cli_vault)]
    assert _run(capsys, "journal", "add", "One", "--body", "first", *v)[0] == 0
    # Edit through the service, as the GUI would, so a revision exists.
    from swreflect.core.services import build_services
    from swreflect.vault.vault import Vault

    vault = Vault.unlock(cli_vault, TEST_PASSPHRASE)
    try:
        journal = build_services(vault).journal
        journal.update(1, journal.get(1).content.with_(body="second"))
    finally:
        vault.lock()
    code, out, _ = _run(capsys, "journal", "revisions", "1", "--json", *v)
    [revision] = json.loads(out)
    assert revision["body"] == "first"
    code, out, _ = _run(capsys, "journal", "revisions", "1", "--restore", str(revision["id"]), *v)
    assert code == 0 and "back to that version" in out
    code, out, _ = _run(capsys, "journal", "show", "1", "--json", *v)
    assert json.loads(out)["body"] == "first"

    assert _run(capsys, "journal", "mark", "1", "the first thought", *v)[0] == 0
    code, out, _ = _run(capsys, "journal", "marks", "--json", *v)
    assert [(m["entry_id"], m["excerpt"]) for m in json.loads(out)] == [(1, "the first thought")]

    code, out, _ = _run(capsys, "journal", "never-record", "--add", "Sam Price", *v)
    assert "Person A" in out
    code, out, _ = _run(capsys, "journal", "never-record", "--json", *v)
    assert json.loads(out) == [{"name": "Sam Price", "pseudonym": "Person A"}]
    assert _run(capsys, "journal", "never-record", "--remove", "Sam Price", *v)[0] == 0

    code, out, _ = _run(capsys, "journal", "list", "--from", "2000-01-01", "--json", *v)
    assert [e["id"] for e in json.loads(out)] == [1]
    code, out, _ = _run(capsys, "journal", "search", "first", "--before", "2000-01-01", *v)
    assert "Nothing in your journal matches" in out
    code, _, err = _run(capsys, "journal", "list", "--from", "last tuesday", *v)
    assert code == 2 and "isn't a date" in err


def test_edit_changes_only_what_is_named_and_keeps_a_revision(
    cli_vault: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    v = ["--vault", str(cli_vault)]
    _run(capsys, "journal", "add", "Rushed", "--body", "First thoughts.", "--tag", "time", *v)
    body_file = tmp_path / "new.txt"
    body_file.write_text("Second thoughts, calmer.", encoding="utf-8")
    code, out, _ = _run(capsys, "journal", "edit", "1", "--body-file", str(body_file), *v)
    assert code == 0 and "Saved entry 1" in out
    code, out, _ = _run(capsys, "journal", "edit", "1", "--title", "Less rushed", "--json", *v)
    edited = json.loads(out)
    assert (edited["title"], edited["body"]) == ("Less rushed", "Second thoughts, calmer.")
    assert edited["tags"] == ["time"]
    code, out, _ = _run(capsys, "journal", "edit", "1", "--clear-tags", "--json", *v)
    assert json.loads(out)["tags"] == []
    code, out, _ = _run(capsys, "journal", "revisions", "1", "--json", *v)
    assert len(json.loads(out)) == 3
    code, out, _ = _run(capsys, "journal", "edit", "1", "--title", "Less rushed", *v)
    assert code == 0 and "nothing was changed" in out
    code, _, err = _run(capsys, "journal", "edit", "1", *v)
    assert code == 2 and "Say what to change" in err
    code, _, err = _run(capsys, "journal", "edit", "9", "--title", "x", *v)
    assert code == 1 and "wasn't found" in err


def test_a_command_that_writes_tidies_the_search_index_itself(
    cli_vault: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app tidies in idle time; a command has none, so it removes the version its edit
    left behind before it exits (and merges the segments its saves wrote)."""
    from swreflect.core.services import build_services
    from swreflect.vault.vault import Vault

    v = ["--vault", str(cli_vault)]
    for n in range(3):
        assert _run(capsys, "journal", "add", f"Entry {n}", "--body", "first words", *v)[0] == 0
    assert _run(capsys, "journal", "edit", "1", "--body", "second thoughts", *v)[0] == 0
    vault = Vault.unlock(cli_vault, TEST_PASSPHRASE)
    try:
        journal = build_services(vault).journal
        assert journal.tidy_search_index(0) == 0  # no edited-away version was left
        assert [h.id for h in journal.search("second")] == [1]
        assert sorted(h.id for h in journal.search("first")) == [2, 3]
    finally:
        vault.lock()
