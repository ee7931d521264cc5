"""Supervision fixtures: real vault, real services, a fake clock that only moves when told."""

from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.core.services import Services
from tests.conftest import TEST_PASSPHRASE


@pytest.fixture
def pair(services: Services) -> tuple[str, str]:
    """(person_id, agreement_id): the owner supervises Sam, monthly, from 5 January 2026."""
    person = services.people.add("Sam Okafor", "supervisee", "they/them")
    agreement = services.agreements.add(person.id, "Jo Reyes", frequency="monthly")
    return person.id, agreement.id


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
