"""Every byte of a swreflect PDF signature container is accounted for (SECURITY.md row 14, D5).

A PDF signature covers the whole file except its own ``/Contents``: the CMS container holding
the signer's certificate and the signature. pyHanko checks the signature, but a changed byte in
a part nobody reads (the second copy of the certificate pyHanko writes, an unsigned field) would
leave a different file that still verifies. So the container must be exactly what swreflect
writes:

* DER that re-encodes to the same bytes (no alternative encodings of the same values);
* ``SignedData`` version 1, SHA-256 only, detached ``data`` content, no CRLs, one signer with
  ``issuerAndSerialNumber``, ``ecdsa-with-SHA256``, the three signed attributes pyHanko adds,
  and no unsigned attributes;
* every certificate in it byte-identical to the signer's certificate, whose self-signature
  holds (the record signatures then pin it by the SHA-256 of exactly these bytes).

The re-encoding is checked piece by piece (``_same_der``). Asking asn1crypto to re-encode the
whole container at once took about 200 ms for 1.3 KB: fields it fills with their default
values stay marked as changed, so every level above them encodes its whole subtree again each
time it is asked for its bytes. So each small piece (the version, the algorithms, each
certificate, each signed attribute, the signature value) is re-encoded on its own, and the
frames around them (ContentInfo, the explicit tag, SignedData, the certificate set, the signer
infos, each SignerInfo and its signed attributes) must have the one header DER allows and hold
exactly the expected pieces in order. None of those frames has a field with a default value,
so together this proves what the whole re-encoding proved, in a few milliseconds.
"""

from __future__ import annotations

from typing import Any

from swreflect.errors import VerificationFailedError

CHANGED = "The PDF's signature has been changed."
SIGNED_ATTRS = ["content_type", "message_digest", "signing_certificate_v2"]


def _fail() -> VerificationFailedError:
    return VerificationFailedError(CHANGED)


def check_container(der: bytes, signer_cert_der: bytes) -> None:
    """Raise ``VerificationFailedError`` unless ``der`` is exactly a swreflect signature."""
    from asn1crypto import cms

    try:
        info = cms.ContentInfo.load(der, strict=True)
        _same_der(der)
        _check_shape(info)
        certs = [c.chosen.dump(force=True) for c in info["content"]["certificates"]]
    except VerificationFailedError:
        raise
    except Exception as exc:  # any parse or structure surprise is a changed container
        raise _fail() from exc
    if not certs or any(c != signer_cert_der for c in certs):
        raise _fail()
    _check_self_signed(signer_cert_der)


# (class, constructed, tag) of the frames; universal 16 is SEQUENCE, 17 is SET.
_SEQUENCE, _SET = (0, 1, 16), (0, 1, 17)
_CONTEXT_0, _CONTEXT_1 = (2, 1, 0), (2, 1, 1)


def _same_der(der: bytes) -> None:
    """Raise unless ``der`` is a ContentInfo that re-encodes to exactly these bytes."""
    from asn1crypto import cms, core, x509

    content_type, wrapped = _frame(der, _SEQUENCE, 2)
    _piece(cms.ContentType, content_type)
    (signed_data,) = _frame(wrapped, _CONTEXT_0, 1)
    version, digests, encap, certificates, signer_infos = _frame(signed_data, _SEQUENCE, 5)
    _piece(cms.CMSVersion, version)
    _piece(cms.DigestAlgorithms, digests)
    _piece(cms.EncapsulatedContentInfo, encap)
    for certificate in _frame(certificates, _CONTEXT_0):
        _piece(x509.Certificate, certificate)
    for signer_info in _frame(signer_infos, _SET):
        version, sid, digest, signed_attrs, algorithm, signature = _frame(signer_info, _SEQUENCE, 6)
        _piece(cms.CMSVersion, version)
        _piece(cms.IssuerAndSerialNumber, sid)
        _piece(cms.DigestAlgorithm, digest)
        for attribute in _frame(signed_attrs, _CONTEXT_0):
            _piece(cms.CMSAttribute, attribute)
        _piece(cms.SignedDigestAlgorithm, algorithm)
        _piece(core.OctetString, signature)


def _frame(der: bytes, kind: tuple[int, int, int], count: int | None = None) -> list[bytes]:
    """The values inside the constructed value ``der`` of ``kind``, which must be framed by
    the shortest DER header, with nothing after it, and hold ``count`` values if given."""
    from asn1crypto import parser

    class_, method, tag, _header, contents, trailer = parser.parse(der, strict=True)
    if (class_, method, tag) != kind or trailer or parser.emit(*kind, contents) != der:
        raise _fail()
    inside: list[bytes] = []
    while contents:
        size = parser.peek(contents)
        inside.append(contents[:size])
        contents = contents[size:]
    if count is not None and len(inside) != count:
        raise _fail()
    return inside


def _piece(kind: Any, der: bytes) -> None:
    if kind.load(der, strict=True).dump(force=True) != der:
        raise _fail()


def _check_shape(info: Any) -> None:
    if info["content_type"].native != "signed_data":
        raise _fail()
    sd = info["content"]
    digests = [a["algorithm"].native for a in sd["digest_algorithms"]]
    encap = sd["encap_content_info"]
    if (
        sd["version"].native != "v1"
        or digests != ["sha256"]
        or encap["content_type"].native != "data"
        or encap["content"].native is not None
        or sd["crls"].native is not None
        or len(sd["signer_infos"]) != 1
    ):
        raise _fail()
    si = sd["signer_infos"][0]
    if (
        si["version"].native != "v1"
        or si["sid"].name != "issuer_and_serial_number"
        or si["digest_algorithm"]["algorithm"].native != "sha256"
        or si["signature_algorithm"]["algorithm"].native != "sha256_ecdsa"
        or si["signature_algorithm"]["parameters"].native is not None
        or [a["type"].native for a in si["signed_attrs"]] != SIGNED_ATTRS
        or si["unsigned_attrs"].native is not None
    ):
        raise _fail()
    cert = sd["certificates"][0].chosen
    sid = si["sid"].chosen
    if sid["serial_number"].native != cert.serial_number or sid["issuer"].dump(
        force=True
    ) != cert.issuer.dump(force=True):
        raise _fail()


def _check_self_signed(cert_der: bytes) -> None:
    from cryptography import x509

    cert = x509.load_der_x509_certificate(cert_der)
    try:
        cert.verify_directly_issued_by(cert)
    except Exception as exc:  # InvalidSignature, ValueError, TypeError
        raise _fail() from exc
