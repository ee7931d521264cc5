"""Fixtures for the wiring tests: an agreed supervision record made through the real services
on two real vaults (Sam supervises Priya), with a private-note canary that must never leak.

Sam's vault lives at the shell's own ``vault_dir``, so a shell can be unlocked on it later.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from tests.gui.conftest import make_shell, prepared_dialogs, styled_app
from tests.signing.conftest import open_services
from tests.signing.sessions import PRIVATE, pair_people, run_session

__all__ = ["make_shell", "prepared_dialogs", "styled_app"]

CANARY = PRIVATE
SUMMARY = "We talked about workload and agreed a training day."


@dataclass
class Agreed:
    sam: Services
    priya: Services
    record_id: str
    person_id: str  # Priya, in Sam's list of people
    sam_fingerprint: str
    priya_fingerprint: str


def agree_a_session(sam: Services, priya: Services, priya_id: str) -> str:
    """Run a session with a private note, send it, have it signed and imported back."""
    sid = run_session(sam, priya_id)
    sam.sessions.set_summary(sid, SUMMARY)
    record_id = sam.sessions.get(sid).record_id
    priya.signoff.import_file(sam.signoff.request_session_agreement(sid))
    sam.signoff.import_file(priya.signoff.sign(record_id))
    assert sam.signoff.status(record_id) == "agreed"
    return str(record_id)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def agreed(vault_dir: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Agreed]:
    sam = open_services(vault_dir, clock, "Sam Okafor", "supervisor")
    priya = open_services(tmp_path / "priya-vault", clock, "Priya Shah", "supervisee")
    try:
        priya_id, _ = pair_people(sam, priya)
        record_id = agree_a_session(sam, priya, priya_id)
        yield Agreed(
            sam,
            priya,
            record_id,
            priya_id,
            sam.identity.ensure_identity().fingerprint,
            priya.identity.ensure_identity().fingerprint,
        )
    finally:
        for services in (sam, priya):
            if services.vault.is_unlocked:
                services.close()
