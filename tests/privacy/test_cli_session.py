"""SECURITY.md rows 7, 8 and 17 for the whole command line, in one scripted session.

The session (cli_session.py) runs in a child whose HOME, XDG folders, TMPDIR and SWREFLECT_HOME
all point into a sandbox; where the machine allows, it runs inside a fresh network namespace
and under strace. Each test below checks one promise against that single run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.journal.pages import plaintext_of_vault
from tests.privacy import ENCODINGS, files_under, find_canaries, find_in_bytes, inflated
from tests.privacy.conftest import CliRun
from tests.privacy.syscalls import read_trace

SQLITE_HEADER = b"SQLite format 3\x00"
JOURNAL_PARTS = ("title", "body", "tag", "answer")


def _cased(canary: str) -> list[str]:
    """As written, and lower-cased as tags and the search index keep it."""
    return [canary, canary.lower()]


def _all_cased(run: CliRun) -> list[str]:
    return [c for canary in run.canaries.values() for c in _cased(canary)]


def _commands(run: CliRun) -> list[str]:
    return [" ".join(a for a in step["argv"][:2] if not a.startswith("/")) for step in run.steps]


def test_every_command_of_the_session_succeeds(cli_run: CliRun) -> None:
    failed = [s for s in cli_run.steps if s["rc"] != 0]
    assert cli_run.returncode == 0, cli_run.stderr[-2000:]
    assert not failed, failed
    assert len(cli_run.steps) >= 20
    where = "in a fresh network namespace" if cli_run.offline else "with the network present"
    print(f"\n{len(cli_run.steps)} commands succeeded {where}: {sorted(set(_commands(cli_run)))}")


def test_works_with_no_network_at_all(cli_run: CliRun) -> None:
    if not cli_run.offline:
        pytest.skip("unshare -n is not permitted here (needs root or user namespaces)")
    assert cli_run.returncode == 0 and all(s["rc"] == 0 for s in cli_run.steps)


def test_no_canary_in_any_file_the_app_could_touch(cli_run: CliRun) -> None:
    """Vault included: its files are encrypted, so not even the vault shows a canary."""
    roots = [cli_run.sandbox.root]
    files = files_under(roots)
    hits = find_canaries(roots, _all_cased(cli_run))
    assert not hits, "plaintext on disk:\n" + "\n".join(map(str, hits))
    vault_files = [p for p in files if cli_run.sandbox.vault_dir in p.parents]
    assert len(vault_files) >= 2
    print(
        f"\nscanned {len(files)} files ({len(vault_files)} in the vault) for "
        f"{len(_all_cased(cli_run))} canaries x {len(ENCODINGS)} encodings: 0 hits"
    )


def test_vault_files_have_no_plaintext_sqlite_header(cli_run: CliRun) -> None:
    db = cli_run.sandbox.vault_dir / "vault.db"
    assert db.read_bytes()[:16] != SQLITE_HEADER
    plain = [p for p in files_under([cli_run.sandbox.root]) if p.read_bytes()[:16] == SQLITE_HEADER]
    assert plain == []


def _key(vault_dir: Path) -> bytes:
    vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
    try:
        return bytes(vault.data_key())
    finally:
        vault.lock()


def test_purged_entry_cannot_be_read_back_even_with_the_key(cli_run: CliRun) -> None:
    """Row 17: decrypt every page (free pages and old log frames too) of the vault and of any
    backup in it; the kept entry's words are there, the purged entry's are not."""
    vault_dir = cli_run.sandbox.vault_dir
    key = _key(vault_dir)
    plain = plaintext_of_vault(vault_dir, key)
    kept = [p for p in JOURNAL_PARTS if find_in_bytes(plain, _cased(cli_run.canaries[p]))]
    assert kept == list(JOURNAL_PARTS)  # the scanner sees what is really there
    assert not find_in_bytes(plain, _cased(cli_run.canaries["purged"]))
    for backup in sorted(vault_dir.rglob("*")):
        if backup.is_file() and backup.parent != vault_dir and backup.stat().st_size % 4096 == 0:
            text = b"".join(_pages_of(backup, key))
            assert not find_in_bytes(text, _cased(cli_run.canaries["purged"])), backup


def _pages_of(path: Path, key: bytes) -> list[bytes]:
    from tests.journal.pages import copy_pages

    return list(copy_pages(path, key))


def test_private_note_is_never_printed(cli_run: CliRun) -> None:
    private = cli_run.canaries["private"]
    for step in cli_run.steps:
        assert private not in step["out"] and private not in step["err"], step["argv"]
    assert private not in cli_run.stderr
    shown = [s for s in cli_run.steps if s["argv"][:2] == ["session", "show"]]
    assert shown and all(cli_run.canaries["shared"] in s["out"] for s in shown)


def test_no_connect_or_send_outside_the_machine(cli_run: CliRun) -> None:
    """Row 8: every connect/sendto/sendmsg of every process is on AF_UNIX or AF_NETLINK."""
    if cli_run.trace is None:
        pytest.skip(cli_run.strace_skipped)
    report = read_trace(cli_run.trace)
    print(f"\nstrace: {report.programs} programs run; socket calls: {report.summary()}")
    assert report.programs >= len(cli_run.steps)
    assert report.offending == [], "\n".join(report.offending)


def _export_files(run: CliRun) -> list[Path]:
    return files_under([run.sandbox.exports])


def test_private_note_is_in_no_record_export(cli_run: CliRun) -> None:
    """Row 7's one exception is the file the user chose; even there, private notes never go
    into a record export (PDF, text). The shared note does, which shows the scan can see."""
    records = [p for p in _export_files(cli_run) if p.suffix in (".pdf", ".txt", ".md")]
    assert sorted(p.suffix for p in records) == [".md", ".pdf", ".txt"]
    for path in records:
        data = inflated(path.read_bytes())
        assert not find_in_bytes(data, _cased(cli_run.canaries["private"])), path
        assert find_in_bytes(data, [cli_run.canaries["shared"]]), f"shared note not in {path}"
    print(f"\nrecord exports checked: {[p.name for p in records]}")


def test_backups_and_json_export_are_reported(cli_run: CliRun) -> None:
    """The backup file the user chose is encrypted (no canary, no SQLite header); the JSON
    export is plaintext by design (the user is warned) and carries their own words."""
    files = {p.name: p for p in _export_files(cli_run)}
    data = files["vault-backup.swrb"].read_bytes()
    assert not find_in_bytes(inflated(data), _all_cased(cli_run))
    assert not data.startswith(SQLITE_HEADER)
    data = files["everything.json"].read_bytes()
    assert find_in_bytes(data, [cli_run.canaries["title"]])
    assert not find_in_bytes(data, _cased(cli_run.canaries["purged"]))
    private = bool(find_in_bytes(data, [cli_run.canaries["private"]]))
    print(f"\nJSON export holds the private note: {private}")


def test_exchange_files_and_cards_show_no_plaintext(cli_run: CliRun) -> None:
    """Agreement requests and answers travel by email or USB: encrypted to the other vault."""
    files = [p for p in _export_files(cli_run) if p.suffix in (".swx", ".swid")]
    assert {p.suffix for p in files} == {".swx", ".swid"}
    for path in files:
        assert not find_in_bytes(inflated(path.read_bytes()), _all_cased(cli_run)), path
    print(f"\nexchange files without plaintext: {sorted(p.name for p in files)}")


def test_private_note_never_reaches_the_other_vault(cli_run: CliRun) -> None:
    """Decrypted page by page, the supervisee's vault holds the shared note and not the
    supervisor's private one."""
    other = cli_run.sandbox.folder("data") / "supervisee-vault"
    plain = plaintext_of_vault(other, _key(other))
    assert find_in_bytes(plain, [cli_run.canaries["shared"]])
    assert not find_in_bytes(plain, _cased(cli_run.canaries["private"]))
