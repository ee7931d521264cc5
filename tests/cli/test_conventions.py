"""Command-line conventions: quiet closed pipe, --json everywhere, -o with - for stdout,
no replacing links or devices, local times with offset, one 4-character id prefix, and the
man page and completion generated from the parser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect.cli import build_parser
from swreflect.cli.docs import _children, bash_completion, man_page, walk
from swreflect.core.clock import SystemClock
from swreflect.core.services import build_services
from swreflect.timefmt import format_stamp
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def _cli(vault_dir: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SWREFLECT_PASSPHRASE": TEST_PASSPHRASE, **kw.pop("env", {})}  # type: ignore[dict-item]
    cmd = [sys.executable, "-m", "swreflect", "--vault", str(vault_dir), *args]
    return subprocess.run(cmd, capture_output=True, env=env, timeout=120, check=False, **kw)  # type: ignore[call-overload]


@pytest.fixture
def filled(vault_dir: Path) -> Path:
    vault, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, SystemClock())
    from swreflect.models.journal import EntryContent

    for i in range(300):
        services.journal.create(EntryContent(title=f"entry {i} " + "words " * 45, body="b"))
    services.close()
    return vault_dir


def test_a_closed_pipe_ends_quietly(filled: Path) -> None:
    env = {**os.environ, "SWREFLECT_PASSPHRASE": TEST_PASSPHRASE}
    cmd = [sys.executable, "-m", "swreflect", "--vault", str(filled)]
    proc = subprocess.Popen(
        [*cmd, "journal", "list", "--json", "--limit", "300"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().strip() == b"["
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert err == b"", err


def test_every_command_takes_json() -> None:
    leaves = [(p, parser) for p, parser in walk(build_parser()) if p and not _children(parser)]
    assert len(leaves) > 40
    missing = [" ".join(p) for p, parser in leaves if "--json" not in parser._option_string_actions]
    assert missing == []


def test_creating_commands_report_ids_as_json(vault_dir: Path) -> None:
    init = json.loads(_cli(vault_dir, "init", "--json").stdout)
    assert init["ok"] and len(init["recovery_key"].replace("-", "")) >= 20
    person = json.loads(
        _cli(vault_dir, "people", "add", "Sam Okafor", "--role", "supervisee", "--json").stdout
    )
    args = ["agreement", "add", "--person", "Sam", "--me", "Jo Reyes", "--frequency", "asye"]
    agreement = json.loads(_cli(vault_dir, *args, "--json").stdout)
    assert person["id"] and agreement["id"] and person["id"] != agreement["id"]


def test_output_to_stdout_and_never_over_a_link_or_device(vault_dir: Path, tmp_path: Path) -> None:
    _cli(vault_dir, "init")
    dump = _cli(vault_dir, "export", "json", "-o", "-")
    assert dump.returncode == 0 and json.loads(dump.stdout)  # data only on stdout
    assert b"Exported" in dump.stderr
    both = _cli(vault_dir, "export", "json", "-o", "-", "--json")
    assert both.returncode == 2 and both.stdout == b""
    target = tmp_path / "target.txt"
    target.write_text("mine")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for name in (link, fifo):
        result = _cli(vault_dir, "export", "json", "-o", str(name))
        assert result.returncode == 1 and b"not an ordinary file" in result.stderr
    assert link.is_symlink() and target.read_text() == "mine"
    assert not any(p.name.startswith(".swreflect-stdout") for p in vault_dir.iterdir())


def test_times_are_local_with_their_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    import time
    from datetime import UTC, datetime

    previous = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        stamp = format_stamp(datetime(2026, 12, 6, 23, 30, tzinfo=UTC))
        assert stamp == "2026-12-07 12:30 +13:00"  # the next day, in summer time
        assert format_stamp(datetime(2026, 6, 6, 23, 30)) == "2026-06-07 11:30 +12:00"
    finally:  # back to the zone the other tests expect, now, not at teardown
        if previous is None:
            monkeypatch.delenv("TZ")
        else:
            monkeypatch.setenv("TZ", previous)
        time.tzset()


def test_one_four_character_prefix_rule(vault_dir: Path) -> None:
    _cli(vault_dir, "init")
    _cli(vault_dir, "people", "add", "Sam Okafor", "--role", "supervisee")
    _cli(vault_dir, "agreement", "add", "--person", "Sam", "--me", "Jo", "--frequency", "asye")
    agreement = json.loads(_cli(vault_dir, "agreement", "list", "--json").stdout)[0]["id"]
    _cli(vault_dir, "session", "start", agreement[:4])
    session = json.loads(_cli(vault_dir, "session", "list", "--json").stdout)[0]
    assert (
        _cli(vault_dir, "session", "agree-in-room", session["id"][:4], "--name", "Sam").returncode
        == 0
    )
    record = session["record_id"]
    assert _cli(vault_dir, "inbox", "show", record[:4]).returncode == 0
    short = _cli(vault_dir, "inbox", "show", record[:3])
    assert short.returncode != 0 and b"at least its first 4 characters" in short.stderr


def test_man_page_and_completion_cover_every_command() -> None:
    page = man_page()
    script = bash_completion()
    for path, parser in walk(build_parser()):
        if path and not _children(parser):
            assert f'.SS "swreflect {" ".join(path)}"' in page
            assert f'"{" ".join(path)}")' in script


def test_completion_completes_in_bash(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    script = tmp_path / "swreflect.bash"
    script.write_text(bash_completion())
    probe = (
        f"source {script}; "
        "COMP_WORDS=(swreflect jou); COMP_CWORD=1; _swreflect; echo ${COMPREPLY[@]}; "
        "COMP_WORDS=(swreflect export pdf --ou); COMP_CWORD=3; _swreflect; echo ${COMPREPLY[@]}"
    )
    out = subprocess.run([bash, "-c", probe], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert lines[0] == "journal" and re.fullmatch(r"--output --out", lines[1])
