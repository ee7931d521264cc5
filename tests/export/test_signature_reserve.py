"""The signature space is reserved up front, so an export signs once, not twice (issue 16:
a full record in at most 150 ms), and the space is enough for the longest names."""

from __future__ import annotations

import re

import pytest
from cryptography.hazmat.primitives import serialization

from swreflect.export.pdf_record import build_pdf
from swreflect.export.pdf_sign import reserved_for_signature
from swreflect.export.verify import verify_pdf
from tests.export.conftest import EXPORTED_AT
from tests.export.factory import make_identity, make_record, sign_both


def _container_bytes(data: bytes) -> int:
    found = re.search(rb"/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data)
    assert found is not None
    first, second = int(found.group(2)), int(found.group(3))
    return len(bytes.fromhex(data[first + 1 : second - 1].decode()).rstrip(b"\0"))


def test_an_export_signs_once_without_a_dry_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyhanko.sign.signers.pdf_signer import PdfSigningSession

    async def no_dry_run(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("pyHanko was asked to measure the signature with a dummy one")

    monkeypatch.setattr(PdfSigningSession, "estimate_signature_container_size", no_dry_run)
    supervisor, supervisee = make_identity("Sam Okafor"), make_identity("Ana Ruiz")
    data = build_pdf([sign_both(make_record(), supervisor, supervisee)], supervisor, EXPORTED_AT)
    assert verify_pdf(data).pdf_signer.name == "Sam Okafor"


@pytest.mark.parametrize("name", ["X" * 64, "Жанна Ω " * 4, "Zoë Ó Súilleabháin"])
def test_the_reserved_space_holds_the_longest_names(name: str) -> None:
    supervisor, supervisee = make_identity(name), make_identity("Ольга Петренко")
    data = build_pdf([sign_both(make_record(), supervisor, supervisee)], supervisor, EXPORTED_AT)
    verify_pdf(data)
    cert = supervisor.certificate.public_bytes(serialization.Encoding.DER)
    used, reserved = _container_bytes(data), reserved_for_signature(cert) // 2
    assert used < reserved < 2 * used  # enough, without wasting kilobytes
