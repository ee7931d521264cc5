"""Check a swreflect PDF offline: its signature, the records inside it, and what it shows.

Checks, in order; the first that fails stops with a one-line reason (``VerificationFailedError``):

1. it is a PDF carrying swreflect's manifest and signature field (else "not a swreflect record");
2. the PAdES signature is intact and valid, made with the certificate it carries (self-signed,
   so it is trusted for integrity only: who it is comes from the fingerprint, compared with a
   pairing or read aloud), and covers the whole file: nothing was added after signing;
3. every attached record's own signatures are valid (``signing.records.verify_all``), each record
   has the agreement of both roles, and the PDF was signed by one of the record's signers;
4. the pages show exactly the attached records (see ``visible``).

No network is used: pyHanko validates with ``allow_fetching=False`` and no revocation fetching.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from swreflect.errors import NotASwreflectRecordError, VerificationFailedError
from swreflect.export.pdf_sign import FIELD_NAME, MANIFEST_FORMAT, MANIFEST_NAME, MANIFEST_VERSION
from swreflect.models.vocab import Role
from swreflect.signing.canonical import canonical_bytes
from swreflect.signing.records import SignatureEntry, SignedRecord, verify_all

MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_ATTACHMENT = 16 * 1024 * 1024


@dataclass(frozen=True)
class PdfSigner:
    name: str
    fingerprint: str
    signed_at: datetime | None


@dataclass
class VerificationReport:
    """What a valid file proved. Only built when every check passed."""

    pdf_signer: PdfSigner
    records: list[SignedRecord]
    layout: str
    notes: list[str] = field(default_factory=list)

    def signatures(self) -> list[SignatureEntry]:
        return [entry for signed in self.records for entry in signed.signatures]


def verify_file(path: Path) -> VerificationReport:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise VerificationFailedError("That file couldn't be read.") from exc
    if len(data) > MAX_PDF_BYTES:
        raise VerificationFailedError("That file is too large to be a swreflect export.")
    return verify_pdf(data)


def verify_pdf(data: bytes) -> VerificationReport:
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not data[:1024].lstrip()[:5] == b"%PDF-":
        raise NotASwreflectRecordError("This is not a swreflect record: it isn't a PDF at all.")
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        attachments = _attachments(reader)
        signatures = list(reader.embedded_signatures)
    except VerificationFailedError:
        raise
    except Exception as exc:  # a damaged file can fail anywhere inside the PDF parser
        raise VerificationFailedError("The PDF is damaged and can't be checked.") from exc
    if MANIFEST_NAME not in attachments and not any(s.field_name == FIELD_NAME for s in signatures):
        raise NotASwreflectRecordError()
    if len(signatures) != 1 or signatures[0].field_name != FIELD_NAME:
        raise VerificationFailedError("The PDF doesn't carry exactly one swreflect signature.")
    used = _check_signature_gap(data, signatures[0])
    signer = _check_pdf_signature(signatures[0])
    from swreflect.export.cms_strict import check_container

    check_container(used, signatures[0].signer_cert.dump())
    _check_no_actions(reader)
    records, renderer = _read_records(attachments)
    for signed in records:
        _check_record(signed, signer)
    from swreflect.export.visible import check_visible

    layout, notes = check_visible(data, records, renderer)
    return VerificationReport(signer, records, layout, notes)


def _attachments(reader: Any) -> dict[str, bytes]:
    """Embedded files by name, from the document's flat EmbeddedFiles name tree."""
    found: dict[str, bytes] = {}
    names = reader.root.get("/Names")
    if names is None:
        return found
    tree = names.get_object().get("/EmbeddedFiles")
    if tree is None:
        return found
    flat = tree.get_object().get("/Names")
    if flat is None:
        return found
    flat = flat.get_object()
    for index in range(0, len(flat) - 1, 2):
        name = str(flat[index])
        spec = flat[index + 1].get_object()
        stream = spec["/EF"].get_object()["/F"].get_object()
        if name in found:
            raise VerificationFailedError("The PDF carries two attachments with the same name.")
        found[name] = _bounded_data(stream)
    return found


def _bounded_data(stream: Any) -> bytes:
    """An attachment's bytes, refusing anything that would unpack past ``MAX_ATTACHMENT``
    (a small file can hide a huge one; swreflect's own attachments are a few kilobytes)."""
    import zlib

    filters = stream.get("/Filter")
    encoded = bytes(stream.encoded_data)
    if filters is None:
        data = encoded
    elif str(filters) == "/FlateDecode" and "/DecodeParms" not in stream:
        inflater = zlib.decompressobj()
        data = inflater.decompress(encoded, MAX_ATTACHMENT + 1)
        if inflater.unconsumed_tail:
            data += b"x"  # more remains: certainly too large
    else:
        raise VerificationFailedError("The PDF's attachments are stored in an unexpected way.")
    if len(data) > MAX_ATTACHMENT:
        raise VerificationFailedError("An attachment in the PDF is too large to be a record.")
    return data


