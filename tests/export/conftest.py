"""Fixtures for export tests: two signing identities, an agreed record, its signed PDF."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from swreflect.signing.records import SignedRecord
from tests.export.factory import TestIdentity, make_identity, make_record, sign_both

EXPORTED_AT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def supervisor() -> TestIdentity:
    return make_identity("Zoë Ó Súilleabháin")


@pytest.fixture(scope="session")
def supervisee() -> TestIdentity:
    return make_identity("Ольга Петренко")


@pytest.fixture
def signed(supervisor: TestIdentity, supervisee: TestIdentity) -> SignedRecord:
    return sign_both(make_record(), supervisor, supervisee)


@pytest.fixture(scope="session")
def signed_pdf(supervisor: TestIdentity, supervisee: TestIdentity) -> tuple[SignedRecord, bytes]:
    """One exported record, built once: (the signed record, the PDF bytes)."""
    from swreflect.export.pdf_record import build_pdf

    record = sign_both(make_record(), supervisor, supervisee)
    return record, build_pdf([record], supervisor, EXPORTED_AT)
