from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.errors import (
    FingerprintNotConfirmedError,
    IdentityCardError,
    IdentityChangedError,
    NotPairedError,
)
from swreflect.signing.identity import IdentityCard, new_identity
from swreflect.signing.records import certificate_fingerprint, format_fingerprint
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def test_identity_is_created_once_and_survives_relock(
    supervisor: Services, tmp_path: Path, clock: FakeClock
) -> None:
    ident = supervisor.identity.ensure_identity()
    cert = ident.certificate
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Sam Okafor"
    assert ident.private_key.curve.name == "secp256r1"
    assert ident.fingerprint == certificate_fingerprint(cert)
    assert len(ident.short_fingerprint.split(" ")) == 8
    folder = supervisor.vault.folder
    supervisor.close()
    again = build_services(Vault.unlock(folder, TEST_PASSPHRASE), clock)
    try:
        assert again.identity.has_identity()
        assert again.identity.ensure_identity("Someone else").fingerprint == ident.fingerprint
    finally:
        again.close()


def test_private_key_is_not_in_the_vault_file_as_plaintext(supervisor: Services) -> None:
    supervisor.identity.ensure_identity()
    supervisor.vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (supervisor.vault.folder / "vault.db").read_bytes()
    assert b"PRIVATE KEY" not in raw
    assert b"Sam Okafor" not in raw


def test_card_round_trip_and_format(supervisor: Services) -> None:
    data = supervisor.identity.export_card()
    obj = json.loads(data)
    assert obj["format"] == "swreflect-identity-card"
    assert obj["version"] == 1
    assert obj["display_name"] == "Sam Okafor"
    assert obj["role"] == "supervisor"
    card = IdentityCard.parse(data)
    assert card.fingerprint == supervisor.identity.ensure_identity().fingerprint
    assert card.short_fingerprint == format_fingerprint(card.fingerprint)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "something-else"}',
        b'{"format": "swreflect-identity-card", "version": 1}',
        b"\xff\xfe\x00",
        b"[" * 100_000,
    ],
)
def test_bad_cards_are_typed(data: bytes) -> None:
    with pytest.raises(IdentityCardError):
        IdentityCard.parse(data)


def test_card_with_someone_elses_fingerprint_is_refused(
    supervisor: Services, clock: FakeClock
) -> None:
    obj = json.loads(supervisor.identity.export_card())
    other = new_identity("Mallory", "supervisor", clock.now())
    obj["certificate_pem"] = other.certificate_pem()
    with pytest.raises(IdentityCardError, match="fingerprint"):
        IdentityCard.parse(json.dumps(obj).encode())


def test_newer_card_format_is_named(supervisor: Services) -> None:
    obj = json.loads(supervisor.identity.export_card())
    obj["version"] = 2
    with pytest.raises(IdentityCardError, match="newer"):
        IdentityCard.parse(json.dumps(obj).encode())


def test_pairing_needs_confirmation(supervisor: Services, supervisee: Services) -> None:
    card = IdentityCard.parse(supervisee.identity.export_card())
    with pytest.raises(FingerprintNotConfirmedError):
        supervisor.identity.pair("priya", card, fingerprints_match=False)
    with pytest.raises(NotPairedError):
        supervisor.identity.pairing("priya")
    pairing = supervisor.identity.pair("priya", card, fingerprints_match=True)
    assert pairing.fingerprint == card.fingerprint
    assert supervisor.identity.pairing("priya").display_name == "Priya Shah"
    # Pairing again with the same card is harmless.
    supervisor.identity.pair("priya", card, fingerprints_match=True)
    assert [e[1] for e in supervisor.identity.pairing_history("priya")] == ["paired"]


def test_own_card_cannot_be_paired(supervisor: Services) -> None:
    card = IdentityCard.parse(supervisor.identity.export_card())
    with pytest.raises(IdentityCardError, match="your own"):
        supervisor.identity.pair("me", card, fingerprints_match=True)