def _check_no_actions(reader: Any) -> None:
    """swreflect never adds scripts or open actions; a file that has them was made elsewhere."""
    root = reader.root
    names = root.get("/Names")
    scripted = names is not None and "/JavaScript" in names.get_object()
    if scripted or any(key in root for key in ("/OpenAction", "/AA")):
        raise VerificationFailedError(
            "The PDF contains actions that run when it is opened; swreflect never adds those."
        )


def _check_signature_gap(data: bytes, embedded: Any) -> bytes:
    """The only bytes a PDF signature can't cover are its own hex ``/Contents``. Require them
    to be exactly what pyHanko writes (upper-case hex of the DER signature, then zero padding);
    returns the DER, which ``cms_strict`` then accounts for byte by byte (D5)."""
    try:
        start, first, second, _ = (int(v) for v in embedded.sig_object["/ByteRange"])
        contents = bytes(embedded.sig_object["/Contents"])
    except (KeyError, TypeError, ValueError) as exc:
        raise VerificationFailedError("The PDF's signature is damaged.") from exc
    gap = data[start + first : second]
    if start != 0 or gap != b"<" + contents.hex().upper().encode("ascii") + b">":
        raise VerificationFailedError("The PDF's signature has been changed.")
    if len(contents) < 2 or contents[0] != 0x30:
        raise VerificationFailedError("The PDF's signature is damaged.")
    if contents[1] < 0x80:
        used = 2 + contents[1]
    else:
        size = contents[1] & 0x7F
        used = 2 + size + int.from_bytes(contents[2 : 2 + size], "big")
    if used > len(contents) or any(contents[used:]):
        raise VerificationFailedError("The PDF's signature has been changed.")
    return contents[:used]


def _check_pdf_signature(embedded: Any) -> PdfSigner:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from swreflect.signing.records import certificate_fingerprint

    try:
        cert = embedded.signer_cert
        when = embedded.self_reported_timestamp
        context = ValidationContext(
            trust_roots=[cert], allow_fetching=False, revocation_mode="soft-fail", moment=when
        )
        status = validate_pdf_signature(embedded, signer_validation_context=context)
    except VerificationFailedError:
        raise
    except Exception as exc:  # pyHanko raises many kinds for a malformed signature
        raise VerificationFailedError(
            "The PDF's signature is damaged: the file may have been changed."
        ) from exc
    if not status.intact or not status.valid:
        raise VerificationFailedError(
            "The PDF's signature doesn't match its content: the file has been changed."
        )
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise VerificationFailedError(
            "Something was added to the PDF after it was signed: it has been changed."
        )
    if not status.trusted:
        raise VerificationFailedError("The PDF's signing certificate isn't usable for signing.")
    from cryptography import x509 as cx509

    certificate = cx509.load_der_x509_certificate(cert.dump())
    common = certificate.subject.get_attributes_for_oid(cx509.oid.NameOID.COMMON_NAME)
    name = str(common[0].value) if common else ""
    return PdfSigner(name, certificate_fingerprint(certificate), when)


def _json(data: bytes, what: str) -> Any:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise VerificationFailedError(f"The attached {what} can't be read.") from exc
    try:
        if canonical_bytes(value) != data:
            raise VerificationFailedError(f"The attached {what} is not in swreflect's form.")
    except VerificationFailedError:
        raise
    except Exception as exc:
        raise VerificationFailedError(f"The attached {what} is not in swreflect's form.") from exc
    return value


def _read_records(attachments: dict[str, bytes]) -> tuple[list[SignedRecord], str]:
    if MANIFEST_NAME not in attachments:
        raise VerificationFailedError("The PDF is signed but its list of records is missing.")
    manifest = _json(attachments[MANIFEST_NAME], "list of records")
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise NotASwreflectRecordError()
    if manifest.get("version") != MANIFEST_VERSION:
        raise VerificationFailedError("This file was made by a newer swreflect; please update.")
    names, renderer = manifest.get("records"), manifest.get("renderer")
    if not isinstance(names, list) or not names or not isinstance(renderer, str):
        raise VerificationFailedError("The PDF's list of records is incomplete.")
    expected = {MANIFEST_NAME, *names}
    if set(attachments) != expected or len(names) != len(set(names)):
        raise VerificationFailedError("The PDF's attachments don't match its list of records.")
    records = [SignedRecord.from_json(_json(attachments[n], "record")) for n in names]
    return records, renderer


def _check_record(signed: SignedRecord, signer: PdfSigner) -> None:
    verified = verify_all(signed)
    roles = {entry.role for entry in signed.signatures}
    if not set(Role) <= roles:
        raise VerificationFailedError("A record in the PDF hasn't been agreed by both people.")
    if verified and signer.fingerprint not in {entry.fingerprint for entry in verified}:
        raise VerificationFailedError(
            "The PDF was signed by someone who didn't sign the record inside it."
        )
