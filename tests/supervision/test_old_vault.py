"""A vault written by swreflect before practice content v2 still opens and keeps working.

``old_vault/v4`` was made by ``make_old_vault.py`` with the code of commit 124bbc5 (schema 4):
two agreements (one monthly then every 21 days, one newly qualified), an imported organisation
prompt pack in the old shape, a held session with notes and an action, a cancelled session.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.models.supervision import AgreementDetails
from swreflect.vault.migrations import latest_version
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE

OLD = Path(__file__).parent / "old_vault" / "v4"


@pytest.fixture
def old_services(tmp_path: Path) -> Iterator[tuple[Vault, Services]]:
    folder = tmp_path / "old"
    shutil.copytree(OLD, folder)
    vault = Vault.unlock(folder, TEST_PASSPHRASE)
    services = build_services(vault, FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC)))
    yield vault, services
    vault.lock()


def test_the_old_vault_is_migrated_and_intact(old_services: tuple[Vault, Services]) -> None:
    vault, _ = old_services
    assert vault.schema_version() == latest_version() > 4
    assert vault.integrity_problems() == []
    assert list(vault.backups_dir().glob("pre-migration-v4-*.db"))


def test_old_agreements_keep_their_terms_and_due_dates(
    old_services: tuple[Vault, Services],
) -> None:
    _, services = old_services
    agreements = {
        services.agreements.person_of(a).display_name: a for a in services.agreements.list()
    }
    sam, ada = agreements["Sam Okafor"], agreements["Ada Price"]
    assert [t.frequency for t in sam.terms] == ["monthly", "custom"]
    assert sam.details == AgreementDetails()  # made before the fuller agreement: all empty
    assert sam.asye_start is None and sam.review_date is None
    # Held on 5 January, monthly until the change on 1 March: due on Thursday 5 February.
    assert services.agreements.due(sam.id).due_on == date(2026, 2, 5)
    # The newly qualified agreement counts from its start; its only session was cancelled.
    assert services.agreements.due(ada.id).due_on == date(2026, 1, 5)
    summaries = services.agreements.due_summaries()
    assert len(summaries) == 2 and all(s.wording for s in summaries)
    # Old agreements can take the new fields.
    changed = services.agreements.change_terms(
        ada.id, effective_from=date(2026, 3, 10), frequency="asye", asye_start=date(2026, 1, 5)
    )
    assert changed.asye_start == date(2026, 1, 5)


def test_old_sessions_read_back(old_services: tuple[Vault, Services]) -> None:
    _, services = old_services
    sessions = services.sessions.list()
    assert sorted(s.status for s in sessions) == ["cancelled", "summary_drafted"]
    held = next(s for s in sessions if s.status == "summary_drafted")
    assert held.duration_minutes == 70
    assert len(held.notes) == 3 and len(held.actions) == 1
    record = services.sessions.record_content(held.id)
    assert "Arrived tired" in str(record) and "My own thought" not in str(record)


def test_an_old_organisation_pack_keeps_working(old_services: tuple[Vault, Services]) -> None:
    """The council's pack, imported before the mediation stage existed, is still the pack in
    use; stages it never had (mediation, debrief) come from the built-in pack."""
    _, services = old_services
    active = services.prompts.active()
    assert (active.id, active.source) == ("council-pack", "organisation")
    assert services.prompts.problems() == []
    assert active.stage("checkin").prompts[0].text == "How has your week been?"
    assert active.stage("mediation").function == "mediation"
    assert active.stage("mediation").prompts  # borrowed from the built-in pack
    agreement = services.agreements.list()[0]
    session = services.sessions.start(agreement.id)
    assert "mediation" in [s.key for s in session.stages]
    assert (session.pack_id, session.pack_version) == ("council-pack", 1)
    debrief = services.sessions.start(agreement.id, kind="debrief")
    assert [s.key for s in debrief.stages] == ["checkin", "debrief", "closing"]
