"""The whole-vault JSON export gets the same last de-identification check as every other export
(issue 11): what was found is named, and the export still goes ahead when the person chooses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from swreflect.core.export_check import identifiers_in_export
from swreflect.core.services import Services
from swreflect.models.journal import EntryContent
from tests.conftest import TEST_PASSPHRASE

CHILD = "Kayden lives at 14 Mill Lane, LS6 2QT, born 03/04/2017."


def _fill(services: Services) -> None:
    services.identity.ensure_identity("Jo Reyes", "supervisor")  # keys and fingerprints
    person = services.people.add("Sam Okafor", "supervisee")
    agreement = services.agreements.add(person.id, "Jo Reyes")
    session = services.sessions.start(agreement.id)
    services.sessions.add_note(session.id, "checkin", CHILD, visibility="private")
    services.journal.create(EntryContent(title="A quiet day", body="Nothing to name here."))


def _check(services: Services) -> list[str]:
    spotted = identifiers_in_export(
        services.portability.export_document(),
        services.signoff.agreed_records(),
        services.records.pseudonyms(),
    )
    return [s.describe() for s in spotted]


def test_identifying_details_anywhere_in_the_export_are_named(services: Services) -> None:
    _fill(services)
    found = _check(services)
    assert any(f.startswith("Session note:") and "LS6 2QT" in f for f in found), found
    assert any("03/04/2017" in f for f in found), found
    # Keys, fingerprints, ids and timestamps are structure, not writing: none is flagged.
    assert all(f.startswith("Session note:") for f in found), found


def test_an_ordinary_vault_raises_nothing(services: Services) -> None:
    services.identity.ensure_identity("Jo Reyes", "supervisor")
    services.journal.create(EntryContent(title="After the visit", body="I stayed calm."))
    assert _check(services) == []


def test_the_cli_names_what_it_found_and_still_exports(
    services: Services, vault_dir: Path, tmp_path: Path
) -> None:
    _fill(services)
    services.close()
    out = tmp_path / "everything.json"
    env = {**os.environ, "SWREFLECT_PASSPHRASE": TEST_PASSPHRASE}
    cmd = [sys.executable, "-m", "swreflect", "--vault", str(vault_dir)]
    result = subprocess.run(
        [*cmd, "export", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "might identify someone" in result.stderr and "LS6 2QT" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "swreflect-export"
