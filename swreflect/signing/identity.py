"""Signing identities and identity cards.

Each vault owner has one identity: an ECDSA P-256 private key and a self-signed X.509
certificate naming them. The certificate's SHA-256 fingerprint (``certificate_fingerprint``)
is what two people compare aloud when they pair; the same key also receives exchange files
(ECDH, see ``exchange``).

An identity card is the public half, as a small UTF-8 JSON file::

    {"format": "swreflect-identity-card", "version": 1, "display_name": "...",
     "role": "supervisor" | "supervisee" | "", "certificate_pem": "-----BEGIN ...",
     "fingerprint": "<hex sha-256 of the certificate DER>"}

Parsing a card checks that the fingerprint really belongs to the certificate and that the key
is P-256, so a card can't claim one fingerprint while carrying another key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from swreflect.errors import IdentityCardError
from swreflect.signing.cert_name import UNNAMED as UNNAMED
from swreflect.signing.cert_name import carried_whole, certificate_name
from swreflect.signing.records import certificate_fingerprint, format_fingerprint

CARD_FORMAT = "swreflect-identity-card"
CARD_VERSION = 1
CERT_VALIDITY_DAYS = 365 * 30
MAX_CARD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Identity:
    """The vault owner's own identity: private key and certificate."""

    display_name: str
    role: str
    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)

    @property
    def short_fingerprint(self) -> str:
        return format_fingerprint(self.fingerprint)

    @property
    def public_key(self) -> ec.EllipticCurvePublicKey:
        return self.private_key.public_key()

    def private_key_pem(self) -> str:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode("ascii")

    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def card(self) -> IdentityCard:
        return IdentityCard(self.display_name, self.role, self.certificate_pem(), self.fingerprint)

    @classmethod
    def from_pem(cls, display_name: str, role: str, key_pem: str, cert_pem: str) -> Identity:
        key = serialization.load_pem_private_key(key_pem.encode("ascii"), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError("stored identity key is not an EC key")
        cert = x509.load_pem_x509_certificate(cert_pem.encode("ascii"))
        return cls(display_name, role, key, cert)


def new_identity(display_name: str, role: str, now: datetime) -> Identity:
    """A fresh P-256 key and a self-signed certificate carrying the owner's display name (as
    far as PDF signature checkers accept it: ``cert_name.certificate_name``)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, certificate_name(display_name)),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "swreflect signing identity"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=CERT_VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=True,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return Identity(display_name, role, key, cert)


@dataclass(frozen=True)
class IdentityCard:
    """The public half of someone's identity, as exchanged between two people."""

    display_name: str
    role: str
    certificate_pem: str
    fingerprint: str

    @property
    def short_fingerprint(self) -> str:
        return format_fingerprint(self.fingerprint)

    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem.encode("ascii"))

    def public_key(self) -> ec.EllipticCurvePublicKey:
        key = self.certificate().public_key()
        assert isinstance(key, ec.EllipticCurvePublicKey)
        return key

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "display_name": self.display_name,
            "role": self.role,
            "certificate_pem": self.certificate_pem,
            "fingerprint": self.fingerprint,
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def parse(cls, data: bytes) -> IdentityCard:
        """Read a card file; any problem is an ``IdentityCardError`` (never another exception)."""
        if len(data) > MAX_CARD_BYTES:
            raise IdentityCardError()
        try:
            obj = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise IdentityCardError() from exc
        if not isinstance(obj, dict) or obj.get("format") != CARD_FORMAT:
            raise IdentityCardError()
        if obj.get("version") != CARD_VERSION:
            raise IdentityCardError(
                "That identity card was made by a newer version of swreflect. Nothing was "
                "changed; please update swreflect."
            )
        fields = ("display_name", "role", "certificate_pem", "fingerprint")
        if any(not isinstance(obj.get(f), str) for f in fields):
            raise IdentityCardError()
        card = cls(*(obj[f] for f in fields))
        return validate_card(card)


def validate_card(card: IdentityCard) -> IdentityCard:
    """Check the card's key is P-256 and its fingerprint is the certificate's own."""
    try:
        cert = card.certificate()
        key = cert.public_key()
    except Exception as exc:  # untrusted bytes: the X.509 parser raises many kinds
        raise IdentityCardError() from exc
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise IdentityCardError(
            "That identity card holds a kind of key swreflect doesn't use. Nothing was changed."
        )
    if certificate_fingerprint(cert) != card.fingerprint.lower():
        raise IdentityCardError(
            "That identity card's fingerprint doesn't match its key, so it can't be trusted. "
            "Nothing was changed."
        )
    # D10: the name shown for this person is the one their own key signed into the
    # certificate; a card edited to say someone else is refused.
    try:
        cert.verify_directly_issued_by(cert)
    except Exception as exc:  # InvalidSignature, ValueError, TypeError
        raise IdentityCardError() from exc
    common = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    signed_name = str(common[0].value) if common else ""
    # A name with characters certificates can't carry (emoji, say) is signed without them
    # (``cert_name``): such a card is shown by the signed name, never by the unsigned extras.
    shown = card.display_name if card.display_name.strip() else UNNAMED
    shortened = not carried_whole(card.display_name)
    if signed_name != shown and not (shortened and signed_name == certificate_name(shown)):
        raise IdentityCardError(
            "That identity card's name doesn't match the name signed into its key, so it "
            "may have been edited. Nothing was changed; ask for a fresh card."
        )
    name = card.display_name if signed_name == shown else signed_name
    return IdentityCard(name, card.role, card.certificate_pem, card.fingerprint.lower())
