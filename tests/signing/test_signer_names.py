"""Who signed: one naming for the CLI, the Verify dialog and the export list."""

from __future__ import annotations

from pathlib import Path

from swreflect.core.services import Services
from swreflect.gui.pages.export_page import sources_from_services
from swreflect.gui.verify_dialog import known_people


def test_paired_people_by_name_and_the_owner_as_you(
    paired: tuple[Services, Services],
) -> None:
    sam, priya = paired
    sam_fp = sam.identity.ensure_identity().fingerprint
    priya_fp = priya.identity.ensure_identity().fingerprint
    expected = {priya_fp: "Priya Shah", sam_fp: "Sam Okafor (you)"}
    assert sam.identity.known_signers() == expected
    assert known_people(sam) == expected  # the Verify dialog
    assert sources_from_services(sam).known_people() == expected  # the export list


def test_naming_never_creates_an_identity(tmp_path: Path, clock) -> None:
    from swreflect.core.services import build_services
    from swreflect.vault.kdf import KdfPolicy
    from swreflect.vault.vault import Vault
    from tests.conftest import TEST_PASSPHRASE

    vault, _ = Vault.create(tmp_path / "v", TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, clock)
    try:
        assert services.identity.known_signers() == {}
        assert not services.identity.has_identity()
    finally:
        services.close()


def test_the_gate_and_a_locked_vault_name_nobody(supervisor: Services) -> None:
    assert known_people(None) == {}
    supervisor.close()
    assert known_people(supervisor) == {}
