"""D5 (SECURITY.md row 14): a signed PDF with any byte changed never verifies as unchanged.

Random single-bit flips, ``SWREFLECT_PDF_FLIPS`` of them (40 in the suite, 1,000 in
``make nightly``): half anywhere in the file, half inside the DER of the CMS signature
container in ``/Contents`` (the certificate copies, signer info and signature value), where
the security review found 31 of 200 accepted. Every one must be refused.
"""

from __future__ import annotations

import os
import re

from swreflect.errors import SwreflectError
from swreflect.export.verify import verify_pdf
from tests.reliability.conftest import rng

FLIPS = int(os.environ.get("SWREFLECT_PDF_FLIPS", "40"))


def _cms_span(data: bytes) -> tuple[int, int]:
    """Where the used DER hex sits in the file (start, end), padding excluded."""
    found = re.search(rb"/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data)
    assert found is not None
    _a, first, second, _d = map(int, found.groups())
    hexed = data[first + 1 : second - 1]
    der = bytes.fromhex(hexed.decode("ascii")).rstrip(b"\0")
    return first + 1, first + 1 + 2 * len(der)


def _refused(data: bytes) -> bool:
    try:
        verify_pdf(data)
    except SwreflectError:
        return True
    return False


def test_every_flipped_byte_is_refused(signed_pdf: tuple[object, bytes]) -> None:
    data = signed_pdf[1]
    assert not _refused(data)
    start, end = _cms_span(data)
    random = rng()
    accepted: list[str] = []
    for n in range(FLIPS):
        changed = bytearray(data)
        if n % 2:
            # Inside the container: flip a bit of one DER byte and write it back as hex.
            index = start + 2 * random.randrange((end - start) // 2)
            value = int(data[index : index + 2], 16) ^ (1 << random.randrange(8))
            changed[index : index + 2] = f"{value:02X}".encode("ascii")
        else:
            index = random.randrange(len(data))
            changed[index] ^= 1 << random.randrange(8)
        if not _refused(bytes(changed)):
            accepted.append(f"offset {index}")
    print(f"PDF flips: {FLIPS - len(accepted)}/{FLIPS} refused")
    assert accepted == []
