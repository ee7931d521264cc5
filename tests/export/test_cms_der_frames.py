"""SECURITY.md row 14: a signature container re-encoded in another valid BER form is refused.

The container in ``/Contents`` is outside the bytes the signature covers, so a length written
in a longer form than DER allows, at any level, leaves a file pyHanko still accepts. The check
in ``export/cms_strict.py`` re-encodes the container piece by piece and checks every frame
between the pieces; these tests lengthen one header at a time (each frame the check walks,
and a header inside a piece) and put the container back in the file, padding unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from asn1crypto import parser

from swreflect.errors import VerificationFailedError
from swreflect.export.verify import verify_pdf


@dataclass
class Node:
    kind: tuple[int, int, int]
    contents: bytes = b""
    children: list[Node] = field(default_factory=list)
    long_length: bool = False  # write the length one byte longer than DER allows

    def encode(self) -> bytes:
        inner = b"".join(c.encode() for c in self.children) if self.children else self.contents
        der = parser.emit(*self.kind, inner)
        if not self.long_length:
            return der
        tag, length = der[:1], der[1 : len(der) - len(inner)]  # our tags all fit in one byte
        if length[0] < 0x80:  # short form 0xLL becomes 0x81 0xLL
            longer = b"\x81" + length
        else:  # long form 0x8N ... gains a leading zero byte
            longer = bytes([0x80 | ((length[0] & 0x7F) + 1)]) + b"\x00" + length[1:]
        return tag + longer + inner


def _tree(der: bytes, depth: int) -> Node:
    """Parse ``depth`` levels of constructed values into nodes (deeper ones stay bytes)."""
    class_, method, tag, _header, contents, _trailer = parser.parse(der, strict=True)
    node = Node((class_, method, tag), contents)
    if method == 1 and depth > 0:
        while contents:
            size = parser.peek(contents)
            node.children.append(_tree(contents[:size], depth - 1))
            contents = contents[size:]
    return node


def _container(data: bytes) -> tuple[int, int, bytes]:
    found = re.search(rb"/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data)
    assert found is not None
    first, second = int(found.group(2)), int(found.group(3))
    return first + 1, second - 1, bytes.fromhex(data[first + 1 : second - 1].decode()).rstrip(b"\0")


def _with_container(data: bytes, der: bytes) -> bytes:
    start, end, _old = _container(data)
    hexed = der.hex().upper().encode()
    assert len(hexed) <= end - start
    return data[:start] + hexed + b"0" * (end - start - len(hexed)) + data[end:]


# Paths (child indexes from the ContentInfo) of headers to lengthen: the frames the check
# walks, then headers inside pieces it re-encodes whole.
PATHS = {
    "ContentInfo": (),
    "explicit [0]": (1,),
    "SignedData": (1, 0),
    "certificate set": (1, 0, 3),
    "signer infos": (1, 0, 4),
    "SignerInfo": (1, 0, 4, 0),
    "signed attributes": (1, 0, 4, 0, 3),
    "digest algorithms (piece)": (1, 0, 1),
    "a certificate (piece)": (1, 0, 3, 0),
    "an attribute (piece)": (1, 0, 4, 0, 3, 1),  # also covered by the signature itself
    "signature value (piece)": (1, 0, 4, 0, 5),
}


def test_rebuilding_the_container_unchanged_still_verifies(signed_pdf) -> None:
    _record, data = signed_pdf
    der = _container(data)[2]
    assert _tree(der, 6).encode() == der  # the test's own rebuilder is faithful
    verify_pdf(_with_container(data, _tree(der, 6).encode()))


@pytest.mark.parametrize("where", list(PATHS))
def test_a_longer_length_form_anywhere_is_refused(signed_pdf, where: str) -> None:
    _record, data = signed_pdf
    root = _tree(_container(data)[2], 6)
    node = root
    for index in PATHS[where]:
        node = node.children[index]
    node.long_length = True
    changed = root.encode()
    assert changed != _container(data)[2]
    # The signature covers the attributes' own bytes, so pyHanko refuses that one first.
    said = "has been changed" if "attribute (piece)" in where else "signature has been changed"
    with pytest.raises(VerificationFailedError, match=said):
        verify_pdf(_with_container(data, changed))
