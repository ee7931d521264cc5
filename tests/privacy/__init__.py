"""Canary scanning, shared by every test that promises "no plaintext on disk".

Write a unique canary through the app, run a scripted session, then call
``assert_no_canaries([folders...], [canaries...])``. Each canary is searched for as UTF-8 and
as UTF-16 (little- and big-endian) bytes in every regular file under the given folders
(recursively, following nothing outside them). Also usable on captured output via
``find_in_bytes``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


@dataclass(frozen=True)
class CanaryHit:
    where: str
    canary: str
    encoding: str

    def __str__(self) -> str:
        return f"{self.canary!r} found as {self.encoding} in {self.where}"


def new_canary(label: str = "CANARY") -> str:
    """A string that cannot occur by chance, e.g. ``CANARY-7f3a...-ZQX``."""
    return f"{label}-{secrets.token_hex(12)}-ZQX"


def _needles(canaries: Iterable[str]) -> list[tuple[str, str, bytes]]:
    return [(c, enc, c.encode(enc)) for c in canaries for enc in ENCODINGS]


def find_in_bytes(data: bytes, canaries: Iterable[str], where: str = "<bytes>") -> list[CanaryHit]:
    return [
        CanaryHit(where, canary, enc)
        for canary, enc, needle in _needles(canaries)
        if needle in data
    ]


def files_under(roots: Iterable[Path]) -> list[Path]:
    """Every regular file under ``roots`` (symlinks are not followed)."""
    found: list[Path] = []
    for root in roots:
        root = Path(root)
        if root.is_file():
            found.append(root)
            continue
        for dirpath, _dirs, names in os.walk(root, followlinks=False):
            for name in names:
                path = Path(dirpath) / name
                if path.is_file() and not path.is_symlink():
                    found.append(path)
    return found


def find_canaries(roots: Iterable[Path], canaries: Iterable[str]) -> list[CanaryHit]:
    canaries = list(canaries)
    hits: list[CanaryHit] = []
    for path in files_under(roots):
        hits += find_in_bytes(path.read_bytes(), canaries, str(path))
    return hits


def assert_no_canaries(roots: Iterable[Path], canaries: Iterable[str]) -> int:
    """Fail with every hit listed; returns how many files were scanned (to assert > 0)."""
    roots = list(roots)
    canaries = list(canaries)
    assert canaries, "no canaries to look for"
    hits = find_canaries(roots, canaries)
    assert not hits, "plaintext found on disk:\n" + "\n".join(map(str, hits))
    return len(files_under(roots))


def inflated(data: bytes) -> bytes:
    """``data`` followed by every zlib stream inside it that inflates (PDF content, fonts,
    attachments are Flate-compressed, so a raw scan alone would miss text in a PDF)."""
    import re
    import zlib

    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end == -1:
            continue
        try:
            parts.append(zlib.decompressobj().decompress(data[start:end]))
        except zlib.error:
            continue
    return b"\n".join(parts)