def test_changed_key_is_refused_loudly_unless_re_paired(
    paired: tuple[Services, Services], clock: FakeClock
) -> None:
    supervisor, _supervisee = paired
    before = supervisor.identity.pairing("priya")
    imposter = new_identity("Priya Shah", "supervisee", clock.now()).card()
    with pytest.raises(IdentityChangedError):
        supervisor.identity.pair("priya", imposter, fingerprints_match=True)
    with pytest.raises(IdentityChangedError):
        supervisor.identity.check_known_key("priya", imposter)
    assert supervisor.identity.pairing("priya") == before
    clock.advance(60)
    after = supervisor.identity.pair("priya", imposter, fingerprints_match=True, replace_key=True)
    assert after.fingerprint == imposter.fingerprint
    events = supervisor.identity.pairing_history("priya")
    assert [e[1] for e in events] == ["paired", "re-paired"]
    assert events[0][0] == before.fingerprint


def test_one_card_cannot_be_two_people(paired: tuple[Services, Services]) -> None:
    supervisor, supervisee = paired
    card = IdentityCard.parse(supervisee.identity.export_card())
    with pytest.raises(IdentityCardError, match="someone else"):
        supervisor.identity.pair("another", card, fingerprints_match=True)


def test_certificate_is_self_signed(supervisor: Services) -> None:
    cert = supervisor.identity.ensure_identity().certificate
    assert cert.issuer == cert.subject
    cert.verify_directly_issued_by(cert)
    assert isinstance(cert, x509.Certificate)


_CARD = new_identity("Fuzz Card", "supervisor", FakeClock().now()).card()


def _with_der(der: bytes) -> bytes:
    import base64

    body = base64.encodebytes(der).decode("ascii")
    pem = f"-----BEGIN CERTIFICATE-----\n{body}-----END CERTIFICATE-----\n"
    return json.dumps(dict(_CARD.to_json(), certificate_pem=pem)).encode()


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_fuzz_certificate_bytes_in_a_card_are_typed(data: st.DataObject) -> None:
    """Found by the long fuzz run: a flipped byte in the certificate's curve OID or version
    made the X.509 parser raise its own exceptions; a card must only ever raise ours."""
    der = bytearray(_CARD.certificate().public_bytes(serialization.Encoding.DER))
    for _ in range(data.draw(st.integers(1, 3))):
        pos = data.draw(st.integers(0, len(der) - 1))
        der[pos] ^= 1 << data.draw(st.integers(0, 7))
    try:
        IdentityCard.parse(_with_der(bytes(der)))
    except IdentityCardError:
        return


def test_certificate_with_an_unknown_curve_is_typed() -> None:
    der = _CARD.certificate().public_bytes(serialization.Encoding.DER)
    p256 = bytes.fromhex("06082a8648ce3d030107")  # OID 1.2.840.10045.3.1.7
    assert p256 in der
    odd = der.replace(p256, bytes.fromhex("06082a8648ce3d030106"), 1)
    with pytest.raises(IdentityCardError):
        IdentityCard.parse(_with_der(odd))


def test_an_identity_card_edited_to_name_someone_else_is_refused() -> None:
    """D10: the display name is bound to the certificate its own key signed."""
    import json as _json
    from datetime import UTC, datetime

    from swreflect.errors import IdentityCardError
    from swreflect.signing.identity import IdentityCard, new_identity

    card = new_identity("Priya Shah", "supervisee", datetime(2026, 3, 1, tzinfo=UTC)).card()
    assert IdentityCard.parse(card.to_bytes()).display_name == "Priya Shah"
    for edit in ("Someone Else", "Priya Shah ", "priya shah", ""):
        doc = _json.loads(card.to_bytes())
        doc["display_name"] = edit
        with pytest.raises(IdentityCardError):
            IdentityCard.parse(_json.dumps(doc).encode("utf-8"))
    unnamed = new_identity("", "", datetime(2026, 3, 1, tzinfo=UTC)).card()
    assert IdentityCard.parse(unnamed.to_bytes()).display_name == ""
