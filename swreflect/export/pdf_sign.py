"""Attach the signed records to a rendered PDF and sign the whole file (PAdES B-B, pyHanko).

Layout of a swreflect PDF (what ``verify`` relies on):

- revision 1: the visible document as ``pdf_render`` lays it out (deterministic bytes);
- revision 2, one incremental update, covered by one PAdES signature (``/ETSI.CAdES.detached``,
  SHA-256, ECDSA P-256 with the exporting person's self-signed identity certificate):
  - embedded file ``swreflect-export.json``: the manifest ``{"format": "swreflect-export",
    "version": 1, "renderer": ..., "records": [<attachment names in page order>]}``;
  - one embedded file per record (``swreflect-record.json``, or ``swreflect-record-001.json``
    and on for a batch) holding ``SignedRecord.to_json()`` in canonical form;
  - the signature field ``swreflect-export``, invisible.

No timestamp authority and no revocation data are used: signing never touches the network.
pyHanko imports aiohttp for its optional online features; nothing here calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from io import BytesIO
from typing import Any, Protocol

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from swreflect.errors import CertificateNameError
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.cert_name import pdf_signable
from swreflect.signing.records import SignedRecord

MANIFEST_NAME = "swreflect-export.json"
MANIFEST_FORMAT = "swreflect-export"
MANIFEST_VERSION = 1
FIELD_NAME = "swreflect-export"


class SigningIdentity(Protocol):
    """What the exporter needs of the vault owner's identity (``signing.identity.Identity``)."""

    @property
    def display_name(self) -> str: ...

    @property
    def private_key(self) -> ec.EllipticCurvePrivateKey: ...

    @property
    def certificate(self) -> x509.Certificate: ...


def attachment_names(count: int) -> list[str]:
    if count == 1:
        return ["swreflect-record.json"]
    return [f"swreflect-record-{index:03d}.json" for index in range(1, count + 1)]


def manifest(renderer: str, names: list[str]) -> dict[str, Any]:
    return {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "renderer": renderer,
        "records": names,
    }


def _embed(writer: Any, name: str, data: bytes, description: str) -> None:
    from pyhanko.pdf_utils import embed, generic

    stream = embed.EmbeddedFileObject.from_file_data(
        writer, data, mime_type="application/json", params=embed.EmbeddedFileParams()
    )
    embed.embed_file(
        writer,
        embed.FileSpec(
            file_spec_string=name,
            file_name=name,
            embedded_data=stream,
            description=description,
            af_relationship=generic.NameObject("/Source"),
        ),
    )


def _clocked_signer_class() -> type:
    from pyhanko.sign import signers

    class ClockedPdfSigner(signers.PdfSigner):
        """A PdfSigner whose signing time comes from swreflect's injected clock."""

        signing_time: datetime

        def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = self.signing_time
            return session

    return ClockedPdfSigner


def sign_pdf(
    unsigned: bytes,
    records: Sequence[SignedRecord],
    *,
    renderer: str,
    title: str,
    identity: SigningIdentity,
    now: datetime,
) -> bytes:
    """``unsigned`` with the records attached and a PAdES signature over the whole file."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    writer = IncrementalPdfFileWriter(BytesIO(unsigned))
    names = attachment_names(len(records))
    _embed(
        writer,
        MANIFEST_NAME,
        canonical_bytes(manifest(renderer, names)),
        "What this swreflect export contains",
    )
    for name, signed in zip(names, records, strict=True):
        _embed(
            writer,
            name,
            canonical_bytes(signed.to_json()),
            "The agreed record and its signatures",
        )
    meta_info = writer.document_meta
    meta_info.title = title
    meta_info.created = now  # pyHanko stamps the modification date itself

    cert_der = identity.certificate.public_bytes(serialization.Encoding.DER)
    if not pdf_signable(cert_der):  # a certificate made before names were kept to what fits
        raise CertificateNameError()
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    certificate = asn1_x509.Certificate.load(cert_der)
    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=identity.display_name,
        reason="Exported an agreed supervision record from swreflect",
    )
    pdf_signer = _clocked_signer_class()(meta, signer=signer)
    pdf_signer.signing_time = now
    out = BytesIO()
    pdf_signer.sign_pdf(writer, output=out, bytes_reserved=reserved_for_signature(cert_der))
    return out.getvalue()


def reserved_for_signature(cert_der: bytes) -> int:
    """Hex digits to reserve in ``/Contents`` for the signature container.

    Without it pyHanko signs a dummy container first just to measure it, about a third of
    every export's time. The container holds the certificate twice, its issuer name once
    more (no longer than the certificate), three signed attributes and an ECDSA signature of
    at most 72 bytes: three certificates' worth plus 1 KiB is more than it can need. Hex
    doubles it; the rest is zero padding (which verification requires to be all zeros)."""
    return 2 * (3 * len(cert_der) + 1024)
