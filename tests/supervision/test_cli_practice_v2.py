"""The practice content v2 commands end to end through ``swreflect.cli.main`` on a real vault:
agreement fields, session types and cancellations, organisation actions, prompts by stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from swreflect.cli import main
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    folder = str(tmp_path / "cli-vault")
    assert main(["init", "--vault", folder]) == 0
    capsys.readouterr()

    def run(*args: str, expect: int = 0) -> str:
        code = main([*args, "--vault", folder])
        out, err = capsys.readouterr()
        assert code == expect, err
        return out if expect == 0 else err

    return run


def _agreement(cli, *extra: str) -> str:
    cli("people", "add", "Ada Price", "--role", "supervisee")
    cli("agreement", "add", "--person", "Ada Price", "--me", "Jo Reyes", *extra)
    return str(json.loads(cli("agreement", "list", "--json"))[0]["id"])


def test_agreement_add_and_change_take_the_new_fields(cli) -> None:
    agreement_id = _agreement(
        cli,
        "--start", "2026-01-05",
        "--location", "Room 4, Civic Centre",
        "--asye-start", "2025-11-03",
        "--assessor", "Priya Shah",
        "--frequency", "asye",
    )  # fmt: skip
    data = json.loads(cli("agreement", "show", agreement_id[:8], "--json"))
    assert data["asye_start"] == "2025-11-03"
    assert data["details"]["location"] == "Room 4, Civic Centre"
    assert data["details"]["assessor"] == "Priya Shah"
    assert data["details"]["uninterrupted"] is True
    assert "principal social worker" in data["details"]["escalation"]
    assert data["review_date"] == "2027-01-05"  # 12 months by default
    shown = cli("agreement", "show", agreement_id[:8])
    assert "Newly qualified year started: 3 November 2025" in shown
    assert "Location:" in shown and "Room 4, Civic Centre" in shown

    preview = cli(
        "agreement", "change", agreement_id[:8], "--from", "2026-09-01",
        "--frequency", "custom", "--every-days", "14", "--dry-run",
    )  # fmt: skip
    assert "From 1 September 2026, every two weeks, usually 90 minutes." in preview
    assert "Nothing was saved" in preview
    assert len(json.loads(cli("agreement", "show", agreement_id[:8], "--json"))["terms"]) == 1

    cli("agreement", "change", agreement_id[:8], "--location", "The quiet room")
    changed = cli(
        "agreement", "change", agreement_id[:8], "--from", "2026-09-01", "--frequency", "monthly"
    )  # fmt: skip
    assert changed.startswith("Changed. From 1 September 2026, at least monthly")
    data = json.loads(cli("agreement", "show", agreement_id[:8], "--json"))
    assert data["details"]["location"] == "The quiet room"
    assert [t["frequency"] for t in data["terms"]] == ["asye", "monthly"]
    err = cli("agreement", "change", agreement_id[:8], "--frequency", "monthly", expect=2)
    assert "--from" in err
