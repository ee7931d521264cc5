"""The name written into a signing certificate, kept to what PDF signature tools can read.

A PDF signature is checked with the certificate it carries, and the checker (pyHanko, through
asn1crypto) compares names after the LDAP string preparation of RFC 4518, which refuses
characters Unicode 3.2 did not have (emoji, some newer letters), private-use characters and a
name mixing left-to-right and right-to-left letters. A certificate named that way can't sign or
be checked: the export failed with an error from deep inside pyHanko. So the certificate gets
the display name without the characters that fail (``Sam 🌻 Okafor`` becomes ``Sam Okafor``),
or ``UNNAMED`` when what is left still fails or is empty; the app keeps showing the display name
as written (it is stored beside the certificate). ``pdf_signable`` tells whether an existing
certificate can sign a PDF (made before this rule, it may not).
"""

from __future__ import annotations

import unicodedata

UNNAMED = "swreflect user"  # the certificate name of an identity made without a usable name


def _prepares(text: str) -> bool:
    """True if a certificate common name of ``text`` survives the checkers' name preparation."""
    from asn1crypto import x509 as asn1_x509

    try:
        asn1_x509.Name.build({"common_name": text}).hashable  # noqa: B018 - runs the preparation
    except ValueError:
        return False
    return True


def _visible(ch: str) -> bool:
    """Not a control, format, private-use or unassigned code point, nor a variation selector
    (what stays of an emoji sequence once its pictures are gone)."""
    if 0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF:
        return False
    return unicodedata.category(ch) not in {"Cc", "Cf", "Co", "Cn", "Cs"}


def certificate_name(display_name: str) -> str:
    """The common name for a new certificate: ``display_name`` less what PDF checkers refuse."""
    name = " ".join(display_name.split())
    if name and _prepares(name):
        return name
    kept = "".join(ch for ch in name if ch.isspace() or (_visible(ch) and _prepares(ch)))
    kept = " ".join(kept.split())
    return kept if kept and _prepares(kept) else UNNAMED


def carried_whole(display_name: str) -> bool:
    """Whether a certificate can carry ``display_name`` as it is (else ``certificate_name``
    leaves some of it out)."""
    name = " ".join(display_name.split())
    return not name or _prepares(name)


def pdf_signable(certificate_der: bytes) -> bool:
    """Whether a certificate's names let it sign a PDF that can be checked."""
    from asn1crypto import x509 as asn1_x509

    try:
        cert = asn1_x509.Certificate.load(certificate_der)
        cert.subject.hashable  # noqa: B018 - runs the preparation
        cert.issuer.hashable  # noqa: B018
    except ValueError:
        return False
    return True
