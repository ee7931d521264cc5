"""A vault owner whose name has emoji (or other characters PDF signature checkers refuse) can
export a signed PDF: the certificate carries the name without them, the app keeps the name as
written. An identity made before that rule (its certificate has the emoji) gets a plain message
and nothing is written, never an error from inside pyHanko. Real vaults, real PDFs parsed back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from swreflect.core import record_export
from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.errors import CertificateNameError
from swreflect.export.verify import verify_file
from swreflect.gui import dialogs
from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
from swreflect.signing import identity as identity_module
from swreflect.signing.cert_name import UNNAMED, certificate_name
from tests.gui.conftest import WAIT_MS
from tests.signing.conftest import open_services
from tests.signing.sessions import pair_people
from tests.wiring.conftest import agree_a_session
from tests.wiring.helpers import pdf_text

SAM = "Sam 🌻 Okafor"


@pytest.mark.parametrize(
    ("display", "in_certificate"),
    [
        ("Sam 🌻 Okafor", "Sam Okafor"),
        ("👩‍💻 Priya Shah 🇬🇧", "Priya Shah"),
        ("Zoë Ó Súilleabháin", "Zoë Ó Súilleabháin"),
        ("Ольга Петренко", "Ольга Петренко"),
        ("  Sam   Okafor ", "Sam Okafor"),
        ("🌻🌻", UNNAMED),
        ("Sam שלום", UNNAMED),  # left-to-right and right-to-left letters mixed: refused whole
        ("", UNNAMED),
    ],
)
def test_the_certificate_name_keeps_what_pdf_checkers_accept(
    display: str, in_certificate: str
) -> None:
    assert certificate_name(display) == in_certificate


def _agreed(folder: Path, sam_name: str) -> tuple[Services, Services, str]:
    clock = FakeClock()
    sam = open_services(folder / "sam", clock, sam_name, "supervisor")
    priya = open_services(folder / "priya", clock, "Priya Shah", "supervisee")
    priya_id, _ = pair_people(sam, priya)
    return sam, priya, agree_a_session(sam, priya, priya_id)


@pytest.fixture
def emoji_owner(tmp_path: Path) -> Iterator[tuple[Services, Services, str]]:
    sam, priya, record_id = _agreed(tmp_path, SAM)
    yield sam, priya, record_id
    sam.close()
    priya.close()


@pytest.fixture
def made_before_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Services, str]]:
    """Sam's identity is made as before: the emoji go into the certificate too."""
    with monkeypatch.context() as patched:
        patched.setattr(identity_module, "certificate_name", lambda name: name.strip())
        sam, priya, record_id = _agreed(tmp_path, SAM)
    yield sam, record_id
    sam.close()
    priya.close()


def test_an_owner_named_with_emoji_exports_a_pdf_that_checks(
    emoji_owner: tuple[Services, Services, str], tmp_path: Path
) -> None:
    sam, _priya, record_id = emoji_owner
    identity = sam.identity.ensure_identity()
    assert identity.display_name == SAM  # the app keeps the name as written
    records = sam.records.agreed_with_addenda([record_id])
    out = tmp_path / "out" / "record.pdf"
    out.parent.mkdir()
    done = record_export.export_pdf(records, identity, out, sam.clock.now())
    assert done.count == 1

    report = verify_file(out)  # pyHanko checks the signature with the certificate it carries
    assert report.pdf_signer.fingerprint == identity.fingerprint
    assert report.pdf_signer.name == "Sam Okafor"
    names = {entry.role: entry.signer_name for entry in report.signatures()}
    assert names["supervisor"] == SAM  # the record inside keeps the name exactly
    assert "Supervision record" in pdf_text(out)


def test_an_identity_made_before_gets_a_plain_message_and_nothing_is_written(
    made_before_the_rule: tuple[Services, str], tmp_path: Path
) -> None:
    sam, record_id = made_before_the_rule
    identity = sam.identity.ensure_identity()
    assert "🌻" in str(identity.certificate.subject)  # the legacy certificate, as stored
    records = sam.records.agreed_with_addenda([record_id])
    out = tmp_path / "out" / "record.pdf"
    out.parent.mkdir()
    with pytest.raises(CertificateNameError):
        record_export.export_pdf(records, identity, out, sam.clock.now())
    assert list(out.parent.iterdir()) == []


def test_the_agreements_page_says_so_in_plain_words(
    qtbot, made_before_the_rule: tuple[Services, str], tmp_path: Path
) -> None:
    sam, record_id = made_before_the_rule
    page = AgreementInboxPage(sam)
    qtbot.addWidget(page)
    page.show()
    page.select_record(record_id)
    exports = page.exports
    out = tmp_path / "chosen" / "record.pdf"
    out.parent.mkdir()
    dialogs.set_next_path(out)
    with qtbot.waitSignal(exports.export_failed, timeout=WAIT_MS) as failed:
        exports.pdf_button.click()
    assert failed.args == [CertificateNameError.default_message]
    assert page.message.text() == CertificateNameError.default_message
    assert list(out.parent.iterdir()) == []


def test_a_card_is_shown_by_the_name_its_key_signed(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from swreflect.errors import IdentityCardError
    from swreflect.signing.identity import IdentityCard, new_identity, validate_card

    now = datetime(2026, 1, 1, tzinfo=UTC)
    card = new_identity(SAM, "supervisor", now).card()
    assert validate_card(card).display_name == "Sam Okafor"  # the emoji weren't signed
    other_emoji = IdentityCard("Sam 🌸 Okafor", card.role, card.certificate_pem, card.fingerprint)
    assert validate_card(other_emoji).display_name == "Sam Okafor"
    edited = IdentityCard("Mallory 🌻", card.role, card.certificate_pem, card.fingerprint)
    with pytest.raises(IdentityCardError):
        validate_card(edited)
    monkeypatch.setattr(identity_module, "certificate_name", lambda name: name.strip())
    legacy = new_identity(SAM, "supervisor", now).card()  # emoji signed in, as before
    assert validate_card(legacy).display_name == SAM


def test_the_other_person_sees_the_signed_name(
    emoji_owner: tuple[Services, Services, str],
) -> None:
    sam, priya, _record_id = emoji_owner
    fingerprint = sam.identity.ensure_identity().fingerprint
    assert priya.identity.known_signers()[fingerprint] == "Sam Okafor"
